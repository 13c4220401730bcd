using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Cohorts.Programmes;

[Authorize(Policy = Policies.ManagerOrAdmin)]
[Unscoped("organisation set-up: the programmes run, no one's record")]
public sealed class EditModel(DbSession db, AuditedWrites audited, TimeProvider clock, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the programme name in Thai.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string NameTh { get; set; } = "";

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? NameEn { get; set; }

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? Donor { get; set; }

        [Required(ErrorMessage = "Enter the start date.")]
        public DateOnly? StartDate { get; set; }

        public DateOnly? EndDate { get; set; }
        public int Version { get; set; }
    }

    [FromRoute] public long? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null) return Page();
        var existing = await db.QuerySingleOrDefaultAsync<InputModel>(
            "SELECT NameTh, NameEn, Donor, StartDate, EndDate, Version FROM Programmes WHERE Id = @Id", new { Id });
        if (existing is null) return NotFound();
        Input = existing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.EndDate is { } end && Input.StartDate is { } start && end < start)
            ModelState.AddModelError("Input.EndDate", text["The end date cannot be before the start date."]);
        if (!ModelState.IsValid) return Page();

        var values = new
        {
            NameTh = Input.NameTh.Trim(),
            NameEn = string.IsNullOrWhiteSpace(Input.NameEn) ? null : Input.NameEn.Trim(),
            Donor = string.IsNullOrWhiteSpace(Input.Donor) ? null : Input.Donor.Trim(),
            StartDate = Input.StartDate!.Value,
            Input.EndDate,
        };
        if (Id is null)
        {
            await audited.InsertAsync("Programmes", new { values.NameTh, values.NameEn, values.Donor, values.StartDate, values.EndDate, CreatedAt = clock.GetUtcNow().UtcDateTime });
            return RedirectToPage("Index");
        }
        if (await audited.UpdateAsync("Programmes", Id.Value, Input.Version, values)) return RedirectToPage("Index");

        Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed this meanwhile. Nothing was saved: check and save again."], await db.ExecuteScalarAsync<int>("SELECT Version FROM Programmes WHERE Id = @Id", new { Id }));
        return Page();
    }
}
