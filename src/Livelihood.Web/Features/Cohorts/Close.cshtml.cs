using System.Security.Cryptography;
using Hangfire;
using Livelihood.Data;
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
/// Closing a running cohort: shows each active enrollment's attendance rate and whether it completes (and why not);
/// on confirmation the graduates become Completed with a certificate code and the cohort becomes Completed, and their
/// follow-ups are scheduled.
/// Those who do not complete stay enrolled, without a certificate.
/// </summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Scope(ResourceKind.Cohort, access: Access.Manage)]
public sealed class CloseModel(CohortQueries cohorts, EnrollmentQueries enrollments, AuditedWrites audited, IBackgroundJobClient jobs,
    TimeProvider clock, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed record Outcome(EnrollmentQueries.RosterRow Enrollment, decimal? RatePercent, bool Completes, string? WhyNot, string? AssessmentResult);

    [FromRoute] public long Id { get; set; }
    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(int version)
    {
        if (await LoadAsync() is { } missing) return missing;
        if (Cohort.Status != CohortStatus.Running)
        {
            ModelState.AddModelError("", text["Only a running cohort can be closed."]);
            return Page();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var graduate in Outcomes.Where(o => o.Completes))
        {
            var saved = await audited.UpdateAsync("Enrollments", graduate.Enrollment.Id, graduate.Enrollment.Version, new
            {
                Status = EnrollmentQueries.Completed,
                EndedOn = today,
                CertificateCode = NewCertificateCode(),
            }, "Complete");
            if (!saved) return Stale();
        }
        if (!await audited.UpdateAsync("Cohorts", Id, version, new { Status = CohortStatus.Completed }, "Close")) return Stale();
        // The graduates' 3-, 6- and 12-month follow-ups are written by a job, once this close has committed.
        ScheduleFollowUpsJob.EnqueueFor(jobs, Id);
        return RedirectToPage("Details", new { id = Id, saved = true });
    }

    private IActionResult Stale()
    {
        // Nothing of this close is kept: the page's transaction rolls back on this error.
        ModelState.AddModelError("", text["Someone else changed this meanwhile. Nothing was saved: check and save again."]);
        return Page();
    }

    /// <summary>Ten characters without look-alikes (no 0/O, 1/I), hard to guess, easy to read out on the phone.</summary>
    private static string NewCertificateCode()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        return string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var cohort = await cohorts.FindAsync(Id);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        var minutes = (await enrollments.AttendanceAsync(Id)).ToDictionary(a => a.EnrollmentId, a => a.Minutes);
        var assessments = await enrollments.AssessmentsAsync(Id);
        Outcomes = (await enrollments.RosterAsync(Id))
            .Where(r => r.Status == EnrollmentQueries.Enrolled)
            .Select(r =>
            {
                var m = minutes.GetValueOrDefault(r.Id, new Completion.Minutes(0, 0, 0));
                var result = assessments.GetValueOrDefault(r.Id);
                var (completes, why) = Completion.Decide(m, cohort.CompletionThresholdPercent, cohort.AssessmentRequired, result);
                return new Outcome(r, Completion.RatePercent(m), completes, why, result);
            })
            .ToList();
        return null;
    }
}
