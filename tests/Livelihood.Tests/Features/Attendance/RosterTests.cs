using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Attendance;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Attendance;

public sealed class RosterTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _cohort, _today, _tomorrow, _earlier, _mali, _bua, _late, _dropped;
    private string _trainerEmail = "";

    /// <summary>A running cohort taught by a trainer; sessions earlier, today (29 Nov 2026) and tomorrow; four people.</summary>
    [SetUp]
    public async Task BuildCohort()
    {
        _trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        var now = App.Clock.Now.UtcDateTime;
        (_cohort, _today, _tomorrow, _earlier, _mali, _bua, _late, _dropped) = await App.QueryAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้าน', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'หัตถกรรม', 30, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-01', @course, '2026-11-01', '2026-12-31', 9, 'Running', @now)", new { course, now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @_trainerEmail", new { cohort, _trainerEmail });
            async Task<long> Session(string day) => await db.InsertAsync(
                "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, '09:00', 180, 'Scheduled', @now)",
                new { cohort, day = DateOnly.ParseExact(day, "yyyy-MM-dd"), now });
            async Task<long> Enroll(string name, string on, string status = "Enrolled", string? ended = null) => await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CreatedAt) VALUES (@cohort, @person, @on, @status, @ended, @now)",
                new
                {
                    cohort, status, now, on = DateOnly.ParseExact(on, "yyyy-MM-dd"), ended = ended is null ? (DateOnly?)null : DateOnly.ParseExact(ended, "yyyy-MM-dd"),
                    person = await db.InsertAsync(
                        "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@name, 'Female', 2005, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                        new { name, village, now }),
                });
            return (cohort, await Session("2026-11-29"), await Session("2026-11-30"), await Session("2026-11-25"),
                await Enroll("มาลี", "2026-11-01"), await Enroll("บัวคำ", "2026-11-01"), await Enroll("มาทีหลัง", "2026-12-01"),
                await Enroll("ออกแล้ว", "2026-11-01", "DroppedOut", "2026-11-20"));
        });
    }

    private async Task<HttpClient> TrainerAsync()
    {
        var client = App.Browser();
        await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = _trainerEmail, ["Input.Password"] = TestApp.Password });
        return client;
    }

    /// <summary>
    /// Saves as a browser does: the post answers with a redirect to the roster, whose page shows what the save did.
    /// </summary>
    private static async Task<string> SaveAsync(HttpClient client, long session, Dictionary<string, string> form)
    {
        var response = await client.PostFormAsync($"/Attendance/Roster/{session}", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.StartWith($"/Attendance/Roster/{session}?saved="));
        return await client.GetStringAsync(location);
    }

    private static Dictionary<string, string> Marks(string submission, params (long Enrollment, string Mark, int Version)[] marks)
    {
        var form = new Dictionary<string, string> { ["submissionId"] = submission };
        foreach (var (enrollment, mark, version) in marks)
        {
            form[$"marks[{enrollment}]"] = mark;
            form[$"versions[{enrollment}]"] = version.ToString();
        }
        return form;
    }

    private Task<IReadOnlyList<string>> MarksOfAsync(long session)
        => App.QueryAsync(db => db.QueryAsync<string>(
            "SELECT Mark FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE SessionId = @session ORDER BY p.FullNameTh",
            new { session }));

    [Test]
    public async Task The_trainers_today_lists_todays_session_and_earlier_ones_without_attendance()
    {
        var trainer = await TrainerAsync();

        Assert.That((await trainer.GetAsync("/")).Headers.Location?.OriginalString, Is.EqualTo("/Attendance"));
        var today = await trainer.GetStringAsync("/Attendance");
        Assert.That(today, Does.Contain($"/Attendance/Roster/{_today}").And.Contain($"/Attendance/Roster/{_earlier}"));
        Assert.That(today, Does.Not.Contain($"/Attendance/Roster/{_tomorrow}"));
    }

    [Test]
    public async Task The_roster_lists_only_people_enrolled_on_the_sessions_day()
    {
        var roster = await (await TrainerAsync()).GetStringAsync($"/Attendance/Roster/{_today}");

        Assert.That(roster, Does.Contain("มาลี").And.Contain("บัวคำ"));
        Assert.That(roster, Does.Not.Contain("มาทีหลัง"), "joins after this day");
        Assert.That(roster, Does.Not.Contain("ออกแล้ว"), "dropped out before this day");
        Assert.That(roster, Does.Contain("ยังไม่เช็ค"));
    }

    [Test]
    public async Task Saving_the_roster_stores_the_marks_marks_the_session_held_and_reopening_shows_them()
    {
        var trainer = await TrainerAsync();

        var saved = await SaveAsync(trainer, _today, Marks("s1", (_mali, "Present", 0), (_bua, "Absent", 0)));

        Assert.That(saved, Does.Contain("บันทึกแล้ว 2 รายการ"));
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Absent", "Present" }));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Status FROM Sessions WHERE Id = @_today", new { _today })), Is.EqualTo("Held"));
        Assert.That(App.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledCount(), Is.EqualTo(1),
            "the absence-alert check for this cohort is scheduled right after the save");
        var reopened = await trainer.GetStringAsync($"/Attendance/Roster/{_today}");
        Assert.That(reopened, Does.Match($"name=\"marks\\[{_bua}\\]\" id=\"m-{_bua}-Absent\" value=\"Absent\" checked=\"checked\""));
    }

    [Test]
    public async Task A_saves_outcome_shows_on_its_own_session_only_and_reloading_the_page_saves_nothing_again()
    {
        var trainer = await TrainerAsync();
        Assert.That(await SaveAsync(trainer, _earlier, Marks("only-here", (_mali, "Present", 0))), Does.Contain("บันทึกแล้ว 1 รายการ"));
        var submissions = await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceSubmissions"));

        Assert.That(await trainer.GetStringAsync($"/Attendance/Roster/{_earlier}?saved=only-here"), Does.Contain("บันทึกแล้ว 1 รายการ"));
        Assert.That(await trainer.GetStringAsync($"/Attendance/Roster/{_today}?saved=only-here"), Does.Not.Contain("บันทึกแล้ว 1 รายการ"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceSubmissions")), Is.EqualTo(submissions));
    }

    [Test]
    public async Task A_save_without_notes_binds_no_other_field_as_a_note()
    {
        var trainer = await TrainerAsync();
        // Model binding that finds no "notes[...]" falls back to reading every field's name as a key, and each name
        // that is not a number throws inside the binder: costly on the busiest POST. (Tests here run one at a time.)
        var failedConversions = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is FormatException) Interlocked.Increment(ref failedConversions);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var saved = await SaveAsync(trainer, _today, Marks("no-notes", (_mali, "Present", 0), (_bua, "Late", 0)));
            Assert.That(saved, Does.Contain("บันทึกแล้ว 2 รายการ"));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        Assert.That(failedConversions, Is.Zero);
    }

    [Test]
    public async Task Saves_of_one_cohort_in_a_burst_schedule_one_alert_check_and_each_is_stored()
    {
        var trainer = await TrainerAsync();

        await trainer.PostFormAsync($"/Attendance/Roster/{_earlier}", Marks("burst-1", (_mali, "Absent", 0), (_bua, "Present", 0)));
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("burst-2", (_mali, "Absent", 0), (_bua, "Present", 0)));

        // In name order: บัวคำ, then มาลี.
        Assert.That(await MarksOfAsync(_earlier), Is.EqualTo(new[] { "Present", "Absent" }));
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Present", "Absent" }));
        Assert.That(App.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledCount(), Is.EqualTo(1),
            "the check scheduled by the first save starts after the second has committed: it covers both");
    }

    [Test]
    public async Task The_same_submission_sent_twice_changes_nothing_the_second_time()
    {
        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("same-id", (_mali, "Present", 0)));
        var auditBefore = await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog"));

        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("same-id", (_mali, "Absent", 0)));

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Present" }));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog")), Is.EqualTo(auditBefore));
    }

    [Test]
    public async Task Changing_a_mark_later_is_audited()
    {
        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("first", (_mali, "Absent", 0)));

        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("second", (_mali, "Excused", 1)));

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Excused" }));
        var audit = await App.QueryAsync(db => db.QuerySingleAsync<(string, string)>(
            "SELECT OldValues, NewValues FROM AuditLog WHERE TableName = 'AttendanceMarks'"));
        Assert.That(audit.Item1, Does.Contain("\"Mark\":\"Absent\""));
        Assert.That(audit.Item2, Does.Contain("\"Mark\":\"Excused\""));
    }

    [Test]
    public async Task A_save_over_a_change_made_meanwhile_says_whose_mark_it_replaced()
    {
        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("first", (_mali, "Present", 0)));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Attendance/Roster/{_today}", Marks("manager", (_mali, "Late", 1)));
        App.Clock.Advance(TimeSpan.FromMinutes(5));

        var page = await SaveAsync(trainer, _today, Marks("stale", (_mali, "Absent", 1)));

        const string said = "การเช็คชื่อของคุณ (ขาด) แทนที่การเช็คของ Test Manager (สาย) ที่ทำไว้ก่อน เวลา 09:00";
        Assert.That(page, Does.Contain("มาลี: " + said), "at the top");
        Assert.That(page, Does.Contain("data-row-report>" + said), "and beside her");
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Absent" }), "the later change wins");
    }

    [Test]
    public async Task A_mark_made_offline_before_a_newer_server_change_does_not_overwrite_it()
    {
        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("first", (_mali, "Present", 0)));
        var markedOfflineAt = App.Clock.Now.UtcDateTime;
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Attendance/Roster/{_today}", Marks("manager", (_mali, "Excused", 1)));

        var outcome = await App.WithServicesAsync(async s =>
        {
            var roster = s.GetRequiredService<RosterQueries>();
            var session = (await roster.SessionAsync(_today))!;
            var userId = await s.GetRequiredService<DbSession>().QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @_trainerEmail", new { _trainerEmail });
            return await roster.SaveAsync(session, "offline-1", [new(_mali, "Absent", null, 1, markedOfflineAt)],
                new(AttendanceMarks.Sources.Offline, TimeSpan.Zero), userId);
        });

        Assert.That(outcome.Conflicts.Select(c => (c.Person, c.Outcome)), Is.EqualTo(new[] { ("มาลี", MarkMerge.Outcome.Outdated) }));
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Excused" }));
    }

    [Test]
    public async Task An_online_save_dates_each_mark_by_when_it_was_tapped_so_a_change_made_after_the_tap_stays()
    {
        var trainer = await TrainerAsync();
        // The trainer taps Absent for มาลี; a manager marks her Late on another phone; then the trainer saves.
        var tapped = App.Clock.Now;
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Attendance/Roster/{_today}", Marks("manager", (_mali, "Late", 0)));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var form = Marks("tapped-before", (_mali, "Absent", 0), (_bua, "Present", 0));
        form[$"markedAt[{_mali}]"] = tapped.ToString("O");
        form["sentAt"] = App.Clock.Now.ToString("O");

        var page = await SaveAsync(trainer, _today, form);

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Present", "Late" }), "บัวคำ saved; มาลี keeps the manager's later mark");
        Assert.That(page, Does.Contain("บันทึกแล้ว 1 รายการ"));
    }

    [Test]
    public async Task An_online_save_dated_after_it_was_sent_saves_nothing_and_shows_the_marks_as_posted()
    {
        var trainer = await TrainerAsync();
        var form = Marks("clock-put-back", (_mali, "Absent", 0));
        form[$"markedAt[{_mali}]"] = App.Clock.Now.AddHours(3).ToString("O");
        form["sentAt"] = App.Clock.Now.ToString("O");

        var response = await trainer.PostFormAsync($"/Attendance/Roster/{_today}", form);

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("นาฬิกาของโทรศัพท์"));
        Assert.That(page, Does.Match($"id=\"m-{_mali}-Absent\" value=\"Absent\" checked=\"checked\""), "the trainer's mark is kept on the page");
        Assert.That(await MarksOfAsync(_today), Is.Empty);
    }

    [Test]
    public async Task A_corrected_mark_and_its_note_are_kept_and_the_roster_shows_the_history_to_the_trainer_managers_and_admins()
    {
        var trainer = await TrainerAsync();
        var first = Marks("trainer", (_mali, "Present", 0));
        first[$"notes[{_mali}]"] = "มาเช้า";
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", first);
        App.Clock.Advance(TimeSpan.FromMinutes(75));
        var admin = await App.SignedInAsync(Roles.Admin);
        var correction = Marks("admin", (_mali, "Absent", 1));
        correction[$"notes[{_mali}]"] = "ออกก่อน";

        await admin.PostFormAsync($"/Attendance/Roster/{_today}", correction);

        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Absent" }));
        var kept = await App.QueryAsync(db => db.QuerySingleAsync<(string, string, string, string, long)>(
            """
            SELECT v.Mark, v.Note, v.Outcome, v.ReplacedByMark, (SELECT COUNT(1) FROM AuditLog WHERE TableName = 'AttendanceMarks' AND RowId = v.MarkId)
            FROM AttendanceMarkVersions v
            """));
        Assert.That(kept, Is.EqualTo(("Present", "มาเช้า", "Corrected", "Absent", 1L)), "the replaced mark is kept, and the change audited");
        const string history = "มา โดย Test Trainer เวลา 09:00 (หมายเหตุ: มาเช้า) แล้วถูกแทนที่ด้วย ขาด โดย Test Admin เวลา 10:15 (หมายเหตุ: ออกก่อน)";
        Assert.That(await trainer.GetStringAsync($"/Attendance/Roster/{_today}"), Does.Contain(history));
        Assert.That(await (await App.SignedInAsync(Roles.Manager)).GetStringAsync($"/Attendance/Roster/{_today}"), Does.Contain(history));
        Assert.That(await admin.GetStringAsync($"/Attendance/Roster/{_today}"), Does.Contain(history));
    }

    [Test]
    public async Task A_sessions_sign_in_sheet_lists_everyone_enrolled_that_day_with_a_box_per_mark_in_thai_or_english()
    {
        var trainer = await TrainerAsync();

        var thai = await trainer.GetStringAsync($"/Attendance/Sheet/{_tomorrow}");
        var english = await trainer.GetStringAsync($"/Attendance/Sheet/{_tomorrow}?lang=en");

        Assert.That(thai, Does.Contain("ใบเซ็นชื่อเข้าเรียน").And.Contain("WEA-01").And.Contain("ทอผ้า").And.Contain("30 พ.ย. 2569").And.Contain("09:00")
            .And.Contain("Test Trainer").And.Contain("ลายมือชื่อ").And.Contain("/css/sheet.css"));
        Assert.That(thai, Does.Contain($"data-session-code>{SessionCode.Of(_tomorrow)}<"));
        Assert.That(thai, Does.Contain("มาลี").And.Contain("บัวคำ"), "a sheet is printed ahead of its day too");
        Assert.That(thai, Does.Not.Contain("ออกแล้ว"), "dropped out before the day");
        Assert.That(System.Text.RegularExpressions.Regex.Matches(thai, "class=\"box\"").Count, Is.EqualTo(4 * 2), "four boxes for each of the two");
        Assert.That(english, Does.Contain("Sign-in sheet").And.Contain("30 Nov 2026").And.Contain(">Excused<").And.Contain("Signature"));
        Assert.That((await (await App.SignedInAsync(Roles.Trainer)).GetAsync($"/Attendance/Sheet/{_today}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Typing_in_a_paper_sheet_starts_everyone_present_and_records_who_typed_it_from_paper_with_the_sheets_date()
    {
        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Attendance/Roster/{_today}", Marks("phone", (_bua, "Late", 0)));
        App.Clock.Advance(TimeSpan.FromHours(5));
        var manager = await App.SignedInAsync(Roles.Manager);

        var form = await manager.GetStringAsync($"/Attendance/Roster/{_today}?paper=true");
        Assert.That(form, Does.Match($"id=\"m-{_mali}-Present\" value=\"Present\" checked=\"checked\""), "not marked yet: starts Present");
        Assert.That(form, Does.Match($"id=\"m-{_bua}-Late\" value=\"Late\" checked=\"checked\""), "marked already: as marked");
        Assert.That(form, Does.Contain("name=\"paperDate\"").And.Contain("value=\"2026-11-29\""));

        var paper = Marks("paper", (_mali, "Absent", 0));
        paper["paper"] = "true";
        paper["paperDate"] = "2026-11-29";
        paper["paperCode"] = SessionCode.Of(_today).ToLowerInvariant();
        var page = await SaveAsync(manager, _today, paper);

        Assert.That(page, Does.Contain("บันทึกแล้ว 1 รายการ"));
        var stored = await App.QueryAsync(db => db.QuerySingleAsync<(string, string, string, string)>(
            """
            SELECT m.Mark, m.Source, m.PaperDate, u.DisplayName FROM AttendanceMarks m JOIN Users u ON u.Id = m.RecordedByUserId WHERE m.EnrollmentId = @_mali
            """, new { _mali }));
        Assert.That(stored, Is.EqualTo(("Absent", "Paper", "2026-11-29", "Test Manager")), "from paper, typed by the manager, with the sheet's date");
        Assert.That(await MarksOfAsync(_today), Is.EqualTo(new[] { "Late", "Absent" }), "บัวคำ keeps the mark her trainer made on the phone");
        var corrected = Marks("paper-2", (_mali, "Excused", 1));
        corrected["paper"] = "true";
        corrected["paperDate"] = "2026-11-28";
        Assert.That(await SaveAsync(manager, _today, corrected), Does.Contain("ขาด โดย Test Manager เวลา 14:00 (พิมพ์จากใบเซ็นชื่อวันที่ 29 พ.ย. 2569)"),
            "the history says where each mark came from");
    }

    [Test]
    public async Task A_paper_sheet_with_a_date_after_today_or_another_sessions_code_saves_nothing_and_says_why_beside_the_field()
    {
        var trainer = await TrainerAsync();
        var paper = Marks("paper", (_mali, "Absent", 0), (_bua, "Present", 0));
        paper["paper"] = "true";
        paper["paperDate"] = "2026-11-30";
        paper["paperCode"] = SessionCode.Of(_earlier);

        var response = await trainer.PostFormAsync($"/Attendance/Roster/{_today}", paper);

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("<div id=\"paperDate-error\" class=\"invalid-feedback\">วันที่ในใบเซ็นชื่อต้องไม่เลยวันนี้</div>"));
        Assert.That(page, Does.Contain("<div id=\"paperCode-error\" class=\"invalid-feedback\">รหัสนี้ไม่ใช่รหัสของใบเซ็นชื่อคาบนี้"));
        Assert.That(page, Does.Contain("value=\"2026-11-30\"").And.Contain($"value=\"{SessionCode.Of(_earlier)}\""), "what was typed stays");
        Assert.That(page, Does.Match($"id=\"m-{_mali}-Absent\" value=\"Absent\" checked=\"checked\""));
        Assert.That(await MarksOfAsync(_today), Is.Empty);
    }

    [Test]
    public async Task A_mark_for_someone_not_enrolled_on_that_day_is_not_saved()
    {
        var trainer = await TrainerAsync();

        var page = await SaveAsync(trainer, _today, Marks("d", (_dropped, "Present", 0), (_late, "Present", 0), (_mali, "Present", 0)));

        Assert.That(page, Does.Contain("บันทึกแล้ว 1 รายการ"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM AttendanceMarks WHERE EnrollmentId IN (@_dropped, @_late)", new { _dropped, _late })), Is.Zero);
    }

    [Test]
    public async Task A_future_session_and_a_cancelled_one_take_no_attendance()
    {
        var trainer = await TrainerAsync();

        var future = await trainer.PostFormAsync($"/Attendance/Roster/{_tomorrow}", Marks("f", (_mali, "Present", 0)));
        Assert.That(await future.Content.ReadAsStringAsync(), Does.Contain("คาบนี้ยังไม่ถึงวัน"));
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Sessions SET Status = 'Cancelled' WHERE Id = @_earlier", new { _earlier }));
        var cancelled = await trainer.PostFormAsync($"/Attendance/Roster/{_earlier}", Marks("c", (_mali, "Present", 0)));
        Assert.That(await cancelled.Content.ReadAsStringAsync(), Does.Contain("คาบนี้ถูกยกเลิก"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceMarks")), Is.Zero);
    }

    [Test]
    public async Task A_trainer_of_another_cohort_cannot_open_or_save_the_roster()
    {
        var other = await App.SignedInAsync(Roles.Trainer);

        Assert.That((await other.GetAsync($"/Attendance/Roster/{_today}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var field = await App.SignedInAsync(Roles.FieldOfficer);
        Assert.That((await field.GetAsync($"/Attendance/Roster/{_today}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
