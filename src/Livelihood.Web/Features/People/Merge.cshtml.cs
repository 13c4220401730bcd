using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>
/// A manager folds a duplicate record into the one that stays: every row that points at the duplicate moves to the
/// survivor, then the duplicate is removed, all in one transaction and in the audit log.
/// </summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Unscoped("managers and admins only (its policy), who reach every person: merges two records typed in by number")]
public sealed class MergeModel(PeopleQueries people, DbSession db, AuditedWrites audited, IStringLocalizer<PeopleText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Survivor { get; set; }
    [BindProperty(SupportsGet = true)] public long? Duplicate { get; set; }
    [BindProperty] public int SurvivorVersion { get; set; }
    [BindProperty] public int DuplicateVersion { get; set; }

    public PeopleQueries.Person? Kept { get; private set; }
    public PeopleQueries.Person? Removed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid || Kept is null || Removed is null) return Page();

        var moved = new Dictionary<string, object?>();
        foreach (var (table, column) in PersonReferences.All)
            moved[table] = await db.ExecuteAsync(
                $"UPDATE {table} SET {column} = @Survivor WHERE {column} = @Duplicate", new { Survivor = Kept.Id, Duplicate = Removed.Id });

        // The survivor's version moves on too, so an edit opened before the merge cannot overwrite it unnoticed.
        var survivorCurrent = await db.ExecuteAsync(
            "UPDATE People SET Version = Version + 1 WHERE Id = @Id AND Version = @Version", new { Kept.Id, Version = SurvivorVersion }) == 1;
        if (!survivorCurrent || !await audited.DeleteAsync("People", Removed.Id, DuplicateVersion, "MergedAway"))
        {
            // Nothing above is kept: the page's transaction is rolled back because of this error.
            ModelState.AddModelError("", text["One of the two records was changed meanwhile. Nothing was merged: check them again."]);
            await LoadAsync();
            return Page();
        }
        await audited.RecordAsync("Merge", "People", Kept.Id, new { MergedPersonId = Removed.Id, MovedRows = moved });
        return RedirectToPage("Details", new { id = Kept.Id, saved = true });
    }

    private async Task LoadAsync()
    {
        Kept = Survivor is { } survivor ? await people.FindAsync(survivor) : null;
        Removed = Duplicate is { } duplicate ? await people.FindAsync(duplicate) : null;
        if (Survivor is not null && Kept is null) ModelState.AddModelError(nameof(Survivor), text["No person has this number."]);
        if (Duplicate is not null && Removed is null) ModelState.AddModelError(nameof(Duplicate), text["No person has this number."]);
        if (Kept is not null && Kept.Id == Removed?.Id) ModelState.AddModelError(nameof(Duplicate), text["Choose two different people."]);
        else if (Kept is not null && Removed is not null && await db.ExecuteScalarAsync<int>(
                     """
                     SELECT (SELECT COUNT(1) FROM Enrollments a JOIN Enrollments b ON b.CohortId = a.CohortId
                             WHERE a.PersonId = @Kept AND b.PersonId = @Removed AND a.Status = 'Enrolled' AND b.Status = 'Enrolled')
                          + (SELECT COUNT(1) FROM GroupMembers a JOIN GroupMembers b ON b.GroupId = a.GroupId
                             WHERE a.PersonId = @Kept AND b.PersonId = @Removed AND a.LeftOn IS NULL AND b.LeftOn IS NULL)
                     """, new { Kept = Kept.Id, Removed = Removed.Id }) > 0)
            ModelState.AddModelError(nameof(Duplicate),
                text["Both records are active in the same cohort or group: end one of them (drop-out, transfer or leaving the group) first."]);
    }
}
