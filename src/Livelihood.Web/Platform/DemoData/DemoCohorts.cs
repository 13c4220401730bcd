using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.Sessions;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// Courses of the trades the programme teaches, one funded programme, and cohorts in every status: one completed
/// (with graduates and a drop-out), one running (the demo trainer's, with a session today and attendance taken),
/// one enrolling, one planned and one cancelled. Deterministic.
/// </summary>
public static class DemoCohorts
{
    private static readonly (string Th, string En, string Category, int Hours, bool Assessment)[] Courses =
    [
        ("ตัดเย็บเสื้อผ้าเบื้องต้น", "Basic sewing", "Sewing", 60, false),
        ("ทอผ้าไทลื้อ", "Tai Lue weaving", "Weaving", 90, true),
        ("เสริมสวยและตัดผม", "Hairdressing", "Hairdressing", 120, true),
        ("เบเกอรี่", "Bakery", "Bakery", 45, false),
        ("เพาะเห็ดนางฟ้า", "Oyster mushroom farming", "Mushroom farming", 30, false),
        ("ซ่อมรถจักรยานยนต์", "Motorbike repair", "Motorbike repair", 90, true),
    ];

    public static async Task<string> SeedAsync(DbSession db, long trainerUserId, long markedByUserId, DateTime now)
    {
        var random = new Random(2570);
        var today = DateOnly.FromDateTime(now.Add(Localization.DisplayDates.ThailandOffset));
        var courseIds = new List<long>();
        foreach (var c in Courses)
            courseIds.Add(await db.InsertAsync(
                "INSERT INTO Courses (NameTh, NameEn, Category, StandardHours, CompletionThresholdPercent, AssessmentRequired, CreatedAt) VALUES (@Th, @En, @Category, @Hours, 80, @Assessment, @now)",
                new { c.Th, c.En, c.Category, c.Hours, c.Assessment, now }));
        var programme = await db.InsertAsync(
            "INSERT INTO Programmes (NameTh, NameEn, Donor, StartDate, EndDate, CreatedAt) VALUES (@NameTh, @NameEn, @Donor, @StartDate, @EndDate, @now)",
            new
            {
                NameTh = "โครงการอาชีพเพื่อเยาวชนและครอบครัว พะเยา–เชียงราย", NameEn = "Livelihoods for youth and families, Phayao–Chiang Rai",
                Donor = "Partner foundation", StartDate = today.AddMonths(-10), EndDate = today.AddMonths(14), now,
            });
        var people = await db.QueryAsync<long>("SELECT Id FROM People ORDER BY Id");
        var village = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Villages");
        var next = 0;
        IEnumerable<long> Take(int count) { for (var i = 0; i < count; i++) yield return people[next++ % people.Count]; }

        // Completed: sewing, ended last month, with graduates and one drop-out.
        var completed = await CohortAsync(db, "SEW-2569-01", courseIds[0], programme, village, today.AddMonths(-5), today.AddMonths(-2), 20, CohortStatus.Completed, now);
        var completedSessions = await SessionsAsync(db, completed, today.AddMonths(-5), today.AddMonths(-2), [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], "Held", now);
        foreach (var (person, i) in Take(16).Select((p, i) => (p, i)))
        {
            var dropped = i == 15;
            var enrollment = await EnrollAsync(db, completed, person, today.AddMonths(-5), dropped ? EnrollmentQueries.DroppedOut : EnrollmentQueries.Completed,
                dropped ? today.AddMonths(-3) : today.AddMonths(-2), dropped ? "Work" : null, dropped ? null : $"DEMO{i:000}SEW1", now);
            await MarksAsync(db, completedSessions.Where(s => !dropped || s.Date < today.AddMonths(-3)), enrollment, markedByUserId, random, now, absentChance: 0.08);
        }

        // Running: weaving, the demo trainer's cohort, with a session today; past sessions held and marked.
        var running = await CohortAsync(db, "WEA-2569-02", courseIds[1], programme, village, today.AddDays(-28), today.AddDays(35), 15, CohortStatus.Running, now);
        await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@trainerUserId, 'Cohort', @running)", new { trainerUserId, running });
        var runningSessions = await SessionsAsync(db, running, today.AddDays(-28), today.AddDays(35), [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, today.DayOfWeek], null, now);
        var heldSoFar = runningSessions.Where(s => s.Date < today).ToList();
        await db.ExecuteAsync("UPDATE Sessions SET Status = 'Held' WHERE CohortId = @running AND SessionDate < @today", new { running, today });
        foreach (var (person, i) in Take(12).Select((p, i) => (p, i)))
        {
            var enrollment = await EnrollAsync(db, running, person, today.AddDays(-28), EnrollmentQueries.Enrolled, null, null, null, now);
            // Two young people stopped coming this week: the absence-alert check raises alerts for them.
            var stopped = i < 2 ? heldSoFar.TakeLast(3).ToList() : [];
            await MarksAsync(db, heldSoFar.Except(stopped), enrollment, markedByUserId, random, now, absentChance: 0.1);
            await MarksAsync(db, stopped, enrollment, markedByUserId, random, now, absentChance: 1);
        }

