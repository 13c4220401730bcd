using Livelihood.Web.Features.Attendance;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Platform.BenchData;

/// <summary>
/// The benchmark's bare endpoints (issue 8): a page's data through the page's own query class and SQL, answered as
/// JSON without the page. The page's throughput divided by the bare one is what Razor, the layout and the page model
/// cost on top of the database. Mapped only when <see cref="Switch"/> is true (scripts/bench/run.sh sets it), so a
/// normal run never has them. Same authorization as the page.
/// </summary>
public static class BareEndpoints
{
    public const string Switch = "Livelihood:Bench:BareEndpoints";

    public static void MapBareEndpointsWhenBenchmarking(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch)) return;
        app.MapGet("/bench/roster/{sessionId:long}", RosterAsync).RequireAuthorization(Policies.WorkOnCohorts).WithScope(ResourceKind.Session, "sessionId");
        app.MapGet("/bench/dashboard", DashboardAsync).RequireAuthorization(Policies.SeeDashboard).WithMetadata(new ListsAttribute(ResourceKind.Person));
    }

    /// <summary>
    /// The dashboard's figures for the period asked (From, To; the page's rule, by default the current fiscal year),
    /// without filters or split (Features/Dashboard/Index as first opened): the same query class, kept figures and
    /// field officer's limit to their districts. Live=true computes them from the rows even when they are kept: what
    /// the first view of a period costs, and each count of it again.
    /// </summary>
    private static async Task<IResult> DashboardAsync(DashboardQueries queries, CurrentUser user, Scope scope, TimeProvider clock, DateOnly? from,
        DateOnly? to, bool? live)
    {
        var (periodFrom, periodTo) = await queries.PeriodAskedAsync(from, to, FollowUpQueries.ThaiToday(clock));
        var filter = new DashboardQueries.Filter { OfficerId = scope.ReachesAll(ResourceKind.Person, Access.Read) ? null : user.Id };
        return Results.Json(live == true
            ? await queries.ComputeLiveAsync(periodFrom, periodTo, filter, DashboardQueries.Dimensions.None)
            : await queries.ComputeAsync(periodFrom, periodTo, filter, DashboardQueries.Dimensions.None, recentIsEnough: true));
    }

    /// <summary>The roster page's data (Features/Attendance/Roster), with the page's scope: 404 unknown, 403 not the trainer's.</summary>
    private static async Task<IResult> RosterAsync(long sessionId, RosterQueries roster)
    {
        var session = (await roster.SessionAsync(sessionId))!;
        var view = await roster.ViewAsync(session);
        return Results.Json(new { session, view.Rows, view.Rates });
    }
}
