using System.Globalization;
using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Sessions;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Livelihood.Tests.Features.Sessions;

public sealed class SessionsPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _course;

    [SetUp]
    public async Task AddCourse()
        => _course = await App.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO Courses (NameTh, NameEn, Category, StandardHours, CompletionThresholdPercent, AssessmentRequired, IsActive, CreatedAt)
            VALUES ('ตัดเย็บเสื้อผ้า', 'Sewing', 'Sewing', 60, 80, 0, 1, @Now)
            """, new { Now = App.Clock.Now.UtcDateTime }));

    /// <summary>A cohort running from 19 January to 31 March 2026 (the test clock is at 29 November 2026).</summary>
    private Task<long> CohortAsync(string status = "Running", string code = "SEW-2569-01")
        => App.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt)
            VALUES (@code, @CourseId, @StartDate, @EndDate, 20, @status, @Now)
            """,
            new { code, CourseId = _course, StartDate = new DateOnly(2026, 1, 19), EndDate = new DateOnly(2026, 3, 31), status, Now = App.Clock.Now.UtcDateTime }));

    private static string Page(long cohortId) => $"/Sessions?cohortId={cohortId}";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, long cohortId, string handler, Dictionary<string, string> fields, string? formPage = null)
        => client.PostFormAsync($"{Page(cohortId)}&handler={handler}", fields, formPage ?? Page(cohortId));

    /// <summary>Mon/Wed/Fri 09:00 for 3 hours from Monday 26 January to Friday 6 February 2026, less Friday 30 January.</summary>
    private static Dictionary<string, string> MonWedFriAcrossTheMonthEnd() => new()
    {
        ["Generate.Weekdays[0]"] = "Monday",
        ["Generate.Weekdays[1]"] = "Wednesday",
        ["Generate.Weekdays[2]"] = "Friday",
        ["Generate.StartTime"] = "09:00",
        ["Generate.Hours"] = "3",
        ["Generate.From"] = "2026-01-26",
        ["Generate.To"] = "2026-02-06",
        ["Generate.Holidays"] = "2026-01-30",
        ["Generate.Topic"] = "การวัดตัว",
    };

    private static Dictionary<string, string> OneSession(string date = "2026-02-10", string start = "13:00", string hours = "2.5") => new()
    {
        ["Add.Date"] = date,
        ["Add.StartTime"] = start,
        ["Add.Hours"] = hours,
        ["Add.Topic"] = "เย็บกระเป๋า",
    };

    private static Dictionary<string, string> Session(SessionQueries.Session session) => new()
    {
        ["sessionId"] = session.Id.ToString(CultureInfo.InvariantCulture),
        ["version"] = session.Version.ToString(CultureInfo.InvariantCulture),
    };

    private Task<IReadOnlyList<SessionQueries.Session>> SessionsAsync(long cohortId)
        => App.WithServicesAsync(services => services.GetRequiredService<SessionQueries>().ListAsync(cohortId));

    private async Task<SessionQueries.Session> OnlySessionAsync(long cohortId) => (await SessionsAsync(cohortId)).Single();

    private Task<int> AuditCountAsync(string action)
        => App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'Sessions' AND Action = @action", new { action }));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertRedirect(HttpResponseMessage response, string body)
        => Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), body);

    /// <summary>A trainer signed in through the real form, assigned to the given cohorts (none: a trainer of other cohorts).</summary>
    private async Task<HttpClient> TrainerAsync(params long[] cohortIds)
    {
        var email = await App.CreateUserAsync(Roles.Trainer);
        var userId = await App.QueryAsync(db => db.ExecuteScalarAsync<long>("SELECT Id FROM Users WHERE Email = @email", new { email }));
        foreach (var cohortId in cohortIds)
            await App.QueryAsync(db => db.ExecuteAsync(
                "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@userId, 'Cohort', @cohortId)", new { userId, cohortId }));
        var client = App.Browser();
        var signedIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return client;
    }

    private async Task<long> CohortWithOneSessionAsync(HttpClient manager)
    {
        var cohort = await CohortAsync();
        var response = await PostAsync(manager, cohort, "Add", OneSession());
        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        return cohort;
    }

    [Test]
    public async Task Generating_mon_wed_fri_across_a_month_end_stores_exactly_those_dates_less_the_holiday()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync();

        var response = await PostAsync(manager, cohort, "Generate", MonWedFriAcrossTheMonthEnd());

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        var sessions = await SessionsAsync(cohort);
        Assert.That(sessions.Select(s => Iso(s.SessionDate)),
            Is.EqualTo(new[] { "2026-01-26", "2026-01-28", "2026-02-02", "2026-02-04", "2026-02-06" }));
        Assert.That(sessions, Is.All.Matches<SessionQueries.Session>(s =>
            s.StartTime == "09:00" && s.DurationMinutes == 180 && s.Status == "Scheduled" && s.Topic == "การวัดตัว" && s.Version == 1));
        Assert.That(await AuditCountAsync("Insert"), Is.EqualTo(5), "each generated session is audited");

        var page = await manager.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain("เพิ่มครั้งเรียนแล้ว 5 ครั้ง"));
        Assert.That(page, Does.Contain("จ. 26 ม.ค. 2569").And.Contain("ศ. 6 ก.พ. 2569"), "Thai shows the Buddhist era");
        Assert.That(page, Does.Contain("09:00–12:00"));
        Assert.That(page, Does.Contain("5 ครั้ง 15 ชั่วโมง"), "the totals");
    }

    [Test]
    public async Task Generating_the_same_pattern_again_adds_nothing()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync();
        await PostAsync(manager, cohort, "Generate", MonWedFriAcrossTheMonthEnd());

        var again = await PostAsync(manager, cohort, "Generate", MonWedFriAcrossTheMonthEnd());

        AssertRedirect(again, await again.Content.ReadAsStringAsync());
        Assert.That(await SessionsAsync(cohort), Has.Count.EqualTo(5));
        Assert.That(await manager.GetStringAsync(again.Headers.Location!.OriginalString), Does.Contain("มี 5 วันที่มีครั้งเรียนอยู่แล้ว"));
    }

    [Test]
    public async Task Generating_a_longer_pattern_adds_only_the_missing_dates_and_leaves_a_cancelled_date_alone()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync();
        await PostAsync(manager, cohort, "Generate", MonWedFriAcrossTheMonthEnd());
        var first = (await SessionsAsync(cohort))[0];
        await PostAsync(manager, cohort, "Cancel", Session(first));

        var longer = MonWedFriAcrossTheMonthEnd();
        longer["Generate.To"] = "2026-02-11";
        await PostAsync(manager, cohort, "Generate", longer);

        var sessions = await SessionsAsync(cohort);
        Assert.That(sessions.Select(s => Iso(s.SessionDate)),
            Is.EqualTo(new[] { "2026-01-26", "2026-01-28", "2026-02-02", "2026-02-04", "2026-02-06", "2026-02-09", "2026-02-11" }));
        Assert.That(sessions[0].Status, Is.EqualTo("Cancelled"), "a cancelled session is not brought back");
    }

    [Test]
    public async Task A_pattern_with_problems_is_refused_with_every_reason_and_stores_nothing()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync();
        var form = MonWedFriAcrossTheMonthEnd();
        form.Remove("Generate.Weekdays[0]");
        form.Remove("Generate.Weekdays[1]");
        form.Remove("Generate.Weekdays[2]");
        form["Generate.Holidays"] = "2026-04-13\nสงกรานต์";
        form["Generate.To"] = "2026-04-30";

        var response = await PostAsync(manager, cohort, "Generate", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("role=\"alert\""));
        Assert.That(html, Does.Match("data-valmsg-for=\"Generate.Weekdays\"[^>]*>กรุณาเลือกวันในสัปดาห์อย่างน้อยหนึ่งวัน"));
        Assert.That(html, Does.Match("data-valmsg-for=\"Generate.Holidays\"[^>]*>ข้อความเหล่านี้ไม่ใช่วันที่: สงกรานต์"));
        Assert.That(html, Does.Match("data-valmsg-for=\"Generate.To\"[^>]*>กรุณาเลือกวันที่ภายในช่วงของรุ่น"));
        Assert.That(html, Does.Contain("value=\"2026-04-30\""), "the typed date comes back as ISO, not Buddhist era");
        Assert.That(await SessionsAsync(cohort), Is.Empty);
    }

    [Test]
    public async Task Adding_one_session_stores_its_hours_as_minutes()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync();

        var response = await PostAsync(manager, cohort, "Add", OneSession());

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        var session = await OnlySessionAsync(cohort);
        Assert.That((Iso(session.SessionDate), session.StartTime, session.DurationMinutes, session.Topic, session.Status),
            Is.EqualTo(("2026-02-10", "13:00", 150, "เย็บกระเป๋า", "Scheduled")));
        Assert.That(await AuditCountAsync("Insert"), Is.EqualTo(1));
        Assert.That(await manager.GetStringAsync(Page(cohort)), Does.Contain("13:00–15:30").And.Contain("2.5 ชม.")
            .And.Contain($"href=\"/Attendance/Sheet/{session.Id}\""), "its sign-in sheet can be printed ahead");
    }

    [TestCase("2026-02-10", "14:00", "2", "รุ่นนี้มีครั้งเรียนในเวลานั้นของวันที่ 10 ก.พ. 2569 อยู่แล้ว", TestName = "A session overlapping another is refused")]
    [TestCase("2026-04-01", "09:00", "3", "กรุณาเลือกวันที่ภายในช่วงของรุ่น ตั้งแต่ 19 ม.ค. 2569 ถึง 31 มี.ค. 2569", TestName = "A session after the cohort ends is refused")]
    [TestCase("2026-02-11", "09:00", "13", "ครั้งเรียนหนึ่งครั้งยาวได้ไม่เกิน 12 ชั่วโมง", TestName = "A session longer than 12 hours is refused")]
    [TestCase("2026-02-11", "9 โมง", "3", "กรุณากรอกเวลาเริ่มเป็นชั่วโมงและนาที เช่น 09:00", TestName = "A start time that is not a time is refused")]
    public async Task A_session_that_does_not_fit_is_refused_with_a_message(string date, string start, string hours, string message)
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);

        var response = await PostAsync(manager, cohort, "Add", OneSession(date, start, hours));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That(await SessionsAsync(cohort), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rescheduling_moves_the_session_and_bumps_its_version()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var session = await OnlySessionAsync(cohort);
        var form = Session(session);
        form["date"] = "2026-02-12";
        form["startTime"] = "10:30";

        var response = await PostAsync(manager, cohort, "Reschedule", form);

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        var moved = await OnlySessionAsync(cohort);
        Assert.That((Iso(moved.SessionDate), moved.StartTime, moved.DurationMinutes, moved.Status, moved.Version),
            Is.EqualTo(("2026-02-12", "10:30", 150, "Scheduled", 2)));
        Assert.That(await AuditCountAsync("Reschedule"), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_a_session_takes_it_out_of_the_count_and_it_cannot_be_marked_held_after()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var session = await OnlySessionAsync(cohort);
        Assert.That(await manager.GetStringAsync(Page(cohort)), Does.Contain("data-confirm=\"ยกเลิกครั้งเรียน"), "cancelling asks first");

        var response = await PostAsync(manager, cohort, "Cancel", Session(session));

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        var cancelled = await OnlySessionAsync(cohort);
        Assert.That(cancelled.Status, Is.EqualTo("Cancelled"));
        Assert.That(await AuditCountAsync("Cancel"), Is.EqualTo(1));
        var page = await manager.GetStringAsync(Page(cohort));
        Assert.That(page, Does.Contain("0 ครั้ง 0 ชั่วโมง"), "a cancelled session never counts");
        Assert.That(page, Does.Not.Contain("/Attendance/Sheet/"), "nor has a sign-in sheet");

        var held = await PostAsync(manager, cohort, "Held", Session(cancelled));
        Assert.That(await held.Content.ReadAsStringAsync(), Does.Contain("บันทึกว่าจัดแล้วได้เฉพาะครั้งเรียนที่อยู่ในกำหนดการ"));
        Assert.That((await OnlySessionAsync(cohort)).Status, Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task Marking_a_session_held()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);

        var response = await PostAsync(manager, cohort, "Held", Session(await OnlySessionAsync(cohort)));

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        Assert.That((await OnlySessionAsync(cohort)).Status, Is.EqualTo("Held"));
        Assert.That(await AuditCountAsync("Held"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_session_in_the_future_cannot_be_marked_held_yet()
    {
        App.Clock.Now = new DateTimeOffset(2026, 2, 9, 20, 0, 0, TimeSpan.Zero); // 10 Feb 03:00 in Thailand
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var later = OneSession("2026-02-11");
        await PostAsync(manager, cohort, "Add", later);
        var sessions = await SessionsAsync(cohort);

        var today = await PostAsync(manager, cohort, "Held", Session(sessions[0]));
        var tomorrow = await PostAsync(manager, cohort, "Held", Session(sessions[1]));

        AssertRedirect(today, await today.Content.ReadAsStringAsync());
        Assert.That(await tomorrow.Content.ReadAsStringAsync(), Does.Contain("บันทึกว่าจัดการเรียนแล้วได้ตั้งแต่วันที่ของครั้งเรียนนั้นเป็นต้นไป"));
        Assert.That((await SessionsAsync(cohort)).Select(s => s.Status), Is.EqualTo(new[] { "Held", "Scheduled" }));
    }

    [Test]
    public async Task A_change_from_a_stale_page_is_refused_and_changes_nothing()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var seen = await OnlySessionAsync(cohort);
        var move = Session(seen);
        move["date"] = "2026-02-12";
        move["startTime"] = "10:30";
        await PostAsync(manager, cohort, "Reschedule", move); // someone else, meanwhile

        var response = await PostAsync(manager, cohort, "Cancel", Session(seen));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("มีผู้อื่นแก้ไขครั้งเรียนนี้ในระหว่างนั้น"));
        Assert.That(html, Does.Contain("role=\"alert\""));
        var now = await OnlySessionAsync(cohort);
        Assert.That((now.Status, now.Version), Is.EqualTo(("Scheduled", 2)));
        Assert.That(await AuditCountAsync("Cancel"), Is.Zero);
    }

    [Test]
    public async Task A_trainer_not_assigned_to_the_cohort_is_refused()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var other = await CohortAsync(code: "SEW-2569-02");
        var trainer = await TrainerAsync(other);
        var session = await OnlySessionAsync(cohort);

        Assert.That((await trainer.GetAsync(Page(cohort))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await trainer.GetAsync(Page(other))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "their own cohort opens");
        var held = await PostAsync(trainer, cohort, "Held", Session(session), formPage: Page(other));
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await OnlySessionAsync(cohort)).Status, Is.EqualTo("Scheduled"));
    }

    [Test]
    public async Task An_assigned_trainer_marks_a_session_held()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        var trainer = await TrainerAsync(cohort);

        var response = await PostAsync(trainer, cohort, "Held", Session(await OnlySessionAsync(cohort)));

        AssertRedirect(response, await response.Content.ReadAsStringAsync());
        Assert.That((await OnlySessionAsync(cohort)).Status, Is.EqualTo("Held"));
    }

    [TestCase(Roles.FieldOfficer)]
    [TestCase(Roles.GroupRecorder)]
    public async Task Other_roles_are_refused(string role)
    {
        var cohort = await CohortAsync();
        var client = await App.SignedInAsync(role);

        var page = await client.GetAsync(Page(cohort));
        var add = await PostAsync(client, cohort, "Add", OneSession(), formPage: "/");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await SessionsAsync(cohort), Is.Empty);
    }

    [Test]
    public async Task A_missing_cohort_is_not_found()
    {
        var manager = await App.SignedInAsync(Roles.Manager);

        Assert.That((await manager.GetAsync(Page(424242))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await manager.GetAsync("/Sessions")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("Completed", "รุ่นนี้จบแล้ว ไม่สามารถเพิ่มหรือแก้ไขครั้งเรียนได้อีก")]
    [TestCase("Cancelled", "รุ่นนี้ถูกยกเลิกแล้ว ไม่สามารถเพิ่มหรือแก้ไขครั้งเรียนได้อีก")]
    public async Task Sessions_cannot_be_added_to_a_finished_cohort(string status, string message)
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync(status);

        var page = await manager.GetStringAsync(Page(cohort));
        var add = await PostAsync(manager, cohort, "Add", OneSession());
        var generate = await PostAsync(manager, cohort, "Generate", MonWedFriAcrossTheMonthEnd());

        Assert.That(page, Does.Contain(message).And.Not.Contain("handler=Add"), "the page says so and offers no form");
        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await add.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That(await generate.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That(await SessionsAsync(cohort), Is.Empty);
    }

    [Test]
    public async Task In_english_dates_show_in_the_common_era()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortWithOneSessionAsync(manager);
        await manager.PostFormAsync("/Language", new() { ["language"] = "en", ["returnUrl"] = "/" }, formPage: "/");

        var page = await manager.GetStringAsync(Page(cohort));

        Assert.That(page, Does.Contain("Tue 10 Feb 2026").And.Contain("Sessions of SEW-2569-01").And.Contain("Sewing"));
        Assert.That(page, Does.Contain("value=\"2026-02-10\""), "the reschedule date input gets ISO");
    }

    [Test]
    public void Every_refusal_of_the_schedule_rule_has_its_thai()
    {
        var localizer = App.Services.GetRequiredService<IStringLocalizer<SessionsText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("th-TH");
            Assert.That(SessionSchedule.Messages.Where(m => localizer[m].ResourceNotFound), Is.Empty);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
