using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>A person's page: their details (sensitive ones masked unless allowed) and their consents (PDPA).</summary>
[Authorize(Policy = Policies.SeePeople)]
[Scope(ResourceKind.Person)]
public sealed class DetailsModel(
    PeopleQueries people, DbSession db, AuditedWrites audited, CurrentUser user, TimeProvider clock,
    IStringLocalizer<PeopleText> text) : PageModel
{
    public sealed record Consent
    {
        public long Id { get; init; }
        public string GivenBy { get; init; } = "";
        public string? GivenByName { get; init; }
        public DateOnly GivenOn { get; init; }
        public bool DataProcessing { get; init; }
        public bool Photos { get; init; }
        public bool SharingWithPartners { get; init; }
        public DateOnly? WithdrawnOn { get; init; }
        public string? WithdrawnNote { get; init; }
        public int Version { get; init; }
    }

    public sealed class ConsentInput
    {
        [Required(ErrorMessage = "Choose who gave the consent.")]
        public string GivenBy { get; set; } = "Person";

        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string? GivenByName { get; set; }

        [Required(ErrorMessage = "Enter the date of the consent.")]
        public DateOnly? GivenOn { get; set; }

        public bool DataProcessing { get; set; } = true;
        public bool Photos { get; set; }
        public bool SharingWithPartners { get; set; }
    }

    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public PeopleQueries.Person Person { get; private set; } = null!;
    public bool SensitiveVisible { get; private set; }
    public bool IsMinor { get; private set; }
    public int Age { get; private set; }
    public IReadOnlyList<Consent> Consents { get; private set; } = [];
    public ConsentInput NewConsent { get; private set; } = new();

    public sealed record Enrollment
    {
        public long Id { get; init; }
        public long CohortId { get; init; }
        public string CohortCode { get; init; } = "";
        public string CourseNameTh { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly EnrolledOn { get; init; }
        public DateOnly? EndedOn { get; init; }
        public string? CertificateCode { get; init; }
    }

    /// <summary>The cohorts the person is or was in, newest first.</summary>
    public IReadOnlyList<Enrollment> Enrollments { get; private set; } = [];

    public bool CanEdit => people.CanEdit;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        NewConsent = new ConsentInput
        {
            GivenBy = IsMinor ? "Guardian" : "Person",
            GivenByName = IsMinor ? Person.GuardianName : null,
            GivenOn = Today,
        };
        return Page();
    }

    [Scope(ResourceKind.Person, access: Access.Change)]
    public async Task<IActionResult> OnPostConsentAsync([Bind(Prefix = "NewConsent")] ConsentInput input)
    {
        if (!await LoadAsync()) return NotFound();
        NewConsent = input;
        if (input.GivenBy is not ("Person" or "Guardian")) ModelState.AddModelError("NewConsent.GivenBy", text["Choose who gave the consent."]);
        if (IsMinor && input.GivenBy != "Guardian")
            ModelState.AddModelError("NewConsent.GivenBy", text["For a person under 18 the guardian gives the consent."]);
        if (input.GivenBy == "Guardian" && string.IsNullOrWhiteSpace(input.GivenByName))
            ModelState.AddModelError("NewConsent.GivenByName", text["Enter the guardian's name."]);
        if (input.GivenOn > Today) ModelState.AddModelError("NewConsent.GivenOn", text["The consent date cannot be in the future."]);
        if (!input.DataProcessing && !input.Photos && !input.SharingWithPartners)
            ModelState.AddModelError("NewConsent.DataProcessing", text["Tick at least one thing the consent covers."]);
        if (!ModelState.IsValid) return Page();

        await audited.InsertAsync("Consents", new
        {
            PersonId = Id,
            input.GivenBy,
            GivenByName = input.GivenBy == "Guardian" ? input.GivenByName!.Trim() : null,
            GivenOn = input.GivenOn!.Value,
            input.DataProcessing,
            input.Photos,
            input.SharingWithPartners,
            RecordedByUserId = user.Id!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return RedirectToPage(new { id = Id, saved = true });
    }

    [Scope(ResourceKind.Person, access: Access.Change)]
    public async Task<IActionResult> OnPostWithdrawAsync(long consentId, int version, string? note)
    {
        if (!await LoadAsync()) return NotFound();
        if (Consents.All(c => c.Id != consentId || c.WithdrawnOn is not null)) return NotFound();
        var saved = await audited.UpdateAsync("Consents", consentId, version,
            new { WithdrawnOn = Today, WithdrawnNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim() }, "Withdraw");
        if (!saved)
        {
            ModelState.AddModelError("", text["Someone else changed this consent meanwhile. Nothing was saved: check and try again."]);
            await LoadAsync();
            return Page();
        }
        return RedirectToPage(new { id = Id, saved = true });
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<bool> LoadAsync()
    {
        var person = await people.FindAsync(Id);
        if (person is null) return false;
        Person = person;
        SensitiveVisible = people.CanSeeSensitive(person.RegisteredByUserId);
        Age = PersonAge.On(Today, person.BirthDate, person.BirthYear);
        IsMinor = Age < PersonAge.AdultAge;
        Enrollments = await db.QueryAsync<Enrollment>(
            """
            SELECT e.Id, e.CohortId, c.Code AS CohortCode, co.NameTh AS CourseNameTh, e.Status, e.EnrolledOn, e.EndedOn, e.CertificateCode
            FROM Enrollments e JOIN Cohorts c ON c.Id = e.CohortId JOIN Courses co ON co.Id = c.CourseId
            WHERE e.PersonId = @Id ORDER BY e.EnrolledOn DESC, e.Id DESC
            """, new { Id });
        Consents = await db.QueryAsync<Consent>(
            """
            SELECT Id, GivenBy, GivenByName, GivenOn, DataProcessing, Photos, SharingWithPartners, WithdrawnOn, WithdrawnNote, Version
            FROM Consents WHERE PersonId = @Id ORDER BY GivenOn DESC, Id DESC
            """, new { Id });
        return true;
    }
}
