using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A trainer takes attendance for 25 people with two absentees in four taps, on a small phone.</summary>
public sealed class TakeAttendanceTests : BrowserTest
{
    [Test]
    public async Task Twenty_five_people_with_two_absentees_take_four_taps_on_a_360_px_phone()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var session = await App.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 4, 'บ้านห้วยทราย', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('เบเกอรี่', 'Bakery', 30, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('BAK-01', @course, @start, @end, 30, 'Running', @now)",
                new { course, start = today.AddDays(-7), end = today.AddDays(30), now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainer", new { cohort, trainer });
            for (var n = 1; n <= 25; n++)
            {
                var person = await db.InsertAsync(
                    "INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@name, @nick, 'Female', 2006, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                    new { name = $"ผู้เรียน {n:00}", nick = $"น้อง{n}", village, now });
                await db.ExecuteAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @person, @start, 'Enrolled', @now)",
                    new { cohort, person, start = today.AddDays(-7), now });
            }
            return await db.InsertAsync("INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @today, '09:00', 180, 'Scheduled', @now)",
                new { cohort, today, now });
        });
        await Page.SetViewportSizeAsync(360, 740);
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(trainer);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "BAK-01" }).ClickAsync();
        await Expect(Page.GetByText("เช็คแล้ว 0 จาก 25 คน")).ToBeVisibleAsync();

        var taps = 0;
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync(); taps++;
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "ผู้เรียน 03 (น้อง3)" }).GetByText("ขาด").TapAsync(); taps++;
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "ผู้เรียน 17 (น้อง17)" }).GetByText("ขาด").TapAsync(); taps++;
        await Expect(Page.GetByText("เช็คแล้ว 25 จาก 25 คน")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).TapAsync(); taps++;

        await Expect(Page.GetByText("บันทึกแล้ว 25 รายการ")).ToBeVisibleAsync();
        Assert.That(taps, Is.EqualTo(4));
        var marks = await App.WithDatabaseAsync(db => db.QueryAsync<string>(
            "SELECT p.FullNameTh || ':' || m.Mark FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE m.SessionId = @session AND m.Mark <> 'Present'",
            new { session }));
        Assert.That(marks, Is.EquivalentTo(new[] { "ผู้เรียน 03:Absent", "ผู้เรียน 17:Absent" }));
        Assert.That(await App.WithDatabaseAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceMarks WHERE SessionId = @session AND Mark = 'Present'", new { session })), Is.EqualTo(23));
        // Nothing on the page is wider than the phone.
        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));
    }
}
