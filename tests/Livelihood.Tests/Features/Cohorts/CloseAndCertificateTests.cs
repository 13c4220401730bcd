using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Cohorts;

public sealed class CloseAndCertificateTests(DatabaseProvider provider) : AppFixture(provider)
{
    /// <summary>A running cohort needing 80 % and an assessment, with two held 3-hour sessions and three people.</summary>
    private async Task<(long Cohort, long Good, long Absent, long Unassessed)> RunningCohortAsync()
    {
        await App.CreateUserAsync(Roles.Admin);
        var now = App.Clock.Now.UtcDateTime;
        return await App.QueryAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้านดอกคำใต้', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, NameEn, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ตัดเย็บเสื้อผ้า', 'Sewing', 'ตัดเย็บ', 6, 1, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('SEW-2569-01', @course, '2026-11-02', '2026-11-27', 9, 'Running', @now)", new { course, now });
            async Task<long> Enroll(string name, string? latin, string? assessment) => await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, AssessmentResult, CreatedAt) VALUES (@cohort, @person, '2026-11-02', 'Enrolled', @assessment, @now)",
                new
                {
                    cohort, assessment, now,
                    person = await db.InsertAsync(
                        "INSERT INTO People (FullNameTh, FullNameLatin, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@name, @latin, 'Female', 1998, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)",
                        new { name, latin, village, now }),
                });
            var good = await Enroll("นางสาวมาลี ใจดี", "Malee Jaidee", "Pass");
            var absent = await Enroll("นางสาวบัว คำมา", null, "Pass");
            var unassessed = await Enroll("นางสาวฝน แก้วใส", null, null);
            foreach (var day in new[] { "2026-11-03", "2026-11-05" })
            {
                var session = await db.InsertAsync("INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, '09:00', 180, 'Held', @now)",
                    new { cohort, day = DateOnly.ParseExact(day, "yyyy-MM-dd"), now });
                foreach (var (enrollment, mark) in new[] { (good, "Present"), (absent, day == "2026-11-03" ? "Present" : "Absent"), (unassessed, "Late") })
                    await db.ExecuteAsync("INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@session, @enrollment, @mark, (SELECT MIN(Id) FROM Users), @now)",
                        new { session, enrollment, mark, now });
            }
            return (cohort, good, absent, unassessed);
        });
    }

    [Test]
    public async Task Closing_shows_who_completes_and_why_not_then_marks_only_the_graduates()
    {
        var (cohort, good, absent, unassessed) = await RunningCohortAsync();
        var manager = await App.SignedInAsync(Roles.Manager);

        var preview = await manager.GetStringAsync($"/Cohorts/Close/{cohort}");
        Assert.That(preview, Does.Contain("เวลาเรียนต่ำกว่าเกณฑ์ของหลักสูตร").And.Contain("ยังไม่ได้บันทึกผลการประเมิน").And.Contain("50 %"));
        Assert.That(preview, Does.Contain("ปิดรุ่นและบันทึกผู้จบหลักสูตร 1 คน"));

        var closed = await manager.PostFormAsync($"/Cohorts/Close/{cohort}", new() { ["version"] = "1" });

        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var statuses = await App.QueryAsync(db => db.QueryAsync<(long, string, string?)>(
            "SELECT Id, Status, CertificateCode FROM Enrollments WHERE CohortId = @cohort ORDER BY Id", new { cohort }));
        Assert.That(statuses.Select(s => (s.Item1, s.Item2)), Is.EqualTo(new[] { (good, "Completed"), (absent, "Enrolled"), (unassessed, "Enrolled") }));
        Assert.That(statuses[0].Item3, Does.Match("^[2-9A-HJ-NP-Z]{10}$"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Status FROM Cohorts WHERE Id = @cohort", new { cohort })), Is.EqualTo("Completed"));
    }

    [Test]
    public async Task A_graduates_certificate_shows_the_thai_name_and_buddhist_era_dates_and_the_english_ones()
    {
        var (cohort, good, absent, _) = await RunningCohortAsync();
        var manager = await App.SignedInAsync(Roles.Manager);
        await manager.PostFormAsync($"/Cohorts/Close/{cohort}", new() { ["version"] = "1" });
        var code = await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT CertificateCode FROM Enrollments WHERE Id = @good", new { good }));

        var certificate = await manager.GetStringAsync($"/Cohorts/Certificate/{good}");

        Assert.That(certificate, Does.Contain("นางสาวมาลี ใจดี").And.Contain("Malee Jaidee"));
        Assert.That(certificate, Does.Contain("2 พ.ย. 2569").And.Contain("27 พ.ย. 2569"), "Thai dates in the Buddhist era");
        Assert.That(certificate, Does.Contain("2 Nov 2026").And.Contain("27 Nov 2026"));
        Assert.That(certificate, Does.Contain("ตัดเย็บเสื้อผ้า").And.Contain("Sewing").And.Contain("6 ชั่วโมง").And.Contain(code));
        Assert.That((await manager.GetAsync($"/Cohorts/Certificate/{absent}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no certificate without completing");

        var anyone = App.Browser();
        Assert.That(await anyone.GetStringAsync($"/Cohorts/Verify?code={code.ToLowerInvariant()}"), Does.Contain("ใบประกาศนียบัตรนี้ถูกต้อง").And.Contain("นางสาวมาลี ใจดี"));
        Assert.That(await anyone.GetStringAsync("/Cohorts/Verify?code=NOTACODE22"), Does.Contain("ไม่พบใบประกาศนียบัตรรหัสนี้").And.Not.Contain("นางสาวมาลี"));
    }

    [Test]
    public async Task Only_a_running_cohort_closes()
    {
        var (cohort, _, _, _) = await RunningCohortAsync();
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Cohorts SET Status = 'Enrolling' WHERE Id = @cohort", new { cohort }));
        var manager = await App.SignedInAsync(Roles.Manager);

        var response = await manager.PostFormAsync($"/Cohorts/Close/{cohort}", new() { ["version"] = "1" });

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ปิดได้เฉพาะรุ่นที่กำลังฝึกอบรม"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Enrollments WHERE Status = 'Completed'")), Is.Zero);
    }

    [Test]
    public async Task A_trainer_records_the_assessment()
    {
        var (cohort, _, _, unassessed) = await RunningCohortAsync();
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        await App.QueryAsync(db => db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'Cohort', @cohort FROM Users WHERE Email = @trainerEmail", new { cohort, trainerEmail }));
        var trainer = App.Browser();
        await trainer.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = trainerEmail, ["Input.Password"] = TestApp.Password });

        var saved = await trainer.PostFormAsync($"/Cohorts/Enrollment/{unassessed}?handler=Assessment",
            new() { ["result"] = "Pass", ["skillLevel"] = "ตัดเย็บเสื้อได้เอง", ["version"] = "1" }, formPage: $"/Cohorts/Enrollment/{unassessed}");

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT AssessmentResult FROM Enrollments WHERE Id = @unassessed", new { unassessed })), Is.EqualTo("Pass"));
    }
}
