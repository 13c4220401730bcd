using Hangfire;
using Hangfire.Storage;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Features.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Alerts;

public sealed class RaiseAbsenceAlertsJobTests(DatabaseProvider provider) : AppFixture(provider)
{
    private AlertData _data = null!;
    private long _village;
    private long _cohort;

    [SetUp]
    public async Task CreateCohort()
    {
        _data = await AlertData.CreateAsync(App);
        _village = await _data.VillageAsync();
        _cohort = await _data.CohortAsync();
    }

    private async Task<long> EnrolledAsync(string name = "นางสาวมาลี ใจดี", string enrolledOn = "2026-11-02")
        => await _data.EnrollAsync(_cohort, await _data.PersonAsync(name, _village), enrolledOn);

    [Test]
    public async Task Three_unexcused_absences_in_a_row_raise_an_open_alert_for_the_person()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Present", "Absent", null, "Absent");

        Assert.That(await _data.RunJobAsync(), Is.EqualTo(1));

        var alert = (await _data.AlertsAsync()).Single();
        Assert.That((alert.EnrollmentId, alert.Reason, alert.Status), Is.EqualTo((enrollment, AbsenceRule.ConsecutiveAbsences, "Open")));
        Assert.That(alert.RatePercentTenths, Is.EqualTo(250), "1 of 4 sessions attended");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'AbsenceAlerts' AND Action = 'Insert'")),
            Is.EqualTo(1), "raising is audited");
    }

    [Test]
    public async Task A_rate_below_60_percent_after_four_sessions_raises_a_low_rate_alert()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Present", "Absent", "Late", "Absent");

        await _data.RunJobAsync();

        var alert = (await _data.AlertsAsync()).Single();
        Assert.That((alert.Reason, alert.RatePercentTenths), Is.EqualTo((AbsenceRule.LowRate, (int?)400)));
    }

    [Test]
    public async Task An_excused_absence_in_the_run_raises_nothing()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Excused", "Absent");
        var excusedThroughout = await EnrolledAsync("นางสาวบัว คำมา");
        foreach (var session in await App.QueryAsync(db => db.QueryAsync<long>("SELECT Id FROM Sessions WHERE CohortId = @_cohort", new { _cohort })))
            await _data.MarkAsync(session, excusedThroughout, "Excused");

        Assert.That(await _data.RunJobAsync(), Is.Zero);
        Assert.That(await _data.AlertsAsync(), Is.Empty);
    }

    [Test]
    public async Task Running_the_job_again_raises_no_second_alert_while_one_is_open()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Absent", "Absent");
        await _data.RunJobAsync();

        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-06", "Absent", "Absent", "Absent");
        Assert.That(await _data.RunJobAsync(), Is.Zero);
        Assert.That(await _data.RunJobAsync(_cohort), Is.Zero);

        Assert.That(await _data.AlertsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task After_a_resolution_only_absences_after_it_raise_a_new_alert()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Absent", "Absent", "Absent");
        App.Clock.Now = new DateTimeOffset(2026, 11, 6, 19, 0, 0, TimeSpan.Zero); // the nightly run, 02:00 on 7 Nov in Thailand
        await _data.RunJobAsync();
        App.Clock.Now = new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero); // resolved on 10 Nov (Thai time)
        await _data.ResolveAsync((await _data.AlertsAsync()).Single().Id);

        Assert.That(await _data.RunJobAsync(), Is.Zero, "the absences already followed up do not raise it again");
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-10", "Absent"); // held the day of the resolution
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-11", "Absent", "Absent");
        App.Clock.Now = new DateTimeOffset(2026, 11, 13, 3, 0, 0, TimeSpan.Zero);
        Assert.That(await _data.RunJobAsync(), Is.Zero, "two new absences are not yet a run");

        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-13", (string?)null);
        Assert.That(await _data.RunJobAsync(), Is.EqualTo(1), "a third new absence opens a new episode");

        var alerts = await _data.AlertsAsync();
        Assert.That(alerts.Select(a => a.Status), Is.EqualTo(new[] { "Resolved", "Open" }));
        Assert.That(alerts[1].Reason, Is.EqualTo(AbsenceRule.ConsecutiveAbsences));
    }

    [Test]
    public async Task Only_active_enrollments_of_running_cohorts_are_alerted_and_sessions_before_joining_do_not_count()
    {
        var dropped = await _data.EnrollAsync(_cohort, await _data.PersonAsync("นางสาวฝน แก้วใส", _village), status: "DroppedOut");
        var lateJoiner = await EnrolledAsync("นางสาวดาว ศรีสุข", enrolledOn: "2026-11-06");
        await _data.SessionsWithMarksAsync(_cohort, dropped, "2026-11-03", "Absent", "Absent", "Absent");
        await _data.SessionsWithMarksAsync(_cohort, lateJoiner, "2026-11-06", "Present", "Present");
        var completedCohort = await _data.CohortAsync("SEW-2568-01", status: "Completed");
        var finished = await _data.EnrollAsync(completedCohort, await _data.PersonAsync("นางสาวแก้ว ดีงาม", _village));
        await App.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) SELECT @completedCohort, SessionDate, StartTime, DurationMinutes, Status, CreatedAt FROM Sessions WHERE CohortId = @_cohort",
            new { completedCohort, _cohort }));

        Assert.That(await _data.RunJobAsync(), Is.Zero, "the late joiner missed the first three sessions before joining, not after");
        Assert.That(finished, Is.Positive);
        Assert.That(await _data.AlertsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_run_for_one_cohort_leaves_the_others_to_the_nightly_run()
    {
        var enrollment = await EnrolledAsync();
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-03", "Absent", "Absent", "Absent");
        var other = await _data.CohortAsync("WEA-2569-01");
        var elsewhere = await _data.EnrollAsync(other, await _data.PersonAsync("นางสาวบัว คำมา", _village));
        await _data.SessionsWithMarksAsync(other, elsewhere, "2026-11-03", "Absent", "Absent", "Absent");

        Assert.That(await _data.RunJobAsync(other), Is.EqualTo(1));
        Assert.That((await _data.AlertsAsync()).Single().EnrollmentId, Is.EqualTo(elsewhere));
        Assert.That(await _data.RunJobAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_job_sums_the_same_minutes_as_the_cohort_pages()
    {
        var first = await EnrolledAsync();
        var second = await EnrolledAsync("นางสาวบัว คำมา", enrolledOn: "2026-11-04");
        var sessions = await _data.SessionsWithMarksAsync(_cohort, first, "2026-11-03", "Present", "Excused", null, "Late", "Absent");
        await _data.MarkAsync(sessions[2], second, "Late");
        await _data.SessionAsync(_cohort, "2026-11-20", status: "Cancelled");

        var candidates = await App.WithServicesAsync(s => s.GetRequiredService<RaiseAbsenceAlertsJob>().CandidatesAsync(_cohort));
        var pages = await App.WithServicesAsync(s => s.GetRequiredService<EnrollmentQueries>().AttendanceAsync(_cohort));

        Assert.That(candidates.Select(c => (c.EnrollmentId, c.Input.Minutes)), Is.EquivalentTo(pages.Select(p => (p.EnrollmentId, p.Minutes))));
        Assert.That(candidates.Single(c => c.EnrollmentId == first).Input.RecentMarks, Is.EqualTo(new[] { "Absent", "Late", null }));
        Assert.That(candidates.Single(c => c.EnrollmentId == second).HeldSessions, Is.EqualTo(4));
    }

    [Test]
    public async Task The_latest_sessions_are_ordered_by_date_then_start_time()
    {
        var enrollment = await EnrolledAsync();
        // Two sessions on one day: the afternoon one is the latest even though it was entered first.
        var afternoon = await _data.SessionAsync(_cohort, "2026-11-05", start: "13:00");
        var morning = await _data.SessionAsync(_cohort, "2026-11-05", start: "09:00");
        await _data.SessionsWithMarksAsync(_cohort, enrollment, "2026-11-04", "Absent");
        await _data.MarkAsync(morning, enrollment, "Absent");
        await _data.MarkAsync(afternoon, enrollment, "Present");

        Assert.That(await _data.RunJobAsync(), Is.Zero, "absent, absent, then present that afternoon");
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE AttendanceMarks SET Mark = 'Absent' WHERE SessionId = @afternoon", new { afternoon }));
        Assert.That(await _data.RunJobAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_nightly_run_is_a_recurring_job_and_saving_attendance_can_queue_a_run_for_the_cohorts_saved_lately()
    {
        using (var connection = App.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == RaiseAbsenceAlertsJob.JobId);
            Assert.That(recurring, Is.Not.Null);
            Assert.That(recurring!.Cron, Is.EqualTo(Cron.Daily(19)), "02:00 in Thailand");
            Assert.That(recurring.Job.Type, Is.EqualTo(typeof(RaiseAbsenceAlertsJob)));
        }

        var savedAt = App.Clock.Now;
        var jobId = RaiseAbsenceAlertsJob.ScheduleAfterSaves(App.Services.GetRequiredService<IBackgroundJobClient>(), savedAt);

        using (var connection = App.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = connection.GetJobData(jobId);
            Assert.That(job.Job.Method.Name, Is.EqualTo(nameof(RaiseAbsenceAlertsJob.RunAfterSavesAsync)));
            Assert.That(job.Job.Args, Is.EqualTo(new object?[] { savedAt - RaiseAbsenceAlertsJob.SaveTakesAtMost }));
            Assert.That(job.State, Is.EqualTo("Scheduled"));
        }
    }

    [Test]
    public async Task The_run_after_saves_checks_the_cohorts_saved_since_it_was_queued_and_leaves_the_others_to_the_nightly_run()
    {
        var now = App.Clock.Now;
        var savedLately = await EnrolledAsync();
        var sessions = await _data.SessionsWithMarksAsync(_cohort, savedLately, "2026-11-03", "Absent", "Absent", "Absent");
        await _data.SubmissionAsync(sessions[^1], now.UtcDateTime);
        var otherCohort = await _data.CohortAsync("SEW-2569-02");
        var savedLongAgo = await _data.EnrollAsync(otherCohort, await _data.PersonAsync("นางสาวบัว คำมา", _village));
        var otherSessions = await _data.SessionsWithMarksAsync(otherCohort, savedLongAgo, "2026-11-03", "Absent", "Absent", "Absent");
        await _data.SubmissionAsync(otherSessions[^1], now.UtcDateTime.AddMinutes(-1));

        Assert.That(await _data.RunAfterSavesAsync(now.AddSeconds(-10)), Is.EqualTo(1));
        Assert.That((await _data.AlertsAsync()).Select(a => a.EnrollmentId), Is.EqualTo(new[] { savedLately }));

        Assert.That(await _data.RunJobAsync(), Is.EqualTo(1), "the nightly run checks every running cohort");
        Assert.That((await _data.AlertsAsync()).Select(a => a.EnrollmentId), Is.EqualTo(new[] { savedLately, savedLongAgo }));
    }
}
