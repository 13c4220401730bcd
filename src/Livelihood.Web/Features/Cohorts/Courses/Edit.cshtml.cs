using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Cohorts.Courses;

/// <summary>Creates or edits a course. A course that has cohorts is retired (no longer offered), not deleted.</summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Unscoped("organisation set-up: the courses taught, no one's record")]
public sealed class EditModel(DbSession db, AuditedWrites audited, TimeProvider clock, IStringLocalizer<CohortsText> text) : PageModel
{
    public static readonly string[] Categories = ["Sewing", "Weaving", "Hairdressing", "Bakery", "Mushroom farming", "Motorbike repair", "Agriculture", "Handicraft", "Cooking", "Other"];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the course name in Thai.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string NameTh { get; set; } = "";

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Choose a category.")]
        [StringLength(50, ErrorMessage = "Use at most {1} characters.")]
        public string Category { get; set; } = "";

        [Range(1, 2000, ErrorMessage = "Enter the standard hours, 1 to 2000.")]
        public int StandardHours { get; set; } = 60;

        [Range(1, 100, ErrorMessage = "Enter a percentage from 1 to 100.")]
        public int CompletionThresholdPercent { get; set; } = 80;

        public bool AssessmentRequired { get; set; }
        public bool IsActive { get; set; } = true;
        public int Version { get; set; }
    }

    [FromRoute] public long? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null) return Page();
        var existing = await db.QuerySingleOrDefaultAsync<InputModel>(
            "SELECT NameTh, NameEn, Category, StandardHours, CompletionThresholdPercent, AssessmentRequired, IsActive, Version FROM Courses WHERE Id = @Id",
            new { Id });
        if (existing is null) return NotFound();
        Input = existing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var values = new
        {
            NameTh = Input.NameTh.Trim(),
            NameEn = string.IsNullOrWhiteSpace(Input.NameEn) ? null : Input.NameEn.Trim(),
            Category = Input.Category.Trim(),
            Input.StandardHours,
            Input.CompletionThresholdPercent,
            Input.AssessmentRequired,
            Input.IsActive,
        };
        if (Id is null)
        {
            await audited.InsertAsync("Courses", new
            {
                values.NameTh, values.NameEn, values.Category, values.StandardHours, values.CompletionThresholdPercent,
                values.AssessmentRequired, values.IsActive, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            return RedirectToPage("Index");
        }
        if (await audited.UpdateAsync("Courses", Id.Value, Input.Version, values)) return RedirectToPage("Index");

        Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed this meanwhile. Nothing was saved: check and save again."], await db.ExecuteScalarAsync<int>("SELECT Version FROM Courses WHERE Id = @Id", new { Id }));
        return Page();
    }
}
