using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Cohorts;

public sealed class CohortPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private async Task<long> CourseAsync(HttpClient manager, string name = "ตัดเย็บเสื้อผ้าเบื้องต้น")
    {
        var saved = await manager.PostFormAsync("/Cohorts/Courses/Edit", new()
        {
            ["Input.NameTh"] = name, ["Input.NameEn"] = "Basic sewing", ["Input.Category"] = "ตัดเย็บเสื้อผ้า",
            ["Input.StandardHours"] = "60", ["Input.CompletionThresholdPercent"] = "80", ["Input.AssessmentRequired"] = "true", ["Input.IsActive"] = "true",
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Courses WHERE NameTh = @name", new { name }));
    }

    private async Task<long> TrainerAsync()
    {
        var email = await App.CreateUserAsync(Roles.Trainer);
        return await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @email", new { email }));
    }

    private static Dictionary<string, string> CohortForm(long course, string code, params long[] trainers)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.CourseId"] = course.ToString(), ["Input.StartDate"] = "2026-12-01",
            ["Input.EndDate"] = "2027-02-26", ["Input.Capacity"] = "20", ["Input.VenueNote"] = "ศาลาวัด",
        };
        for (var i = 0; i < trainers.Length; i++) form[$"Input.TrainerIds[{i}]"] = trainers[i].ToString();
        return form;
    }

    private static long IdFrom(HttpResponseMessage response) => long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);

    [Test]
    public async Task A_manager_sets_up_a_course_and_a_cohort_with_its_trainers()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var course = await CourseAsync(manager);
        var trainer = await TrainerAsync();

        var created = await manager.PostFormAsync("/Cohorts/Edit", CohortForm(course, "sew-2569-01", trainer));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        var id = IdFrom(created);
        var details = await manager.GetStringAsync($"/Cohorts/Details/{id}");
        Assert.That(details, Does.Contain("SEW-2569-01").And.Contain("ตัดเย็บเสื้อผ้าเบื้องต้น").And.Contain("Test Trainer").And.Contain("วางแผน"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM UserScopes WHERE ScopeKind = 'Cohort' AND ScopeId = @id AND UserId = @trainer", new { id, trainer })), Is.EqualTo(1));
    }

    [Test]
    public async Task A_duplicate_code_or_an_end_before_the_start_is_refused_next_to_the_field()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var course = await CourseAsync(manager);
        await manager.PostFormAsync("/Cohorts/Edit", CohortForm(course, "SEW-2569-01"));

        var form = CohortForm(course, "SEW-2569-01");
        form["Input.EndDate"] = "2026-11-01";
        var html = await (await manager.PostFormAsync("/Cohorts/Edit", form)).Content.ReadAsStringAsync();

        Assert.That(html, Does.Match("data-valmsg-for=\"Input.EndDate\"[^>]*>วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"));
        form["Input.EndDate"] = "2027-02-26";
        html = await (await manager.PostFormAsync("/Cohorts/Edit", form)).Content.ReadAsStringAsync();
        Assert.That(html, Does.Match("data-valmsg-for=\"Input.Code\"[^>]*>มีรุ่นอื่นใช้รหัสนี้แล้ว"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Cohorts")), Is.EqualTo(1));
    }

    [Test]
    public async Task Status_moves_only_along_allowed_steps_and_a_refusal_is_explained()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var id = IdFrom(await manager.PostFormAsync("/Cohorts/Edit", CohortForm(await CourseAsync(manager), "SEW-2569-01")));

        var skip = await manager.PostFormAsync($"/Cohorts/Details/{id}?handler=Status", new() { ["to"] = "Running", ["version"] = "1" }, formPage: $"/Cohorts/Details/{id}");
        Assert.That(await skip.Content.ReadAsStringAsync(), Does.Contain("เริ่มฝึกอบรมได้เฉพาะรุ่นที่กำลังเปิดรับสมัคร"));

        var open = await manager.PostFormAsync($"/Cohorts/Details/{id}?handler=Status", new() { ["to"] = "Enrolling", ["version"] = "1" }, formPage: $"/Cohorts/Details/{id}");
        Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var complete = await manager.PostFormAsync($"/Cohorts/Details/{id}?handler=Status", new() { ["to"] = "Completed", ["version"] = "2" }, formPage: $"/Cohorts/Details/{id}");
        Assert.That(await complete.Content.ReadAsStringAsync(), Does.Contain("รุ่นจะจบได้ด้วยการปิดรุ่น"));

        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT Status FROM Cohorts WHERE Id = @id", new { id })), Is.EqualTo("Enrolling"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>(
            "SELECT NewValues FROM AuditLog WHERE TableName = 'Cohorts' AND Action = 'Status'")), Is.EqualTo("""{"Status":"Enrolling"}"""));
    }

    [Test]
    public async Task A_trainer_sees_only_the_cohorts_they_teach()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var course = await CourseAsync(manager);
        var trainerEmail = await App.CreateUserAsync(Roles.Trainer);
        var trainer = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @trainerEmail", new { trainerEmail }));
        var mine = IdFrom(await manager.PostFormAsync("/Cohorts/Edit", CohortForm(course, "SEW-2569-01", trainer)));
        var other = IdFrom(await manager.PostFormAsync("/Cohorts/Edit", CohortForm(course, "SEW-2569-02")));

        var client = App.Browser();
        await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = trainerEmail, ["Input.Password"] = TestApp.Password });

        var list = await client.GetStringAsync($"/Cohorts?Filter.TrainerId=999");
        Assert.That(list, Does.Contain("SEW-2569-01").And.Not.Contain("SEW-2569-02"), "the trainer filter cannot be widened");
        Assert.That((await client.GetAsync($"/Cohorts/Details/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync($"/Cohorts/Details/{other}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync("/Cohorts/Edit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_cohort_list_filters_by_course_status_and_year()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var sewing = await CourseAsync(manager);
        var baking = await CourseAsync(manager, "เบเกอรี่");
        await manager.PostFormAsync("/Cohorts/Edit", CohortForm(sewing, "SEW-2569-01"));
        var bake = CohortForm(baking, "BAK-2570-01");
        bake["Input.StartDate"] = "2027-03-01";
        bake["Input.EndDate"] = "2027-04-30";
        await manager.PostFormAsync("/Cohorts/Edit", bake);

        Assert.That(await manager.GetStringAsync($"/Cohorts?Filter.CourseId={baking}"), Does.Contain("BAK-2570-01").And.Not.Contain("SEW-2569-01"));
        Assert.That(await manager.GetStringAsync("/Cohorts?Filter.Year=2026"), Does.Contain("SEW-2569-01").And.Not.Contain("BAK-2570-01"));
        Assert.That(await manager.GetStringAsync("/Cohorts?Filter.Status=Running"), Does.Contain("ไม่พบรุ่นที่ตรงกับเงื่อนไข"));
    }
}
