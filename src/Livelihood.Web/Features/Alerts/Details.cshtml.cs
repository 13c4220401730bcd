using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// One absence alert: who (their own phone, never the guardian's), why, their recent attendance in the cohort, and the
/// follow-up: record a contact (when, and what was said), then resolve with a note. Both are audited and checked against
/// the alert's Version, so a stale page cannot overwrite another officer's follow-up.
/// </summary>
[Authorize(Policy = Policies.FollowUpAlerts)]
[Scope(ResourceKind.Alert)]
public sealed class DetailsModel(AlertQueries alerts, AuditedWrites audited, CurrentUser user, TimeProvider clock,
    IStringLocalizer<AlertsText> text) : PageModel
{
    public const int RecentSessions = 10;

    public sealed class ContactInput
    {
        [Required(ErrorMessage = "Enter the date of the contact.")]
        public DateOnly? On { get; set; }

        [Required(ErrorMessage = "Enter the time of the contact.")]
        public string? At { get; set; }

        [Required(ErrorMessage = "Write what was said or agreed.")]
        [StringLength(1000, ErrorMessage = "Use at most {1} characters.")]
        public string? Note { get; set; }
    }

    public sealed class ResolveInput
    {
        [Required(ErrorMessage = "Write how the alert was resolved.")]
        [StringLength(1000, ErrorMessage = "Use at most {1} characters.")]
        public string? Note { get; set; }
    }

    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public AlertQueries.Alert Alert { get; private set; } = null!;
    public IReadOnlyList<AlertQueries.SessionMark> Attendance { get; private set; } = [];
    public bool IsMinor { get; private set; }
    public ContactInput Contact { get; private set; } = new();
    public ResolveInput Resolve { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var local = ThaiNow;
        Contact = new ContactInput { On = DateOnly.FromDateTime(local), At = local.ToString("HH:mm", CultureInfo.InvariantCulture) };
        return Page();
    }

    [Scope(ResourceKind.Alert, access: Access.Change)]
    public async Task<IActionResult> OnPostContactAsync([Bind(Prefix = "Contact")] ContactInput input, int version)
    {
        if (!await LoadAsync()) return NotFound();
        Contact = input;
        if (Alert.Status != AlertQueries.Open) ModelState.AddModelError("", text["This alert is already resolved."]);
        DateTime? contactedAt = null;
        if (input.At is not null)
        {
            if (!TimeOnly.TryParseExact(input.At.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                ModelState.AddModelError("Contact.At", text["Enter the time as hours and minutes, e.g. 14:30."]);
            else if (input.On is { } on)
            {
                // Typed in Thailand's time, stored as UTC.
                contactedAt = on.ToDateTime(time) - DisplayDates.ThailandOffset;
                if (contactedAt > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
                    ModelState.AddModelError("Contact.On", text["The contact cannot be in the future."]);
                else if (contactedAt < Alert.RaisedAt.AddDays(-1))
                    ModelState.AddModelError("Contact.On", text["The contact cannot be before the alert was raised."]);
            }
        }
        if (!ModelState.IsValid) return Page();

        var saved = await audited.UpdateAsync("AbsenceAlerts", Id, version, new
        {
            ContactedAt = contactedAt!.Value,
            ContactNote = input.Note!.Trim(),
            ContactedByUserId = user.Id!.Value,
        }, "Contact");
        return SavedOrStale(saved);
    }

    [Scope(ResourceKind.Alert, access: Access.Change)]
    public async Task<IActionResult> OnPostResolveAsync([Bind(Prefix = "Resolve")] ResolveInput input, int version)
    {
        if (!await LoadAsync()) return NotFound();
        Resolve = input;
        if (Alert.Status != AlertQueries.Open) ModelState.AddModelError("", text["This alert is already resolved."]);
        if (input.Note is not null && string.IsNullOrWhiteSpace(input.Note))
            ModelState.AddModelError("Resolve.Note", text["Write how the alert was resolved."]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await audited.UpdateAsync("AbsenceAlerts", Id, version, new
        {
            Status = AlertQueries.Resolved,
            ResolvedAt = now,
            ResolvedOn = RaiseAbsenceAlertsJob.ResolvedOn(now),
            ResolvedByUserId = user.Id!.Value,
            ResolutionNote = input.Note!.Trim(),
        }, "Resolve");
        return SavedOrStale(saved);
    }

    private DateTime ThaiNow => clock.GetUtcNow().UtcDateTime + DisplayDates.ThailandOffset;

    private IActionResult SavedOrStale(bool saved)
    {
        if (saved) return RedirectToPage(new { id = Id, saved = true });
        // Nothing is kept: the page's transaction rolls back because of this error.
        ModelState.AddModelError("", text["Someone else changed this alert meanwhile. Nothing was saved: check and save again."]);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var alert = await alerts.FindAsync(Id);
        if (alert is null) return false;
        Alert = alert;
        IsMinor = PersonAge.IsMinor(DateOnly.FromDateTime(ThaiNow), alert.BirthDate, alert.BirthYear);
        Attendance = await alerts.RecentAttendanceAsync(alert.EnrollmentId, RecentSessions);
        return true;
    }
}
