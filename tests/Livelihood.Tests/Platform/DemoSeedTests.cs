using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Platform;

public sealed class DemoSeedTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Seed_demo_creates_one_account_per_role_and_villages_under_real_subdistricts_and_refuses_a_second_run()
    {
        var report = await App.WithServicesAsync(s => s.GetRequiredService<DemoSeeder>().SeedAsync());

        var roles = await App.QueryAsync(db => db.QueryAsync<string>("SELECT Role FROM Users ORDER BY Role"));
        Assert.That(roles, Is.EquivalentTo(Roles.All));
        foreach (var (email, _, _) in DemoSeeder.Accounts) Assert.That(report, Does.Contain(email));
        Assert.That(report, Does.Contain(DemoSeeder.DemoPassword));

        var villagesInDokKhamtai = await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId WHERE s.DistrictId = 5605"));
        Assert.That(villagesInDokKhamtai, Is.EqualTo(36));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId WHERE d.ProvinceId = 57")), Is.EqualTo(30));

        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People")), Is.EqualTo(300));
        Assert.That(await App.QueryAsync(db => db.QueryAsync<string>("SELECT DISTINCT Status FROM Cohorts")),
            Is.EquivalentTo(new[] { "Planned", "Enrolling", "Running", "Completed", "Cancelled" }));
        var today = DateOnly.FromDateTime(App.Clock.Now.UtcDateTime.AddHours(7));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            """
            SELECT COUNT(1) FROM Sessions s JOIN UserScopes u ON u.ScopeKind = 'Cohort' AND u.ScopeId = s.CohortId
            JOIN Users t ON t.Id = u.UserId WHERE t.Email = 'trainer@demo.livelihood' AND s.SessionDate = @today
            """, new { today })), Is.EqualTo(1), "the demo trainer has a session today");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Enrollments WHERE Status = 'Completed' AND CertificateCode IS NOT NULL")), Is.EqualTo(15 + 24),
            "the sewing graduates, and the bakery and hairdressing graduates of earlier cohorts (for a year of follow-ups)");

        var followUps = (await App.QueryAsync(db => db.QueryAsync<(string Kind, string Status, int Count)>(
            "SELECT Kind, Status, COUNT(1) FROM FollowUps GROUP BY Kind, Status"))).ToList();
        foreach (var kind in new[] { "Baseline", "ThreeMonths", "SixMonths", "TwelveMonths" })
            Assert.That(followUps.Where(f => f.Kind == kind && f.Status == "Done").Sum(f => f.Count), Is.GreaterThan(0), $"done {kind} follow-ups");
        Assert.That(followUps.Where(f => f.Status == "Missed").Sum(f => f.Count), Is.GreaterThan(0), "missed follow-ups");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM FollowUps WHERE Status = 'Due' AND DueOn < @today", new { today })),
            Is.GreaterThan(0), "overdue follow-ups");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM FollowUps WHERE Status = 'Done' AND DoneOn <= @yearAgo", new { yearAgo = today.AddYears(-1) })),
            Is.GreaterThan(0), "follow-ups reach back more than a year");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM FollowUpDigests g JOIN Users u ON u.Id = g.UserId WHERE u.Email = 'officer@demo.livelihood'")), Is.EqualTo(1),
            "the demo field officer has districts and this week's digest");

        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AbsenceAlerts WHERE Status = 'Open'")), Is.GreaterThanOrEqualTo(2),
            "the demo has open absence alerts to follow up");

        // Producer groups: a year of ledger, the recorder's group with two voided mistakes, one group gone quiet.
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM ProducerGroups")), Is.EqualTo(3));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM LedgerEntries")), Is.GreaterThan(500));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            """
            SELECT COUNT(1) FROM LedgerEntries e JOIN UserScopes u ON u.ScopeKind = 'ProducerGroup' AND u.ScopeId = e.GroupId
            JOIN Users r ON r.Id = u.UserId WHERE r.Email = 'recorder@demo.livelihood' AND e.VoidedAt IS NOT NULL
            """)), Is.EqualTo(2));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<DateOnly>("SELECT MAX(EntryDate) FROM LedgerEntries WHERE Kind = 'Sale' AND GroupId = (SELECT MAX(Id) FROM ProducerGroups)")),
            Is.LessThanOrEqualTo(today.AddDays(-75)), "the bakery group has been quiet for 75 days");

        var client = App.Browser();
        var signIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "trainer@demo.livelihood", ["Input.Password"] = DemoSeeder.DemoPassword });
        Assert.That(signIn.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));

        var second = await App.WithServicesAsync(s => s.GetRequiredService<DemoSeeder>().SeedAsync());
        Assert.That(second, Does.Contain("Nothing was changed"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Users")), Is.EqualTo(5));
    }
}
