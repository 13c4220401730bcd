using Livelihood.BrowserTests.Support;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A manager on a phone opens the outcomes dashboard, narrows it to the women of one district and downloads it.</summary>
public sealed class DashboardTests : BrowserTest
{
    [Test]
    public async Task A_manager_filters_the_dashboard_by_district_and_sex_and_downloads_the_xlsx()
    {
        var manager = await App.CreateUserAsync(Roles.Manager, KestrelApp.AdminPassword);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await App.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var dokKhamTai = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 7, 'บ้านดอกคำ', @now)", new { now });
            var wiang = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (570101, 8, 'บ้านเวียง', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ตัดเย็บ', 'ตัดเย็บ', 60, 0, @now)", new { now });
            var cohort = await db.InsertAsync(
                "INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('SEW-DASH-01', @course, @today, @today, 20, 'Running', @now)",
                new { course, today, now });
            foreach (var (name, sex, village) in new[] { ("มะลิ", "Female", dokKhamTai), ("ดาว", "Female", dokKhamTai), ("สมชาย", "Male", dokKhamTai), ("แก้ว", "Female", wiang) })
            {
                var person = await db.InsertAsync(
                    """
                    INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
                    VALUES (@name, @sex, 2005, @village, 'ThaiId', 'Active', (SELECT MIN(Id) FROM Users), @now)
                    """, new { name, sex, village, now });
                await db.ExecuteAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @person, @today, 'Enrolled', @now)",
                    new { cohort, person, today, now });
            }
            return 0;
        });
        await Page.SetViewportSizeAsync(360, 740);
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(manager);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "แดชบอร์ด" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "แดชบอร์ดผลลัพธ์", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-tile=Enrolled] [data-figure]")).ToHaveTextAsync("4");

        await Page.GetByLabel("อำเภอ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ดอกคำใต้" });
        await Page.GetByLabel("เพศ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "หญิง" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "แสดง" }).ClickAsync();
        await Expect(Page.Locator("[data-tile=Enrolled] [data-figure]")).ToHaveTextAsync("2");
        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลด XLSX" }).ClickAsync());
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = ImportFile.Read(file, "xlsx").Rows.Select(r => r.Values).ToList();
        var enrolled = rows.First(r => r[2] == "ผู้เข้าร่วมที่ลงทะเบียน");
        Assert.That(enrolled[1], Is.EqualTo("ทั้งหมด"));
        Assert.That(enrolled[3], Is.EqualTo("< 5"), "two women: a small count, suppressed in a file that leaves the office");
        Assert.That(download.SuggestedFilename, Does.EndWith(".xlsx"));
    }
}
