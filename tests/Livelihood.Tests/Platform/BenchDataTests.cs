using System.Net;
using System.Text.Json;
using Dapper;
using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.BenchData;
using Microsoft.Data.Sqlite;

namespace Livelihood.Tests.Platform;

/// <summary>
/// The benchmark's seeder (seed-bench) at a tiny scale against a real SQLite database: sizes, the distributions the
/// benchmark relies on, determinism; and the bare endpoint it compares the roster page with. The full-size run is
/// the benchmark itself (scripts/bench/run.sh), not part of this suite.
/// </summary>
public sealed class BenchDataTests
{
    private const double TinyScale = 0.004;
    private readonly List<TestDatabase> _databases = [];

    [TearDown]
    public void DropDatabases()
    {
        foreach (var database in _databases) database.Dispose();
        _databases.Clear();
    }

    private (TestDatabase Database, BenchSeeder.Report Report, string Targets) Seeded(int seed = BenchSeeder.DefaultSeed, double scale = TinyScale)
    {
        var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        _databases.Add(database);
        var targets = Path.Combine(database.DataFolder, "bench-targets.txt");
        var report = new BenchSeeder(database.Factory, new TestClock()).Seed(scale, seed, targets);
        return (database, report, File.ReadAllText(targets));
    }

    private static T Query<T>(TestDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.Factory.ConnectionString);
        return connection.ExecuteScalar<T>(sql)!;
    }

    private static List<T> Rows<T>(TestDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.Factory.ConnectionString);
        return connection.Query<T>(sql).AsList();
    }

    [Test]
    public void A_tiny_scale_has_the_sizes_of_its_scale_and_every_kind_of_row()
    {
        var (database, report, _) = Seeded();
        var size = BenchSize.For(TinyScale);

        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM People"), Is.EqualTo(size.People).And.EqualTo(400));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM Cohorts"), Is.EqualTo(size.Cohorts).And.EqualTo(20));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM ProducerGroups"), Is.EqualTo(size.Groups).And.EqualTo(8));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM LedgerEntries"), Is.EqualTo(size.LedgerEntries).And.EqualTo(4000));
        foreach (var (table, rows) in report.Rows)
            Assert.That(rows, Is.GreaterThan(0), $"{table} has rows");
        // About 50 marks per enrollment of a started cohort, so 100 000 people make about 5 000 000 marks.
        var marksPerPerson = Query<double>(database, "SELECT COUNT(1) * 1.0 FROM AttendanceMarks") / size.People;
        Assert.That(marksPerPerson, Is.InRange(35, 65));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM Consents"), Is.InRange(size.People * 0.9, size.People));
        Assert.That(Query<string>(database, "PRAGMA journal_mode"), Is.EqualTo("wal"), "left in WAL mode, as the app runs it");
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM pragma_foreign_key_check"), Is.Zero, "every reference points to a row");
        // The attendance totals are filled as the triggers would have kept them, and the triggers are back.
        Assert.That(Query<long>(database, $"""
            SELECT COUNT(1) FROM ({EnrollmentQueries.LiveAttendanceSql}) live
            JOIN EnrollmentAttendance t ON t.EnrollmentId = live.EnrollmentId AND t.HeldMinutes = live.HeldMinutes
                 AND t.ExcusedMinutes = live.ExcusedMinutes AND t.AttendedMinutes = live.AttendedMinutes
            WHERE live.AttendedMinutes > 0
            """), Is.EqualTo(Query<long>(database, $"SELECT COUNT(1) FROM ({EnrollmentQueries.LiveAttendanceSql}) live WHERE live.AttendedMinutes > 0")).And.GreaterThan(0));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM EnrollmentAttendance"), Is.EqualTo(Query<long>(database, "SELECT COUNT(1) FROM Enrollments")));
        var fresh = TestDatabase.Create(DatabaseProvider.Sqlite);
        _databases.Add(fresh);
        const string Triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
        Assert.That(Rows<string>(database, Triggers), Is.EqualTo(Rows<string>(fresh, Triggers)).And.Not.Empty);
        Assert.That(Query<long>(database,
            "SELECT COUNT(1) FROM People p JOIN Villages v ON v.Id = p.VillageId JOIN PeopleSearch ps ON ps.rowid = p.Id AND ps.VillageName = v.NameTh"),
            Is.EqualTo(size.People), "the people search index holds every person with their village's name");
    }

    [Test]
    public void Cohorts_sessions_dropouts_and_groups_follow_the_issues_distributions()
    {
        var (database, _, _) = Seeded();

        var cohortSizes = Rows<long>(database, "SELECT COUNT(1) FROM Enrollments GROUP BY CohortId");
        Assert.That(cohortSizes, Is.Not.Empty);
        Assert.That(cohortSizes, Is.All.InRange(10, 30), "cohorts of 10–30");

        var durations = Rows<long>(database, "SELECT DISTINCT DurationMinutes FROM Sessions");
        Assert.That(durations, Is.All.InRange(120, 240), "sessions of 2–4 hours");
        Assert.That(durations, Has.Count.GreaterThan(2), "not all the same length");

        var dropoutShare = Query<double>(database,
            "SELECT AVG(CASE WHEN e.Status = 'DroppedOut' THEN 1.0 ELSE 0 END) FROM Enrollments e JOIN Cohorts c ON c.Id = e.CohortId WHERE c.Status = 'Completed'");
        Assert.That(dropoutShare, Is.InRange(0.05, 0.15), "about 10 % drop out");

        var groupSizes = Rows<long>(database, "SELECT COUNT(1) FROM GroupMembers GROUP BY GroupId");
        Assert.That(groupSizes, Has.Count.EqualTo(BenchSize.For(TinyScale).Groups));
        Assert.That(groupSizes, Is.All.InRange(5, 40), "groups of 5–40 members");

        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM FollowUps WHERE Kind = 'Baseline'"),
            Is.EqualTo(Query<long>(database, "SELECT COUNT(1) FROM Enrollments")), "a baseline follow-up per enrollment");
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM FollowUps WHERE Kind <> 'Baseline'"),
            Is.EqualTo(3 * Query<long>(database, "SELECT COUNT(1) FROM Enrollments WHERE Status = 'Completed'")), "3, 6 and 12 months after graduating");
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM FollowUps WHERE Status <> 'Due' AND DueOn > '2026-11-29'"), Is.Zero, "nothing done before it is due");

        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM AttendanceMarks m JOIN Sessions s ON s.Id = m.SessionId WHERE s.Status <> 'Held'"), Is.Zero,
            "marks only for held sessions");
        Assert.That(Query<long>(database,
            """
            SELECT COUNT(1) FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN Sessions s ON s.Id = m.SessionId
            WHERE s.SessionDate < e.EnrolledOn OR (e.Status = 'DroppedOut' AND s.SessionDate >= e.EndedOn)
            """), Is.Zero, "marks only while the enrollment was active");
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM LedgerEntries WHERE Kind = 'Sale' AND Amount <> CAST(ROUND(Quantity * UnitPrice) AS INTEGER)"), Is.Zero,
            "a sale's amount is its quantity times its price");
        Assert.That(Query<long>(database,
            "SELECT COUNT(1) FROM LedgerEntries l JOIN GroupMembers m ON m.Id = l.MemberId WHERE l.Kind = 'Payout' AND m.GroupId <> l.GroupId"), Is.Zero,
            "payouts go to the group's own members");
    }

    [Test]
    public void The_same_seed_makes_the_same_data_and_another_seed_other_data()
    {
        const string Fingerprint = """
            SELECT (SELECT group_concat(FullNameTh || BirthYear || VillageId, '|') FROM People)
                || (SELECT group_concat(CohortId || ':' || PersonId || Status, '|') FROM Enrollments)
                || (SELECT COUNT(1) || ':' || SUM(Id * length(Mark)) FROM AttendanceMarks)
                || (SELECT SUM(Amount) FROM LedgerEntries)
            """;
        var first = Seeded(seed: 8);
        var second = Seeded(seed: 8);
        var other = Seeded(seed: 9);

        Assert.That(second.Report.Rows, Is.EqualTo(first.Report.Rows), "same counts");
        Assert.That(Query<string>(second.Database, Fingerprint), Is.EqualTo(Query<string>(first.Database, Fingerprint)), "same rows");
        Assert.That(second.Targets, Is.EqualTo(first.Targets), "same targets for wrk");
        Assert.That(Query<string>(other.Database, Fingerprint), Is.Not.EqualTo(Query<string>(first.Database, Fingerprint)));
    }

    [Test]
    public void It_refuses_a_database_that_already_has_data()
    {
        var (database, _, _) = Seeded();
        var people = Query<long>(database, "SELECT COUNT(1) FROM People");

        Assert.That(() => new BenchSeeder(database.Factory, new TestClock()).Seed(TinyScale, 1, Path.Combine(database.DataFolder, "again.txt")),
            Throws.InvalidOperationException.With.Message.Contains("fresh database"));
        Assert.That(Query<long>(database, "SELECT COUNT(1) FROM People"), Is.EqualTo(people));
    }

    [Test]
    public async Task The_bare_roster_answers_the_pages_rows_to_the_trainer_and_refuses_the_others()
    {
        var (database, _, targets) = Seeded();
        var session = targets.Split('\n').First(l => l.StartsWith("session ", StringComparison.Ordinal)).Split(' ');
        var onRoster = session[2].Trim().Split(',').Select(long.Parse).ToList();
        using var app = new TestApp(database, settings: new Dictionary<string, string?> { [BareEndpoints.Switch] = "true" });

        var trainer = await SignedInAsync(app, BenchSeeder.TrainerEmail);
        var bare = await trainer.GetAsync($"/bench/roster/{session[1]}");
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await bare.Content.ReadAsStringAsync());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("enrollmentId").GetInt64()), Is.EquivalentTo(onRoster), "the roster's people");
        Assert.That(json.RootElement.GetProperty("rates").EnumerateObject().Count(), Is.GreaterThanOrEqualTo(onRoster.Count), "a rate for each");

        var page = await trainer.GetStringAsync($"/Attendance/Roster/{session[1]}");
        foreach (var row in rows) Assert.That(page, Does.Contain(row.GetProperty("fullNameTh").GetString()), "the page shows the same people");

        var otherTrainer = await SignedInAsync(app, "trainer1@bench.livelihood");
        Assert.That((await otherTrainer.GetAsync($"/bench/roster/{session[1]}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not their cohort");
        Assert.That((await otherTrainer.GetAsync($"/Attendance/Roster/{session[1]}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "as the page");
        var recorder = await SignedInAsync(app, BenchSeeder.RecorderEmail);
        Assert.That((await recorder.GetAsync($"/bench/roster/{session[1]}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not a role that takes attendance");
        Assert.That((await app.Browser().GetAsync($"/bench/roster/{session[1]}")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out: to sign-in");
    }

    [Test]
    public async Task The_bare_dashboard_answers_a_periods_figures_to_a_manager_and_not_to_a_trainer()
    {
        var (database, _, _) = Seeded();
        using var app = new TestApp(database, settings: new Dictionary<string, string?> { [BareEndpoints.Switch] = "true" });

        var manager = await SignedInAsync(app, BenchSeeder.ManagerEmail);
        var bare = await manager.GetAsync("/bench/dashboard");
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await bare.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("ageBounds").GetArrayLength(), Is.GreaterThan(0), "the dashboard's figures");
        using var lastYear = JsonDocument.Parse(await manager.GetStringAsync("/bench/dashboard?From=2024-10-01&To=2025-09-30"));
        Assert.That(lastYear.RootElement.GetProperty("from").GetString(), Is.EqualTo("2024-10-01"), "the period asked");
        Assert.That(lastYear.RootElement.GetProperty("to").GetString(), Is.EqualTo("2025-09-30"));
        Assert.That(json.RootElement.GetProperty("from").GetString(), Is.Not.EqualTo("2024-10-01"), "by default the current fiscal year");
        Assert.That((await manager.GetAsync("/Dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "and the page");

        var trainer = await SignedInAsync(app, BenchSeeder.TrainerEmail);
        Assert.That((await trainer.GetAsync("/bench/dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "as the page");
        Assert.That((await trainer.GetAsync("/Dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Without_the_benchmark_switch_there_is_no_bare_endpoint()
    {
        var (database, _, targets) = Seeded();
        var session = targets.Split('\n').First(l => l.StartsWith("session ", StringComparison.Ordinal)).Split(' ')[1];
        using var app = new TestApp(database);

        var trainer = await SignedInAsync(app, BenchSeeder.TrainerEmail);
        Assert.That((await trainer.GetAsync($"/Attendance/Roster/{session}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await trainer.GetAsync($"/bench/roster/{session}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await trainer.GetAsync("/bench/dashboard")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<HttpClient> SignedInAsync(TestApp app, string email)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = BenchSeeder.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{email} signs in with the bench password");
        return client;
    }
}
