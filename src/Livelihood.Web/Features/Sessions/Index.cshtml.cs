using System.ComponentModel.DataAnnotations;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Sessions;

/// <summary>
/// A cohort's sessions: add one, generate them from a weekly pattern, reschedule, cancel or mark one held. For
/// managers and admins, and for the cohort's own trainers. Each change is audited and checks the session's Version.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Cohort, "cohortId")]
public sealed class IndexModel(
    CohortQueries cohorts, SessionQueries sessions, AuditedWrites audited, DashboardAggregatesJob aggregates, TimeProvider clock,
    IStringLocalizer<SessionsText> text) : PageModel
{
    public sealed class AddInput
    {
        [Required(ErrorMessage = "Enter the date.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the start time.")]
        public string? StartTime { get; set; } = "09:00";

        [Required(ErrorMessage = "Enter the hours.")]
        public decimal? Hours { get; set; } = 3;

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? Topic { get; set; }
    }

    public sealed class GenerateInput
    {
        public List<DayOfWeek> Weekdays { get; set; } = [];

        [Required(ErrorMessage = "Enter the start time.")]
        public string? StartTime { get; set; } = "09:00";

        [Required(ErrorMessage = "Enter the hours.")]
        public decimal? Hours { get; set; } = 3;

        [Required(ErrorMessage = "Enter the first date.")]
        public DateOnly? From { get; set; }

        [Required(ErrorMessage = "Enter the last date.")]
        public DateOnly? To { get; set; }

        public string? Holidays { get; set; }

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? Topic { get; set; }
    }

    [FromQuery] public long CohortId { get; set; }

    /// <summary>What the last change did, shown once after the redirect.</summary>
    [FromQuery] public string? Done { get; set; }
    [FromQuery] public int Added { get; set; }
    [FromQuery] public int Skipped { get; set; }

    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<SessionQueries.Session> Sessions { get; private set; } = [];
    public AddInput Add { get; private set; } = new();
    public GenerateInput Generate { get; private set; } = new();

    /// <summary>Which form to show open: the one that was just refused, else generating while there is no session yet.</summary>
    public string? OpenForm { get; private set; }

    /// <summary>The session a refused reschedule, cancel or mark was about (its row shows the message).</summary>
    public long? ProblemSessionId { get; private set; }

    /// <summary>Why nothing can be added or changed any more (a completed or cancelled cohort); null while it can.</summary>
    public string? Locked { get; private set; }

    public DateOnly Today => DisplayDates.ThaiToday(clock);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Generate = new GenerateInput { From = Cohort.StartDate, To = Cohort.EndDate };
        Add = new AddInput { Date = Cohort.StartDate <= Today && Today <= Cohort.EndDate ? Today : Cohort.StartDate };
        if (Sessions.Count == 0) OpenForm = "Generate";
        return Page();
    }

    [Scope(ResourceKind.Cohort, "cohortId", Access.Change)]
    public async Task<IActionResult> OnPostAddAsync([Bind(Prefix = "Add")] AddInput input)
    {
        if (await LoadAsync() is { } refused) return refused;
        Add = input;
        Generate = new GenerateInput { From = Cohort.StartDate, To = Cohort.EndDate };
        OpenForm = "Add";
        if (RefuseWhenLocked()) return Page();

        var start = Time("Add.StartTime", input.StartTime);
        var minutes = Duration("Add.Hours", input.Hours);
        if (input.Date is { } date)
        {
            WithinCohort("Add.Date", date);
            if (start is { } time && minutes is { } length && Clash(date, time, length, except: null) is not null)
                ModelState.AddModelError("Add.StartTime", text["The cohort already has a session at that time on {0}.", DisplayDates.Show(date)]);
        }
        if (!ModelState.IsValid) return Page();

        await audited.InsertAsync("Sessions", new
        {
            CohortId,
            SessionDate = input.Date!.Value,
            StartTime = SessionSchedule.Format(start!.Value),
            DurationMinutes = minutes!.Value,
            Topic = Clean(input.Topic),
            Status = SessionStatus.Scheduled,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return RedirectToPage(new { cohortId = CohortId, done = "added", added = 1 });
    }

    [Scope(ResourceKind.Cohort, "cohortId", Access.Change)]
    public async Task<IActionResult> OnPostGenerateAsync([Bind(Prefix = "Generate")] GenerateInput input)
    {
        if (await LoadAsync() is { } refused) return refused;
        Generate = input;
        Add = new AddInput { Date = Cohort.StartDate };
        OpenForm = "Generate";
        if (RefuseWhenLocked()) return Page();

        var start = Time("Generate.StartTime", input.StartTime);
        var (holidays, notDates) = SessionSchedule.ParseDates(input.Holidays);
        if (notDates.Count > 0)
            ModelState.AddModelError("Generate.Holidays", text["These are not dates: {0}. Write one date per line, like 2026-04-13.", string.Join(", ", notDates)]);
        if (input.From is { } from) WithinCohort("Generate.From", from);
        if (input.To is { } to) WithinCohort("Generate.To", to);
        if (start is null || input.From is null || input.To is null || input.Hours is null)
        {
            // Still say what else is wrong (no day ticked), so one round trip shows every problem.
            if (input.Weekdays.Count == 0) ModelState.AddModelError("Generate.Weekdays", text["Tick at least one day of the week."]);
            return Page();
        }

        var result = SessionSchedule.Generate(new SessionSchedule.Pattern(
            input.Weekdays, start.Value, SessionSchedule.Minutes(input.Hours.Value), input.From.Value, input.To.Value, holidays));
        foreach (var problem in result.Problems)
            ModelState.AddModelError("Generate." + problem.Field, text[problem.Message, problem.Arguments]);
        if (result.Ok && result.Slots.Count == 0)
            ModelState.AddModelError("Generate.Weekdays", text["None of the ticked days falls between the first and the last date."]);
        if (!ModelState.IsValid) return Page();

        // A date that already has a session (of any status) is left alone, so generating twice does not double up.
        var taken = Sessions.Select(s => s.SessionDate).ToHashSet();
        var topic = Clean(input.Topic);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var slot in result.Slots.Where(s => !taken.Contains(s.Date)))
        {
            await audited.InsertAsync("Sessions", new
            {
                CohortId,
                SessionDate = slot.Date,
                StartTime = SessionSchedule.Format(slot.StartTime),
                DurationMinutes = slot.DurationMinutes,
                Topic = topic,
                Status = SessionStatus.Scheduled,
                CreatedAt = now,
            });
            added++;
        }
        return RedirectToPage(new { cohortId = CohortId, done = "generated", added, skipped = result.Slots.Count - added });
    }

    [Scope(ResourceKind.Cohort, "cohortId", Access.Change)]
    public async Task<IActionResult> OnPostRescheduleAsync(long sessionId, int version, DateOnly? date, string? startTime)
    {
        if (await LoadAsync() is { } refused) return refused;
        var session = await sessions.FindAsync(CohortId, sessionId);
        if (session is null) return NotFound();
        ProblemSessionId = sessionId;
        OpenForm = "Reschedule";
        ResetForms();
        if (RefuseWhenLocked() || RefuseWhenChanged(session, version) || RefuseUnlessScheduled(session, text["Only a scheduled session can be rescheduled."])) return Page();

        if (date is null) ModelState.AddModelError("", text["Enter the new date."]);
        var start = SessionSchedule.TryParseTime(startTime, out var time) ? time : (TimeOnly?)null;
        if (start is null) ModelState.AddModelError("", text["Enter the start time as hours and minutes, like 09:00."]);
        if (date is { } day)
        {
            WithinCohort("", day);
            if (start is { } at && Clash(day, at, session.DurationMinutes, except: session.Id) is not null)
                ModelState.AddModelError("", text["The cohort already has a session at that time on {0}.", DisplayDates.Show(day)]);
            if (start is { } same && day == session.SessionDate && same == session.Start)
                ModelState.AddModelError("", text["That is the session's date and time already."]);
        }
        if (!ModelState.IsValid) return Page();

        return await ChangeAsync(session, version, new { SessionDate = date!.Value, StartTime = SessionSchedule.Format(start!.Value) }, "Reschedule", "rescheduled");
    }

    [Scope(ResourceKind.Cohort, "cohortId", Access.Change)]
    public async Task<IActionResult> OnPostCancelAsync(long sessionId, int version)
    {
        if (await LoadAsync() is { } refused) return refused;
        var session = await sessions.FindAsync(CohortId, sessionId);
        if (session is null) return NotFound();
        ProblemSessionId = sessionId;
        ResetForms();
        if (RefuseWhenLocked() || RefuseWhenChanged(session, version) || RefuseUnlessScheduled(session, text["Only a scheduled session can be cancelled."])) return Page();
        return await ChangeAsync(session, version, new { Status = SessionStatus.Cancelled }, "Cancel", "cancelled");
    }

    [Scope(ResourceKind.Cohort, "cohortId", Access.Change)]
    public async Task<IActionResult> OnPostHeldAsync(long sessionId, int version)
    {
        if (await LoadAsync() is { } refused) return refused;
        var session = await sessions.FindAsync(CohortId, sessionId);
        if (session is null) return NotFound();
        ProblemSessionId = sessionId;
        ResetForms();
        if (RefuseWhenLocked() || RefuseWhenChanged(session, version) || RefuseUnlessScheduled(session, text["Only a scheduled session can be marked held."])) return Page();
        if (session.SessionDate > Today)
        {
            ModelState.AddModelError("", text["A session can be marked held on its day or later, not before."]);
            return Page();
        }
        return await ChangeAsync(session, version, new { Status = SessionStatus.Held }, "Held", "held");
    }

    private async Task<IActionResult> ChangeAsync(SessionQueries.Session session, int version, object changes, string action, string done)
    {
        if (await audited.UpdateAsync("Sessions", session.Id, version, changes, action))
        {
            await aggregates.RefreshSessionAsync(session.Id);
            return RedirectToPage(new { cohortId = CohortId, done });
        }
        ModelState.AddModelError("", text["Someone else changed this session meanwhile. Nothing was saved: check it and try again."]);
        return Page();
    }

    /// <summary>Loads the cohort (found in the user's scope by the scope filter) and its sessions.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var cohort = await cohorts.FindAsync(CohortId);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Sessions = await sessions.ListAsync(CohortId);
        Locked = cohort.Status switch
        {
            CohortStatus.Completed => text["The cohort is completed: its sessions can no longer be added or changed."].Value,
            CohortStatus.Cancelled => text["The cohort is cancelled: its sessions can no longer be added or changed."].Value,
            _ => null,
        };
        return null;
    }

    private void ResetForms()
    {
        Add = new AddInput { Date = Cohort.StartDate };
        Generate = new GenerateInput { From = Cohort.StartDate, To = Cohort.EndDate };
    }

    private bool RefuseWhenLocked()
    {
        if (Locked is null) return false;
        ModelState.AddModelError("", Locked);
        return true;
    }

    private bool RefuseWhenChanged(SessionQueries.Session session, int version)
    {
        if (session.Version == version) return false;
        ModelState.AddModelError("", text["Someone else changed this session meanwhile. Nothing was saved: check it and try again."]);
        return true;
    }

    private bool RefuseUnlessScheduled(SessionQueries.Session session, LocalizedString message)
    {
        if (session.Status == SessionStatus.Scheduled) return false;
        ModelState.AddModelError("", message);
        return true;
    }

    private TimeOnly? Time(string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null; // [Required] has said so
        if (SessionSchedule.TryParseTime(typed, out var time)) return time;
        ModelState.AddModelError(field, text["Enter the start time as hours and minutes, like 09:00."]);
        return null;
    }

    private int? Duration(string field, decimal? hours)
    {
        if (hours is null) return null;
        var minutes = SessionSchedule.Minutes(hours.Value);
        if (SessionSchedule.WhyNotDuration(minutes) is not { } problem) return minutes;
        ModelState.AddModelError(field, text[problem.Message, problem.Arguments]);
        return null;
    }

    private void WithinCohort(string field, DateOnly date)
    {
        if (date >= Cohort.StartDate && date <= Cohort.EndDate) return;
        ModelState.AddModelError(field, text["Choose a date within the cohort's dates, {0} to {1}.", DisplayDates.Show(Cohort.StartDate), DisplayDates.Show(Cohort.EndDate)]);
    }

    /// <summary>A session of the cohort (not cancelled, not the one being moved) that takes up some of that time that day.</summary>
    private SessionQueries.Session? Clash(DateOnly date, TimeOnly start, int minutes, long? except)
        => Sessions.FirstOrDefault(s => s.Id != except && s.Status != SessionStatus.Cancelled && s.SessionDate == date
                                        && SessionSchedule.Overlap(s.Start, s.DurationMinutes, start, minutes));

    private static string? Clean(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
}
