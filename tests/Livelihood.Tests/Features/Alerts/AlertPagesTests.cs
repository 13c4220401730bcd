using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Alerts;

public sealed class AlertPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private AlertData _data = null!;
    private long _cohort;
    private long _village;

    [SetUp]
    public async Task CreateCohort()
    {
        _data = await AlertData.CreateAsync(App);
        _village = await _data.VillageAsync();
        _cohort = await _data.CohortAsync();
    }

    /// <summary>A minor with a guardian on record, absent three times in a row: the job raises their alert.</summary>
    private async Task<(long Person, long Alert)> MinorWithAnAlertAsync()
    {
        var person = await _data.PersonAsync("เด็กหญิงน้ำฝน ใจงาม", _village, birthYear: 2011, phone: "0891234567", nickname: "ฝน",
            guardianName: "นางสมศรี ใจงาม", guardianPhone: "0869999999");
        var enrollment = await _data.EnrollAsync(_cohort, person);
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Absent", "Absent");
        await _data.RunJobAsync();
        return (person, (await _data.AlertsAsync()).Single().Id);
    }

    [Test]
    public async Task A_minors_alert_goes_to_staff_with_the_young_persons_own_phone_and_nothing_of_the_guardian()
    {
        var (_, alert) = await MinorWithAnAlertAsync();
        var officer = await App.SignedInAsync(Roles.FieldOfficer);

        var queue = await officer.GetStringAsync("/Alerts");
        var details = await officer.GetStringAsync($"/Alerts/Details/{alert}");

        foreach (var page in new[] { queue, details })
        {
            Assert.That(page, Does.Contain("เด็กหญิงน้ำฝน ใจงาม").And.Contain("0891234567").And.Contain("อายุต่ำกว่า 18 ปี"));
            Assert.That(page, Does.Not.Contain("0869999999").And.Not.Contain("นางสมศรี"), "nothing is addressed to the guardian");
        }
        Assert.That(queue, Does.Contain("ขาดเรียนโดยไม่ลา 3 ครั้งติดต่อกัน").And.Contain("SEW-2569-01"));
        Assert.That(details, Does.Contain("ไม่ผ่านผู้ปกครอง"));
        var columns = await App.QueryAsync(db => db.QueryAsync<string>(
            Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM pragma_table_info('AbsenceAlerts')"
                : "SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('AbsenceAlerts')"));
        Assert.That(columns, Is.Not.Empty);
        Assert.That(columns.Where(c => c.Contains("Guardian", StringComparison.OrdinalIgnoreCase)), Is.Empty, "an alert has no guardian contact");
    }

    [Test]
    public async Task The_queue_shows_open_alerts_newest_first_and_filters_by_district()
    {
        var chiangRai = await _data.VillageAsync(AlertData.Wiang, 3, "บ้านป่าอ้อ");
        async Task<long> Enrolled(string name, long village) => await _data.EnrollAsync(_cohort, await _data.PersonAsync(name, village));
        var older = await _data.AlertAsync(await Enrolled("นางสาวเก่า ก่อน", _village), new DateTime(2026, 11, 20, 19, 0, 0, DateTimeKind.Utc));
        var newer = await _data.AlertAsync(await Enrolled("นางสาวใหม่ หลัง", _village), new DateTime(2026, 11, 27, 19, 0, 0, DateTimeKind.Utc));
        var elsewhere = await _data.AlertAsync(await Enrolled("นางสาวไกล เชียงราย", chiangRai), new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));
        var resolved = await _data.AlertAsync(await Enrolled("นางสาวจบ แล้ว", _village), new DateTime(2026, 11, 28, 19, 0, 0, DateTimeKind.Utc), status: "Resolved");
        var manager = await App.SignedInAsync(Roles.Manager);

        var all = await manager.GetStringAsync("/Alerts");
        Assert.That(Order(all, newer, elsewhere, older), Is.Ordered, "newest first");
        Assert.That(all, Does.Not.Contain($"data-alert=\"{resolved}\""), "open alerts by default");

        var phayao = await manager.GetStringAsync("/Alerts?DistrictId=5605");
        Assert.That(phayao, Does.Contain($"data-alert=\"{newer}\"").And.Contain($"data-alert=\"{older}\"").And.Not.Contain($"data-alert=\"{elsewhere}\""));
        var chiangRaiOnly = await manager.GetStringAsync("/Alerts?DistrictId=5701");
        Assert.That(chiangRaiOnly, Does.Contain($"data-alert=\"{elsewhere}\"").And.Not.Contain($"data-alert=\"{newer}\""));

        var resolvedOnly = await manager.GetStringAsync("/Alerts?Status=Resolved");
        Assert.That(resolvedOnly, Does.Contain($"data-alert=\"{resolved}\"").And.Not.Contain($"data-alert=\"{newer}\""));
    }

    private static IEnumerable<int> Order(string page, params long[] alerts) => alerts.Select(a => page.IndexOf($"data-alert=\"{a}\"", StringComparison.Ordinal)).Select(i => i < 0 ? int.MaxValue : i);

    [Test]
    public async Task An_officer_records_a_contact_then_resolves_the_alert_with_a_note_both_audited()
    {
        var (_, alert) = await MinorWithAnAlertAsync();
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var page = $"/Alerts/Details/{alert}";

        var contacted = await officer.PostFormAsync($"{page}?handler=Contact", new()
        {
            ["Contact.On"] = "2026-11-29", ["Contact.At"] = "08:30", ["Contact.Note"] = "โทรคุยกับน้องฝน จะกลับมาเรียนวันจันทร์", ["version"] = "1",
        }, formPage: page);
        Assert.That(contacted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var resolved = await officer.PostFormAsync($"{page}?handler=Resolve", new() { ["Resolve.Note"] = "กลับมาเรียนแล้ว", ["version"] = "2" }, formPage: page);
        Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var row = await App.QueryAsync(db => db.QuerySingleAsync<(string Status, DateTime ContactedAt, string ContactNote, string ResolutionNote, int Version)>(
            "SELECT Status, ContactedAt, ContactNote, ResolutionNote, Version FROM AbsenceAlerts WHERE Id = @alert", new { alert }));
        Assert.That(row.Status, Is.EqualTo("Resolved"));
        Assert.That(row.ContactedAt, Is.EqualTo(new DateTime(2026, 11, 29, 1, 30, 0)), "08:30 in Thailand is 01:30 UTC");
        Assert.That((row.ContactNote, row.ResolutionNote, row.Version), Is.EqualTo(("โทรคุยกับน้องฝน จะกลับมาเรียนวันจันทร์", "กลับมาเรียนแล้ว", 3)));
        var actions = await App.QueryAsync(db => db.QueryAsync<string>(
            "SELECT Action FROM AuditLog WHERE TableName = 'AbsenceAlerts' AND RowId = @alert AND UserId IS NOT NULL ORDER BY Id", new { alert }));
        Assert.That(actions, Is.EqualTo(new[] { "Contact", "Resolve" }));
        Assert.That(await officer.GetStringAsync("/Alerts"), Does.Not.Contain($"data-alert=\"{alert}\""), "a resolved alert leaves the queue");
    }

    [Test]
    public async Task A_stale_page_is_refused_and_a_resolved_alert_cannot_be_resolved_again()
    {
        var (_, alert) = await MinorWithAnAlertAsync();
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var page = $"/Alerts/Details/{alert}";
        await officer.PostFormAsync($"{page}?handler=Contact", new()
        {
            ["Contact.On"] = "2026-11-29", ["Contact.At"] = "08:30", ["Contact.Note"] = "ไม่มีคนรับสาย", ["version"] = "1",
        }, formPage: page);

        var stale = await officer.PostFormAsync($"{page}?handler=Resolve", new() { ["Resolve.Note"] = "ปิด", ["version"] = "1" }, formPage: page);
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("มีผู้อื่นแก้ไขการแจ้งเตือนนี้ไปก่อนแล้ว"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Status FROM AbsenceAlerts WHERE Id = @alert", new { alert })), Is.EqualTo("Open"));

        var noNote = await officer.PostFormAsync($"{page}?handler=Resolve", new() { ["Resolve.Note"] = "", ["version"] = "2" }, formPage: page);
        Assert.That(await noNote.Content.ReadAsStringAsync(), Does.Contain("กรุณาเขียนว่าปิดเรื่องอย่างไร"));

        await officer.PostFormAsync($"{page}?handler=Resolve", new() { ["Resolve.Note"] = "ปิด", ["version"] = "2" }, formPage: page);
        var again = await officer.PostFormAsync($"{page}?handler=Resolve", new() { ["Resolve.Note"] = "ปิดอีกครั้ง", ["version"] = "3" }, formPage: page);
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("การแจ้งเตือนนี้ปิดเรื่องแล้ว"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT ResolutionNote FROM AbsenceAlerts WHERE Id = @alert", new { alert })), Is.EqualTo("ปิด"));
    }

    [TestCase(Roles.Trainer)]
    [TestCase(Roles.GroupRecorder)]
    public async Task Trainers_and_group_recorders_cannot_open_the_alerts(string role)
    {
        var (_, alert) = await MinorWithAnAlertAsync();
        var client = await App.SignedInAsync(role);

        Assert.That((await client.GetAsync("/Alerts")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync($"/Alerts/Details/{alert}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(Roles.FieldOfficer, true)]
    [TestCase(Roles.Manager, true)]
    [TestCase(Roles.Admin, true)]
    [TestCase(Roles.Trainer, false)]
    [TestCase(Roles.GroupRecorder, false)]
    public async Task The_menu_has_alerts_and_follow_ups_for_the_staff_who_follow_people_up_only(string role, bool shown)
    {
        var client = await App.SignedInAsync(role);
        var start = await client.GetAsync("/"); // a trainer's and a recorder's start is their own work
        var home = await client.GetStringAsync(start.Headers.Location?.OriginalString ?? "/");

        Assert.That(new[] { "href=\"/Alerts\"", "href=\"/FollowUps\"" }.Select(home.Contains), Is.All.EqualTo(shown));
    }

    [Test]
    public async Task The_persons_page_lists_their_alerts_and_the_menu_counts_the_open_ones()
    {
        var (person, alert) = await MinorWithAnAlertAsync();
        var officer = await App.SignedInAsync(Roles.FieldOfficer);

        var personPage = await officer.GetStringAsync($"/People/Details/{person}");
        Assert.That(personPage, Does.Contain("แจ้งเตือนขาดเรียน").And.Contain($"href=\"/Alerts/Details/{alert}\""));

        var home = await officer.GetStringAsync("/");
        Assert.That(home, Does.Contain("data-open-alerts=\"1\"").And.Contain("href=\"/Alerts\""));

        // A trainer of the cohort may open the person's page, but alerts are for the staff who follow them up.
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        await App.QueryAsync(db => db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @_cohort FROM Users WHERE Email = @trainerEmail", new { _cohort, trainerEmail }));
        var trainer = App.Browser();
        await trainer.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = trainerEmail, ["Input.Password"] = TestApp.Password });
        var trainerView = await trainer.GetAsync($"/People/Details/{person}");
        Assert.That(trainerView.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await trainerView.Content.ReadAsStringAsync(), Does.Not.Contain("/Alerts"));
    }
}
