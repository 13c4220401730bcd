using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// Today: the sessions to take attendance for — today's, and any past session of the last two months still without
/// attendance, of the cohorts in the user's scope (a trainer's own; all for managers and admins).
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Lists(ResourceKind.Session)]
public sealed class IndexModel(DbSession db, Scope scope, CurrentUser user, TimeProvider clock, RosterQueries roster) : PageModel
{
    public sealed record Item
    {
        public long Id { get; init; }
        public DateOnly SessionDate { get; init; }
        public string StartTime { get; init; } = "";
        public int DurationMinutes { get; init; }
        public string Status { get; init; } = "";
        public string CohortCode { get; init; } = "";
        public string CourseNameTh { get; init; } = "";
        public int Marked { get; init; }
    }

    public DateOnly Today { get; private set; }
    public IReadOnlyList<Item> Sessions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Today = DisplayDates.ThaiToday(clock);
        Sessions = await db.QueryAsync<Item>(
            $"""
            SELECT s.Id, s.SessionDate, s.StartTime, s.DurationMinutes, s.Status, c.Code AS CohortCode, co.NameTh AS CourseNameTh,
                   (SELECT COUNT(1) FROM AttendanceMarks m WHERE m.SessionId = s.Id) AS Marked
            FROM Sessions s
            JOIN Cohorts c ON c.Id = s.CohortId
            JOIN Courses co ON co.Id = c.CourseId
            WHERE c.Status = 'Running' AND s.Status <> 'Cancelled'
              AND (s.SessionDate = @Today OR (s.Status = 'Scheduled' AND s.SessionDate < @Today AND s.SessionDate >= @Since))
              AND {scope.Condition(ResourceKind.Cohort, "c.Id")}
            ORDER BY s.SessionDate DESC, s.StartTime, c.Code
            """,
            new { Today, Since = Today.AddDays(-60), ScopeUserId = scope.UserId });
    }

    /// <summary>The user has seen which of their marks later ones replaced (_ReplacedMarks): back to where they were.</summary>
    public async Task<IActionResult> OnPostSeenAsync([FromForm] long[]? ids, string? returnUrl)
    {
        await roster.ToldAsync(user.Id!.Value, ids ?? []);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Attendance");
    }
}
