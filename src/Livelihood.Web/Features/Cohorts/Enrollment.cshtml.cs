using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// One person's enrollment: drop out (date and reason) or transfer to another cohort of the same course. A transfer
/// ends this enrollment and starts one in the other cohort; attendance already taken stays with this cohort.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Enrollment)]
public sealed class EnrollmentModel(
    CohortQueries cohorts, EnrollmentQueries enrollments, FollowUpQueries followUps, DashboardAggregatesJob aggregates, DbSession db,
    AuditedWrites audited, Scope scope, TimeProvider clock, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed record Row
    {
        public long Id { get; init; }
        public long CohortId { get; init; }
        public long PersonId { get; init; }
        public string FullNameTh { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly EnrolledOn { get; init; }
        public DateOnly? EndedOn { get; init; }
        public string? DropoutReason { get; init; }
        public string? EndNote { get; init; }
        public long? TransferredToEnrollmentId { get; init; }
        public string? AssessmentResult { get; init; }
        public string? SkillLevel { get; init; }
        public string? CertificateCode { get; init; }
        public int Version { get; init; }
    }

    public static readonly string[] AssessmentResults = ["Pass", "Fail"];

    public sealed class DropOutInput
    {
        [Required(ErrorMessage = "Enter the date the person stopped coming.")]
        public DateOnly? On { get; set; }

        [Required(ErrorMessage = "Choose the reason.")]
        public string? Reason { get; set; }

        [StringLength(500, ErrorMessage = "Use at most {1} characters.")]
        public string? Note { get; set; }
    }

    public sealed class TransferInput
    {
        [Required(ErrorMessage = "Choose the cohort to transfer to.")]
        public long? ToCohortId { get; set; }

        [Required(ErrorMessage = "Enter the date of the transfer.")]
        public DateOnly? On { get; set; }

        public bool OverrideCapacity { get; set; }
    }

    public sealed record Target
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Status { get; init; } = "";
    }

    [FromRoute] public long Id { get; set; }
    public Row Enrollment { get; private set; } = null!;
    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<Target> Targets { get; private set; } = [];
    public DropOutInput DropOut { get; private set; } = new();
    public TransferInput Transfer { get; private set; } = new();
    public bool CanOverride => scope.Reaches(ResourceKind.Cohort, Access.Manage);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        DropOut = new DropOutInput { On = Today };
        Transfer = new TransferInput { On = Today };
        return Page();
    }

    [Scope(ResourceKind.Enrollment, access: Access.Change)]
    public async Task<IActionResult> OnPostDropOutAsync([Bind(Prefix = "DropOut")] DropOutInput input, int version)
    {
        if (await LoadAsync() is { } refused) return refused;
        DropOut = input;
        if (Enrollment.Status != EnrollmentQueries.Enrolled) ModelState.AddModelError("", text["Only an active enrollment can end."]);
        if (input.Reason is { } reason && !EnrollmentQueries.DropoutReasons.Contains(reason)) ModelState.AddModelError("DropOut.Reason", text["Choose the reason."]);
        if (input.On is { } on && (on < Enrollment.EnrolledOn || on > Today))
            ModelState.AddModelError("DropOut.On", text["The date must be between the enrollment date and today."]);
        if (!ModelState.IsValid) return Page();

        var saved = await audited.UpdateAsync("Enrollments", Id, version, new
        {
            Status = EnrollmentQueries.DroppedOut,
            EndedOn = input.On!.Value,
            DropoutReason = input.Reason,
            EndNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        }, "DropOut");
        if (saved) await aggregates.RefreshEnrollmentAsync(Id); // its sessions from the drop-out date on no longer count
        return await SavedOrStale(saved);
    }

    [Scope(ResourceKind.Enrollment, access: Access.Change)]
    [Scope(ResourceKind.Cohort, "Transfer.ToCohortId", Access.Change, Optional = true)]
    public async Task<IActionResult> OnPostTransferAsync([Bind(Prefix = "Transfer")] TransferInput input, int version)
    {
        if (await LoadAsync() is { } refused) return refused;
        Transfer = input;
        if (Enrollment.Status != EnrollmentQueries.Enrolled) ModelState.AddModelError("", text["Only an active enrollment can end."]);
        var target = input.ToCohortId is { } targetId && Targets.Any(t => t.Id == targetId) ? await cohorts.FindAsync(targetId) : null;
        if (input.ToCohortId is not null && target is null)
            ModelState.AddModelError("Transfer.ToCohortId", text["Choose another cohort of the same course that is still open."]);
        if (input.On is { } on && (on < Enrollment.EnrolledOn || on > Today))
            ModelState.AddModelError("Transfer.On", text["The date must be between the enrollment date and today."]);
        if (ModelState.IsValid && await enrollments.WhyNotEnrollAsync(target!, Enrollment.PersonId, input.OverrideCapacity && CanOverride) is { } why)
            ModelState.AddModelError("Transfer.ToCohortId", text[why]);
        if (!ModelState.IsValid) return Page();

        var newEnrollment = await enrollments.EnrollAsync(target!.Id, Enrollment.PersonId, input.On!.Value);
        var saved = await audited.UpdateAsync("Enrollments", Id, version, new
        {
            Status = EnrollmentQueries.Transferred,
            EndedOn = input.On!.Value,
            TransferredToEnrollmentId = newEnrollment,
        }, "Transfer");
        if (saved)
        {
            await followUps.CarryBaselineAsync(Id, newEnrollment);
            await aggregates.RefreshEnrollmentAsync(Id);
        }
        return await SavedOrStale(saved);
    }

    /// <summary>The trainer records the assessment (pass or fail, and a skill level) where the course requires one.</summary>
    [Scope(ResourceKind.Enrollment, access: Access.Change)]
    public async Task<IActionResult> OnPostAssessmentAsync(string? result, string? skillLevel, int version)
    {
        if (await LoadAsync() is { } refused) return refused;
        if (!Cohort.AssessmentRequired) ModelState.AddModelError("", text["This course has no assessment."]);
        else if (Enrollment.Status != EnrollmentQueries.Enrolled) ModelState.AddModelError("", text["Only an active enrollment can be assessed."]);
        if (result is null || !AssessmentResults.Contains(result)) ModelState.AddModelError("result", text["Choose pass or fail."]);
        if (skillLevel is { Length: > 50 }) ModelState.AddModelError("skillLevel", text["Use at most 50 characters."]);
        if (!ModelState.IsValid) return Page();
        return await SavedOrStale(await audited.UpdateAsync("Enrollments", Id, version,
            new { AssessmentResult = result, SkillLevel = string.IsNullOrWhiteSpace(skillLevel) ? null : skillLevel.Trim() }, "Assessment"));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> SavedOrStale(bool saved)
    {
        if (saved) return RedirectToPage("Details", new { id = Enrollment.CohortId, saved = true });
        // The filter rolls back anything written in this request because of this error.
        ModelState.AddModelError("", text["Someone else changed this meanwhile. Nothing was saved: check and save again."]);
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT e.Id, e.CohortId, e.PersonId, p.FullNameTh, e.Status, e.EnrolledOn, e.EndedOn, e.DropoutReason, e.EndNote,
                   e.TransferredToEnrollmentId, e.AssessmentResult, e.SkillLevel, e.CertificateCode, e.Version
            FROM Enrollments e JOIN People p ON p.Id = e.PersonId WHERE e.Id = @Id
            """, new { Id });
        if (row is null) return NotFound();
        Enrollment = row;
        Cohort = (await cohorts.FindAsync(row.CohortId))!;
        Targets = await db.QueryAsync<Target>(
            $"""
            SELECT c.Id, c.Code, c.Status FROM Cohorts c
            WHERE c.CourseId = @CourseId AND c.Id <> @CohortId AND c.Status IN ('Planned', 'Enrolling', 'Running')
              AND {scope.Condition(ResourceKind.Cohort, "c.Id", Access.Change)}
            ORDER BY c.StartDate, c.Id
            """, new { Cohort.CourseId, row.CohortId, ScopeUserId = scope.UserId });
        return null;
    }
}
