using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A field officer calls a graduate whose 6-month follow-up is overdue and records it on a 360 px phone.</summary>
public sealed class RecordFollowUpTests : BrowserTest
{
    [Test]
    public async Task A_field_officer_records_an_overdue_follow_up_on_a_phone_with_the_baseline_beside_the_answers()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var email = await App.CreateUserAsync(Roles.FieldOfficer, KestrelApp.AdminPassword, districts: [5605]); // Dok Khamtai
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var person = await App.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 7, 'บ้านห้วยลาน', @now)", new { now });
            var person = await db.InsertAsync(
                """
                INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, Phone, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
                VALUES ('นางสาวดาว ศรีคำ', 'ดาว', 'Female', 2001, @village, '0865551234', 'ThaiId', 'Active', (SELECT MIN(Id) FROM Users), @now)
                """, new { village, now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('เบเกอรี่', 'Bakery', 45, 0, @now)", new { now });
            var cohort = await db.InsertAsync(
                "INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('BAK-2569-01', @course, @start, @end, 15, 'Completed', @now)",
                new { course, start = today.AddMonths(-9), end = today.AddMonths(-6).AddDays(-10), now });
            var enrollment = await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CreatedAt) VALUES (@cohort, @person, @start, 'Completed', @end, @now)",
                new { cohort, person, start = today.AddMonths(-9), end = today.AddMonths(-6).AddDays(-10), now });
            await db.ExecuteAsync(
                """
                INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, DoneOn, Method, WorkStatus, SkillIncomeSatang, TotalIncomeSatang, UsesSkill, SavesRegularly, CreatedAt)
                VALUES (@enrollment, @person, 'Baseline', @start, 'Done', @start, 'Visit', 'Unemployed', 0, 120000, 0, 0, @now)
                """, new { enrollment, person, start = today.AddMonths(-9), now });
            await db.ExecuteAsync(
                "INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, CreatedAt) VALUES (@enrollment, @person, 'SixMonths', @due, 'Due', @now)",
                new { enrollment, person, due = today.AddDays(-10), now });
            return person;
        });

        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(email);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "เปิดเมนู" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "การติดตาม" }).ClickAsync();
        var row = Page.Locator("[data-follow-up]", new() { HasText = "นางสาวดาว ศรีคำ" });
        await Expect(row.GetByText("เลยกำหนด")).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "0865551234" })).ToHaveAttributeAsync("href", "tel:0865551234");
        await row.GetByRole(AriaRole.Link, new() { Name = "บันทึกการติดตาม" }).ClickAsync();

        await Page.GetByText("ติดตามแล้ว", new() { Exact = true }).ClickAsync();
        await Page.GetByLabel("โทรศัพท์", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("สถานะการทำงาน").SelectOptionAsync("SelfEmployed");
        await Page.GetByLabel("รายได้ต่อเดือนจากทักษะที่เรียน (บาท)").FillAsync("3000");
        await Page.GetByLabel("รายได้รวมของตนเองต่อเดือน (บาท)").FillAsync("-4500");
        await Expect(Page.GetByText("ตั้งต้น: 1,200")).ToBeVisibleAsync(); // the baseline beside the total income
        await Page.GetByRole(AriaRole.Group, new() { Name = "ใช้ทักษะที่เรียน" }).GetByLabel("ใช่", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "ออมเงินสม่ำเสมอ" }).GetByLabel("ไม่ใช่").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();

        // A negative income is refused next to its field; the other answers stay.
        await Expect(Page.GetByText("ใส่จำนวนเงินตั้งแต่ 0 ถึง 10,000,000 บาท")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("สถานะการทำงาน")).ToHaveValueAsync("SelfEmployed");
        await Page.GetByLabel("รายได้รวมของตนเองต่อเดือน (บาท)").FillAsync("4500");
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Expect(Page.GetByText("บันทึกแล้ว")).ToBeVisibleAsync();

        // Nothing on the form is wider than the phone.
        Assert.That(await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));

        await GoToAsync($"/People/Details/{person}");
        var outcome = Page.Locator("[data-person-follow-ups]");
        await Expect(outcome.Locator("[data-self-reliant=yes]")).ToHaveCountAsync(1);
        await Expect(outcome.Locator("#income-chart")).ToBeVisibleAsync();
    }
}
