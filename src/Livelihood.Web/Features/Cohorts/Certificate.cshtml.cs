using System.Globalization;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// A graduate's certificate, in Thai (Buddhist-era dates) and English on one A4 page, with the hours attended and a
/// verification code.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Enrollment)]
public sealed class CertificateModel(CohortQueries cohorts, EnrollmentQueries enrollments, DbSession db) : PageModel
{
    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public sealed record Graduate
    {
        public long Id { get; init; }
        public long CohortId { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? FullNameLatin { get; init; }
        public DateOnly EndedOn { get; init; }
        public string CertificateCode { get; init; } = "";
    }

    [FromRoute] public long Id { get; set; }
    public Graduate Person { get; private set; } = null!;
    public CohortQueries.Cohort Cohort { get; private set; } = null!;
    public decimal HoursAttended { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var graduate = await db.QuerySingleOrDefaultAsync<Graduate>(
            """
            SELECT e.Id, e.CohortId, p.FullNameTh, p.FullNameLatin, e.EndedOn, e.CertificateCode
            FROM Enrollments e JOIN People p ON p.Id = e.PersonId
            WHERE e.Id = @Id AND e.Status = 'Completed' AND e.CertificateCode IS NOT NULL
            """, new { Id });
        if (graduate is null) return NotFound(); // not a graduate with a certificate
        Person = graduate;
        Cohort = (await cohorts.FindAsync(graduate.CohortId))!;
        var minutes = (await enrollments.AttendanceAsync(graduate.CohortId)).Single(a => a.EnrollmentId == Id);
        HoursAttended = Math.Round(minutes.AttendedMinutes / 60m, 1);
        return Page();
    }
}
