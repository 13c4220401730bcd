using System.Globalization;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Attendance;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;
using static Livelihood.Web.Features.Dashboard.DashboardQueries;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's pre-aggregates (DashboardAggregatesJob) give the figures the rows give: on the hand-built
/// <see cref="DashboardData"/>, for periods of whole months and periods cut inside months, in every split.
/// </summary>
public sealed class AggregateTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2025, 10, 1), new(2026, 9, 30)),
        (new(2026, 10, 1), new(2027, 9, 30)),
        (new(2025, 10, 15), new(2026, 9, 14)),
        (new(2025, 9, 30), new(2026, 10, 1)),
        (new(2026, 9, 10), new(2026, 9, 29)),
    ];

    private static readonly string[] Splits = [Dimensions.None, Dimensions.Sex, Dimensions.District, Dimensions.Cohort, Dimensions.AgeBand];

    /// <summary>Every figure of every line and month, for every period and split, as text to compare.</summary>
    private async Task<List<string>> AllFiguresAsync(DashboardData data)
    {
        var all = new List<string>();
        foreach (var (from, to) in Periods)
        foreach (var split in Splits)
        {
            var figures = await data.FiguresAsync(split, from: from, to: to);
            foreach (var line in figures.Groups.Prepend(figures.Total))
                all.AddRange(line.Values.Select(v => $"{from} {to} {split} [{line.Key}] {v.Key} = {v.Value?.ToString(CultureInfo.InvariantCulture)}"));
            all.AddRange(figures.Months.Select(m => $"{from} {to} {split} {m.YearMonth}: {m.Enrolled} {m.Sales} {m.Expenses} {m.Payouts}"));
        }
        return all;
    }

    private Task BuildAsync() => App.WithServicesAsync(async s =>
    {
        await s.GetRequiredService<DashboardAggregatesJob>().RunAsync();
        return 0;
    });

    /// <summary>Forgets that the aggregates were built: the dashboard then computes every day from the rows.</summary>
    private async Task<List<string>> LiveFiguresAsync(DashboardData data)
    {
        await App.QueryAsync(db => db.ExecuteAsync("DELETE FROM DashboardAggregates"));
        return await AllFiguresAsync(data);
    }

    /// <summary>Saves marks for C2's held session of 29 Sep as the roster does (a save after the paper sheet came in).</summary>
    private Task SaveC2SessionOf29SepAsync(DashboardData data, string submission, params RosterQueries.Entry[] marks)
        => App.WithServicesAsync(async s =>
        {
            var roster = s.GetRequiredService<RosterQueries>();
            var db = s.GetRequiredService<DbSession>();
            var sessionId = await db.QuerySingleAsync<long>("SELECT Id FROM Sessions WHERE CohortId = @C2 AND SessionDate = @day",
                new { data.C2, day = new DateOnly(2026, 9, 29) });
            var userId = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Users");
            return await roster.SaveAsync((await roster.SessionAsync(sessionId))!, submission, marks,
                new RosterQueries.Provenance(AttendanceMarks.Sources.Online, TimeSpan.Zero), userId);
        });

    [Test]
    public async Task Figures_from_the_built_aggregates_equal_the_ones_computed_from_the_rows()
    {
        var data = await DashboardData.CreateAsync(App);
        var live = await AllFiguresAsync(data);

        await BuildAsync();
        var built = await AllFiguresAsync(data);

        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceMonths")), Is.GreaterThan(0));
        Assert.That(built, Is.EqualTo(live));
    }

    [Test]
    public async Task A_mark_saved_and_an_entry_voided_after_the_build_refresh_the_aggregates()
    {
        var data = await DashboardData.CreateAsync(App);
        await BuildAsync();

        // Ann's unmarked session of 29 Sep in C2 is marked present, late, from the roster; a manager voids G1's sale of 1 Oct.
        await SaveC2SessionOf29SepAsync(data, "late-paper-sheet", new RosterQueries.Entry(data.AnnC2, "Present", null, 0, App.Clock.Now.UtcDateTime));
        var saleId = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM LedgerEntries WHERE GroupId = @G1 AND Amount = 100000", new { data.G1 }));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Ledger/Void/{saleId}", new() { ["Reason"] = "ลงซ้ำ" });
        // Fon's only payout is voided too: she is no longer among the members paid, though her month's line is gone.
        var payoutId = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM LedgerEntries WHERE GroupId = @G1 AND Amount = 5000", new { data.G1 }));
        await manager.PostFormAsync($"/Ledger/Void/{payoutId}", new() { ["Reason"] = "จ่ายซ้ำ" });
        // A sale recorded after the build, in a month that had no sales line: 2 × 15.50 baht.
        var product = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@G1, 'ผ้าทอ', 'ผืน', 1550, @now)", new { data.G1, now = App.Clock.Now.UtcDateTime }));
        var recorded = await manager.PostFormAsync($"/Ledger/Record/{data.G1}", new()
        {
            ["Entry.Kind"] = "Sale", ["Entry.EntryDate"] = "2026-08-10", ["Entry.ProductId"] = product.ToString(CultureInfo.InvariantCulture),
            ["Entry.Quantity"] = "2", ["Entry.UnitPrice"] = "15.50", ["Entry.Channel"] = "VillageMarket", ["Entry.SubmissionId"] = "after-build",
        });
        Assert.That(recorded.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), await recorded.Content.ReadAsStringAsync());

        var total = (await data.FiguresAsync()).Total;
        var refreshed = await AllFiguresAsync(data);
        var live = await LiveFiguresAsync(data);
        Assert.Multiple(() =>
        {
            // Ann in C2 now 100 of 200 minutes: (100 + 50 + 50) / 3; G1's sales of the year less 1 000, plus 31.
            Assert.That(total["AttendanceRate"], Is.EqualTo(66.7m));
            Assert.That(total["Sales"], Is.EqualTo(241m));
            Assert.That(refreshed, Is.EqualTo(live));
        });
    }

    [Test]
    public async Task A_mark_changed_on_a_held_session_after_the_build_moves_its_minutes_in_the_aggregate()
    {
        var data = await DashboardData.CreateAsync(App);
        await BuildAsync();

        // The session of 29 Sep in C2 marked, then corrected: Ann absent then present, Dao present then excused (Dao was
        // late on 15 Sep: a wrong excused figure would move his rate).
        // The correction is made on a roster that showed the first marks (version 1).
        foreach (var (ann, dao, submission, shown) in new[] { ("Absent", "Present", "first", 0), ("Present", "Excused", "second", 1) })
            await SaveC2SessionOf29SepAsync(data, submission, new RosterQueries.Entry(data.AnnC2, ann, null, shown, App.Clock.Now.UtcDateTime),
                new RosterQueries.Entry(data.DaoC2, dao, null, shown, App.Clock.Now.UtcDateTime));

        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM AttendanceMarks WHERE EnrollmentId IN (@AnnC2, @DaoC2) AND Mark IN ('Excused', 'Present')", new { data.AnnC2, data.DaoC2 })),
            Is.GreaterThanOrEqualTo(2), "both corrections were saved");
        var refreshed = await AllFiguresAsync(data);
        Assert.That(refreshed, Is.EqualTo(await LiveFiguresAsync(data)));
    }
}
