using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A group recorder, on a small phone after the market, records a sale and voids a wrong expense.</summary>
public sealed class KeepGroupLedgerTests : BrowserTest
{
    [Test]
    public async Task A_recorder_records_a_sale_and_voids_an_expense_on_a_phone()
    {
        var recorder = await App.CreateUserAsync(Roles.GroupRecorder, KestrelApp.AdminPassword);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var group = await App.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 4, 'บ้านห้วยทราย', @now)", new { now });
            var group = await db.InsertAsync("INSERT INTO ProducerGroups (Name, VillageId, Trade, Status, CreatedAt) VALUES ('กลุ่มทอผ้าห้วยทราย', @village, 'ทอผ้า', 'Active', @now)", new { village, now });
            await db.ExecuteAsync("INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@group, 'ผ้าซิ่น', 'ผืน', 120000, @now), (@group, 'ย่ามทอมือ', 'ใบ', 25000, @now)", new { group, now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'ProducerGroup', @group FROM Users WHERE Email = @recorder", new { group, recorder });
            await db.ExecuteAsync(
                """
                INSERT INTO LedgerEntries (GroupId, Kind, EntryDate, Amount, Category, SubmissionId, RecordedByUserId, RecordedAt)
                SELECT @group, 'Expense', @today, 48000, 'Transport', 'seeded-expense', Id, @now FROM Users WHERE Email = @recorder
                """, new { group, today, recorder, now });
            return group;
        });
        await Page.SetViewportSizeAsync(360, 740);
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(recorder);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();

        // Home → my group → record: the sale form, the usual price filled in, the amount worked out as the quantity is typed.
        await Page.GetByRole(AriaRole.Link, new() { Name = "กลุ่มของฉัน" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "กลุ่มทอผ้าห้วยทราย" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "บันทึกการขาย รายจ่าย หรือการจ่ายสมาชิก" }).TapAsync();
        await Page.GetByLabel("สินค้า", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ย่ามทอมือ (บาทต่อใบ: 250.00)" });
        await Expect(Page.GetByLabel("ราคาต่อหน่วย (บาท)")).ToHaveValueAsync("250");
        await Page.GetByLabel("จำนวน", new() { Exact = true }).FillAsync("3");
        await Expect(Page.GetByLabel("จำนวนเงิน (บาท)")).ToHaveValueAsync("750.00");
        Assert.That(await Page.GetByLabel("จำนวน", new() { Exact = true }).GetAttributeAsync("inputmode"), Is.EqualTo("decimal"), "a number keypad on a phone");
        await Page.GetByText("งานแสดงสินค้า").TapAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการขาย" }).TapAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("บันทึกแล้ว");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("750.00");
        // The next sale starts from the same product and channel.
        await Expect(Page.GetByLabel("สินค้า", new() { Exact = true })).ToHaveValueAsync(await App.WithDatabaseAsync(db => db.ExecuteScalarAsync<string>("SELECT CAST(Id AS TEXT) FROM Products WHERE Name = 'ย่ามทอมือ'")) ?? "");
        await Expect(Page.GetByLabel("งานแสดงสินค้า")).ToBeCheckedAsync();
        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));

        // The whole ledger → void the transport expense, saying why, after confirming.
        await Page.GetByRole(AriaRole.Link, new() { Name = "ดูบัญชีทั้งหมด" }).TapAsync();
        await Page.Locator("li", new() { HasText = "ค่าขนส่ง" }).GetByRole(AriaRole.Link, new() { Name = "ยกเลิกรายการ" }).TapAsync();
        await Page.GetByLabel("รายการนี้ผิดเพราะอะไร").FillAsync("ลงซ้ำ");
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "ยกเลิกรายการ" }).TapAsync();
        await Expect(Page.GetByText("ยกเลิกรายการแล้ว")).ToBeVisibleAsync();
        await Expect(Page.Locator("del", new() { HasText = "ค่าขนส่ง" })).ToBeVisibleAsync();

        var rows = await App.WithDatabaseAsync(db => db.QueryAsync<string>(
            "SELECT Kind || ':' || Amount || ':' || COALESCE(Channel, '') || ':' || COALESCE(VoidReason, '') FROM LedgerEntries WHERE GroupId = @group ORDER BY Id", new { group }));
        Assert.That(rows, Is.EqualTo(new[] { "Expense:48000::ลงซ้ำ", "Sale:75000:Fair:" }));

        // The group page no longer counts the voided expense.
        await GoToAsync($"/Groups/Details/{group}");
        await Expect(Page.Locator("[data-figure=expenses]")).ToHaveTextAsync("0.00");
        await Expect(Page.Locator("[data-figure=sales]")).ToHaveTextAsync("750.00");
    }
}
