using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Settings;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// Recording a follow-up on a phone: done (the day, how, and the DESIGN.md answers) or missed (with the reason). Beside
/// each answer the person's baseline and last answers are shown, so a surprising jump can be checked on the spot.
/// A recorded follow-up can be corrected later; each save carries the row's Version and is in the audit log.
/// </summary>
[Authorize(Policy = Policies.DoFollowUps)]
[Scope(ResourceKind.FollowUp)]
public sealed class RecordModel(FollowUpQueries followUps, AppSettings settings, AuditedWrites audited, CurrentUser user, TimeProvider clock,
    IStringLocalizer<FollowUpsText> text) : PageModel
{
    /// <summary>The most a monthly income can be: far above any real one, it catches a slip of the finger.</summary>
    public const decimal MaxIncome = 10_000_000m;

    public sealed class InputModel
    {
        /// <summary>Done or Missed.</summary>
        public string? Outcome { get; set; }

        public DateOnly? DoneOn { get; set; }
        public string? Method { get; set; }
        public string? WorkStatus { get; set; }
        public decimal? SkillIncome { get; set; }
        public decimal? TotalIncome { get; set; }
        public bool? UsesSkill { get; set; }
        public bool? SavesRegularly { get; set; }
        public string? MissedReason { get; set; }

        [StringLength(1000, ErrorMessage = "Use at most {1} characters.")]
        public string? Note { get; set; }

        public int Version { get; set; }
    }

    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public FollowUpQueries.FollowUp FollowUp { get; private set; } = null!;
    public FollowUpQueries.FollowUp? Baseline { get; private set; }
    public FollowUpQueries.FollowUp? Last { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var f = FollowUp;
        Input = f.Status == FollowUpQueries.Due
            ? new InputModel { DoneOn = Today, Version = f.Version }
            : new InputModel
            {
                Outcome = f.Status, DoneOn = f.DoneOn, Method = f.Method, WorkStatus = f.WorkStatus, SkillIncome = f.SkillIncome?.Baht,
                TotalIncome = f.TotalIncome?.Baht, UsesSkill = f.UsesSkill, SavesRegularly = f.SavesRegularly, MissedReason = f.MissedReason,
                Note = f.Note, Version = f.Version,
            };
        return Page();
    }

    [Scope(ResourceKind.FollowUp, access: Access.Change)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Validate();
        if (!ModelState.IsValid) return Page();

        var done = Input.Outcome == FollowUpQueries.Done;
        var saved = await audited.UpdateAsync("FollowUps", Id, Input.Version, new
        {
            Status = Input.Outcome,
            Input.DoneOn,
            DoneByUserId = user.Id,
            Method = done ? Input.Method : null,
            WorkStatus = done ? Input.WorkStatus : null,
            SkillIncomeSatang = done ? new Money(Input.SkillIncome!.Value).Satang : (long?)null,
            TotalIncomeSatang = done ? new Money(Input.TotalIncome!.Value).Satang : (long?)null,
            UsesSkill = done ? Input.UsesSkill : null,
            SavesRegularly = done ? Input.SavesRegularly : null,
            MissedReason = done ? null : Input.MissedReason,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        }, "Record");
        if (saved) return RedirectToPage(new { id = Id, saved = true });

        await LoadAsync();
        Input.Version = ModelState.RefuseStaleEdit(text["Someone else recorded this follow-up while you were editing. Nothing was saved: check and save again."], FollowUp.Version);
        return Page();
    }

    /// <summary>What a done follow-up needs (every answer; incomes 0 or more), or a missed one (the reason); never a future day.</summary>
    private void Validate()
    {
        if (Input.Outcome is not (FollowUpQueries.Done or FollowUpQueries.Missed))
            ModelState.AddModelError("Input.Outcome", text["Choose done or missed."]);
        if (Input.DoneOn is null) ModelState.AddModelError("Input.DoneOn", text["Enter the date."]);
        else if (Input.DoneOn > Today) ModelState.AddModelError("Input.DoneOn", text["The date cannot be in the future."]);

        if (Input.Outcome == FollowUpQueries.Missed && !FollowUpQueries.MissedReasons.Contains(Input.MissedReason))
            ModelState.AddModelError("Input.MissedReason", text["Choose why it was missed."]);
        if (Input.Outcome != FollowUpQueries.Done) return;

        if (!FollowUpQueries.Methods.Contains(Input.Method)) ModelState.AddModelError("Input.Method", text["Choose visit or phone."]);
        if (!FollowUpQueries.WorkStatuses.Contains(Input.WorkStatus)) ModelState.AddModelError("Input.WorkStatus", text["Choose the work status."]);
        CheckIncome("Input.SkillIncome", Input.SkillIncome);
        CheckIncome("Input.TotalIncome", Input.TotalIncome);
        if (Input is { SkillIncome: { } skill, TotalIncome: { } total } && skill > total && ModelState.IsValid)
            ModelState.AddModelError("Input.SkillIncome", text["The income from the skill cannot be more than the total income."]);
        if (Input.UsesSkill is null) ModelState.AddModelError("Input.UsesSkill", text["Answer yes or no."]);
        if (Input.SavesRegularly is null) ModelState.AddModelError("Input.SavesRegularly", text["Answer yes or no."]);
    }

    private void CheckIncome(string field, decimal? amount)
    {
        if (ModelState[field]?.Errors.Count > 0) return; // not a number: the binder said so
        if (amount is null) ModelState.AddModelError(field, text["Enter the monthly income in baht (0 if none)."]);
        else if (amount < 0 || amount > MaxIncome) ModelState.AddModelError(field, text["Enter an amount from 0 to 10,000,000 baht."]);
        else if (!new Money(amount.Value).IsWholeSatang) ModelState.AddModelError(field, text["Use at most two decimal places."]);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Today = followUps.Today;
        var followUp = await followUps.FindAsync(Id);
        if (followUp is null) return NotFound();
        FollowUp = followUp;
        var others = (await followUps.ForPersonAsync(followUp.PersonId, await settings.SelfRelianceLineAsync())).Where(f => f.Id != Id && f.Status == FollowUpQueries.Done).ToList();
        // The baseline of this enrollment, else the person's latest (a person can be in two cohorts).
        Baseline = others.Where(f => f.Kind == FollowUpQueries.Baseline)
            .OrderBy(f => f.EnrollmentId == followUp.EnrollmentId ? 0 : 1).ThenByDescending(f => f.DoneOn).FirstOrDefault();
        Last = others.Where(f => f.Id != Baseline?.Id).MaxBy(f => (f.DoneOn, f.Id));
        return null;
    }
}
