using System.ComponentModel.DataAnnotations;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Locations;

/// <summary>
/// The location picker's data as JSON (the lists below a choice) and adding a village under a subdistrict.
/// </summary>
[Authorize(Policy = Policies.RegisterPeople)]
[Unscoped("the official list of places, and villages added under a subdistrict")]
public sealed class IndexModel(LocationQueries locations, AuditedWrites audited, TimeProvider clock, IStringLocalizer<SharedText> text) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnGetDistrictsAsync(long provinceId)
        => new JsonResult(await locations.DistrictsAsync(provinceId));

    public async Task<IActionResult> OnGetSubdistrictsAsync(long districtId)
        => new JsonResult(await locations.SubdistrictsAsync(districtId));

    public async Task<IActionResult> OnGetVillagesAsync(long subdistrictId)
        => new JsonResult((await locations.VillagesAsync(subdistrictId)).Select(v => new { v.Id, Name = v.Label }));

    public sealed class NewVillage
    {
        [Range(1, 99, ErrorMessage = "Enter the village number (หมู่), 1 to 99.")]
        public int VillageNumber { get; set; }

        [Required(ErrorMessage = "Enter the village name.")]
        [StringLength(150, ErrorMessage = "Use at most {1} characters.")]
        public string NameTh { get; set; } = "";

        public long SubdistrictId { get; set; }
    }

    /// <summary>Adds a village; answers 422 with the message per field when it cannot.</summary>
    public async Task<IActionResult> OnPostVillageAsync([FromForm] NewVillage village)
    {
        var district = ModelState.IsValid ? await locations.DistrictOfAsync(village.SubdistrictId) : null;
        if (ModelState.IsValid && district is null)
            ModelState.AddModelError(nameof(NewVillage.SubdistrictId), text["Choose a subdistrict first."]);
        else if (district is { } chosen && !await locations.MayPlaceInDistrictAsync(chosen))
            ModelState.AddModelError(nameof(NewVillage.SubdistrictId), text["Add villages only in your districts."]);
        if (ModelState.IsValid && await locations.VillageNumberTakenAsync(village.SubdistrictId, village.VillageNumber))
            ModelState.AddModelError(nameof(NewVillage.VillageNumber), text["This subdistrict already has a village with that number."]);
        if (!ModelState.IsValid)
            return new UnprocessableEntityObjectResult(ModelState.ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage)));

        var id = await audited.InsertAsync("Villages", new
        {
            village.SubdistrictId,
            village.VillageNumber,
            NameTh = village.NameTh.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return new JsonResult(new { id, name = LocationQueries.VillageLabel(village.VillageNumber, village.NameTh.Trim()) });
    }
}
