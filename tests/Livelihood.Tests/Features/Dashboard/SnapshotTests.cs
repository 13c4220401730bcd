using System.Text.Json;
using System.Text.Json.Nodes;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using static Livelihood.Web.Features.Dashboard.DashboardQueries;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>
/// The figures the dashboard keeps (DashboardSnapshotQueries, migration 0021): read back as computed; after any write
/// that touches the period, whatever code makes it, computed again, or shown marked as counted earlier in the
/// dashboard's own view while recent. The hand-built
/// <see cref="DashboardData"/>'s fiscal year (1 Oct 2025 – 30 Sep 2026) has ended on the test clock's day (29 Nov 2026).
/// </summary>
public sealed class SnapshotTests(DatabaseProvider provider) : AppFixture(provider)
{
    /// <summary>Put in the kept copy's total line, so a view that reads the kept copy shows it.</summary>
    private const string Marker = "read from the kept copy";

    private Task<Figures> LiveAsync(string dimension = Dimensions.None)
        => App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>().ComputeLiveAsync(DashboardData.From, DashboardData.To, new(), dimension));

    private Task<int> KeptCountAsync() => App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM DashboardSnapshots"));

    /// <summary>Keeps the year's figures, then marks the kept copy.</summary>
    private async Task KeepMarkedAsync(DashboardData data)
    {
        await data.FiguresAsync();
        await MarkKeptAsync();
    }

    /// <summary>Marks the one kept copy.</summary>
    private async Task MarkKeptAsync()
    {
        var kept = JsonNode.Parse(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Figures FROM DashboardSnapshots")))!;
        kept["Total"]!["Name"] = Marker;
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE DashboardSnapshots SET Figures = @figures", new { figures = kept.ToJsonString() }));
    }

    [Test]
    public async Task The_figures_of_a_period_that_has_ended_are_kept_and_read_back_as_computed()
    {
        var data = await DashboardData.CreateAsync(App);
        foreach (var split in new[] { Dimensions.None, Dimensions.Sex, Dimensions.Village, Dimensions.AgeBand })
        {
            var live = JsonSerializer.Serialize(await LiveAsync(split));
            var first = await data.FiguresAsync(split);
            var again = await data.FiguresAsync(split);
            Assert.That(JsonSerializer.Serialize(first), Is.EqualTo(live), split);
            Assert.That(JsonSerializer.Serialize(again), Is.EqualTo(live), split);
            Assert.That(again.Total["Enrolled"], Is.EqualTo(3));
        }
        Assert.That(await KeptCountAsync(), Is.EqualTo(4));

        await App.QueryAsync(db => db.ExecuteAsync("DELETE FROM DashboardSnapshots"));
        await KeepMarkedAsync(data);
        Assert.That((await data.FiguresAsync()).Total.Name, Is.EqualTo(Marker));
    }

    [Test]
    public async Task The_figures_of_a_period_not_yet_ended_are_kept_too()
    {
        var data = await DashboardData.CreateAsync(App);
        var running = await data.FiguresAsync(from: new(2026, 10, 1), to: new(2026, 11, 29));
        Assert.That(await KeptCountAsync(), Is.EqualTo(1));
        await MarkKeptAsync();
        var again = await data.FiguresAsync(from: new(2026, 10, 1), to: new(2026, 11, 29));
        Assert.That(running.Total["Sales"], Is.EqualTo(400m));
        Assert.That(again.Total.Name, Is.EqualTo(Marker), "read back from the kept copy");
        Assert.That(again.CountedAt, Is.Null, "up to date");
    }

    /// <summary>The dashboard's own view (recent is enough) of the year's figures.</summary>
    private Task<Figures> ViewAsync()
        => App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>().ComputeAsync(DashboardData.From, DashboardData.To, new(), Dimensions.None,
            recentIsEnough: true));

    [Test]
    public async Task The_dashboard_shows_kept_figures_a_change_made_stale_while_recent_with_when_they_were_counted()
    {
        var data = await DashboardData.CreateAsync(App);
        var counted = App.Clock.Now.UtcDateTime;
        await KeepMarkedAsync(data);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await data.LedgerAsync(data.G2, "Sale", "2026-03-01", 5_000);

        App.Clock.Advance(DashboardSnapshotQueries.RecentEnough - TimeSpan.FromMinutes(1));
        var recent = await ViewAsync();
        var upToDate = await data.FiguresAsync();
        await KeepMarkedAsync(data);
        var recounted = App.Clock.Now.UtcDateTime;
        await data.LedgerAsync(data.G2, "Sale", "2026-03-02", 5_000);
        App.Clock.Advance(DashboardSnapshotQueries.RecentEnough + TimeSpan.FromSeconds(1));
        var old = await ViewAsync();
        var live = await LiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That(recent.Total.Name, Is.EqualTo(Marker), "the kept figures, counted 15 minutes ago");
            Assert.That(recent.CountedAt, Is.EqualTo(counted));
            Assert.That(upToDate.Total.Name, Is.Not.EqualTo(Marker), "exports and the donor report count again");
            Assert.That(upToDate.CountedAt, Is.Null);
            Assert.That(upToDate.Total["Sales"], Is.EqualTo(1_260m));
            Assert.That(JsonSerializer.Serialize(old), Is.EqualTo(JsonSerializer.Serialize(live)), $"counted again: the kept ones, of {recounted}, are older than 15 minutes");
            Assert.That(old.CountedAt, Is.Null);
            Assert.That(live.Total["Sales"], Is.EqualTo(1_310m));
        });
    }

    /// <summary>A write made straight in SQL (the triggers see every write, whatever makes it).</summary>
    public sealed record Write(string Name, bool TouchesTheYear, Func<TestApp, DashboardData, Task> Run)
    {
        public override string ToString() => Name;
    }

    private static Write Sql(string name, bool touches, string sql, Func<DashboardData, object> param)
        => new(name, touches, (app, d) => app.QueryAsync(db => db.ExecuteAsync(sql, param(d))));

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static readonly Write[] Writes =
    [
        new("a sale recorded in the year", true, (_, d) => d.LedgerAsync(d.G2, "Sale", "2026-03-01", 5_000)),
        new("a sale recorded after it", false, (_, d) => d.LedgerAsync(d.G2, "Sale", "2026-10-15", 5_000)),
        Sql("a sale of the year voided", true, "UPDATE LedgerEntries SET VoidedAt = EntryDate, VoidReason = 'x' WHERE GroupId = @G1 AND EntryDate = @day",
            d => new { d.G1, day = Day(2025, 10, 1) }),
        Sql("a mark changed on a session of the year", true,
            "UPDATE AttendanceMarks SET Mark = 'Absent' WHERE EnrollmentId = @AnnC1 AND SessionId IN (SELECT Id FROM Sessions WHERE SessionDate = @day)",
            d => new { d.AnnC1, day = Day(2026, 1, 10) }),
        Sql("a mark changed on a session after it", false,
            "UPDATE AttendanceMarks SET Mark = 'Absent' WHERE EnrollmentId = @AnnC2 AND SessionId IN (SELECT Id FROM Sessions WHERE SessionDate = @day)",
            d => new { d.AnnC2, day = Day(2026, 10, 2) }),
        Sql("a session of the year cancelled", true, "UPDATE Sessions SET Status = 'Cancelled' WHERE CohortId = @C1 AND SessionDate = @day",
            d => new { d.C1, day = Day(2026, 1, 10) }),
        Sql("a session planned after it", false,
            "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@C2, @day, '09:00', 60, 'Scheduled', @day)",
            d => new { d.C2, day = Day(2026, 11, 1) }),
        Sql("a 6-month follow-up's income corrected", true, "UPDATE FollowUps SET TotalIncomeSatang = 1 WHERE EnrollmentId = @EveC0 AND Kind = 'SixMonths'",
            d => new { d.EveC0 }),
        Sql("a baseline of the year before corrected (its 6-month follow-up was done in the year)", true,
            "UPDATE FollowUps SET TotalIncomeSatang = 1 WHERE EnrollmentId = @FonC0 AND Kind = 'Baseline'", d => new { d.FonC0 }),
        Sql("a 12-month follow-up due after it done", false,
            "UPDATE FollowUps SET Status = 'Done', DoneOn = @day, TotalIncomeSatang = 1 WHERE EnrollmentId = @AnnC1 AND Kind = 'TwelveMonths'",
            d => new { d.AnnC1, day = Day(2026, 11, 20) }),
        Sql("an alert raised at 23:59 Thai time on the year's last day resolved", true,
            "UPDATE AbsenceAlerts SET Status = 'Resolved', ResolvedOn = @day WHERE EnrollmentId = @AnnC2", d => new { d.AnnC2, day = Day(2026, 10, 2) }),
        Sql("an alert raised at midnight Thai time after it resolved", false,
            "UPDATE AbsenceAlerts SET Status = 'Resolved', ResolvedOn = @day WHERE EnrollmentId = @DaoC2", d => new { d.DaoC2, day = Day(2026, 10, 2) }),
        Sql("an enrollment of the year dropped out after it", true,
            "UPDATE Enrollments SET Status = 'DroppedOut', EndedOn = @day WHERE Id = @AnnC2", d => new { d.AnnC2, day = Day(2026, 10, 10) }),
        Sql("someone enrolled in a cohort that starts after it", false,
            "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@C4, @Fon, @day, 'Enrolled', @day)",
            d => new { d.C4, d.Fon, day = Day(2026, 10, 1) }),
        Sql("a person's sex corrected", true, "UPDATE People SET Sex = 'Male' WHERE Id = @Dao", d => new { d.Dao }),
        Sql("a person's phone changed", false, "UPDATE People SET Phone = '0812345678' WHERE Id = @Dao", d => new { d.Dao }),
        Sql("a cohort moved to another course", true, "UPDATE Cohorts SET CourseId = @CourseB WHERE Id = @C1", d => new { d.CourseB, d.C1 }),
        Sql("a group moved to another village", true, "UPDATE ProducerGroups SET VillageId = @V2 WHERE Id = @G1", d => new { d.V2, d.G1 }),
        Sql("a member's record moved to another person", true, "UPDATE GroupMembers SET PersonId = @Cid WHERE GroupId = @G1 AND PersonId = @Ann",
            d => new { d.Cid, d.G1, d.Ann }),
        Sql("a group linked to a cohort", true, "INSERT INTO GroupCohorts (GroupId, CohortId) VALUES (@G2, @C2)", d => new { d.G2, d.C2 }),
        Sql("a village renamed", true, "UPDATE Villages SET NameTh = 'บ้านใหม่' WHERE Id = @V1", d => new { d.V1 }),
        Sql("the self-reliance line changed", true, "UPDATE Settings SET Value = '400000' WHERE Name = 'SelfRelianceLineSatang'", _ => new { }),
        Sql("the default language changed", false, "UPDATE Settings SET Value = 'en' WHERE Name = 'DefaultLanguage'", _ => new { }),
        Sql("a field officer given a district", true,
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT MIN(Id), 'District', @District1 FROM Users", _ => new { DashboardData.District1 }),
        new("the pre-aggregates rebuilt", true, (app, _) => app.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<DashboardAggregatesJob>().RunAsync();
            return 0;
        })),
    ];

    [TestCaseSource(nameof(Writes))]
    public async Task A_write_makes_the_kept_figures_computed_again_only_if_it_touches_their_period(Write write)
    {
        var data = await DashboardData.CreateAsync(App);
        await KeepMarkedAsync(data);

        await write.Run(App, data);

        var view = await ViewAsync();
        var figures = await data.FiguresAsync();
        Assert.That(view.Total.Name, Is.EqualTo(Marker), "the dashboard's view shows the kept figures while recent");
        if (write.TouchesTheYear)
        {
            Assert.That(view.CountedAt, Is.EqualTo(App.Clock.Now.UtcDateTime), "marked with when they were counted");
            Assert.That(JsonSerializer.Serialize(figures), Is.EqualTo(JsonSerializer.Serialize(await LiveAsync())));
        }
        else
        {
            Assert.That(view.CountedAt, Is.Null, "up to date");
            Assert.That(figures.Total.Name, Is.EqualTo(Marker));
        }
    }

    [Test]
    public async Task The_job_computes_again_the_stale_figures_forgets_the_unopened_and_prunes_the_changes()
    {
        var data = await DashboardData.CreateAsync(App);
        await KeepMarkedAsync(data);
        await data.FiguresAsync(Dimensions.Sex);
        await App.QueryAsync(db => db.ExecuteAsync("""UPDATE DashboardSnapshots SET ComputedAt = @monthsAgo WHERE QueryKey LIKE '%"Dimension":"Sex"%'""",
            new { monthsAgo = App.Clock.Now.UtcDateTime.AddDays(-31) }));
        await data.LedgerAsync(data.G2, "Sale", "2026-03-01", 5_000);
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM DashboardChanges")), Is.GreaterThan(0));

        await App.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<DashboardSnapshotsJob>().RunAsync();
            return 0;
        });

        var kept = await App.QueryAsync(db => db.QueryAsync<string>("SELECT Figures FROM DashboardSnapshots"));
        var live = await LiveAsync();
        var runningYear = await App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>().ComputeLiveAsync(new(2026, 10, 1), new(2027, 9, 30), new(), Dimensions.None));
        var changes = await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM DashboardChanges"));
        var read = await data.FiguresAsync();
        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.EquivalentTo(new[] { JsonSerializer.Serialize(live), JsonSerializer.Serialize(runningYear) }),
                "the stale year computed again; the running year kept; the split not opened for a month forgotten");
            Assert.That(runningYear.Total["Sales"], Is.EqualTo(400m));
            Assert.That(live.Total["Sales"], Is.EqualTo(1_260m));
            Assert.That(changes, Is.Zero, "no kept figure needs the changes logged before it");
            Assert.That(read.Total.Name, Is.Not.EqualTo(Marker));
        });
    }
}
