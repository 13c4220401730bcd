using System.Net;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.People;

public sealed partial class PeoplePagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village;

    [SetUp]
    public async Task AddVillage()
        => _village = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560504, 3, 'บ้านปินใต้', @Now)",
            new { Now = App.Clock.Now.UtcDateTime }));

    private Dictionary<string, string> Adult(string name = "นางสาวมาลี ใจดี") => new()
    {
        ["Input.FullNameTh"] = name,
        ["Input.Nickname"] = "ลี",
        ["Input.Sex"] = "Female",
        ["Input.BirthDate"] = "1990-05-17",
        ["Input.VillageId"] = _village.ToString(),
        ["Input.Phone"] = "0812345678",
        ["Input.CitizenshipStatus"] = "ThaiId",
        ["Input.IdNumber"] = "1-1017-00207-03-0",
        ["Input.Ethnicity"] = "ไทใหญ่",
        ["Input.Vulnerabilities"] = "Poverty",
    };

    private static long IdFrom(HttpResponseMessage response)
        => long.Parse(DetailsId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);

    private async Task<(HttpClient Officer, long PersonId)> RegisteredAdultAsync()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var response = await officer.PostFormAsync("/People/Edit", Adult());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return (officer, IdFrom(response));
    }

    private Task<T> ColumnAsync<T>(long id, string column)
        => App.QueryAsync(db => db.QuerySingleAsync<T>($"SELECT {column} FROM People WHERE Id = @id", new { id }));

    [Test]
    public async Task A_field_officer_registers_an_adult_and_the_insert_is_audited()
    {
        var (officer, id) = await RegisteredAdultAsync();

        Assert.That(await ColumnAsync<string>(id, "IdNumber"), Is.EqualTo("1101700207030"), "stored as 13 digits");
        Assert.That(await ColumnAsync<int>(id, "BirthYear"), Is.EqualTo(1990));
        Assert.That(await ColumnAsync<string>(id, "VulnerabilityFlags"), Is.EqualTo("Poverty"));
        var details = await officer.GetStringAsync($"/People/Details/{id}");
        Assert.That(details, Does.Contain("1-1017-00207-03-0").And.Contain("หมู่ 3 บ้านปินใต้").And.Contain("ดอกคำใต้"));
        Assert.That(await officer.GetStringAsync($"/People/Edit/{id}"), Does.Contain("value=\"1990-05-17\""),
            "a stored date fills the date input as ISO even in Thai (Buddhist calendar)");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM AuditLog WHERE TableName = 'People' AND RowId = @id AND Action = 'Insert'", new { id })), Is.EqualTo(1));
    }

    [Test]
    public async Task A_minor_without_a_guardian_is_refused_next_to_the_guardian_fields_and_nothing_is_saved()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult("เด็กหญิงฝน ทดสอบ");
        form["Input.BirthDate"] = "2011-03-02";

        var response = await officer.PostFormAsync("/People/Edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Match("data-valmsg-for=\"Input.GuardianName\"[^>]*>ผู้ที่อายุต่ำกว่า 18 ปีต้องมีผู้ปกครอง"));
        Assert.That(html, Does.Contain("data-valmsg-for=\"Input.GuardianPhone\""));
        Assert.That(html, Does.Contain("value=\"เด็กหญิงฝน ทดสอบ\"").And.Contain("value=\"0812345678\""), "other input is kept");
        Assert.That(html, Does.Contain("value=\"2011-03-02\""), "the date input gets its ISO value back, not a Buddhist-era year");
        Assert.That(html, Does.Match($"<option value=\"{_village}\" selected=\"selected\">"), "the village stays chosen");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People")), Is.Zero);
    }

    [Test]
    public async Task A_minor_with_a_guardian_is_registered()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult("เด็กหญิงฝน ทดสอบ");
        form["Input.BirthDate"] = "2011-03-02";
        form["Input.GuardianName"] = "นางบัวคำ ทดสอบ";
        form["Input.GuardianRelation"] = "แม่";
        form["Input.GuardianPhone"] = "0899999999";

        var response = await officer.PostFormAsync("/People/Edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ColumnAsync<string>(IdFrom(response), "GuardianName"), Is.EqualTo("นางบัวคำ ทดสอบ"));
    }

    [TestCase("1101700207031", "เลขบัตรประชาชนไม่ถูกต้อง")]
    [TestCase("", "กรุณากรอกเลขบัตรประชาชน 13 หลัก")]
    public async Task A_bad_thai_id_is_refused_with_a_message(string idNumber, string message)
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult();
        form["Input.IdNumber"] = idNumber;

        var html = await (await officer.PostFormAsync("/People/Edit", form)).Content.ReadAsStringAsync();

        Assert.That(html, Does.Match($"data-valmsg-for=\"Input.IdNumber\"[^>]*>{message}"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People")), Is.Zero);
    }

    [Test]
    public async Task A_highland_card_number_is_kept_as_written()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult();
        form["Input.CitizenshipStatus"] = "HighlandCard";
        form["Input.IdNumber"] = "0-5712-34567-89-0";

        var response = await officer.PostFormAsync("/People/Edit", form);

        Assert.That(await ColumnAsync<string>(IdFrom(response), "IdNumber"), Is.EqualTo("0-5712-34567-89-0"));
    }

    [TestCase("2549", 2006, TestName = "A Buddhist-era birth year is converted")]
    [TestCase("1980", 1980, TestName = "A common-era birth year is kept")]
    public async Task Someone_who_knows_only_the_birth_year_is_registered_with_it(string typed, int stored)
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult();
        form["Input.BirthDate"] = "";
        form["Input.BirthYear"] = typed;

        var response = await officer.PostFormAsync("/People/Edit", form);

        var id = IdFrom(response);
        Assert.That(await ColumnAsync<int>(id, "BirthYear"), Is.EqualTo(stored));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<DateOnly?>("SELECT BirthDate FROM People WHERE Id = @id", new { id })), Is.Null);
    }

    [Test]
    public async Task Without_birth_date_or_year_the_form_asks_for_one()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult();
        form["Input.BirthDate"] = "";

        var html = await (await officer.PostFormAsync("/People/Edit", form)).Content.ReadAsStringAsync();

        Assert.That(html, Does.Match("data-valmsg-for=\"Input.BirthDate\"[^>]*>กรุณากรอกวันเกิด หรือปีเกิด"));
    }

    [TestCase(Roles.Manager, true)]
    [TestCase(Roles.Admin, true)]
    [TestCase(Roles.FieldOfficer, false)]
    public async Task Sensitive_fields_are_masked_for_everyone_but_managers_admins_and_the_registering_officer(string role, bool visible)
    {
        var (_, id) = await RegisteredAdultAsync();
        var other = await App.SignedInAsync(role);

        var details = await other.GetStringAsync($"/People/Details/{id}");
        var edit = await other.GetStringAsync($"/People/Edit/{id}");

        if (visible)
        {
            Assert.That(details, Does.Contain("1-1017-00207-03-0").And.Contain("ไทใหญ่").And.Contain("ครัวเรือนต่ำกว่าเส้นความยากจน"));
            return;
        }
        Assert.That(details, Does.Contain("x-xxxx-xxxxx-03-0").And.Not.Contain("1101700207030").And.Not.Contain("1-1017-00207-03-0"));
        Assert.That(details, Does.Not.Contain("ไทใหญ่").And.Not.Contain("ครัวเรือนต่ำกว่าเส้นความยากจน"));
        Assert.That(edit, Does.Not.Contain("1101700207030").And.Not.Contain("ไทใหญ่").And.Not.Contain("name=\"Input.IdNumber\""));
    }

    [Test]
    public async Task An_officer_who_may_not_see_the_sensitive_fields_can_edit_the_rest_without_touching_them()
    {
        var (_, id) = await RegisteredAdultAsync();
        var other = await App.SignedInAsync(Roles.FieldOfficer);
        var form = Adult();
        form.Remove("Input.IdNumber");
        form.Remove("Input.Ethnicity");
        form.Remove("Input.Vulnerabilities");
        form["Input.Phone"] = "0811111111";
        form["Input.Status"] = "Active";
        form["Input.Version"] = "1";

        var response = await other.PostFormAsync($"/People/Edit/{id}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ColumnAsync<string>(id, "Phone"), Is.EqualTo("0811111111"));
        Assert.That(await ColumnAsync<string>(id, "IdNumber"), Is.EqualTo("1101700207030"));
        Assert.That(await ColumnAsync<string>(id, "Ethnicity"), Is.EqualTo("ไทใหญ่"));
        Assert.That(await ColumnAsync<string>(id, "VulnerabilityFlags"), Is.EqualTo("Poverty"));
    }

    [Test]
    public async Task A_stale_edit_is_refused_and_the_form_keeps_the_input()
    {
        var (officer, id) = await RegisteredAdultAsync();
        var manager = await App.SignedInAsync(Roles.Manager);
        var first = Adult();
        first["Input.Nickname"] = "มาลีก่อน";
        first["Input.Version"] = "1";
        Assert.That((await manager.PostFormAsync($"/People/Edit/{id}", first)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var second = Adult();
        second["Input.Nickname"] = "มาลีทีหลัง";
        second["Input.Version"] = "1";
        var response = await officer.PostFormAsync($"/People/Edit/{id}", second);

        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("มีผู้อื่นแก้ไขข้อมูลบุคคลนี้"));
        Assert.That(html, Does.Contain("value=\"มาลีทีหลัง\""));
        Assert.That(await ColumnAsync<string>(id, "Nickname"), Is.EqualTo("มาลีก่อน"));
    }

    [Test]
    public async Task Group_recorders_cannot_open_the_registry()
    {
        await RegisteredAdultAsync();
        var recorder = await App.SignedInAsync(Roles.GroupRecorder);
        Assert.That((await recorder.GetAsync("/People")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_trainer_sees_only_the_people_of_their_own_cohorts_read_only_and_masked()
    {
        var (_, mine) = await RegisteredAdultAsync();
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var otherForm = Adult("นางสาวบัวคำ คนอื่น");
        otherForm["Input.CitizenshipStatus"] = "None";
        otherForm["Input.IdNumber"] = "";
        otherForm["Input.Phone"] = "0899990000";
        var other = IdFrom(await officer.PostFormAsync("/People/Edit", otherForm));
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        var now = App.Clock.Now.UtcDateTime;
        await App.QueryAsync(async db =>
        {
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'หัตถกรรม', 40, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-01', @course, '2026-11-01', '2027-01-31', 9, 'Running', @now)", new { course, now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainerEmail", new { cohort, trainerEmail });
            return await db.ExecuteAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @mine, '2026-11-01', 'Enrolled', @now)", new { cohort, mine, now });
        });
        var trainer = App.Browser();
        await trainer.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = trainerEmail, ["Input.Password"] = TestApp.Password });

        Assert.That(await trainer.GetStringAsync($"/People/Details/{mine}"), Does.Contain("WEA-01").And.Contain("กำลังเรียน"), "the person's page lists their enrollments");
        var list = await trainer.GetStringAsync("/People");
        Assert.That(list, Does.Contain("นางสาวมาลี ใจดี").And.Not.Contain("นางสาวบัวคำ คนอื่น"));
        var details = await trainer.GetStringAsync($"/People/Details/{mine}");
        Assert.That(details, Does.Contain("x-xxxx-xxxxx-03-0").And.Not.Contain("1-1017-00207-03-0").And.Not.Contain("handler=Consent"));
        Assert.That((await trainer.GetAsync($"/People/Details/{other}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await trainer.GetAsync($"/People/Edit/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [GeneratedRegex(@"/People/Details/(\d+)")]
    private static partial Regex DetailsId();
}
