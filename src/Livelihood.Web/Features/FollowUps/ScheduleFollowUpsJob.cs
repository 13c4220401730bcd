using Hangfire;
using Livelihood.Data;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// Schedules the 3-, 6- and 12-month follow-ups of a cohort's graduates after the cohort is closed (and removes the
/// not-yet-done ones of an enrollment that is no longer Completed). The schedule lives in the FollowUps table, not in
/// Hangfire: this job only writes the rows, and running it again writes nothing new.
/// </summary>
public sealed class ScheduleFollowUpsJob(DbSession db, FollowUpQueries followUps)
{
    /// <summary>
    /// Queues the run for a cohort just closed. It waits a few seconds so that it starts after the closing request's
    /// transaction has committed (it would not see the graduates before).
    /// </summary>
    public static string EnqueueFor(IBackgroundJobClient client, long cohortId)
        => client.Schedule<ScheduleFollowUpsJob>(job => job.RunAsync(cohortId), AfterSave);

    public static readonly TimeSpan AfterSave = TimeSpan.FromSeconds(5);

    /// <summary>One run at a time, so a cohort's run and the nightly catch-up never race for the same rows.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(long? cohortId) => ScheduleAsync(cohortId);

    public Task<(int Added, int Removed)> ScheduleAsync(long? cohortId) => db.InTransactionAsync(() => followUps.ScheduleAsync(cohortId));
}
