using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>
/// A trainer with no signal in the village hall: Today was opened online, so its rosters are on the phone; the marks
/// saved offline wait in the phone's queue and reach the server by themselves when the connection returns.
/// </summary>
public sealed class OfflineAttendanceTests : BrowserTest
{
    [Test]
    public async Task Marks_saved_without_a_connection_are_sent_when_it_returns()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var session = await App.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 4, 'บ้านห้วยทราย', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'Weaving', 30, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-07', @course, @start, @end, 30, 'Running', @now)",
                new { course, start = today.AddDays(-7), end = today.AddDays(30), now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainer", new { cohort, trainer });
            foreach (var name in new[] { "คำแสง", "นวลจันทร์", "บัวเรียว" })
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
        Task<IReadOnlyList<string>> MarksAsync() => App.WithDatabaseAsync(db => db.QueryAsync<string>(
            "SELECT p.FullNameTh || ':' || m.Mark FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE m.SessionId = @session ORDER BY p.FullNameTh",
            new { session }));

        // Online: signing in lands on Today; the service worker installs and keeps Today and the rosters it lists, in the
        // background: the test goes offline only once the roster is kept, as a trainer can only rely on a roster then.
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(trainer);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "WEA-07" })).ToBeVisibleAsync();
        // Today says when the roster is kept on the phone, so the trainer knows before leaving the signal behind.
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "WEA-07" }).GetByText("พร้อมใช้แม้ไม่มีสัญญาณ")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // No signal: the roster opens from the phone, and Save keeps the marks on it.
        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-07" }).ClickAsync();
        await Page.WaitForURLAsync($"**/Attendance/Roster/{session}");
        await Expect(Page.GetByText("เช็คแล้ว 0 จาก 3 คน")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByText("ขาด").TapAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();

        await Expect(Page.GetByText("บันทึกไว้ในโทรศัพท์เครื่องนี้แล้ว จะส่งให้เองเมื่อมีสัญญาณ")).ToBeVisibleAsync();
        var badge = Page.Locator("[data-offline-count]");
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");
        Assert.That(await MarksAsync(), Is.Empty, "nothing reached the server yet");

        // Still no signal, the page is reloaded: the kept roster comes back with the marks waiting on the phone.
        await Page.ReloadAsync();
        await Expect(Page.GetByText("เช็คแล้ว 3 จาก 3 คน")).ToBeVisibleAsync();
        await Expect(Page.GetByText("บันทึกไว้ในโทรศัพท์เครื่องนี้แล้ว จะส่งให้เองเมื่อมีสัญญาณ")).ToBeVisibleAsync();
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");
        await Expect(Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByLabel("ขาด")).ToBeCheckedAsync();
        Assert.That(await MarksAsync(), Is.Empty, "still nothing on the server");

        // The signal returns: the queue empties by itself and the trainer sees what the server did.
        await Page.Context.SetOfflineAsync(false);
        await Expect(badge).ToBeHiddenAsync();
        await Expect(Page.GetByText("ส่งจากโทรศัพท์เครื่องนี้แล้ว: WEA-07")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-offline-report]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-offline-report]")).ToContainTextAsync("บันทึกแล้ว 3 รายการ");
        var marks = await MarksAsync();
        for (var waited = 0; marks.Count < 3 && waited < 10_000; waited += 250)
        {
            await Task.Delay(250);
            marks = await MarksAsync();
        }
        Assert.That(marks, Is.EqualTo(new[] { "คำแสง:Present", "นวลจันทร์:Absent", "บัวเรียว:Present" }));
        Assert.That(await App.WithDatabaseAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceSubmissions WHERE SessionId = @session", new { session })),
            Is.EqualTo(1), "one submission, sent once");
    }
}
