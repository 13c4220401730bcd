using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>A cohort's page: its facts, trainers and status; managers move the status on, each refusal explained.</summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Cohort)]
public sealed class DetailsModel(CohortQueries cohorts, EnrollmentQueries enrollments, LocationQueries locations, AuditedWrites audited, Scope scope, IStringLocalizer<CohortsText> text) : PageModel
{
    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<string> TrainerNames { get; private set; } = [];
    public LocationQueries.Place? Venue { get; private set; }
    public IReadOnlyList<EnrollmentQueries.RosterRow> Roster { get; private set; } = [];
    public IReadOnlyDictionary<long, decimal?> Rates { get; private set; } = new Dictionary<long, decimal?>();
    public int SeatsTaken => Roster.Count(r => r.Status is EnrollmentQueries.Enrolled or EnrollmentQueries.Completed);
    public bool CanManage => scope.Reaches(ResourceKind.Cohort, Access.Manage);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    [Scope(ResourceKind.Cohort, access: Access.Manage)]
    public async Task<IActionResult> OnPostStatusAsync(string to, int version)
    {
        await LoadAsync();
        if (CohortStatus.WhyNot(Cohort.Status, to) is { } why)
        {
            ModelState.AddModelError("", text[why]);
            return Page();
        }
        if (!await audited.UpdateAsync("Cohorts", Id, version, new { Status = to }, "Status"))
        {
            ModelState.AddModelError("", text["Someone else changed this meanwhile. Nothing was saved: check and save again."]);
            await LoadAsync();
            return Page();
        }
        return RedirectToPage(new { id = Id, saved = true });
    }

    private async Task LoadAsync()
    {
        var cohort = (await cohorts.FindAsync(Id))!;
        Cohort = cohort;
        TrainerNames = await cohorts.TrainerNamesAsync(Id);
        Venue = cohort.VenueVillageId is { } village ? await locations.PlaceAsync(village) : null;
        Roster = await enrollments.RosterAsync(Id);
        Rates = (await enrollments.AttendanceAsync(Id)).ToDictionary(a => a.EnrollmentId, a => Completion.RatePercent(a.Minutes));
    }
}
