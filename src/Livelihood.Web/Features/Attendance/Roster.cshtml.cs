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
/// a note each, Save. Saving marks the session held; re-opening shows the saved marks. With ?paper=true it types in a
/// paper sign-in sheet (<see cref="SheetModel"/>): everyone not marked yet starts Present, and the marks are recorded
/// as typed in from paper by whoever types them, with the date written on the sheet.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Session)]
public sealed class RosterModel(RosterQueries roster, CurrentUser user,
    TimeProvider clock, IStringLocalizer<AttendanceText> text) : PageModel
{
    [FromRoute] public long Id { get; set; }

    /// <summary>Typing in a paper sign-in sheet, with the date and (optionally) the session code written on it.</summary>
    [BindProperty(SupportsGet = true, Name = "paper")] public bool Paper { get; set; }
    [BindProperty(Name = "paperDate")] public string? PaperDate { get; set; }
    [BindProperty(Name = "paperCode")] public string? PaperCode { get; set; }

    public DateOnly Today => Platform.Localization.DisplayDates.ThaiToday(clock);
    public RosterQueries.Session Session { get; private set; } = null!;
    public IReadOnlyList<RosterQueries.Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<long, decimal?> Rates { get; private set; } = new Dictionary<long, decimal?>();
    public ILookup<long, RosterQueries.Version> History { get; private set; } = Array.Empty<RosterQueries.Version>().ToLookup(v => v.EnrollmentId);
    public RosterQueries.SaveOutcome? Result { get; private set; }

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
    // Online saves carry when each mark was made too: roster.js posts, for each person marked on the page, the phone's
    // time of the tap (markedAt[id]) and its time at Save (sentAt), corrected as the offline queue's are; a phone that
    // saved its page minutes after marking must not claim the later mark. A form posted without the script has neither:
    // its marks were made when they arrived.
    [OwnTransaction]
    [Scope(ResourceKind.Session, access: Access.Change)]
    public async Task<IActionResult> OnPostAsync(string submissionId, [FromForm(Name = "marks")] Dictionary<long, string>? marks,
        [FromForm(Name = "notes")] Dictionary<long, string>? notes, [FromForm(Name = "versions")] Dictionary<long, int>? versions,
        [FromForm(Name = "markedAt")] Dictionary<long, string>? markedAt, string? sentAt)
    {
        if (await FindSessionAsync() is { } refused) return refused;
        if (NoAttendanceTaken() is { } why) return await ShowAgainAsync(why, []);
        if (!IsSubmissionId(submissionId)) return BadRequest();

        var now = clock.GetUtcNow().UtcDateTime;
        var sent = Instant(sentAt);
        var posted = (marks ?? [])
            .Select(m => new Posted(m.Key, m.Value, notes?.GetValueOrDefault(m.Key), versions?.GetValueOrDefault(m.Key) ?? 0, Instant(markedAt?.GetValueOrDefault(m.Key))))
            .ToList();
        if (Entries(posted, sent, now) is not { } entries) return await ShowAgainAsync(ClockChanged(), posted);
        var how = new RosterQueries.Provenance(AttendanceMarks.Sources.Online, MarkMerge.ClockOffset(sent, now));
        if (Paper)
        {
            var (sheetDate, wrong) = Sheet(PaperDate, PaperCode);
            foreach (var (field, message) in wrong) ModelState.AddModelError(field, message);
            if (sheetDate is null) return await ShowAgainAsync(null, posted);
            how = how with { Source = AttendanceMarks.Sources.Paper, PaperDate = sheetDate };
        }
        await roster.SaveAsync(Session, submissionId, entries, how, user.Id!.Value);
        return RedirectToPage(new { Id, saved = submissionId });
    }

    /// <summary>One submission from the phone's offline queue (attendance-offline.js), as JSON.</summary>
    /// <param name="MarkedAt">The phone's time at Save: when an entry made before the entries had their own times was made.</param>
    /// <param name="SentAt">The phone's time as it sent the submission, to measure how far its clock is off.</param>
    /// <param name="Paper">For marks typed in from a paper sheet: the sheet's date and code as typed.</param>
    public sealed record SyncRequest(string? SubmissionId, DateTimeOffset? MarkedAt, DateTimeOffset? SentAt, IReadOnlyList<SyncEntry>? Entries,
        SyncPaper? Paper = null);

    public sealed record SyncPaper(string? Date, string? Code);

    /// <param name="MarkedAt">The phone's time when the person was marked.</param>
    public sealed record SyncEntry(long EnrollmentId, string? Mark, string? Note, int BaseVersion, DateTimeOffset? MarkedAt);

    /// <summary>
    /// POST ?handler=Sync: saves marks taken offline, with the same checks and the same idempotent save as the form.
    /// Answers the save's outcome as JSON; a refusal is a 400 with a message the phone shows the trainer, and with
    /// retake: true when the phone should keep the marks for the trainer to check and save again.
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
        var posted = request.Entries.Select(e => new Posted(e.EnrollmentId, e.Mark!, e.Note, e.BaseVersion, e.MarkedAt ?? request.MarkedAt)).ToList();
        if (Entries(posted, request.SentAt, now) is not { } entries) return Refuse(ClockChanged(), retake: true);
        var how = new RosterQueries.Provenance(AttendanceMarks.Sources.Offline, MarkMerge.ClockOffset(request.SentAt, now));
        if (request.Paper is { } paper)
        {
            var (sheetDate, wrong) = Sheet(paper.Date, paper.Code);
            if (sheetDate is null) return Refuse(wrong[0].Message, retake: true);
            how = how with { Source = AttendanceMarks.Sources.Paper, PaperDate = sheetDate };
        }
        var outcome = await roster.SaveAsync(Session, request.SubmissionId!, entries, how, user.Id!.Value);
        var said = outcome.Conflicts.Select(c => (c, Words: MarkWords.Conflict(text, c, Session.SessionDate))).ToList();
        return new JsonResult(new SyncAnswer(outcome.Saved, outcome.Repeat, outcome.Conflicts.Any(c => c.Outcome == MarkMerge.Outcome.Outdated),
            said.Select(x => $"{x.c.Person}: {x.Words}").ToList(), said.Select(x => new RowReport(x.c.EnrollmentId, x.Words)).ToList(), outcome.Marks));
    }

    /// <summary>
    /// The sync's answer, in the words the phone shows (the reader's language): how many marks it saved, whether some
    /// of the phone's lost to marks made later (Lost), a line for each mark that met another (for the top of the page)
    /// and the same beside its person (Rows), and the server's marks for the phone's screen.
    /// </summary>
    public sealed record SyncAnswer(int Saved, bool Repeat, bool Lost, IReadOnlyList<string> Lines, IReadOnlyList<RowReport> Rows,
        IReadOnlyList<RosterQueries.ServerMark> Marks);

    public sealed record RowReport(long EnrollmentId, string Message);

    private string ClockChanged()
        => text["This phone's clock was put back after these marks were made, so when they were made is not known. Check them and save again."];

    /// <summary>
    /// The paper sheet's date as typed (yyyy-MM-dd), checked with the session code typed from it (if any); the date is
    /// null when either is wrong, with what is wrong by field.
    /// </summary>
    private (DateOnly? Date, List<(string Field, string Message)> Wrong) Sheet(string? date, string? code)
    {
        var wrong = new List<(string, string)>();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            wrong.Add(("paperDate", text["Give the date written on the sheet."]));
        else if (day > Today)
            wrong.Add(("paperDate", text["The date on the sheet cannot be after today."]));
        if (!string.IsNullOrWhiteSpace(code) && !SessionCode.Matches(code, Session.Id))
            wrong.Add(("paperCode", text["This is not the code of this session's sheet: check that the sheet is this session's."]));
        return (wrong.Count == 0 ? day : null, wrong);
    }

    /// <summary>A mark as posted, with the phone's time of it (null: not given).</summary>
    private sealed record Posted(long EnrollmentId, string Mark, string? Note, int BaseVersion, DateTimeOffset? MarkedAt);

    /// <summary>The posted marks with when each was made on the server's clock; null when one is dated in the future.</summary>
    private static List<RosterQueries.Entry>? Entries(IReadOnlyList<Posted> posted, DateTimeOffset? sentAt, DateTime now)
    {
        var entries = new List<RosterQueries.Entry>(posted.Count);
        foreach (var p in posted)
        {
            if (MarkMerge.MadeAt(p.MarkedAt, sentAt, now) is not { } madeAt) return null;
            entries.Add(new(p.EnrollmentId, p.Mark, p.Note, p.BaseVersion, madeAt));
        }
        return entries;
    }

    private static DateTimeOffset? Instant(string? text)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    /// <summary>
    /// The roster again with nothing saved and a message (else the errors already beside their fields); the posted
    /// marks and notes stay on it as they were posted.
    /// </summary>
    private async Task<IActionResult> ShowAgainAsync(string? message, IReadOnlyList<Posted> posted)
    {
        if (message is not null) ModelState.AddModelError("", message);
        await LoadViewAsync();
        var kept = posted.ToDictionary(p => p.EnrollmentId);
        Rows = Rows.Select(r => kept.TryGetValue(r.EnrollmentId, out var p) ? r with { Mark = p.Mark, Note = p.Note, MarkVersion = p.BaseVersion } : r).ToList();
        return Page();
    }

    private static JsonResult Refuse(string message, bool retake = false)
        => new(new { message, retake }) { StatusCode = StatusCodes.Status400BadRequest };

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

    /// <summary>What the save just shown did to the sender's mark of this person, when it met another; else null.</summary>
    public RosterQueries.Conflict? ConflictOf(RosterQueries.Row row) => Result?.Conflicts.FirstOrDefault(c => c.EnrollmentId == row.EnrollmentId);

    /// <summary>A person's marks set aside and the mark held now, in the order they were made; empty when none was set aside.</summary>
    public IReadOnlyList<MarkWords.Said> HistoryOf(RosterQueries.Row row)
        => History[row.EnrollmentId].Any() && row.Mark is not null
            ? History[row.EnrollmentId].Select(v => new MarkWords.Said(v.Mark, v.MarkedBy, v.MarkedAt, v.Source, v.PaperDate, v.RecordedAt, v.Note))
                .Append(new MarkWords.Said(row.Mark, row.MarkedBy, row.MarkedAt!.Value, row.MarkSource, row.MarkPaperDate, row.MarkRecordedAt!.Value, row.Note))
                .ToList()
            : [];

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
        (Rows, Rates, History) = await roster.ViewAsync(Session);
        return null;
    }
}
