using Hangfire;
using Livelihood.Web.Features.FollowUps;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// Keeps the dashboard's kept figures (DashboardSnapshotQueries) ready: computes again those a change has made stale,
/// so a change shows within <see cref="DashboardSnapshotQueries.RecentEnough"/> and the next view is quick too; keeps
/// the running and the last whole fiscal year's figures for the whole programme (what a manager opens first, and at
/// year end for the donor report); forgets figures not computed for a month, and the logged changes no kept figure
/// needs any more.
/// </summary>
public sealed class DashboardSnapshotsJob(DashboardQueries queries, DashboardSnapshotQueries snapshots, TimeProvider clock)
{
    public const string JobId = "dashboard-snapshots";

    /// <summary>At most this many stale figures a run (each is a full computation).</summary>
    public const int RefreshedPerRun = 20;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync()
    {
        await snapshots.ForgetComputedBeforeAsync(clock.GetUtcNow().UtcDateTime.AddDays(-30));
        foreach (var key in await snapshots.StaleKeysAsync(RefreshedPerRun))
        {
            var query = DashboardSnapshotQueries.Query.FromKey(key);
            await snapshots.ComputeAndKeepAsync(query, () => queries.ComputeLiveAsync(query.From, query.To, query.Filter, query.Dimension));
        }
        var thisYear = await queries.FiscalYearOfAsync(FollowUpQueries.ThaiToday(clock));
        await queries.ComputeAsync(thisYear.From, thisYear.To, new(), DashboardQueries.Dimensions.None);
        await queries.ComputeAsync(thisYear.From.AddYears(-1), thisYear.From.AddDays(-1), new(), DashboardQueries.Dimensions.None);
        await snapshots.PruneChangesAsync();
    }
}
