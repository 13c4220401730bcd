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

namespace Livelihood.Web.Features.Cohorts;

/// <summary>A manager sets up a cohort (or changes it): code, course, programme, venue, dates, capacity, trainers.</summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Scope(ResourceKind.Cohort, access: Access.Manage, Optional = true)]
public sealed class EditModel(
    CohortQueries cohorts, LocationQueries locations, DbSession db, AuditedWrites audited, TimeProvider clock,
    IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the cohort code, e.g. SEW-2569-01.")]
        [StringLength(30, ErrorMessage = "Use at most {1} characters.")]
        [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and dashes only.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Choose the course.")]
        public long? CourseId { get; set; }

        public long? ProgrammeId { get; set; }
        public long? VenueVillageId { get; set; }

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? VenueNote { get; set; }

        [Required(ErrorMessage = "Enter the start date.")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Enter the end date.")]
        public DateOnly? EndDate { get; set; }

        [Range(1, 500, ErrorMessage = "Enter a capacity from 1 to 500.")]
        public int Capacity { get; set; } = 20;

        public List<long> TrainerIds { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed record Choice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    [FromRoute] public long? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<Choice> Courses { get; private set; } = [];
    public IReadOnlyList<Choice> Programmes { get; private set; } = [];
    public IReadOnlyList<Choice> Trainers { get; private set; } = [];
    public LocationPicker Venue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var cohort = await cohorts.FindAsync(id);
            if (cohort is null) return NotFound();
            Input = new InputModel
            {
                Code = cohort.Code, CourseId = cohort.CourseId, ProgrammeId = cohort.ProgrammeId, VenueVillageId = cohort.VenueVillageId,
                VenueNote = cohort.VenueNote, StartDate = cohort.StartDate, EndDate = cohort.EndDate, Capacity = cohort.Capacity,
                TrainerIds = [.. await TrainersOfAsync(id)], Version = cohort.Version,
            };
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = Id is { } id ? await cohorts.FindAsync(id) : null;
        if (Id is not null && existing is null) return NotFound();

        if (Input.EndDate < Input.StartDate) ModelState.AddModelError("Input.EndDate", text["The end date cannot be before the start date."]);
        if (ModelState.IsValid && await db.ExecuteScalarAsync<int>(
                "SELECT COUNT(1) FROM Cohorts WHERE Code = @Code AND Id <> @Id", new { Code = Input.Code.Trim(), Id = Id ?? 0 }) > 0)
            ModelState.AddModelError("Input.Code", text["Another cohort already has this code."]);
        if (ModelState.IsValid && Input.CourseId != existing?.CourseId && !await db.ExecuteScalarAsync<bool>(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM Courses WHERE Id = @CourseId AND IsActive = 1) THEN 1 ELSE 0 END", new { Input.CourseId }))
            ModelState.AddModelError("Input.CourseId", text["Choose a course that is still offered."]);
        var trainers = (await ActiveTrainersAsync()).Select(t => t.Id).ToHashSet();
        if (Input.TrainerIds.Any(t => !trainers.Contains(t))) ModelState.AddModelError("Input.TrainerIds", text["Choose trainers from the list."]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var values = new
        {
            Code = Input.Code.Trim().ToUpperInvariant(),
            CourseId = Input.CourseId!.Value,
            Input.ProgrammeId,
            Input.VenueVillageId,
            VenueNote = string.IsNullOrWhiteSpace(Input.VenueNote) ? null : Input.VenueNote.Trim(),
            StartDate = Input.StartDate!.Value,
            EndDate = Input.EndDate!.Value,
            Input.Capacity,
        };
        long cohortId;
        if (existing is null)
        {
            cohortId = await audited.InsertAsync("Cohorts", new
            {
                values.Code, values.CourseId, values.ProgrammeId, values.VenueVillageId, values.VenueNote, values.StartDate,
                values.EndDate, values.Capacity, Status = CohortStatus.Planned, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else if (await audited.UpdateAsync("Cohorts", existing.Id, Input.Version, values))
        {
            cohortId = existing.Id;
        }
        else
        {
            Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed this meanwhile. Nothing was saved: check and save again."], (await cohorts.FindAsync(existing.Id))!.Version);
            await LoadChoicesAsync();
            return Page();
        }

        await SetTrainersAsync(cohortId, Input.TrainerIds.Distinct().ToList());
        return RedirectToPage("Details", new { id = cohortId, saved = true });
    }

    /// <summary>Trainers see the cohorts they are assigned to: the assignment is their scope.</summary>
    private async Task SetTrainersAsync(long cohortId, IReadOnlyList<long> wanted)
    {
        var current = await TrainersOfAsync(cohortId);
        if (current.Order().SequenceEqual(wanted.Order())) return;
        await db.ExecuteAsync("DELETE FROM UserScopes WHERE ScopeKind = @Kind AND ScopeId = @cohortId", new { Kind = CohortQueries.TrainerScope, cohortId });
        await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@UserId, @Kind, @cohortId)",
            wanted.Select(userId => new { UserId = userId, Kind = CohortQueries.TrainerScope, cohortId }));
        await audited.RecordAsync("Trainers", "Cohorts", cohortId, new { Before = current, After = wanted });
    }

    private Task<IReadOnlyList<long>> TrainersOfAsync(long cohortId)
        => db.QueryAsync<long>("SELECT UserId FROM UserScopes WHERE ScopeKind = @Kind AND ScopeId = @cohortId ORDER BY UserId",
            new { Kind = CohortQueries.TrainerScope, cohortId });

    private Task<IReadOnlyList<Choice>> ActiveTrainersAsync()
        => db.QueryAsync<Choice>("SELECT Id, DisplayName AS Name FROM Users WHERE Role = @Role AND IsActive = 1 ORDER BY DisplayName, Id",
            new { Role = Roles.Trainer });

    private async Task LoadChoicesAsync()
    {
        Courses = await db.QueryAsync<Choice>("SELECT Id, NameTh AS Name FROM Courses WHERE IsActive = 1 OR Id = @CourseId ORDER BY NameTh", new { Input.CourseId });
        Programmes = await db.QueryAsync<Choice>("SELECT Id, NameTh AS Name FROM Programmes ORDER BY StartDate DESC, Id DESC");
        Trainers = await ActiveTrainersAsync();
        Venue = await LocationPicker.ForAsync(locations, Input.VenueVillageId, "Input.VenueVillageId", "Venue village (leave empty for the training centre)");
    }
}
