using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Cohorts;

public sealed class EnrollmentTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _course;
    private long _village;

    [SetUp]
    public async Task AddCourseAndVillage()
    {
        var now = App.Clock.Now.UtcDateTime;
        _course = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('เพาะเห็ด', 'เกษตร', 30, 0, @now)", new { now }));
        _village = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้านดอกคำใต้', @now)", new { now }));
    }

    private Task<long> CohortAsync(string code, int capacity, string status = "Enrolling")
        => App.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt)
            VALUES (@code, @_course, '2026-11-01', '2027-01-31', @capacity, @status, @now)
            """, new { code, _course, capacity, status, now = App.Clock.Now.UtcDateTime }));

    private Task<long> PersonAsync(string name, string? idNumber = null, string? nickname = null)
        => App.QueryAsync(async db => await db.InsertAsync(
            """
            INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, CitizenshipStatus, IdNumber, Status, RegisteredByUserId, CreatedAt)
            VALUES (@name, @nickname, 'Female', 1995, @_village, @Citizenship, @idNumber, 'Active', (SELECT MIN(Id) FROM Users), @now)
            """, new { name, nickname, _village, Citizenship = idNumber is null ? "None" : "ThaiId", idNumber, now = App.Clock.Now.UtcDateTime }));

    /// <summary>Posts the enroll form as the page does; a trainer's walk-in is posted with the ID number searched for.</summary>
    private static Task<HttpResponseMessage> EnrollAsync(HttpClient client, long cohort, long person, bool overrideCapacity = false, string? search = null)
    {
        var form = new Dictionary<string, string> { ["personId"] = person.ToString(), ["enrolledOn"] = "2026-11-02" };
        if (overrideCapacity) form["overrideCapacity"] = "true";
        var query = search is null ? "" : $"?search={Uri.EscapeDataString(search)}";
        return client.PostFormAsync($"/Cohorts/Enroll/{cohort}{query}", form);
    }

    private async Task<HttpClient> TrainerOfAsync(long cohort)
    {
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainerEmail", new { cohort, trainerEmail }));
        return await App.SignInAsync(trainerEmail);
    }

    private Task<int> CountAsync(string where, object args)
        => App.QueryAsync(db => db.ExecuteScalarAsync<int>($"SELECT COUNT(1) FROM Enrollments WHERE {where}", args));

    [Test]
    public async Task People_found_in_the_registry_are_enrolled_and_appear_on_the_roster()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync("MUS-2569-01", 20);
        var person = await PersonAsync("นางสาวบัวคำ ทดสอบ");

        var search = await manager.GetStringAsync($"/Cohorts/Enroll/{cohort}?search=บัวคำ");
        Assert.That(search, Does.Contain("นางสาวบัวคำ ทดสอบ"));
        Assert.That((await EnrollAsync(manager, cohort, person)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        Assert.That(await manager.GetStringAsync($"/Cohorts/Details/{cohort}"), Does.Contain("นางสาวบัวคำ ทดสอบ").And.Contain("รับแล้ว 1 จาก 20 ที่"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'Enrollments' AND Action = 'Insert'")), Is.EqualTo(1));
    }

    [Test]
    public async Task A_person_already_active_in_the_cohort_is_refused()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync("MUS-2569-01", 20);
        var person = await PersonAsync("นางสาวบัวคำ ทดสอบ");
        await EnrollAsync(manager, cohort, person);

        var again = await EnrollAsync(manager, cohort, person);

        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("บุคคลนี้เรียนอยู่ในรุ่นนี้แล้ว"));
        Assert.That(await CountAsync("CohortId = @cohort", new { cohort }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_full_cohort_refuses_a_trainer_and_takes_a_managers_override()
    {
        var cohort = await CohortAsync("MUS-2569-01", 1);
        var trainer = await TrainerOfAsync(cohort);
        await EnrollAsync(trainer, cohort, await PersonAsync("คนแรก", "1101700207030"), search: "1101700207030");

        var second = await PersonAsync("คนที่สอง", "3100600012346");
        var refused = await EnrollAsync(trainer, cohort, second, overrideCapacity: true, search: "3-1006-00012-34-6");
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("รุ่นนี้เต็มแล้ว"), "a trainer cannot override");

        var manager = await App.SignedInAsync(Roles.Manager);
        Assert.That((await EnrollAsync(manager, cohort, second, overrideCapacity: true)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await CountAsync("CohortId = @cohort AND Status = 'Enrolled'", new { cohort }), Is.EqualTo(2));
    }

    [Test]
    public async Task A_drop_out_records_the_date_and_reason_and_frees_the_seat()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync("MUS-2569-01", 1);
        await EnrollAsync(manager, cohort, await PersonAsync("คนแรก"));
        var enrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments"));

        var dropped = await manager.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=DropOut",
            new() { ["DropOut.On"] = "2026-11-20", ["DropOut.Reason"] = "Work", ["DropOut.Note"] = "ไปทำงานที่เชียงใหม่", ["version"] = "1" },
            formPage: $"/Cohorts/Enrollment/{enrollment}");

        Assert.That(dropped.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), System.Text.RegularExpressions.Regex.Match(await dropped.Content.ReadAsStringAsync(), "alert-danger[^<]*<ul>.*?</ul>|field-validation-error[^>]*>[^<]*", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.That(await CountAsync("Id = @enrollment AND Status = 'DroppedOut' AND DropoutReason = 'Work' AND EndedOn = @on",
            new { enrollment, on = new DateOnly(2026, 11, 20) }), Is.EqualTo(1));
        Assert.That((await EnrollAsync(manager, cohort, await PersonAsync("คนที่สอง"))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the seat is free again");
    }

    [Test]
    public async Task A_drop_out_without_reason_or_dated_in_the_future_is_refused()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var cohort = await CohortAsync("MUS-2569-01", 5);
        await EnrollAsync(manager, cohort, await PersonAsync("คนแรก"));
        var enrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments"));

        var html = await (await manager.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=DropOut",
            new() { ["DropOut.On"] = "2027-01-10", ["DropOut.Reason"] = "", ["version"] = "1" }, formPage: $"/Cohorts/Enrollment/{enrollment}")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("กรุณาเลือกเหตุผล").And.Contain("วันที่ต้องอยู่ระหว่างวันเข้าเรียนและวันนี้"));
        Assert.That(await CountAsync("Status = 'Enrolled'", new { }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_transfer_ends_the_old_enrollment_starts_one_in_the_other_cohort_and_keeps_attendance_with_the_old()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var from = await CohortAsync("MUS-2569-01", 5, "Running");
        var to = await CohortAsync("MUS-2569-02", 5, "Enrolling");
        await EnrollAsync(manager, from, await PersonAsync("คนแรก"));
        var enrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments"));
        var session = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@from, '2026-11-10', '09:00', 180, 'Held', @now)",
            new { from, now = App.Clock.Now.UtcDateTime }));
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@session, @enrollment, 'Present', (SELECT MIN(Id) FROM Users), @now)",
            new { session, enrollment, now = App.Clock.Now.UtcDateTime }));

        var moved = await manager.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=Transfer",
            new() { ["Transfer.ToCohortId"] = to.ToString(), ["Transfer.On"] = "2026-11-25", ["version"] = "1" }, formPage: $"/Cohorts/Enrollment/{enrollment}");

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var newEnrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments WHERE CohortId = @to", new { to }));
        Assert.That(await CountAsync("Id = @enrollment AND Status = 'Transferred' AND TransferredToEnrollmentId = @newEnrollment", new { enrollment, newEnrollment }), Is.EqualTo(1));
        Assert.That(await CountAsync("Id = @newEnrollment AND Status = 'Enrolled' AND EnrolledOn = @on", new { newEnrollment, on = new DateOnly(2026, 11, 25) }), Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<long>("SELECT EnrollmentId FROM AttendanceMarks")), Is.EqualTo(enrollment));
    }

    [Test]
    public async Task A_transfer_to_a_cohort_of_another_course_is_refused()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var from = await CohortAsync("MUS-2569-01", 5);
        var otherCourse = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ทอผ้า', 'หัตถกรรม', 40, 0, @now)", new { now = App.Clock.Now.UtcDateTime }));
        var to = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('WEA-2569-01', @otherCourse, '2026-11-01', '2027-01-31', 5, 'Enrolling', @now)",
            new { otherCourse, now = App.Clock.Now.UtcDateTime }));
        await EnrollAsync(manager, from, await PersonAsync("คนแรก"));
        var enrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments"));

        var html = await (await manager.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=Transfer",
            new() { ["Transfer.ToCohortId"] = to.ToString(), ["Transfer.On"] = "2026-11-25", ["version"] = "1" }, formPage: $"/Cohorts/Enrollment/{enrollment}")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("กรุณาเลือกรุ่นอื่นของหลักสูตรเดียวกันที่ยังเปิดอยู่"));
        Assert.That(await CountAsync("CohortId = @to", new { to }), Is.Zero);
    }

    [Test]
    public async Task A_trainer_finds_only_their_cohorts_people_by_name_and_a_walk_in_only_by_the_exact_id_number()
    {
        var cohort = await CohortAsync("MUS-2569-01", 20);
        var earlier = await CohortAsync("MUS-2568-01", 20, "Completed");
        var trainer = await TrainerOfAsync(cohort);
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT UserId, 'Cohort', @earlier FROM UserScopes WHERE ScopeId = @cohort", new { cohort, earlier }));
        var former = await PersonAsync("นางสาวบัวคำ ศิษย์เก่า");
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, CreatedAt) VALUES (@earlier, @former, '2025-11-01', 'Completed', @now)",
            new { earlier, former, now = App.Clock.Now.UtcDateTime }));
        var walkIn = await PersonAsync("เด็กหญิงบัวคำ ไม่รู้จัก", "1101700207030", nickname: "แป้ง");

        var byName = await trainer.GetStringAsync($"/Cohorts/Enroll/{cohort}?search=บัวคำ");
        Assert.That(byName, Does.Contain("นางสาวบัวคำ ศิษย์เก่า"), "a person of the trainer's own cohorts");
        Assert.That(byName, Does.Not.Contain("ไม่รู้จัก"), "nobody else of the registry");
        var byPhoneOrPart = await trainer.GetStringAsync($"/Cohorts/Enroll/{cohort}?search=1101700");
        Assert.That(byPhoneOrPart, Does.Not.Contain("แป้ง").And.Not.Contain("ไม่รู้จัก"), "part of an ID number finds nobody");

        var byId = await trainer.GetStringAsync($"/Cohorts/Enroll/{cohort}?search=1-1017-00207-03-0");
        Assert.That(byId, Does.Contain("แป้ง").And.Not.Contain("ไม่รู้จัก").And.Not.Contain("บ้านดอกคำใต้"),
            "a walk-in found by the exact ID number shows only nickname and birth year");

        var withoutId = await EnrollAsync(trainer, cohort, walkIn);
        Assert.That(withoutId.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an id posted without the person's ID number");
        Assert.That(await CountAsync("PersonId = @walkIn", new { walkIn }), Is.EqualTo(0));
        Assert.That((await EnrollAsync(trainer, cohort, walkIn, search: "1101700207030")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await CountAsync("PersonId = @walkIn AND CohortId = @cohort", new { walkIn, cohort }), Is.EqualTo(1));
        Assert.That(await trainer.GetStringAsync($"/People/Details/{walkIn}"), Does.Contain("ไม่รู้จัก"), "enrolled: now one of the trainer's people");
    }

    [Test]
    public async Task A_trainer_transfers_only_into_a_cohort_they_teach()
    {
        var cohort = await CohortAsync("MUS-2569-01", 20);
        var theirs = await CohortAsync("MUS-2569-02", 20);
        var notTheirs = await CohortAsync("MUS-2569-03", 20);
        var trainer = await TrainerOfAsync(cohort);
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT UserId, 'Cohort', @theirs FROM UserScopes WHERE ScopeId = @cohort", new { cohort, theirs }));
        var manager = await App.SignedInAsync(Roles.Manager);
        await EnrollAsync(manager, cohort, await PersonAsync("นางสาวย้าย รุ่น"));
        var enrollment = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments"));

        var page = await trainer.GetStringAsync($"/Cohorts/Enrollment/{enrollment}");
        Assert.That(page, Does.Contain("MUS-2569-02").And.Not.Contain("MUS-2569-03"), "only the trainer's cohorts are offered");
        Dictionary<string, string> Transfer(long to) => new()
        {
            ["Transfer.ToCohortId"] = to.ToString(), ["Transfer.On"] = "2026-11-20", ["version"] = "1",
        };
        var refused = await trainer.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=Transfer", Transfer(notTheirs), $"/Cohorts/Enrollment/{enrollment}");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await CountAsync("CohortId = @notTheirs", new { notTheirs }), Is.EqualTo(0));
        var moved = await trainer.PostFormAsync($"/Cohorts/Enrollment/{enrollment}?handler=Transfer", Transfer(theirs), $"/Cohorts/Enrollment/{enrollment}");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await CountAsync("CohortId = @theirs", new { theirs }), Is.EqualTo(1));
    }
}
