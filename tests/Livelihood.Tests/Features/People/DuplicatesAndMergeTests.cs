using System.Net;
using Dapper;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.People;

public sealed class DuplicatesAndMergeTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village;
    private long _otherSubdistrictVillage;

    [SetUp]
    public async Task AddVillages()
    {
        _village = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560504, 3, 'บ้านปินใต้', @Now)", new { Now = App.Clock.Now.UtcDateTime }));
        _otherSubdistrictVillage = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (570101, 1, 'บ้านเวียง', @Now)", new { Now = App.Clock.Now.UtcDateTime }));
    }

    private Dictionary<string, string> Form(string name, long village, string phone, string idNumber, string birthDate = "1990-05-17") => new()
    {
        ["Input.FullNameTh"] = name, ["Input.Sex"] = "Female", ["Input.BirthDate"] = birthDate,
        ["Input.VillageId"] = village.ToString(), ["Input.Phone"] = phone,
        ["Input.CitizenshipStatus"] = idNumber == "" ? "None" : "ThaiId", ["Input.IdNumber"] = idNumber,
    };

    private Task<int> PeopleCountAsync() => App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People"));

    [TestCase("นางสาวมาลี ใจดี", "0899999999", "", "ชื่อและปีเกิดเดียวกันในตำบลเดียวกัน", TestName = "Same name and birth year in the subdistrict")]
    [TestCase("นางสาวมาลา ใจงาม", "0811111111", "", "เบอร์โทรเดียวกันในตำบลเดียวกัน", TestName = "Same phone in the subdistrict")]
    [TestCase("นางสาวมาลา ใจงาม", "0899999999", "1101700207030", "เลขบัตรเดียวกัน", TestName = "Same ID number")]
    public async Task Registering_a_possible_duplicate_warns_with_a_link_and_saves_only_when_confirmed(string name, string phone, string idNumber, string reason)
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var first = await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", "1101700207030"));
        var firstId = first.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];

        var warned = await officer.PostFormAsync("/People/Edit", Form(name, _village, phone, idNumber));
        var html = await warned.Content.ReadAsStringAsync();
        Assert.That(warned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("บุคคลนี้อาจลงทะเบียนไว้แล้ว").And.Contain($"/People/Details/{firstId}").And.Contain(reason));
        Assert.That(html, Does.Contain($"value=\"{name}\""), "the input is kept");
        Assert.That(await PeopleCountAsync(), Is.EqualTo(1));

        var confirmed = Form(name, _village, phone, idNumber);
        confirmed["NotADuplicate"] = "true";
        Assert.That((await officer.PostFormAsync("/People/Edit", confirmed)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await PeopleCountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_duplicate_id_number_is_named_only_to_who_may_see_the_person_and_their_id()
    {
        var registrar = await App.SignedInAsync(Roles.FieldOfficer); // works in every district
        await registrar.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _otherSubdistrictVillage, "0811111111", "1101700207030"));
        var (elsewhere, _) = await App.SignedInOfficerAsync(5605); // the village above is in Mueang Chiang Rai, 5701
        var (sameDistrict, _) = await App.SignedInOfficerAsync(5701);

        foreach (var (officer, why) in new[] { (elsewhere, "a person outside the officer's districts"), (sameDistrict, "an ID the officer may not see") })
        {
            var village = officer == elsewhere ? _village : _otherSubdistrictVillage;
            var html = await (await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลา ใจงาม", village, "0899999999", "1101700207030"))).Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("มีคนลงทะเบียนด้วยเลขบัตรนี้แล้ว โปรดสอบถามผู้จัดการ"), why);
            Assert.That(html, Does.Not.Contain("นางสาวมาลี ใจดี").And.Not.Contain("/People/Details/"), why);
        }
        var manager = await App.SignedInAsync(Roles.Manager);
        var named = await (await manager.PostFormAsync("/People/Edit", Form("นางสาวมาลา ใจงาม", _village, "0899999999", "1101700207030"))).Content.ReadAsStringAsync();
        Assert.That(named, Does.Contain("นางสาวมาลี ใจดี").And.Contain("เลขบัตรเดียวกัน"), "a manager sees who it is");
        Assert.That(await PeopleCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_officer_registers_people_only_in_their_districts()
    {
        var (officer, _) = await App.SignedInOfficerAsync(5605);
        var outside = await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _otherSubdistrictVillage, "0811111111", ""));
        Assert.That(await outside.Content.ReadAsStringAsync(), Does.Contain("เลือกหมู่บ้านในอำเภอที่คุณดูแล"));
        Assert.That(await PeopleCountAsync(), Is.EqualTo(0));
        Assert.That((await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", ""))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task The_same_name_and_year_in_another_subdistrict_is_not_a_duplicate()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", ""));

        var other = await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _otherSubdistrictVillage, "0822222222", ""));

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_manager_merges_a_duplicate_and_every_row_pointing_at_it_moves_to_the_survivor()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        long Register(HttpResponseMessage r) => long.Parse(r.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var survivor = Register(await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", "")));
        var duplicateForm = Form("นางสาวมาลี ใจดี", _village, "0811111111", "");
        duplicateForm["NotADuplicate"] = "true";
        var duplicate = Register(await officer.PostFormAsync("/People/Edit", duplicateForm));
        foreach (var person in new[] { survivor, duplicate, duplicate })
            await officer.PostFormAsync($"/People/Details/{person}?handler=Consent",
                new() { ["NewConsent.GivenBy"] = "Person", ["NewConsent.GivenOn"] = "2026-11-01", ["NewConsent.DataProcessing"] = "true" },
                formPage: $"/People/Details/{person}");

        var manager = await App.SignedInAsync(Roles.Manager);
        var merged = await manager.PostFormAsync("/People/Merge", new()
        {
            ["survivor"] = survivor.ToString(), ["duplicate"] = duplicate.ToString(), ["survivorVersion"] = "1", ["duplicateVersion"] = "1",
        }, formPage: $"/People/Merge?survivor={survivor}&duplicate={duplicate}");

        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        foreach (var (table, column) in PersonReferences.All)
        {
            Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>($"SELECT COUNT(1) FROM {table} WHERE {column} = @duplicate", new { duplicate })), Is.Zero, table);
        }
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Consents WHERE PersonId = @survivor", new { survivor })), Is.EqualTo(3));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People WHERE Id = @duplicate", new { duplicate })), Is.Zero);
        var audit = await App.QueryAsync(db => db.QueryAsync<string>("SELECT Action FROM AuditLog WHERE TableName = 'People' AND RowId IN @ids ORDER BY Id", new { ids = new[] { survivor, duplicate } }));
        Assert.That(audit, Does.Contain("MergedAway").And.Contain("Merge"));
    }

    [Test]
    public async Task A_merge_with_a_stale_version_changes_nothing()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        long Register(HttpResponseMessage r) => long.Parse(r.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var survivor = Register(await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", "")));
        var other = Form("นางสาวมาลา ใจงาม", _otherSubdistrictVillage, "0822222222", "");
        var duplicate = Register(await officer.PostFormAsync("/People/Edit", other));
        await officer.PostFormAsync($"/People/Details/{duplicate}?handler=Consent",
            new() { ["NewConsent.GivenBy"] = "Person", ["NewConsent.GivenOn"] = "2026-11-01", ["NewConsent.DataProcessing"] = "true" },
            formPage: $"/People/Details/{duplicate}");

        var manager = await App.SignedInAsync(Roles.Manager);
        var response = await manager.PostFormAsync("/People/Merge", new()
        {
            ["survivor"] = survivor.ToString(), ["duplicate"] = duplicate.ToString(), ["survivorVersion"] = "1", ["duplicateVersion"] = "7",
        }, formPage: $"/People/Merge?survivor={survivor}&duplicate={duplicate}");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ยังไม่ได้รวมข้อมูล"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Consents WHERE PersonId = @duplicate", new { duplicate })), Is.EqualTo(1));
        Assert.That(await PeopleCountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Two_records_enrolled_in_the_same_cohort_are_not_merged_until_one_enrollment_ends()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        long Register(HttpResponseMessage r) => long.Parse(r.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var survivor = Register(await officer.PostFormAsync("/People/Edit", Form("นางสาวมาลี ใจดี", _village, "0811111111", "")));
        var second = Form("นางสาวมาลี ใจดี", _village, "0811111111", "");
        second["NotADuplicate"] = "true";
        var duplicate = Register(await officer.PostFormAsync("/People/Edit", second));
        var now = App.Clock.Now.UtcDateTime;
        await App.QueryAsync(async db =>
        {
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'หัตถกรรม', 40, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-01', @course, '2026-11-01', '2027-01-31', 9, 'Running', @now)", new { course, now });
            return await db.ExecuteAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @survivor, '2026-11-01', 'Enrolled', @now), (@cohort, @duplicate, '2026-11-01', 'Enrolled', @now)",
                new { cohort, survivor, duplicate, now });
        });

        var manager = await App.SignedInAsync(Roles.Manager);
        var response = await manager.PostFormAsync("/People/Merge", new()
        {
            ["survivor"] = survivor.ToString(), ["duplicate"] = duplicate.ToString(), ["survivorVersion"] = "1", ["duplicateVersion"] = "1",
        }, formPage: $"/People/Merge?survivor={survivor}&duplicate={duplicate}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ทั้งสองรายการยังอยู่ในรุ่นหรือกลุ่มเดียวกัน"));
        Assert.That(await PeopleCountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Field_officers_cannot_merge()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        Assert.That((await officer.GetAsync("/People/Merge")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Every_foreign_key_to_people_in_the_schema_is_moved_by_a_merge()
    {
        if (Provider != DatabaseProvider.Sqlite) Assert.Ignore("reads SQLite's catalogue; the schemas are kept equal by the parity test");
        await using var connection = await App.Database.Factory.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var references = new List<(string, string)>();
        foreach (var table in tables)
            foreach (var fk in await connection.QueryAsync($"SELECT \"table\" AS Target, \"from\" AS ColumnName FROM pragma_foreign_key_list('{table}')"))
                if ((string)fk.Target == "People") references.Add((table, (string)fk.ColumnName));

        Assert.That(references, Is.Not.Empty);
        Assert.That(PersonReferences.All, Is.EquivalentTo(references));
    }
}
