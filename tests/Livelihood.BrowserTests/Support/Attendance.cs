using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests.Support;

/// <summary>What the attendance journeys share: a running cohort with a session today, and a trainer's phone made ready.</summary>
public static class Attendance
{
    /// <summary>The Thai date today, as the app counts it.</summary>
    public static DateOnly ThaiToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>
    /// A running weaving cohort <paramref name="code"/> taught by <paramref name="trainers"/>, with <paramref name="people"/>
    /// enrolled and a scheduled session today at 09:00; returns the session's id.
    /// </summary>
    public static Task<long> CohortWithSessionTodayAsync(KestrelApp app, string code, string[] trainers, params string[] people)
        => app.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var today = ThaiToday;
            var village = await db.InsertAsync(
                "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) SELECT 560501, COALESCE(MAX(VillageNumber), 0) + 1, 'บ้านห้วยทราย', @now FROM Villages WHERE SubdistrictId = 560501",
                new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'Weaving', 30, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES (@code, @course, @start, @end, 30, 'Running', @now)",
                new { code, course, start = today.AddDays(-7), end = today.AddDays(30), now });
            foreach (var trainer in trainers)
                await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainer", new { cohort, trainer });
            foreach (var name in people)
            {
                var person = await db.InsertAsync(
                    "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@name, 'Female', 2006, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                    new { name, village, now });
                await db.ExecuteAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @person, @start, 'Enrolled', @now)",
                    new { cohort, person, start = today.AddDays(-7), now });
            }
            return await db.InsertAsync("INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @today, '09:00', 180, 'Scheduled', @now)",
                new { cohort, today, now });
        });

    /// <summary>
    /// Signs the trainer in on the phone, which lands on Today, and waits until Today says the cohort's roster is kept on
    /// the phone (the service worker keeps it in the background): only then can a trainer rely on it without a signal.
    /// </summary>
    public static async Task SignInUntilReadyOfflineAsync(KestrelApp app, IPage phone, string email, string cohortCode)
    {
        await phone.GotoAsync(app.Url("/Account/SignIn"));
        await phone.GetByLabel("อีเมล").FillAsync(email);
        await phone.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = cohortCode }).GetByText("พร้อมใช้แม้ไม่มีสัญญาณ")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    /// <summary>The session's marks on the server, "name:mark" in name order.</summary>
    public static Task<IReadOnlyList<string>> MarksAsync(KestrelApp app, long session)
        => app.WithDatabaseAsync(db => db.QueryAsync<string>(
            "SELECT p.FullNameTh || ':' || m.Mark FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE m.SessionId = @session ORDER BY p.FullNameTh",
            new { session }));

    /// <summary>Waits (up to 10 s) until the server holds the expected marks: the phone sends in the background.</summary>
    public static async Task<IReadOnlyList<string>> MarksWhenAsync(KestrelApp app, long session, string[] expected)
    {
        var marks = await MarksAsync(app, session);
        for (var waited = 0; !marks.SequenceEqual(expected) && waited < 10_000; waited += 250)
        {
            await Task.Delay(250);
            marks = await MarksAsync(app, session);
        }
        return marks;
    }
}
