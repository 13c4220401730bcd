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

    private Task<long> PersonAsync(string name)
        => App.QueryAsync(async db => await db.InsertAsync(
            """
            INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
            VALUES (@name, 'Female', 1995, @_village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)
            """, new { name, _village, now = App.Clock.Now.UtcDateTime }));

    private static Task<HttpResponseMessage> EnrollAsync(HttpClient client, long cohort, long person, bool overrideCapacity = false)
    {
        var form = new Dictionary<string, string> { ["personId"] = person.ToString(), ["enrolledOn"] = "2026-11-02" };
        if (overrideCapacity) form["overrideCapacity"] = "true";
        return client.PostFormAsync($"/Cohorts/Enroll/{cohort}", form);
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
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainerEmail", new { cohort, trainerEmail }));
        var trainer = App.Browser();
        await trainer.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = trainerEmail, ["Input.Password"] = TestApp.Password });
        await EnrollAsync(trainer, cohort, await PersonAsync("คนแรก"));

        var second = await PersonAsync("คนที่สอง");
        var refused = await EnrollAsync(trainer, cohort, second, overrideCapacity: true);
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
}
