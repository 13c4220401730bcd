using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// Anyone holding a certificate's code (an employer, a school) can check it is real: the page shows what the
/// certificate says, and nothing else about the person.
/// </summary>
[AllowAnonymous]
[Unscoped("public certificate check: answers for one code typed in, never a list")]
public sealed class VerifyModel(DbSession db) : PageModel
{
    public sealed record Certificate
    {
        public string FullNameTh { get; init; } = "";
        public string? FullNameLatin { get; init; }
        public string CourseNameTh { get; init; } = "";
        public string? CourseNameEn { get; init; }
        public string CohortCode { get; init; } = "";
        public DateOnly EndedOn { get; init; }
    }

    [FromQuery] public string? Code { get; set; }
    public Certificate? Found { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        Found = await db.QuerySingleOrDefaultAsync<Certificate>(
            """
            SELECT p.FullNameTh, p.FullNameLatin, co.NameTh AS CourseNameTh, co.NameEn AS CourseNameEn, c.Code AS CohortCode, e.EndedOn
            FROM Enrollments e
            JOIN People p ON p.Id = e.PersonId
            JOIN Cohorts c ON c.Id = e.CohortId
            JOIN Courses co ON co.Id = c.CourseId
            WHERE e.CertificateCode = @Code AND e.Status = 'Completed'
            """, new { Code = Code.Trim().ToUpperInvariant() });
    }
}
