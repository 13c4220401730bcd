using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Database;
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
[Scope(ResourceKind.Session)]
public sealed class RosterModel(RosterQueries roster, CurrentUser user,
    TimeProvider clock, IStringLocalizer<AttendanceText> text) : PageModel
{
    [FromRoute] public long Id { get; set; }
    public RosterQueries.Session Session { get; private set; } = null!;
    public IReadOnlyList<RosterQueries.Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<long, decimal?> Rates { get; private set; } = new Dictionary<long, decimal?>();
    public RosterQueries.Outcome? Result { get; private set; }

    /// <summary>A fresh id per page view: the same form posted twice is applied once.</summary>
    public string SubmissionId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The roster; after a save (<paramref name="saved"/>: its submission id) also what the save did.</summary>
    public async Task<IActionResult> OnGetAsync(string? saved)
    {
        if (await LoadAsync() is { } refused) return refused;
        if (IsSubmissionId(saved)) Result = await roster.OutcomeAsync(saved, Session.Id);
        return Page();
    }

    // The save opens its own short transaction (RosterQueries.SaveAsync): the page's reads run outside it, so trainers
    // saving at the same moment wait for each other's writes only. After saving the browser is sent to the roster
    // (post, redirect, get), which shows the saved marks and what the save did: reloading it sends nothing again.
    // The dictionaries are named: a form without notes (or versions) then binds none, instead of trying every other
    // field's name as a key (the fallback to no prefix), a conversion error and an exception per field.
    [OwnTransaction]
    [Scope(ResourceKind.Session, access: Access.Change)]
    public async Task<IActionResult> OnPostAsync(string submissionId, [FromForm(Name = "marks")] Dictionary<long, string>? marks,
        [FromForm(Name = "notes")] Dictionary<long, string>? notes, [FromForm(Name = "versions")] Dictionary<long, int>? versions)
    {
        if (await FindSessionAsync() is { } refused) return refused;
        if (NoAttendanceTaken() is { } why)
        {
            ModelState.AddModelError("", why);
            await LoadViewAsync();
            return Page();
        }
        if (!IsSubmissionId(submissionId)) return BadRequest();

        var entries = (marks ?? [])
            .Select(m => new RosterQueries.Entry(m.Key, m.Value, notes?.GetValueOrDefault(m.Key), versions?.GetValueOrDefault(m.Key) ?? 0))
            .ToList();
        await roster.SaveAsync(Session, submissionId, clock.GetUtcNow().UtcDateTime, entries, user.Id!.Value);
        return RedirectToPage(new { Id, saved = submissionId });
    }

    /// <summary>One submission from the phone's offline queue (attendance-offline.js), as JSON.</summary>
    public sealed record SyncRequest(string? SubmissionId, DateTimeOffset? MarkedAt, IReadOnlyList<SyncEntry>? Entries);

    public sealed record SyncEntry(long EnrollmentId, string? Mark, string? Note, int BaseVersion);

    /// <summary>
    /// POST ?handler=Sync: saves marks taken offline, with the same checks and the same idempotent save as the form.
    /// Answers the save's outcome as JSON; a refusal is a 400 with a message the phone shows the trainer.
    /// </summary>
    [OwnTransaction]
    [Scope(ResourceKind.Session, access: Access.Change)]
    public async Task<IActionResult> OnPostSyncAsync([FromBody] SyncRequest? request)
    {
        if (await FindSessionAsync() is { } refused) return refused; // the answer is the outcome: no roster to show
        if (NoAttendanceTaken() is { } why) return Refuse(why);
        if (request is null || !IsSubmissionId(request.SubmissionId) || request.MarkedAt is null || request.Entries is null
            || request.Entries.Any(e => e.Mark is null || !AttendanceMarks.All.Contains(e.Mark)))
            return Refuse(text["These marks could not be read. Take the attendance again."]);

        var now = clock.GetUtcNow().UtcDateTime;
        var markedAt = request.MarkedAt.Value.UtcDateTime;
        if (markedAt > now) markedAt = now; // a phone's clock may run ahead: never later than the server's now
        var entries = request.Entries.Select(e => new RosterQueries.Entry(e.EnrollmentId, e.Mark!, e.Note, e.BaseVersion)).ToList();
        return new JsonResult(await roster.SaveAsync(Session, request.SubmissionId!, markedAt, entries, user.Id!.Value));
    }

    private static JsonResult Refuse(string message) => new(new { message }) { StatusCode = StatusCodes.Status400BadRequest };

    private static bool IsSubmissionId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id)
        => !string.IsNullOrWhiteSpace(id) && id.Length <= 64;

    /// <summary>Why no attendance is taken for the loaded session (cancelled, or not yet its day), or null.</summary>
    private string? NoAttendanceTaken()
    {
        if (Session.Status == "Cancelled") return text["This session was cancelled: no attendance is taken for it."];
        if (Session.SessionDate > Platform.Localization.DisplayDates.ThaiToday(clock))
            return text["This session is in the future: attendance is taken on the day."];
        return null;
    }

    private async Task<IActionResult?> LoadAsync() => await FindSessionAsync() ?? await LoadViewAsync();

    /// <summary>The session (the scope filter has found it, in the user's scope).</summary>
    private async Task<IActionResult?> FindSessionAsync()
    {
        var session = await roster.SessionAsync(Id);
        if (session is null) return NotFound();
        Session = session;
        return null;
    }

    /// <summary>Who is on the roster with their marks and rates: the costly part (the rates sum the cohort's marks).</summary>
    private async Task<IActionResult?> LoadViewAsync()
    {
        (Rows, Rates) = await roster.ViewAsync(Session);
        return null;
    }
}
