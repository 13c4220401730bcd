using System.Globalization;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The printable donor report for a period and a programme, in Thai or English as chosen (not the reader's own
/// language: the report is for the donor): every indicator in all, then by sex and by age band. It leaves the
/// organisation, so small counts of people are suppressed. Same query layer as the dashboard. Audited.
/// </summary>
[Authorize(Policy = Policies.SeeDashboard)]
[Lists(ResourceKind.Person)]
public sealed class ReportModel(DashboardQueries queries, CurrentUser user, AuditedWrites audited, DbSession db)
    : DashboardPageModel(queries, user)
{
    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [FromQuery] public string? Lang { get; set; }

    public DashboardQueries.Figures Total { get; private set; } = null!;
    public DashboardQueries.Figures BySex { get; private set; } = null!;
    public DashboardQueries.Figures ByAge { get; private set; } = null!;
    public string? ProgrammeName { get; private set; }
    public CultureInfo Culture => Lang == "en" ? English : Thai;

    /// <summary>The figures; the view sets <see cref="Culture"/> itself while it renders (the language is the report's).</summary>
    public async Task OnGetAsync()
    {
        await ResolvePeriodAsync();
        Total = await Queries.ComputeAsync(PeriodFrom, PeriodTo, Filter, DashboardQueries.Dimensions.None);
        BySex = await Queries.ComputeAsync(PeriodFrom, PeriodTo, Filter, DashboardQueries.Dimensions.Sex);
        ByAge = await Queries.ComputeAsync(PeriodFrom, PeriodTo, Filter, DashboardQueries.Dimensions.AgeBand);
        if (ProgrammeId is { } programme)
            ProgrammeName = await db.QuerySingleOrDefaultAsync<string>(
                Lang == "en" ? "SELECT COALESCE(NameEn, NameTh) FROM Programmes WHERE Id = @programme" : "SELECT NameTh FROM Programmes WHERE Id = @programme",
                new { programme });
        await audited.RecordAsync("Report", "Dashboard", ProgrammeId ?? 0, new { From = PeriodFrom, To = PeriodTo, Filter, Lang });
    }
}
