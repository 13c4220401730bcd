using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Cohorts.Programmes;

/// <summary>Funded projects that cohorts run under (a handful per office: one page, newest first).</summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Unscoped("organisation set-up: the programmes run, no one's record")]
public sealed class IndexModel(DbSession db) : PageModel
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string NameTh { get; init; } = "";
        public string? NameEn { get; init; }
        public string? Donor { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public int Cohorts { get; init; }
    }

    public IReadOnlyList<Row> Programmes { get; private set; } = [];

    public async Task OnGetAsync()
        => Programmes = await db.QueryAsync<Row>(
            """
            SELECT p.Id, p.NameTh, p.NameEn, p.Donor, p.StartDate, p.EndDate,
                   (SELECT COUNT(1) FROM Cohorts c WHERE c.ProgrammeId = p.Id) AS Cohorts
            FROM Programmes p ORDER BY p.StartDate DESC, p.Id DESC
            """);
}
