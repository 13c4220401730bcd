using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>
/// Registers a person or edits one. Every rule is checked before anything is written, each refusal is shown next to
/// its field and the rest of the input is kept. A stale edit (someone saved the person meanwhile) is refused.
/// </summary>
[Authorize(Policy = Policies.RegisterPeople)]
[Scope(ResourceKind.Person, access: Access.Change, Optional = true)]
public sealed class EditModel(
    PeopleQueries people, LocationQueries locations, AuditedWrites audited, CurrentUser user, TimeProvider clock,
    IStringLocalizer<PeopleText> text) : PageModel
{
    [FromRoute] public long? Id { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();

    /// <summary>Ticked by the user after seeing the possible duplicates: this is someone else.</summary>
    [BindProperty] public bool NotADuplicate { get; set; }

    public IReadOnlyList<PeopleQueries.PossibleDuplicate> PossibleDuplicates { get; private set; } = [];

    public PeopleQueries.Person? Existing { get; private set; }
    public bool SensitiveVisible { get; private set; } = true;
    public LocationPicker Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            Existing = await people.FindAsync(id);
            if (Existing is null) return NotFound();
            SensitiveVisible = people.CanSeeSensitive(Existing.RegisteredByUserId);
            Input = PersonInput.From(Existing, SensitiveVisible);
        }
        Picker = await LocationPicker.ForAsync(locations, Input.VillageId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is { } id)
        {
            Existing = await people.FindAsync(id);
            if (Existing is null) return NotFound();
            SensitiveVisible = people.CanSeeSensitive(Existing.RegisteredByUserId);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (field, message) in Input.Check(today, SensitiveVisible))
            ModelState.AddModelError($"Input.{field}", text[message]);
        if (Input.VillageId is { } village && !await locations.MayPlaceInAsync(village))
            ModelState.AddModelError("Input.VillageId", text["Choose a village in your districts."]);
        if (!ModelState.IsValid)
        {
            Picker = await LocationPicker.ForAsync(locations, Input.VillageId);
            return Page();
        }

        var columns = Input.Columns();
        if (SensitiveVisible) foreach (var (column, value) in Input.SensitiveColumns()) columns[column] = value;

        if (Existing is null)
        {
            if (!NotADuplicate)
            {
                PossibleDuplicates = await people.PossibleDuplicatesAsync(
                    (string)columns["FullNameTh"]!, Input.StoredBirthYear, (string?)columns["Phone"], (string?)columns.GetValueOrDefault("IdNumber"), Input.VillageId!.Value);
                if (PossibleDuplicates.Count > 0)
                {
                    Picker = await LocationPicker.ForAsync(locations, Input.VillageId);
                    return Page();
                }
            }
            columns["Status"] = "Active";
            columns["RegisteredByUserId"] = user.Id!.Value;
            columns["CreatedAt"] = clock.GetUtcNow().UtcDateTime;
            var newId = await audited.InsertAsync("People", columns);
            return RedirectToPage("Details", new { id = newId, saved = true });
        }

        columns["Status"] = Input.Status;
        if (await audited.UpdateAsync("People", Existing.Id, Input.Version, columns))
            return RedirectToPage("Details", new { id = Existing.Id, saved = true });

        Existing = await people.FindAsync(Existing.Id);
        Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed this person while you were editing. Nothing was saved: check the details and save again."], Existing!.Version);
        Picker = await LocationPicker.ForAsync(locations, Input.VillageId);
        return Page();
    }
}
