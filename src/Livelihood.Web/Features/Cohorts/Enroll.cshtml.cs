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
/// Enrolls people from the registry into a cohort: search by name, nickname or phone (<see cref="PeopleSearch"/>) among
/// the people the user may see; a full cohort refuses unless a manager ticks the override; someone already active in
/// the cohort is refused. A trainer sees only the people of their own cohorts; a walk-in registered by an officer is
/// found by the exact number of their ID card, shown by nickname and birth year only (docs/scopes.md).
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Cohort, access: Access.Change)]
[Lists(ResourceKind.Person, Search = "search")]
public sealed class EnrollModel(
    CohortQueries cohorts, EnrollmentQueries enrollments, DbSession db, Scope scope, TimeProvider clock,
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

        /// <summary>Found by the exact ID card number, outside the user's scope: only nickname and birth year are shown.</summary>
        public bool WalkIn { get; init; }
    }

    [FromRoute] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    /// <summary>The day the people join (today unless set): attendance before it does not count against them.</summary>
    [BindProperty(SupportsGet = true, Name = "enrolledOn")] public DateOnly? EnrolledOnDate { get; set; }

    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public int SeatsTaken { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public string? Enrolled { get; private set; }
    public bool CanOverride => scope.Reaches(ResourceKind.Cohort, Access.Manage);

    /// <summary>Whether the user searches only part of the registry (a trainer): walk-ins are then found by ID card number.</summary>
    public bool SearchesOwnPeople => !scope.ReachesAll(ResourceKind.Person, Access.Read);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public DateOnly EnrolledOn => EnrolledOnDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnPostAsync(long personId, bool overrideCapacity)
    {
        await LoadAsync();
        var candidates = await CandidatesAsync(personId);
        if (candidates.Count == 0)
            return await db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People WHERE Id = @personId", new { personId }) == 0 ? NotFound() : Forbid();
        var name = candidates[0].WalkIn ? candidates[0].Nickname ?? "" : candidates[0].FullNameTh;

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

    private async Task LoadAsync()
    {
        Cohort = (await cohorts.FindAsync(Id))!;
        SeatsTaken = await enrollments.SeatsTakenAsync(Id);
        Enrolled = Request.Query["enrolled"];
        if (Search is not null) Candidates = await CandidatesAsync(personId: null);
    }

    /// <summary>
    /// The active people the user may enroll that the search finds (or the one person posted): those they may see, and for
    /// a user who sees only some (a trainer) the walk-in whose ID card number is the search typed.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(long? personId)
    {
        var search = PeopleSearch.For(Search);
        var parameters = search?.AddTo(new DynamicParameters()) ?? new DynamicParameters();
        var inScope = scope.Condition(ResourceKind.Person, "p.Id");
        var walkInId = SearchesOwnPeople && search is not null ? WalkInIdNumber(search.Text) : null;
        var found = $"{search?.Condition(db.Dialect, withVillageName: false) ?? "1 = 1"} AND {inScope}";
        parameters.AddDynamicParams(new { Id, PersonId = personId, Skip = 0, Take = MaxResults, ScopeUserId = scope.UserId, WalkInId = walkInId });
        return await db.QueryAsync<Candidate>(
            db.Dialect.Page($"""
                SELECT p.Id, p.FullNameTh, p.Nickname, p.BirthYear, v.NameTh AS VillageName,
                       CASE WHEN EXISTS (SELECT 1 FROM Enrollments e WHERE e.PersonId = p.Id AND e.CohortId = @Id AND e.Status = 'Enrolled')
                            THEN 1 ELSE 0 END AS AlreadyEnrolled,
                       CASE WHEN {inScope} THEN 0 ELSE 1 END AS WalkIn
                FROM People p JOIN Villages v ON v.Id = p.VillageId
                WHERE p.Status = 'Active' AND (@PersonId IS NULL OR p.Id = @PersonId)
                  AND {(walkInId is null ? found : $"(({found}) OR p.IdNumber = @WalkInId)")}
                ORDER BY p.FullNameTh, p.Id
                """), parameters);
    }

    /// <summary>An ID card number as stored (a Thai ID's 13 digits; another card as typed), long enough to be one person's.</summary>
    private static string? WalkInIdNumber(string typed)
        => People.ThaiNationalId.Digits(typed) ?? (typed.Length >= 6 && typed.Any(char.IsAsciiDigit) ? typed : null);
}
