using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Features.Alerts;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.FollowUps;

public sealed class FollowUpPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private FollowUpData _data = null!;

    [SetUp]
    public async Task CreateData() => _data = await FollowUpData.CreateAsync(App);

    private static Dictionary<string, string> DoneForm(string total = "4500", string skill = "3000", string doneOn = "2026-11-28", string version = "1") => new()
    {
        ["Input.Outcome"] = "Done",
        ["Input.DoneOn"] = doneOn,
        ["Input.Method"] = "Phone",
        ["Input.WorkStatus"] = "SelfEmployed",
        ["Input.SkillIncome"] = skill,
        ["Input.TotalIncome"] = total,
        ["Input.UsesSkill"] = "true",
        ["Input.SavesRegularly"] = "false",
        ["Input.Note"] = "ขายเสื้อที่ตลาดนัด",
        ["Input.Version"] = version,
    };

    [Test]
    public async Task A_field_officer_sees_only_the_follow_ups_of_their_districts_and_a_manager_sees_all()
    {
        var (_, mine) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", AlertData.DokKhamTai);
        var (_, theirs) = await _data.EnrolledAsync("นางสาวบัว คำมา", AlertData.Wiang);
        var myFollowUp = await _data.FollowUpAsync(mine, "ThreeMonths", "2026-11-20");
        var theirFollowUp = await _data.FollowUpAsync(theirs, "ThreeMonths", "2026-11-10");
        var (officer, _) = await _data.OfficerAsync(FollowUpData.DokKhamTaiDistrict);
        var (unassigned, _) = await _data.OfficerAsync();
        var manager = await App.SignedInAsync(Roles.Manager);

        var list = await officer.GetStringAsync("/FollowUps");
        Assert.That(list, Does.Contain("นางสาวมาลี ใจดี").And.Contain("href=\"tel:0812345678\"").And.Not.Contain("นางสาวบัว คำมา"));
        Assert.That(list, Does.Contain("ทั้งหมด 1 รายการ"), "the officer's count");
        Assert.That((await officer.GetAsync($"/FollowUps/Record/{theirFollowUp}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await officer.GetAsync($"/FollowUps/Record/{myFollowUp}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await officer.GetStringAsync($"/FollowUps?DistrictId={FollowUpData.MueangChiangRaiDistrict}"), Does.Not.Contain("นางสาวบัว คำมา"),
            "a district filter outside the scope shows nothing of it");

        Assert.That(await unassigned.GetStringAsync("/FollowUps"), Does.Not.Contain("data-follow-up=").And.Contain("ยังไม่ได้รับมอบหมายอำเภอ"));

        var all = await manager.GetStringAsync("/FollowUps");
        Assert.That(all.IndexOf("นางสาวบัว คำมา", StringComparison.Ordinal), Is.LessThan(all.IndexOf("นางสาวมาลี ใจดี", StringComparison.Ordinal)).And.GreaterThan(0),
            "earliest due first");
        Assert.That(all, Does.Contain("ทั้งหมด 2 รายการ"), "everyone's count");
        Assert.That(await manager.GetStringAsync($"/FollowUps?DistrictId={FollowUpData.MueangChiangRaiDistrict}"),
            Does.Contain("นางสาวบัว คำมา").And.Not.Contain("นางสาวมาลี ใจดี").And.Contain("ทั้งหมด 1 รายการ"));
        Assert.That(await manager.GetStringAsync("/FollowUps?Status=Overdue"), Does.Contain("ทั้งหมด 2 รายการ"), "both were due before today, 29 Nov");
        Assert.That(await manager.GetStringAsync("/FollowUps?Status=Done"), Does.Contain("ทั้งหมด 0 รายการ"));
    }

    [Test]
    public async Task Trainers_and_group_recorders_cannot_open_follow_ups()
    {
        foreach (var role in new[] { Roles.Trainer, Roles.GroupRecorder })
            Assert.That((await (await App.SignedInAsync(role)).GetAsync("/FollowUps")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), role);
    }

    [Test]
    public async Task Recording_a_done_follow_up_saves_the_answers_in_satang_and_is_audited()
    {
        var (person, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี");
        await _data.FollowUpAsync(enrollment, "Baseline", "2026-05-01", "Done", 120000, "Unemployed", "2026-05-02");
        var followUp = await _data.FollowUpAsync(enrollment, "SixMonths", "2026-11-20");
        var (officer, officerId) = await _data.OfficerAsync(FollowUpData.DokKhamTaiDistrict);

        var form = await officer.GetStringAsync($"/FollowUps/Record/{followUp}");
        Assert.That(form, Does.Contain("data-before").And.Contain("ตั้งต้น: 1,200"), "the baseline's total income shows beside the field");
        Assert.That(form, Does.Contain("inputmode=\"numeric\"").And.Contain("max=\"2026-11-29\""));

        var response = await officer.PostFormAsync($"/FollowUps/Record/{followUp}", DoneForm(total: "4500.50"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var row = (await _data.RowsAsync()).Single(r => r.Id == followUp);
        Assert.That((row.Status, row.TotalIncomeSatang, row.SkillIncomeSatang, row.DoneOn), Is.EqualTo(("Done", (long?)450050, (long?)300000, (DateOnly?)AlertData.Day("2026-11-28"))));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT DoneByUserId FROM FollowUps WHERE Id = @followUp", new { followUp })), Is.EqualTo(officerId));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'FollowUps' AND Action = 'Record' AND RowId = @followUp", new { followUp })),
            Is.EqualTo(1));

        var personPage = await officer.GetStringAsync($"/People/Details/{person}");
        Assert.That(personPage, Does.Contain("data-person-follow-ups").And.Contain("data-self-reliant=\"yes\""), "4 500.50 THB self-employed is above the 3 000 THB line");
    }

    [TestCase("-1", "2026-11-28", "Input.TotalIncome", "ใส่จำนวนเงินตั้งแต่ 0 ถึง 10,000,000 บาท")]
    [TestCase("4500", "2026-11-30", "Input.DoneOn", "วันที่ต้องไม่เป็นวันในอนาคต")]
    [TestCase("", "2026-11-28", "Input.TotalIncome", "ใส่รายได้ต่อเดือนเป็นบาท (ใส่ 0 ถ้าไม่มี)")]
    public async Task An_invalid_answer_is_refused_next_to_its_field_and_nothing_is_saved(string total, string doneOn, string field, string message)
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี");
        var followUp = await _data.FollowUpAsync(enrollment, "ThreeMonths", "2026-11-20");
        var manager = await App.SignedInAsync(Roles.Manager);

        var response = await manager.PostFormAsync($"/FollowUps/Record/{followUp}", DoneForm(total: total, skill: "0", doneOn: doneOn));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"data-valmsg-for=\"{field}\"").And.Contain(message));
        Assert.That(page, Does.Contain("ขายเสื้อที่ตลาดนัด"), "what was typed stays");
        Assert.That((await _data.RowsAsync()).Single().Status, Is.EqualTo("Due"));
    }

    [Test]
    public async Task A_missed_follow_up_needs_a_reason_and_keeps_no_answers()
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี");
        var followUp = await _data.FollowUpAsync(enrollment, "ThreeMonths", "2026-11-20");
        var manager = await App.SignedInAsync(Roles.Manager);
        var form = DoneForm();
        form["Input.Outcome"] = "Missed";

        var refused = await manager.PostFormAsync($"/FollowUps/Record/{followUp}", form);
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("เลือกเหตุผลที่ติดตามไม่ได้"));

        form["Input.MissedReason"] = "CouldNotReach";
        var saved = await manager.PostFormAsync($"/FollowUps/Record/{followUp}", form);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var row = (await _data.RowsAsync()).Single();
        Assert.That((row.Status, row.MissedReason, row.TotalIncomeSatang), Is.EqualTo(("Missed", "CouldNotReach", (long?)null)));
    }

    [Test]
    public async Task A_stale_save_is_refused_and_the_typed_answers_stay()
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี");
        var followUp = await _data.FollowUpAsync(enrollment, "ThreeMonths", "2026-11-20");
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/FollowUps/Record/{followUp}", DoneForm(total: "5000"));

        var stale = await manager.PostFormAsync($"/FollowUps/Record/{followUp}", DoneForm(total: "7000", version: "1"));

        var page = await stale.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("มีผู้อื่นบันทึกการติดตามนี้").And.Contain("value=\"7000\""));
        Assert.That((await _data.RowsAsync()).Single().TotalIncomeSatang, Is.EqualTo(500000));
    }

    [Test]
    public async Task An_admin_assigns_a_field_officers_districts_on_the_user_page()
    {
        await _data.Data.VillageAsync(AlertData.DokKhamTai);
        var email = await App.CreateUserAsync(Roles.FieldOfficer);
        var id = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @email", new { email }));
        var admin = await App.SignedInAsync(Roles.Admin);

        var page = await admin.GetStringAsync($"/Admin/Users/Edit/{id}");
        Assert.That(page, Does.Contain($"value=\"{FollowUpData.DokKhamTaiDistrict}\""), "districts of Phayao, where a village exists");

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Save", new()
        {
            ["Input.DisplayName"] = "Officer", ["Input.Role"] = Roles.FieldOfficer, ["Input.Version"] = "1",
            ["Input.DistrictIds"] = FollowUpData.DokKhamTaiDistrict.ToString(),
        }, formPage: $"/Admin/Users/Edit/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await App.QueryAsync(db => db.QueryAsync<long>("SELECT ScopeId FROM UserScopes WHERE UserId = @id AND ScopeKind = 'District'", new { id })),
            Is.EqualTo(new[] { FollowUpData.DokKhamTaiDistrict }));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'Users' AND Action = 'Scope' AND RowId = @id", new { id })),
            Is.EqualTo(1));
    }

    [Test]
    public async Task A_manager_sets_the_self_reliance_line_fiscal_year_start_and_age_bands()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var form = await manager.GetStringAsync("/Settings");
        Assert.That(form, Does.Contain("value=\"3000").And.Contain("15, 18, 25, 36"));
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var bad = await manager.PostFormAsync("/Settings", new()
        {
            ["Input.DefaultLanguage"] = "th", ["Input.SelfRelianceLine"] = "3200", ["Input.FiscalYearMonth"] = "2", ["Input.FiscalYearDay"] = "30",
            ["Input.AgeBands"] = "18, 15", ["Input.Version"] = version,
        });
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("เลือกวันที่มีอยู่ในเดือนนั้น").And.Contain("ใส่อายุเป็นจำนวนเต็มเรียงจากน้อยไปมาก"));

        var saved = await manager.PostFormAsync("/Settings", new()
        {
            ["Input.DefaultLanguage"] = "th", ["Input.SelfRelianceLine"] = "3200.50", ["Input.FiscalYearMonth"] = "1", ["Input.FiscalYearDay"] = "1",
            ["Input.AgeBands"] = "15, 18, 25, 36, 60", ["Input.Version"] = version,
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var values = (await App.QueryAsync(db => db.QueryAsync<(string, string)>(
            "SELECT Name, Value FROM Settings WHERE Name IN ('SelfRelianceLineSatang', 'FiscalYearStart', 'AgeBands') ORDER BY Name"))).ToList();
        Assert.That(values, Is.EqualTo(new[] { ("AgeBands", "15,18,25,36,60"), ("FiscalYearStart", "01-01"), ("SelfRelianceLineSatang", "320050") }));

        var stale = await manager.PostFormAsync("/Settings", new()
        {
            ["Input.DefaultLanguage"] = "en", ["Input.SelfRelianceLine"] = "3000", ["Input.FiscalYearMonth"] = "10", ["Input.FiscalYearDay"] = "1",
            ["Input.AgeBands"] = "15", ["Input.Version"] = version,
        });
        Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("alert-danger"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Value FROM Settings WHERE Name = 'DefaultLanguage'")), Is.EqualTo("th"),
            "nothing of a stale save is kept");
    }
}
