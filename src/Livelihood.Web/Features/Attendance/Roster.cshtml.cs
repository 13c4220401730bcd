using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// Taking attendance for one session: every enrolled person with four large choices, "All present" for the rest,
/// a note each, Save. Saving marks the session held; re-opening shows the saved marks.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
public sealed class RosterModel(RosterQueries roster, CohortQueries cohorts, EnrollmentQueries enrollments, CurrentUser user,
    TimeProvider clock, IStringLocalizer<AttendanceText> text) : PageModel
{
    [FromRoute] public long Id { get; set; }
    public RosterQueries.Session Session { get; private set; } = null!;
    public IReadOnlyList<RosterQueries.Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<long, decimal?> Rates { get; private set; } = new Dictionary<long, decimal?>();
    public RosterQueries.Outcome? Result { get; private set; }

    /// <summary>A fresh id per page view: the same form posted twice is applied once.</summary>
    public string SubmissionId { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(string submissionId, Dictionary<long, string>? marks, Dictionary<long, string>? notes, Dictionary<long, int>? versions)
    {
        if (await LoadAsync() is { } refused) return refused;
        if (Session.Status == "Cancelled")
        {
            ModelState.AddModelError("", text["This session was cancelled: no attendance is taken for it."]);
            return Page();
        }
        if (Session.SessionDate > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.Add(Platform.Localization.DisplayDates.ThailandOffset)))
        {
            ModelState.AddModelError("", text["This session is in the future: attendance is taken on the day."]);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(submissionId) || submissionId.Length > 64) return BadRequest();

        var entries = (marks ?? [])
            .Select(m => new RosterQueries.Entry(m.Key, m.Value, notes?.GetValueOrDefault(m.Key), versions?.GetValueOrDefault(m.Key) ?? 0))
            .ToList();
        Result = await roster.SaveAsync(Session, submissionId, clock.GetUtcNow().UtcDateTime, entries, user.Id!.Value);
        await LoadAsync();
        ModelState.Clear(); // show the saved marks, not the posted ones
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var session = await roster.SessionAsync(Id);
        if (session is null) return NotFound();
        if (!await cohorts.CanWorkOnAsync(session.CohortId)) return Forbid();
        Session = session;
        Rows = await roster.RosterAsync(session);
        Rates = (await enrollments.AttendanceAsync(session.CohortId)).ToDictionary(a => a.EnrollmentId, a => Completion.RatePercent(a.Minutes));
        return null;
    }
}
