using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Attendance;

/// <summary>
/// The offline sync endpoint (Roster?handler=Sync): what a phone sends when the connection returns, as JSON with the
/// page's antiforgery token in the RequestVerificationToken header. Also the files that make the app installable.
/// </summary>
public sealed partial class OfflineSyncTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _today, _earlier, _mali, _bua;
    private string _trainerEmail = "";

    /// <summary>A running cohort taught by a trainer; a session today (29 Nov 2026) and an earlier one; two people.</summary>
    [SetUp]
    public async Task BuildCohort()
    {
        _trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        var now = App.Clock.Now.UtcDateTime;
        (_today, _earlier, _mali, _bua) = await App.QueryAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้าน', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'หัตถกรรม', 30, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-01', @course, '2026-11-01', '2026-12-31', 9, 'Running', @now)", new { course, now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @_trainerEmail", new { cohort, _trainerEmail });
            async Task<long> Session(string day) => await db.InsertAsync(
                "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, '09:00', 180, 'Scheduled', @now)",
                new { cohort, day = DateOnly.ParseExact(day, "yyyy-MM-dd"), now });
            async Task<long> Enroll(string name) => await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@cohort, @person, '2026-11-01', 'Enrolled', @now)",
                new
                {
                    cohort, now,
                    person = await db.InsertAsync(
                        "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@name, 'Female', 2005, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                        new { name, village, now }),
                });
            return (await Session("2026-11-29"), await Session("2026-11-25"), await Enroll("มาลี"), await Enroll("บัวคำ"));
        });
    }

    private async Task<HttpClient> TrainerAsync()
    {
        var client = App.Browser();
        await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = _trainerEmail, ["Input.Password"] = TestApp.Password });
        return client;
    }

    /// <summary>Sends a batch the way attendance-offline.js does: the token of a page the phone has, in the header.</summary>
    private static async Task<HttpResponseMessage> SyncAsync(HttpClient client, long session, object batch, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? "/Attendance");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Attendance/Roster/{session}?handler=Sync") { Content = JsonContent.Create(batch) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private static object Batch(string submissionId, DateTimeOffset markedAt, params (long Enrollment, string Mark, int BaseVersion)[] entries)
        => Batch(submissionId, markedAt, null, entries);

    /// <summary>A batch from a phone whose clock read <paramref name="sentAt"/> as it sent (null: a phone that does not say).</summary>
    private static object Batch(string submissionId, DateTimeOffset markedAt, DateTimeOffset? sentAt, params (long Enrollment, string Mark, int BaseVersion)[] entries)
        => Batch(submissionId, markedAt, sentAt, entries.Select(e => (e.Enrollment, e.Mark, (string?)null, e.BaseVersion)).ToArray());

    private static object Batch(string submissionId, DateTimeOffset markedAt, DateTimeOffset? sentAt, params (long Enrollment, string Mark, string? Note, int BaseVersion)[] entries)
        => new
        {
            submissionId,
            markedAt = markedAt.ToString("O"),
            sentAt = sentAt?.ToString("O"),
            entries = entries.Select(e => new { enrollmentId = e.Enrollment, mark = e.Mark, note = e.Note, baseVersion = e.BaseVersion }).ToArray(),
        };

    private static IEnumerable<string?> Lines(JsonElement outcome) => outcome.GetProperty("lines").EnumerateArray().Select(l => l.GetString());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private Task<IReadOnlyList<string>> MarksOfAsync(long session)
        => App.QueryAsync(db => db.QueryAsync<string>(
            "SELECT p.FullNameTh || ':' || m.Mark FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE SessionId = @session ORDER BY p.FullNameTh",
            new { session }));

    private Task<(int Marks, int Audit, int Submissions)> CountsAsync()
        => App.QueryAsync(db => db.QuerySingleAsync<(int, int, int)>(
            "SELECT (SELECT COUNT(1) FROM AttendanceMarks), (SELECT COUNT(1) FROM AuditLog), (SELECT COUNT(1) FROM AttendanceSubmissions)"));

    [Test]
    public async Task Sync_saves_the_marks_taken_offline_and_answers_what_it_did()
    {
        var trainer = await TrainerAsync();

        var response = await SyncAsync(trainer, _today, Batch("offline-1", App.Clock.Now.AddMinutes(-30), (_mali, "Present", 0), (_bua, "Absent", 0)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var outcome = await JsonAsync(response);
        Assert.That(outcome.GetProperty("saved").GetInt32(), Is.EqualTo(2));
        Assert.That(outcome.GetProperty("lines").GetArrayLength(), Is.Zero, "no mark met another");
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "บัวคำ:Absent", "มาลี:Present" }));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Status FROM Sessions WHERE Id = @_today", new { _today })), Is.EqualTo("Held"));
    }

    [Test]
    public async Task The_same_batch_sent_twice_changes_nothing_the_second_time_and_gets_the_same_answer()
    {
        var trainer = await TrainerAsync();
        await SyncAsync(trainer, _today, Batch("first", App.Clock.Now.AddMinutes(-60), (_mali, "Absent", 0)));
        var batch = Batch("twice", App.Clock.Now.AddMinutes(-30), (_mali, "Late", 1), (_bua, "Present", 0));
        var first = await JsonAsync(await SyncAsync(trainer, _today, batch));
        var before = await CountsAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await SyncAsync(trainer, _today, batch);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = await JsonAsync(again);
        Assert.That(second.GetProperty("repeat").GetBoolean(), Is.True);
        Assert.That(first.GetProperty("repeat").GetBoolean(), Is.False);
        foreach (var property in new[] { "saved", "lines", "marks" })
            Assert.That(second.GetProperty(property).GetRawText(), Is.EqualTo(first.GetProperty(property).GetRawText()), property);
        Assert.That(await CountsAsync(), Is.EqualTo(before), "no new mark, audit entry or submission");
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "บัวคำ:Present", "มาลี:Late" }));
    }

    [Test]
    public async Task An_older_offline_batch_does_not_overwrite_a_newer_server_change_and_names_the_person()
    {
        var trainer = await TrainerAsync();
        await SyncAsync(trainer, _today, Batch("first", App.Clock.Now, (_mali, "Present", 0)));
        var markedOfflineAt = App.Clock.Now.AddMinutes(1);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Attendance/Roster/{_today}", new() { ["submissionId"] = "manager", [$"marks[{_mali}]"] = "Excused", [$"versions[{_mali}]"] = "1" });
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await SyncAsync(trainer, _today, Batch("offline-old", markedOfflineAt, (_mali, "Absent", 1), (_bua, "Present", 0)));

        var outcome = await JsonAsync(response);
        Assert.That(Lines(outcome), Is.EqualTo(new[] { "มาลี: การเช็คชื่อของคุณ (ขาด เวลา 09:01) ถูกแทนที่ด้วยการเช็คของ Test Manager (ลา) ที่ทำภายหลัง เวลา 09:10" }));
        Assert.That(outcome.GetProperty("lost").GetBoolean(), Is.True);
        var row = outcome.GetProperty("rows").EnumerateArray().Single();
        Assert.That((row.GetProperty("enrollmentId").GetInt64(), row.GetProperty("message").GetString()),
            Is.EqualTo((_mali, "การเช็คชื่อของคุณ (ขาด เวลา 09:01) ถูกแทนที่ด้วยการเช็คของ Test Manager (ลา) ที่ทำภายหลัง เวลา 09:10")), "said beside her too");
        Assert.That(outcome.GetProperty("saved").GetInt32(), Is.EqualTo(1));
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "บัวคำ:Present", "มาลี:Excused" }), "the later change wins");
        Assert.That(await SetAsideAsync(), Is.EqualTo(new[] { "Present Corrected Excused told", "Absent Outdated Excused told" }),
            "the trainer's outdated mark is kept, never dropped: the answer told the trainer");
    }

    /// <summary>The marks set aside, oldest first: "mark outcome replaced-by told|untold".</summary>
    private Task<IReadOnlyList<string>> SetAsideAsync()
        => App.QueryAsync(db => db.QueryAsync<string>(
            "SELECT Mark || ' ' || Outcome || ' ' || ReplacedByMark || ' ' || CASE WHEN ToldAt IS NULL THEN 'untold' ELSE 'told' END FROM AttendanceMarkVersions ORDER BY Id"));

    [Test]
    public async Task A_later_offline_mark_replaces_an_online_correction_keeps_both_notes_and_the_admin_is_told_on_their_next_visit()
    {
        // An admin marks มาลี absent online with a note; the trainer, offline, had marked her excused with a note later.
        var admin = await App.SignedInAsync(Roles.Admin);
        var correction = new Dictionary<string, string> { ["submissionId"] = "admin", [$"marks[{_mali}]"] = "Absent", [$"notes[{_mali}]"] = "ไม่มา", [$"versions[{_mali}]"] = "0" };
        await admin.PostFormAsync($"/Attendance/Roster/{_today}", correction);
        var markedOffline = App.Clock.Now.AddMinutes(10);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var trainer = await TrainerAsync();

        var outcome = await JsonAsync(await SyncAsync(trainer, _today, Batch("offline", markedOffline, App.Clock.Now, (_mali, "Excused", "มีใบลา", 0))));

        Assert.That(Lines(outcome), Is.EqualTo(new[] { "มาลี: การเช็คชื่อของคุณ (ลา) แทนที่การเช็คของ Test Admin (ขาด) ที่ทำไว้ก่อน เวลา 09:00" }));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Mark || ':' || Note FROM AttendanceMarks WHERE EnrollmentId = @_mali", new { _mali })),
            Is.EqualTo("Excused:ไม่มา · มีใบลา"), "the admin's note is kept beside the trainer's");
        Assert.That(await SetAsideAsync(), Is.EqualTo(new[] { "Absent Replaced Excused untold" }), "the admin is still to be told");
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Note FROM AttendanceMarkVersions")), Is.EqualTo("ไม่มา"));

        // The admin's next visit, wherever it starts, says what happened; the trainer, told in the answer, is not told again.
        const string told = "มาลี: การเช็คชื่อของคุณ (ขาด เวลา 09:00) ถูกแทนที่ด้วยการเช็คของ Test Trainer (ลา) ที่ทำภายหลัง เวลา 09:10";
        foreach (var page in new[] { "/", "/Attendance", $"/Attendance/Roster/{_today}" })
            Assert.That(await admin.GetStringAsync(page), Does.Contain("มีการเช็คชื่อที่ทำภายหลังแทนที่การเช็คชื่อของคุณ").And.Contain(told), page);
        Assert.That(await trainer.GetStringAsync("/Attendance"), Does.Not.Contain("data-replaced-marks"));
        var home = await admin.GetStringAsync("/");
        var id = Regex.Match(home, "name=\"ids\" value=\"(\\d+)\"").Groups[1].Value;
        var seen = await admin.PostFormAsync("/Attendance?handler=Seen", new() { ["ids"] = id, ["returnUrl"] = "/" }, "/");
        Assert.That(seen.Headers.Location?.OriginalString, Is.EqualTo("/"));
        Assert.That(await admin.GetStringAsync("/"), Does.Not.Contain("data-replaced-marks"), "seen: not told again");
    }

    [Test]
    public async Task A_phone_whose_clock_runs_behind_has_its_marks_dated_by_the_servers_clock()
    {
        var trainer = await TrainerAsync();
        await SyncAsync(trainer, _today, Batch("first", App.Clock.Now, (_mali, "Present", 0)));
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Attendance/Roster/{_today}", new() { ["submissionId"] = "manager", [$"marks[{_mali}]"] = "Excused", [$"versions[{_mali}]"] = "1" });
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        // The phone's clock is two hours behind: it marked five minutes ago (after the manager's change) by the server's
        // clock, which its own shows as two hours and five minutes ago.
        var phone = App.Clock.Now.AddHours(-2);
        var outcome = await JsonAsync(await SyncAsync(trainer, _today, Batch("behind", phone.AddMinutes(-5), phone, (_mali, "Absent", 1))));

        Assert.That(Lines(outcome), Is.EqualTo(new[] { "มาลี: การเช็คชื่อของคุณ (ขาด) แทนที่การเช็คของ Test Manager (ลา) ที่ทำไว้ก่อน เวลา 09:10" }));
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "มาลี:Absent" }), "made after the manager's change, so it wins");
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<(DateTime, int)>(
                "SELECT m.MarkedAt, s.ClockOffsetSeconds FROM AttendanceMarks m, AttendanceSubmissions s WHERE m.EnrollmentId = @_mali AND s.ClientSubmissionId = 'behind'", new { _mali })),
            Is.EqualTo((App.Clock.Now.UtcDateTime.AddMinutes(-5), 7200)));
    }

    [Test]
    public async Task A_batch_dated_after_it_was_sent_is_refused_and_handed_back_to_the_trainer()
    {
        var trainer = await TrainerAsync();
        var before = await CountsAsync();

        // Marked at what the phone's clock called tomorrow, sent when it said today: the clock was put back between.
        var response = await SyncAsync(trainer, _today, Batch("clock-put-back", App.Clock.Now.AddDays(1), App.Clock.Now, (_mali, "Absent", 0)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var refusal = await JsonAsync(response);
        Assert.That(refusal.GetProperty("message").GetString(), Does.Contain("นาฬิกาของโทรศัพท์"));
        Assert.That(refusal.GetProperty("retake").GetBoolean(), Is.True, "the phone keeps the marks for the trainer to save again");
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Two_phones_that_marked_offline_keep_the_later_mark_whichever_is_sent_first()
    {
        var trainer = await TrainerAsync();
        var markedOnA = App.Clock.Now.AddMinutes(-10);
        var markedOnB = markedOnA.AddSeconds(3);

        // Phone A reconnects first; phone B, which marked three seconds later, second.
        await SyncAsync(trainer, _today, Batch("phone-a", markedOnA, App.Clock.Now, (_mali, "Present", 0), (_bua, "Present", 0)));
        var fromB = await JsonAsync(await SyncAsync(trainer, _today, Batch("phone-b", markedOnB, App.Clock.Now, (_mali, "Absent", 0))));

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "บัวคำ:Present", "มาลี:Absent" }));
        Assert.That(Lines(fromB), Is.EqualTo(new[] { "มาลี: การเช็คชื่อของคุณ (ขาด) แทนที่การเช็คของ Test Trainer (มา) ที่ทำไว้ก่อน เวลา 08:50:00" }));
        var shown = fromB.GetProperty("marks").EnumerateArray().Single();
        Assert.That((shown.GetProperty("enrollmentId").GetInt64(), shown.GetProperty("mark").GetString(), shown.GetProperty("version").GetInt32()),
            Is.EqualTo((_mali, "Absent", 2)), "the answer carries the server's marks for the phone's screen");
    }

    [Test]
    public async Task Two_phones_that_marked_offline_keep_the_later_mark_when_it_is_sent_first()
    {
        var trainer = await TrainerAsync();
        var markedOnA = App.Clock.Now.AddMinutes(-10);

        await SyncAsync(trainer, _today, Batch("phone-b", markedOnA.AddSeconds(3), App.Clock.Now, (_mali, "Absent", 0)));
        var fromA = await JsonAsync(await SyncAsync(trainer, _today, Batch("phone-a", markedOnA, App.Clock.Now, (_mali, "Present", 0))));

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "มาลี:Absent" }));
        Assert.That(Lines(fromA), Is.EqualTo(new[] { "มาลี: การเช็คชื่อของคุณ (มา เวลา 08:50:00) ถูกแทนที่ด้วยการเช็คของ Test Trainer (ขาด) ที่ทำภายหลัง เวลา 08:50:03" }),
            "three seconds apart: the seconds tell them apart");
        Assert.That(fromA.GetProperty("marks").EnumerateArray().Single().GetProperty("mark").GetString(), Is.EqualTo("Absent"),
            "the phone is shown the server's mark, not its own that lost");
    }

    [Test]
    public async Task A_trainer_of_another_cohort_is_refused()
    {
        var other = await App.SignedInAsync(Roles.Trainer);

        var response = await SyncAsync(other, _today, Batch("intruder", App.Clock.Now, (_mali, "Absent", 0)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await MarksOfAsync(_today), Is.Empty);
    }

    [Test]
    public async Task A_cancelled_session_or_an_unreadable_batch_is_a_400_with_a_message_and_saves_nothing()
    {
        var trainer = await TrainerAsync();
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Sessions SET Status = 'Cancelled' WHERE Id = @_earlier", new { _earlier }));
        var before = await CountsAsync();

        var cancelled = await SyncAsync(trainer, _earlier, Batch("c", App.Clock.Now, (_mali, "Present", 0)));
        var unreadable = await SyncAsync(trainer, _today, Batch("u", App.Clock.Now, (_mali, "Asleep", 0)));
        var noId = await SyncAsync(trainer, _today, Batch("", App.Clock.Now, (_mali, "Present", 0)));

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await JsonAsync(cancelled)).GetProperty("message").GetString(), Does.Contain("คาบนี้ถูกยกเลิก"));
        Assert.That(unreadable.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await JsonAsync(unreadable)).GetProperty("message").GetString(), Is.Not.Empty);
        Assert.That(noId.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Sync_without_the_antiforgery_token_is_refused()
    {
        var trainer = await TrainerAsync();

        var response = await trainer.PostAsync($"/Attendance/Roster/{_today}?handler=Sync", JsonContent.Create(Batch("no-token", App.Clock.Now, (_mali, "Present", 0))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await MarksOfAsync(_today), Is.Empty);
    }

    [Test]
    public async Task The_roster_page_carries_the_texts_and_the_session_the_offline_script_needs()
    {
        var trainer = await TrainerAsync();

        var roster = await trainer.GetStringAsync($"/Attendance/Roster/{_today}");

        Assert.That(roster, Does.Contain($"data-session-id=\"{_today}\""));
        Assert.That(roster, Does.Contain("data-saved-offline-text=\"บันทึกไว้ในโทรศัพท์เครื่องนี้แล้ว"));
        Assert.That(roster, Does.Contain("data-offline-queue").And.Contain("data-waiting=\"รอส่ง {0} รายการ\""));
        Assert.That(roster, Does.Contain("<link rel=\"manifest\" href=\"/manifest.webmanifest\"").And.Contain("/js/sw-register.js"));
    }

    [TestCase("/manifest.webmanifest", "application/manifest+json")]
    [TestCase("/service-worker.js", "text/javascript")]
    [TestCase("/icons/icon-192.png", "image/png")]
    [TestCase("/icons/icon-512.png", "image/png")]
    [TestCase("/lib/idb/umd.js", "text/javascript")]
    public async Task The_files_that_make_the_app_installable_are_served_to_anyone(string path, string contentType)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
    }

    [Test]
    public async Task The_manifest_starts_on_today_standalone_in_the_navbar_green()
    {
        var manifest = JsonDocument.Parse(await App.Browser().GetStringAsync("/manifest.webmanifest")).RootElement;

        Assert.That(manifest.GetProperty("start_url").GetString(), Is.EqualTo("/Attendance"));
        Assert.That(manifest.GetProperty("display").GetString(), Is.EqualTo("standalone"));
        Assert.That(manifest.GetProperty("theme_color").GetString(), Is.EqualTo("#198754"));
        Assert.That(manifest.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()), Is.EquivalentTo(new[] { "192x192", "512x512" }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
