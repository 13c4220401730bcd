using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A manager sets up a course and a cohort, generates its sessions and enrolls five people (in English).</summary>
public sealed class SetUpCohortTests : BrowserTest
{
    [Test]
    public async Task A_manager_creates_a_course_and_a_cohort_generates_sessions_and_enrolls_five_people()
    {
        var manager = await App.CreateUserAsync(Roles.Manager, KestrelApp.AdminPassword);
        await App.WithDatabaseAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560504, 2, 'บ้านปินเหนือ', @now)", new { now = DateTime.UtcNow });
            foreach (var name in new[] { "มาลี", "บัวคำ", "จันทร์เพ็ญ", "ดวงใจ", "แสงเดือน" })
                await db.ExecuteAsync(
                    """
                    INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
                    VALUES (@FullNameTh, 'ทดสอบ', 'Female', 2000, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)
                    """, new { FullNameTh = $"นางสาว{name} ทอผ้า", village, now = DateTime.UtcNow });
            return 0;
        });
        await Page.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c=en-GB|uic=en-GB", Url = App.Url("/") }]);

        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("Email").FillAsync(manager);
        await Page.GetByLabel("Password").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // A course.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cohorts" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Courses" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New course" }).ClickAsync();
        await Page.GetByLabel("Name (Thai)").FillAsync("ทอผ้าไทลื้อ");
        await Page.GetByLabel("Name (English)").FillAsync("Tai Lue weaving");
        await Page.GetByLabel("Category").FillAsync("Weaving");
        await Page.GetByLabel("Standard hours").FillAsync("36");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "ทอผ้าไทลื้อ" })).ToBeVisibleAsync();

        // A cohort of it.
        await GoToAsync("/Cohorts");
        await Page.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await Page.GetByLabel("Cohort code").FillAsync("WEA-2570-01");
        await Page.GetByLabel("Course").SelectOptionAsync(new SelectOptionValue { Label = "ทอผ้าไทลื้อ" });
        await Page.GetByLabel("Start date").FillAsync("2027-01-04");
        await Page.GetByLabel("End date").FillAsync("2027-01-29");
        await Page.GetByLabel("Capacity").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("WEA-2570-01");

        // Its sessions: Monday, Wednesday and Friday mornings, skipping a holiday.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        // The pattern form opens by itself while the cohort has no session; otherwise its summary opens it.
        if (await Page.Locator("details:has(#generate-heading)").GetAttributeAsync("open") is null)
            await Page.Locator("#generate-heading").ClickAsync();
        foreach (var day in new[] { "Monday", "Wednesday", "Friday" }) await Page.GetByLabel(day).CheckAsync();
        await Page.GetByLabel("Start time").First.FillAsync("09:00");
        await Page.GetByLabel("Hours").First.FillAsync("3");
        await Page.GetByLabel("Holidays to skip (optional)").FillAsync("2027-01-15");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Generate sessions" }).ClickAsync();
        await Expect(Page.GetByText("11 sessions added.")).ToBeVisibleAsync();

        // Five people from the registry.
        await GoToAsync("/Cohorts");
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-2570-01" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Enroll people" }).ClickAsync();
        await Page.GetByPlaceholder("Search the registry by name, nickname or phone").FillAsync("ทอผ้า");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        for (var enrolled = 1; enrolled <= 5; enrolled++)
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Enroll", Exact = true }).First.ClickAsync();
            await Expect(Page.GetByText($"{enrolled} of 12 seats taken.")).ToBeVisibleAsync();
        }
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enroll", Exact = true })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-2570-01" }).ClickAsync();
        await Expect(Page.GetByText("5 of 12 seats taken.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "นางสาวมาลี ทอผ้า" })).ToBeVisibleAsync();
    }
}
