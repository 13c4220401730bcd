using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Cohorts;

namespace Livelihood.Tests.Features.Cohorts;

/// <summary>
/// The attendance totals the triggers keep (migration 0017) against the live sum over sessions and marks, after every
/// kind of write: one row at a time and many in one statement, including changes that move a session or an
/// enrollment in or out of another's span. A seeded random walk, so a failure replays the same way.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class AttendanceTotalsTests(DatabaseProvider provider)
{
    private static readonly string[] Marks = ["Present", "Late", "Excused", "Absent"];
    private static readonly string[] SessionStatuses = ["Scheduled", "Held", "Cancelled"];
    private static readonly DateOnly Start = new(2026, 11, 1);

    private TestDatabase? _database;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(provider);

    [TearDown]
    public void DropDatabase() => _database?.Dispose();

    private sealed record Totals
    {
        public long EnrollmentId { get; init; }
        public int HeldMinutes { get; init; }
        public int ExcusedMinutes { get; init; }
        public int AttendedMinutes { get; init; }
    }

    [Test]
    public async Task The_totals_equal_the_live_sum_after_every_write()
    {
        await using var db = new DbSession(_database!.Factory);
        var now = DateTime.UtcNow;
        var random = new Random(17);
        var user = await db.InsertAsync(
            "INSERT INTO Users (Email, DisplayName, Role, PasswordHash, IsActive, CreatedAt) VALUES ('t@x', 'T', 'Trainer', 'x', 1, @now)", new { now });
        var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้าน', @now)", new { now });
        var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('เห็ด', 'เกษตร', 12, 0, @now)", new { now });
        var cohorts = new List<long>();
        for (var c = 0; c < 2; c++)
            cohorts.Add(await db.InsertAsync(
                "INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES (@code, @course, '2026-11-01', '2026-12-31', 30, 'Running', @now)",
                new { code = $"C{c}", course, now }));
        var sessions = new List<long>();
        var enrollments = new List<long>();
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        DateOnly Day() => Start.AddDays(random.Next(40));

        Task<long> AddSession(long cohort) => db.InsertAsync(
            "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, '09:00', @minutes, @status, @now)",
            new { cohort, day = Day(), minutes = 60 * random.Next(1, 5), status = Pick(SessionStatuses), now });
        async Task<long> AddEnrollment(long cohort)
        {
            var person = await db.InsertAsync(
                "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES ('ค', 'Male', 1990, @village, 'None', 'Active', @user, @now)",
                new { village, user, now });
            return await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @person, @day, 'Enrolled', @now)",
                new { cohort, person, day = Start.AddDays(random.Next(10)), now });
        }

        foreach (var cohort in cohorts)
        {
            for (var i = 0; i < 8; i++) sessions.Add(await AddSession(cohort));
            for (var i = 0; i < 5; i++) enrollments.Add(await AddEnrollment(cohort));
        }
        // Each cohort's roster taken for each of its sessions, as trainers do, before the walk changes things.
        await db.ExecuteAsync(
            """
            INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt)
            SELECT s.Id, e.Id, CASE (s.Id + e.Id) % 4 WHEN 0 THEN 'Present' WHEN 1 THEN 'Late' WHEN 2 THEN 'Excused' ELSE 'Absent' END, @user, @now
            FROM Sessions s JOIN Enrollments e ON e.CohortId = s.CohortId
            """, new { user, now });

        var writes = new (string Name, Func<Task> Write)[]
        {
            ("mark taken", () => db.ExecuteAsync(
                """
                INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt)
                SELECT @session, @enrollment, @mark, @user, @now
                WHERE NOT EXISTS (SELECT 1 FROM AttendanceMarks WHERE SessionId = @session AND EnrollmentId = @enrollment)
                """, new { session = Pick(sessions), enrollment = Pick(enrollments), mark = Pick(Marks), user, now })),
            ("mark changed", () => db.ExecuteAsync(
                "UPDATE AttendanceMarks SET Mark = @mark, Version = Version + 1 WHERE Id = (SELECT MIN(Id) FROM AttendanceMarks WHERE Id >= @from)",
                new { mark = Pick(Marks), from = random.Next(1, 200) })),
            ("note changed", () => db.ExecuteAsync(
                "UPDATE AttendanceMarks SET Note = 'n' WHERE Id = (SELECT MIN(Id) FROM AttendanceMarks WHERE Id >= @from)", new { from = random.Next(1, 200) })),
            ("mark removed", () => db.ExecuteAsync(
                "DELETE FROM AttendanceMarks WHERE Id = (SELECT MIN(Id) FROM AttendanceMarks WHERE Id >= @from)", new { from = random.Next(1, 200) })),
            ("every mark of a session set", () => db.ExecuteAsync(
                "UPDATE AttendanceMarks SET Mark = @mark WHERE SessionId = @session", new { mark = Pick(Marks), session = Pick(sessions) })),
            ("session status", () => db.ExecuteAsync(
                "UPDATE Sessions SET Status = @status, Version = Version + 1 WHERE Id = @session", new { status = Pick(SessionStatuses), session = Pick(sessions) })),
            ("session moved", () => db.ExecuteAsync(
                "UPDATE Sessions SET SessionDate = @day WHERE Id = @session", new { day = Day(), session = Pick(sessions) })),
            ("session resized", () => db.ExecuteAsync(
                "UPDATE Sessions SET DurationMinutes = @minutes WHERE Id = @session", new { minutes = 30 * random.Next(1, 9), session = Pick(sessions) })),
            ("session to the other cohort", () => db.ExecuteAsync(
                "UPDATE Sessions SET CohortId = @cohort WHERE Id = @session", new { cohort = Pick(cohorts), session = Pick(sessions) })),
            ("a cohort's sessions all held and longer", () => db.ExecuteAsync(
                "UPDATE Sessions SET Status = 'Held', DurationMinutes = DurationMinutes + 15 WHERE CohortId = @cohort", new { cohort = Pick(cohorts) })),
            ("session added", async () => sessions.Add(await AddSession(Pick(cohorts)))),
            ("unmarked session removed", async () =>
            {
                var session = Pick(sessions);
                if (await db.ExecuteAsync(
                        "DELETE FROM Sessions WHERE Id = @session AND NOT EXISTS (SELECT 1 FROM AttendanceMarks WHERE SessionId = @session)",
                        new { session }) == 1)
                    sessions.Remove(session);
            }),
            ("enrollment added", async () => enrollments.Add(await AddEnrollment(Pick(cohorts)))),
            ("drop-out or transfer", () => db.ExecuteAsync(
                "UPDATE Enrollments SET Status = @status, EndedOn = @day, Version = Version + 1 WHERE Id = @enrollment",
                new { status = random.Next(2) == 0 ? "DroppedOut" : "Transferred", day = Day(), enrollment = Pick(enrollments) })),
            ("completed or back to enrolled", () => db.ExecuteAsync(
                "UPDATE Enrollments SET Status = @status, EndedOn = NULL WHERE Id = @enrollment",
                new { status = random.Next(2) == 0 ? "Completed" : "Enrolled", enrollment = Pick(enrollments) })),
            ("enrollment date", () => db.ExecuteAsync(
                "UPDATE Enrollments SET EnrolledOn = @day WHERE Id = @enrollment", new { day = Day(), enrollment = Pick(enrollments) })),
            ("enrollment to the other cohort", () => db.ExecuteAsync(
                "UPDATE Enrollments SET CohortId = @cohort WHERE Id = @enrollment", new { cohort = Pick(cohorts), enrollment = Pick(enrollments) })),
        };

        var held = 0;
        for (var step = 0; step < 400; step++)
        {
            var (name, write) = Pick(writes);
            await write();
            var kept = await db.QueryAsync<Totals>("SELECT EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes FROM EnrollmentAttendance ORDER BY EnrollmentId");
            var live = await db.QueryAsync<Totals>($"SELECT * FROM ({EnrollmentQueries.LiveAttendanceSql}) t ORDER BY EnrollmentId");
            Assert.That(kept, Is.EqualTo(live), $"after step {step}: {name}");
            held = Math.Max(held, live.Count(t => t.HeldMinutes > 0 && t.AttendedMinutes > 0 && t.ExcusedMinutes > 0));
        }
        // The walk reached the interesting states: enrollments with held, attended and excused minutes at once.
        Assert.That(held, Is.GreaterThan(3));
    }
}