        // Enrolling, planned and cancelled cohorts.
        var enrolling = await CohortAsync(db, "BAK-2570-01", courseIds[3], programme, village, today.AddDays(21), today.AddDays(70), 20, CohortStatus.Enrolling, now);
        await SessionsAsync(db, enrolling, today.AddDays(21), today.AddDays(70), [DayOfWeek.Tuesday, DayOfWeek.Thursday], null, now);
        foreach (var person in Take(7)) await EnrollAsync(db, enrolling, person, today, EnrollmentQueries.Enrolled, null, null, null, now);
        await CohortAsync(db, "MUS-2570-01", courseIds[4], programme, null, today.AddMonths(2), today.AddMonths(3), 25, CohortStatus.Planned, now);
        await CohortAsync(db, "MOT-2569-01", courseIds[5], null, null, today.AddMonths(-1), today.AddMonths(2), 12, CohortStatus.Cancelled, now);

        return $"Courses: {Courses.Length}; cohorts: 5 (completed, running with a session today, enrolling, planned, cancelled).";
    }

    internal static Task<long> CohortAsync(DbSession db, string code, long course, long? programme, long? village, DateOnly start, DateOnly end, int capacity, string status, DateTime now)
        => db.InsertAsync(
            """
            INSERT INTO Cohorts (Code, CourseId, ProgrammeId, VenueVillageId, StartDate, EndDate, Capacity, Status, CreatedAt)
            VALUES (@code, @course, @programme, @village, @start, @end, @capacity, @status, @now)
            """, new { code, course, programme, village, start, end, capacity, status, now });

    internal sealed record DemoSession(long Id, DateOnly Date);

    internal static async Task<List<DemoSession>> SessionsAsync(DbSession db, long cohort, DateOnly from, DateOnly to, DayOfWeek[] days, string? status, DateTime now)
    {
        var holidays = new[] { new DateOnly(from.Year, 12, 5), new DateOnly(from.Year, 12, 31), new DateOnly(to.Year, 1, 1) };
        var slots = SessionSchedule.Generate(new(days.Distinct().ToList(), new TimeOnly(9, 0), 180, from, to, holidays)).Slots;
        var sessions = new List<DemoSession>();
        foreach (var slot in slots)
            sessions.Add(new(await db.InsertAsync(
                "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @Date, '09:00', @DurationMinutes, @Status, @now)",
                new { cohort, slot.Date, slot.DurationMinutes, Status = status ?? "Scheduled", now }), slot.Date));
        return sessions;
    }

    internal static Task<long> EnrollAsync(DbSession db, long cohort, long person, DateOnly on, string status, DateOnly? ended, string? reason, string? certificate, DateTime now)
        => db.InsertAsync(
            """
            INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, DropoutReason, AssessmentResult, CertificateCode, CreatedAt)
            VALUES (@cohort, @person, @on, @status, @ended, @reason, @Assessment, @certificate, @now)
            """, new { cohort, person, on, status, ended, reason, Assessment = certificate is null ? null : "Pass", certificate, now });

    internal static async Task MarksAsync(DbSession db, IEnumerable<DemoSession> sessions, long enrollment, long by, Random random, DateTime now, double absentChance)
    {
        foreach (var session in sessions)
        {
            var roll = random.NextDouble();
            var mark = roll < absentChance ? "Absent" : roll < absentChance + 0.05 ? "Excused" : roll < absentChance + 0.12 ? "Late" : "Present";
            await db.ExecuteAsync(
                "INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@Id, @enrollment, @mark, @by, @now)",
                new { session.Id, enrollment, mark, by, now });
        }
    }
}
