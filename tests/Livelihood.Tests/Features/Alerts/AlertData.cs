using Livelihood.Tests.Support;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Alerts;

/// <summary>Builds cohorts, people, sessions and marks with SQL for the alert tests, as the cohort tests do.</summary>
internal sealed class AlertData
{
    public const long DokKhamTai = 560501; // subdistrict in district ดอกคำใต้ (5605), Phayao
    public const long Wiang = 570101;      // subdistrict in district เมืองเชียงราย (5701), Chiang Rai

    private readonly TestApp _app;
    private AlertData(TestApp app) => _app = app;

    public static async Task<AlertData> CreateAsync(TestApp app)
    {
        await app.CreateUserAsync(Roles.Admin);
        return new AlertData(app);
    }

    private DateTime Now => _app.Clock.Now.UtcDateTime;

    public Task<long> VillageAsync(long subdistrict = DokKhamTai, int number = 1, string name = "บ้านดอกคำใต้")
        => _app.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@subdistrict, @number, @name, @now)",
            new { subdistrict, number, name, now = Now }));

    public Task<long> CohortAsync(string code = "SEW-2569-01", string status = "Running")
        => _app.QueryAsync(async db =>
        {
            var course = await db.InsertAsync(
                "INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ตัดเย็บเสื้อผ้า', 'ตัดเย็บ', 60, 0, @now)", new { now = Now });
            return await db.InsertAsync(
                "INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES (@code, @course, '2026-11-02', '2026-12-25', 20, @status, @now)",
                new { code, course, status, now = Now });
        });

    public Task<long> PersonAsync(string name, long village, int birthYear = 1998, string? phone = "0811111111",
        string? nickname = null, string? guardianName = null, string? guardianPhone = null)
        => _app.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, Phone, CitizenshipStatus, GuardianName, GuardianRelation,
                                GuardianPhone, Status, RegisteredByUserId, CreatedAt)
            VALUES (@name, @nickname, 'Female', @birthYear, @village, @phone, 'None', @guardianName, @relation, @guardianPhone, 'Active',
                    (SELECT MIN(Id) FROM Users), @now)
            """,
            new { name, nickname, birthYear, village, phone, guardianName, relation = guardianName is null ? null : "แม่", guardianPhone, now = Now }));

    public Task<long> EnrollAsync(long cohort, long person, string enrolledOn = "2026-11-02", string status = "Enrolled")
        => _app.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CreatedAt) VALUES (@cohort, @person, @on, @status, @ended, @now)",
            new { cohort, person, on = Day(enrolledOn), status, ended = status is "DroppedOut" or "Transferred" ? Day("2026-11-20") : (DateOnly?)null, now = Now }));

    public Task<long> SessionAsync(long cohort, string day, string start = "09:00", int minutes = 180, string status = "Held")
        => _app.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, @start, @minutes, @status, @now)",
            new { cohort, day = Day(day), start, minutes, status, now = Now }));

    public Task MarkAsync(long session, long enrollment, string mark)
        => _app.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@session, @enrollment, @mark, (SELECT MIN(Id) FROM Users), @now)",
            new { session, enrollment, mark, now = Now }));

    /// <summary>A roster save of the session received at that moment, as the roster page records it.</summary>
    public Task SubmissionAsync(long session, DateTime receivedAt)
        => _app.QueryAsync(db => db.ExecuteAsync(
            """
            INSERT INTO AttendanceSubmissions (ClientSubmissionId, SessionId, SubmittedByUserId, ReceivedAt, Result)
            VALUES (@id, @session, (SELECT MIN(Id) FROM Users), @receivedAt, '{}')
            """, new { id = Guid.NewGuid().ToString("N"), session, receivedAt }));

    /// <summary>Held sessions on consecutive days from <paramref name="firstDay"/>, each with the enrollment's mark (null: not marked).</summary>
    public async Task<List<long>> SessionsWithMarksAsync(long cohort, long enrollment, string firstDay, params string?[] marks)
    {
        var sessions = new List<long>();
        var day = Day(firstDay);
        foreach (var mark in marks)
        {
            var session = await SessionAsync(cohort, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (mark is not null) await MarkAsync(session, enrollment, mark);
            sessions.Add(session);
            day = day.AddDays(1);
        }
        return sessions;
    }

    /// <summary>An alert row written directly, for the page tests.</summary>
    public Task<long> AlertAsync(long enrollment, DateTime raisedAt, string reason = AbsenceRule.ConsecutiveAbsences, int? rateTenths = 0, string status = "Open")
        => _app.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO AbsenceAlerts (EnrollmentId, PersonId, CohortId, Reason, RatePercentTenths, HeldSessions, RaisedAt, Status, CreatedAt)
            SELECT e.Id, e.PersonId, e.CohortId, @reason, @rateTenths, 3, @raisedAt, @status, @raisedAt FROM Enrollments e WHERE e.Id = @enrollment
            """, new { enrollment, reason, rateTenths, raisedAt, status }));

    public Task<int> RunJobAsync(long? cohort = null)
        => _app.WithServicesAsync(s => s.GetRequiredService<RaiseAbsenceAlertsJob>().RaiseAsync(cohort));

    public Task<int> RunAfterSavesAsync(DateTimeOffset since)
        => _app.WithServicesAsync(s => s.GetRequiredService<RaiseAbsenceAlertsJob>().RunAfterSavesAsync(since));

    public sealed record AlertRow
    {
        public long Id { get; init; }
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public string Reason { get; init; } = "";
        public int? RatePercentTenths { get; init; }
        public string Status { get; init; } = "";
    }

    public Task<IReadOnlyList<AlertRow>> AlertsAsync()
        => _app.QueryAsync(db => db.QueryAsync<AlertRow>(
            "SELECT Id, EnrollmentId, PersonId, Reason, RatePercentTenths, Status FROM AbsenceAlerts ORDER BY Id"));

    /// <summary>Resolves an alert as the page does, on the Thai day of the test clock.</summary>
    public Task ResolveAsync(long alert)
        => _app.QueryAsync(db => db.ExecuteAsync(
            "UPDATE AbsenceAlerts SET Status = 'Resolved', ResolvedAt = @now, ResolvedOn = @on, ResolutionNote = 'ok', Version = Version + 1 WHERE Id = @alert",
            new { alert, now = Now, on = RaiseAbsenceAlertsJob.ResolvedOn(Now) }));

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
