using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Groups;

public sealed class GroupPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village;
    private long _person;

    [SetUp]
    public async Task AddVillageAndPerson()
    {
        var now = App.Clock.Now.UtcDateTime;
        await App.CreateUserAsync(Roles.Admin);
        (_village, _person) = await App.QueryAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560504, 1, 'บ้านปิน', @now)", new { now });
            var person = await db.InsertAsync(
                "INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES ('นางบัวคำ ทอผ้า', 'คำ', 'Female', 1980, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                new { village, now });
            return (village, person);
        });
    }

    private async Task<long> GroupAsync(HttpClient client, string name = "กลุ่มทอผ้าบ้านปิน")
    {
        var created = await client.PostFormAsync("/Groups/Edit", new()
        {
            ["Input.Name"] = name, ["Input.VillageId"] = _village.ToString(), ["Input.Trade"] = "ทอผ้า",
            ["Input.FoundedOn"] = "2025-06-01", ["Input.Status"] = "Active",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        return long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    [Test]
    public async Task A_field_officer_sets_up_a_group_with_a_member_and_a_product_priced_in_satang()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var group = await GroupAsync(officer);

        var member = await officer.PostFormAsync($"/Groups/Details/{group}?handler=Member", new() { ["personId"] = _person.ToString(), ["role"] = "Treasurer" },
            formPage: $"/Groups/Details/{group}");
        var product = await officer.PostFormAsync($"/Groups/Details/{group}?handler=Product",
            new() { ["NewProduct.Name"] = "ผ้าซิ่นไทลื้อ", ["NewProduct.Unit"] = "ผืน", ["NewProduct.UsualPrice"] = "1250.50" }, formPage: $"/Groups/Details/{group}");

        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(product.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT UsualPrice FROM Products WHERE GroupId = @group", new { group })), Is.EqualTo(125050));
        var page = await officer.GetStringAsync($"/Groups/Details/{group}");
        Assert.That(page, Does.Contain("นางบัวคำ ทอผ้า").And.Contain("เหรัญญิก").And.Contain("ผ้าซิ่นไทลื้อ").And.Contain("1,250.50"));
        Assert.That(await officer.GetStringAsync("/Groups"), Does.Contain("กลุ่มทอผ้าบ้านปิน"));
    }

    [Test]
    public async Task A_current_member_is_not_added_twice_and_a_price_with_three_decimals_is_refused()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var group = await GroupAsync(officer);
        await officer.PostFormAsync($"/Groups/Details/{group}?handler=Member", new() { ["personId"] = _person.ToString(), ["role"] = "Member" }, formPage: $"/Groups/Details/{group}");

        var twice = await officer.PostFormAsync($"/Groups/Details/{group}?handler=Member", new() { ["personId"] = _person.ToString(), ["role"] = "Chair" }, formPage: $"/Groups/Details/{group}");
        var price = await officer.PostFormAsync($"/Groups/Details/{group}?handler=Product",
            new() { ["NewProduct.Name"] = "เห็ด", ["NewProduct.Unit"] = "กก.", ["NewProduct.UsualPrice"] = "80.125" }, formPage: $"/Groups/Details/{group}");

        Assert.That(await twice.Content.ReadAsStringAsync(), Does.Contain("บุคคลนี้เป็นสมาชิกอยู่แล้ว"));
        Assert.That(await price.Content.ReadAsStringAsync(), Does.Contain("ใช้ทศนิยมไม่เกินสองตำแหน่ง"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM GroupMembers")), Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Products")), Is.Zero);
    }

    [Test]
    public async Task A_member_who_leaves_keeps_the_history_and_a_retired_product_stays_listed()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var group = await GroupAsync(officer);
        await officer.PostFormAsync($"/Groups/Details/{group}?handler=Member", new() { ["personId"] = _person.ToString(), ["role"] = "Member" }, formPage: $"/Groups/Details/{group}");
        await officer.PostFormAsync($"/Groups/Details/{group}?handler=Product", new() { ["NewProduct.Name"] = "เห็ด", ["NewProduct.Unit"] = "กก.", ["NewProduct.UsualPrice"] = "80" }, formPage: $"/Groups/Details/{group}");
        var (member, product) = await App.QueryAsync(async db => (await db.QuerySingleAsync<long>("SELECT Id FROM GroupMembers"), await db.QuerySingleAsync<long>("SELECT Id FROM Products")));

        await officer.PostFormAsync($"/Groups/Details/{group}?handler=Leave", new() { ["memberId"] = member.ToString(), ["version"] = "1" }, formPage: $"/Groups/Details/{group}");
        await officer.PostFormAsync($"/Groups/Details/{group}?handler=Retire", new() { ["productId"] = product.ToString(), ["version"] = "1" }, formPage: $"/Groups/Details/{group}");

        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM GroupMembers WHERE LeftOn IS NOT NULL")), Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<bool>("SELECT IsRetired FROM Products")), Is.True);
        Assert.That(await officer.GetStringAsync($"/Groups/Details/{group}"), Does.Contain("เลิกขายแล้ว").And.Contain("นางบัวคำ ทอผ้า"));
    }

    [Test]
    public async Task A_group_recorder_assigned_by_an_admin_sees_only_their_group_and_cannot_change_members()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var mine = await GroupAsync(officer);
        var other = await GroupAsync(officer, "กลุ่มเพาะเห็ด");
        var recorderEmail = await App.CreateUserAsync(Roles.GroupRecorder);
        var recorderId = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @recorderEmail", new { recorderEmail }));
        var admin = await App.SignedInAsync(Roles.Admin);
        var assigned = await admin.PostFormAsync($"/Admin/Users/Edit/{recorderId}?handler=Save",
            new() { ["Input.DisplayName"] = "ผู้บันทึก", ["Input.Role"] = Roles.GroupRecorder, ["Input.GroupId"] = mine.ToString(), ["Input.Version"] = "1" },
            formPage: $"/Admin/Users/Edit/{recorderId}");
        Assert.That(assigned.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var recorder = App.Browser();
        await recorder.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = recorderEmail, ["Input.Password"] = TestApp.Password });

        Assert.That((await recorder.GetAsync("/Groups")).Headers.Location?.OriginalString, Is.EqualTo($"/Groups/Details/{mine}"));
        Assert.That((await recorder.GetAsync($"/Groups/Details/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await recorder.GetAsync($"/Groups/Details/{other}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var add = await recorder.PostFormAsync($"/Groups/Details/{mine}?handler=Member", new() { ["personId"] = _person.ToString(), ["role"] = "Member" }, formPage: $"/Groups/Details/{mine}");
        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_recorder_without_a_group_is_refused_when_saved()
    {
        var recorderEmail = await App.CreateUserAsync(Roles.Trainer);
        var id = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @recorderEmail", new { recorderEmail }));
        var admin = await App.SignedInAsync(Roles.Admin);

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Save",
            new() { ["Input.DisplayName"] = "ผู้บันทึก", ["Input.Role"] = Roles.GroupRecorder, ["Input.Version"] = "1" }, formPage: $"/Admin/Users/Edit/{id}");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("กรุณาเลือกกลุ่มที่ผู้บันทึกบัญชีคนนี้ดูแล"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Role FROM Users WHERE Id = @id", new { id })), Is.EqualTo(Roles.Trainer));
    }

    [Test]
    public async Task The_manager_list_shows_last_sale_and_fiscal_year_sales_and_flags_an_active_group_quiet_for_60_days()
    {
        var selling = await Ledger.LedgerData.GroupAsync(App, "กลุ่มขายดี");
        var quiet = await Ledger.LedgerData.GroupAsync(App, "กลุ่มเงียบ");
        var voidedOnly = await Ledger.LedgerData.GroupAsync(App, "กลุ่มยกเลิก");
        // Today is 29 Nov 2026: 30 Sep 2026 is 60 days ago (still counts); the fiscal year began on 1 Oct 2026.
        await Ledger.LedgerData.EntryAsync(App, selling.Id, "Sale", "2026-09-30", 700m, productId: selling.ProductId, quantity: 1);
        await Ledger.LedgerData.EntryAsync(App, selling.Id, "Sale", "2026-10-01", 250.25m, productId: selling.ProductId, quantity: 1);
        await Ledger.LedgerData.EntryAsync(App, quiet.Id, "Sale", "2026-09-29", 100m, productId: quiet.ProductId, quantity: 1);
        await Ledger.LedgerData.EntryAsync(App, voidedOnly.Id, "Sale", "2026-11-20", 100m, productId: voidedOnly.ProductId, quantity: 1, voided: true);
        var manager = await App.SignedInAsync(Roles.Manager);

        var list = await manager.GetStringAsync("/Groups");
        var dormant = await manager.GetStringAsync("/Groups?dormant=true");

        Assert.That(Row(list, "กลุ่มขายดี"), Does.Contain("1 ต.ค. 2569").And.Contain("250.25").And.Not.Contain("อาจหยุดดำเนินการ"));
        Assert.That(Row(list, "กลุ่มเงียบ"), Does.Contain("29 ก.ย. 2569").And.Contain("อาจหยุดดำเนินการ"));
        Assert.That(Row(list, "กลุ่มยกเลิก"), Does.Contain("ยังไม่มี").And.Contain("อาจหยุดดำเนินการ"));
        Assert.That(dormant, Does.Contain("กลุ่มเงียบ").And.Contain("กลุ่มยกเลิก").And.Not.Contain("กลุ่มขายดี"));
    }

    private static string Row(string page, string group)
    {
        var start = page.IndexOf($">{group}</a>", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), group);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
