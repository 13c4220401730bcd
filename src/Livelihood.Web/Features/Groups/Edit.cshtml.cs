using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Groups;

/// <summary>Creates or edits a producer group: name, village, trade, founding, registration number, status, origin cohorts.</summary>
[Authorize(Policy = Policies.RegisterPeople)]
[Scope(ResourceKind.Group, access: Access.Manage, Optional = true)]
public sealed class EditModel(GroupQueries groups, LocationQueries locations, DbSession db, AuditedWrites audited, TimeProvider clock,
    IStringLocalizer<GroupsText> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the group's name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose the village.")]
        public long? VillageId { get; set; }

        [Required(ErrorMessage = "Enter the trade, e.g. weaving.")]
        [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
        public string Trade { get; set; } = "";

        public DateOnly? FoundedOn { get; set; }

        [StringLength(50, ErrorMessage = "Use at most {1} characters.")]
        public string? RegistrationNumber { get; set; }

        public string Status { get; set; } = "Forming";
        public List<long> CohortIds { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed record CohortChoice
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string CourseNameTh { get; init; } = "";
    }

    [FromRoute] public long? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public LocationPicker Picker { get; private set; } = null!;
    public IReadOnlyList<CohortChoice> Cohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var group = await groups.FindAsync(id);
            if (group is null) return NotFound();
            Input = new InputModel
            {
                Name = group.Name, VillageId = group.VillageId, Trade = group.Trade, FoundedOn = group.FoundedOn,
                RegistrationNumber = group.RegistrationNumber, Status = group.Status, Version = group.Version,
                CohortIds = [.. await db.QueryAsync<long>("SELECT CohortId FROM GroupCohorts WHERE GroupId = @id", new { id })],
            };
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = Id is { } id ? await groups.FindAsync(id) : null;
        if (Id is not null && existing is null) return NotFound();
        if (!GroupQueries.Statuses.Contains(Input.Status)) ModelState.AddModelError("Input.Status", text["Choose a status."]);
        if (Input.FoundedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ModelState.AddModelError("Input.FoundedOn", text["The founding date cannot be in the future."]);
        if (Input.VillageId is { } village && !await locations.MayPlaceInAsync(village))
            ModelState.AddModelError("Input.VillageId", text["Choose a village in your districts."]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var values = new
        {
            Name = Input.Name.Trim(),
            VillageId = Input.VillageId!.Value,
            Trade = Input.Trade.Trim(),
            Input.FoundedOn,
            RegistrationNumber = string.IsNullOrWhiteSpace(Input.RegistrationNumber) ? null : Input.RegistrationNumber.Trim(),
            Input.Status,
        };
        long groupId;
        if (existing is null)
            groupId = await audited.InsertAsync("ProducerGroups", new
            {
                values.Name, values.VillageId, values.Trade, values.FoundedOn, values.RegistrationNumber, values.Status,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        else if (await audited.UpdateAsync("ProducerGroups", existing.Id, Input.Version, values))
            groupId = existing.Id;
        else
        {
            Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed this meanwhile. Nothing was saved: check and save again."], (await groups.FindAsync(existing.Id))!.Version);
            await LoadChoicesAsync();
            return Page();
        }

        await db.ExecuteAsync("DELETE FROM GroupCohorts WHERE GroupId = @groupId", new { groupId });
        await db.ExecuteAsync("INSERT INTO GroupCohorts (GroupId, CohortId) VALUES (@groupId, @CohortId)",
            Input.CohortIds.Distinct().Select(cohortId => new { groupId, CohortId = cohortId }));
        return RedirectToPage("Details", new { id = groupId, saved = true });
    }

    private async Task LoadChoicesAsync()
    {
        Picker = await LocationPicker.ForAsync(locations, Input.VillageId, legend: "The group's village");
        Cohorts = await db.QueryAsync<CohortChoice>(
            """
            SELECT c.Id, c.Code, co.NameTh AS CourseNameTh FROM Cohorts c JOIN Courses co ON co.Id = c.CourseId
            WHERE c.Status IN ('Running', 'Completed') OR c.Id IN @CohortIds ORDER BY c.StartDate DESC, c.Id DESC
            """, new { Input.CohortIds });
    }
}
