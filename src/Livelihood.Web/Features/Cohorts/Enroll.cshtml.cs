using Dapper;
using Livelihood.Data;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// Enrolls people from the registry into a cohort: search by name, nickname or phone (<see cref="PeopleSearch"/>); a full
/// cohort refuses unless a manager ticks the override; someone already active in the cohort is refused.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
public sealed class EnrollModel(
    CohortQueries cohorts, EnrollmentQueries enrollments, DbSession db, CurrentUser user, TimeProvider clock,
    IStringLocalizer<CohortsText> text) : PageModel
{
    public const int MaxResults = 20;

    public sealed record Candidate
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public int BirthYear { get; init; }
        public string VillageName { get; init; } = "";
        public bool AlreadyEnrolled { get; init; }
    }

    [FromRoute] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    /// <summary>The day the people join (today unless set): attendance before it does not count against them.</summary>
    [BindProperty(SupportsGet = true, Name = "enrolledOn")] public DateOnly? EnrolledOnDate { get; set; }

    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public int SeatsTaken { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public string? Enrolled { get; private set; }
    public bool CanOverride => user.Role is Roles.Manager or Roles.Admin;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public DateOnly EnrolledOn => EnrolledOnDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnPostAsync(long personId, bool overrideCapacity)
    {
        if (await LoadAsync() is { } refused) return refused;
        var name = await db.QuerySingleOrDefaultAsync<string>("SELECT FullNameTh FROM People WHERE Id = @personId", new { personId });
        if (name is null) return NotFound();

        if (await enrollments.WhyNotEnrollAsync(Cohort, personId, overrideCapacity && CanOverride) is { } why)
        {
            ModelState.AddModelError("", text[why]);
            return Page();
        }
        if (EnrolledOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(60) || EnrolledOn < Cohort.StartDate.AddDays(-60))
        {
            ModelState.AddModelError("", text["Check the enrollment date: it is far from the cohort's dates."]);
            return Page();
        }
        await enrollments.EnrollAsync(Id, personId, EnrolledOn);
        return RedirectToPage(new { id = Id, search = Search, enrolledOn = EnrolledOnDate, enrolled = name });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var cohort = await cohorts.FindAsync(Id);
        if (cohort is null) return NotFound();
        if (!await cohorts.CanWorkOnAsync(Id)) return Forbid();
        Cohort = cohort;
        SeatsTaken = await enrollments.SeatsTakenAsync(Id);
        Enrolled = Request.Query["enrolled"];
        if (PeopleSearch.For(Search) is { } search)
            Candidates = await db.QueryAsync<Candidate>(
                db.Dialect.Page($"""
                    SELECT p.Id, p.FullNameTh, p.Nickname, p.BirthYear, v.NameTh AS VillageName,
                           CASE WHEN EXISTS (SELECT 1 FROM Enrollments e WHERE e.PersonId = p.Id AND e.CohortId = @Id AND e.Status = 'Enrolled')
                                THEN 1 ELSE 0 END AS AlreadyEnrolled
                    FROM People p JOIN Villages v ON v.Id = p.VillageId
                    WHERE p.Status = 'Active' AND {search.Condition(db.Dialect, withVillageName: false)}
                    ORDER BY p.FullNameTh, p.Id
                    """),
                search.AddTo(new DynamicParameters(new { Id, Skip = 0, Take = MaxResults })));
        return null;
    }
}
