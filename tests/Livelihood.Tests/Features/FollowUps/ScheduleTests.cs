using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Features.Alerts;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.FollowUps;

public sealed class ScheduleTests(DatabaseProvider provider) : AppFixture(provider)
{
    private FollowUpData _data = null!;

    [SetUp]
    public async Task CreateData() => _data = await FollowUpData.CreateAsync(App);

    private static DateOnly Day(string iso) => AlertData.Day(iso);

    [Test]
    public async Task Enrolling_schedules_a_baseline_due_on_the_enrollment_date()
    {
        var village = await _data.Data.VillageAsync();
        var person = await _data.Data.PersonAsync("นางสาวมาลี ใจดี", village);
        var cohort = await _data.Data.CohortAsync();

        var enrollment = await App.WithServicesAsync(s => s.GetRequiredService<EnrollmentQueries>().EnrollAsync(cohort, person, Day("2026-11-10")));

        var row = (await _data.RowsAsync()).Single();
        Assert.That((row.EnrollmentId, row.Kind, row.DueOn, row.Status), Is.EqualTo((enrollment, "Baseline", Day("2026-11-10"), "Due")));
    }

    [Test]
    public async Task Completion_schedules_3_6_and_12_months_after_the_completion_date_and_a_second_run_schedules_nothing()
    {
        var (_, graduate) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", status: "Completed", endedOn: "2026-08-31");
        var (_, stillEnrolled) = await _data.EnrolledAsync("นางสาวบัว คำมา", status: "Enrolled");

        var first = await _data.ScheduleAsync();
        var second = await _data.ScheduleAsync();
        await _data.NightlyAsync();

        Assert.That(first, Is.EqualTo((4, 0)), "three for the graduate, a missing baseline for the one still enrolled");
        Assert.That(second, Is.EqualTo((0, 0)));
        var rows = await _data.RowsAsync();
        Assert.That(rows.Where(r => r.EnrollmentId == graduate).Select(r => (r.Kind, r.DueOn)), Is.EqualTo(new[]
        {
            ("ThreeMonths", Day("2026-11-30")), ("SixMonths", Day("2027-02-28")), ("TwelveMonths", Day("2027-08-31")),
        }), "month ends stay at month ends");
        Assert.That(rows.Where(r => r.EnrollmentId == stillEnrolled).Select(r => r.Kind), Is.EqualTo(new[] { "Baseline" }));
        Assert.That(rows, Has.Count.EqualTo(4), "the nightly catch-up added nothing more");
    }

    [Test]
    public async Task An_enrollment_no_longer_completed_loses_the_follow_ups_not_yet_done_and_keeps_the_done_one()
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", status: "Completed", endedOn: "2026-05-15");
        await _data.ScheduleAsync();
        var three = (await _data.RowsAsync()).Single(r => r.Kind == "ThreeMonths");
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE FollowUps SET Status = 'Done', DoneOn = '2026-08-20' WHERE Id = @Id", new { three.Id }));
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Enrollments SET Status = 'Enrolled', EndedOn = NULL WHERE Id = @enrollment", new { enrollment }));

        var result = await _data.ScheduleAsync();

        Assert.That(result.Removed, Is.EqualTo(2));
        Assert.That((await _data.RowsAsync()).Where(r => r.Kind != "Baseline").Select(r => (r.Kind, r.Status)), Is.EqualTo(new[] { ("ThreeMonths", "Done") }));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'FollowUps' AND Action = 'Unschedule'")),
            Is.EqualTo(2), "removals are audited with the rows' values");
    }

    [Test]
    public async Task Closing_a_cohort_queues_the_scheduling_of_its_graduates_follow_ups()
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", status: "Enrolled");
        var cohort = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT CohortId FROM Enrollments WHERE Id = @enrollment", new { enrollment }));
        var manager = await App.SignedInAsync(Roles.Manager);

        var closed = await manager.PostFormAsync($"/Cohorts/Close/{cohort}", new() { ["version"] = "1" });

        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(App.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10)
            .Select(j => j.Value.Job.Type.Name), Does.Contain("ScheduleFollowUpsJob"));
    }

    [Test]
    public async Task A_transfer_carries_the_baseline_to_the_new_enrollment()
    {
        var (person, from) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", status: "Enrolled");
        await _data.FollowUpAsync(from, "Baseline", "2026-11-02", "Done", 150000, "Unemployed", "2026-11-02");
        var target = await _data.Data.CohortAsync("SEW-2569-02");
        var course = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT CourseId FROM Cohorts WHERE Id = (SELECT CohortId FROM Enrollments WHERE Id = @from)", new { from }));
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Cohorts SET CourseId = @course WHERE Id = @target", new { course, target }));
        var manager = await App.SignedInAsync(Roles.Manager);

        var response = await manager.PostFormAsync($"/Cohorts/Enrollment/{from}?handler=Transfer",
            new() { ["Transfer.ToCohortId"] = target.ToString(), ["Transfer.On"] = "2026-11-20", ["version"] = "1" }, formPage: $"/Cohorts/Enrollment/{from}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var rows = await _data.RowsAsync();
        var to = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Enrollments WHERE PersonId = @person AND Status = 'Enrolled'", new { person }));
        Assert.That(rows.Select(r => (r.EnrollmentId, r.Kind, r.Status)), Is.EqualTo(new[] { (to, "Baseline", "Done") }), "one baseline, the done one, now on the new enrollment");
    }
}
