using System.Globalization;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Export;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The dashboard's tables (same period, filters and split) as CSV or XLSX, for sharing: small counts of people are
/// suppressed (<see cref="SharedFigures"/>). Computed by the same query layer as the page. Audited.
/// </summary>
[Authorize(Policy = Policies.SeeDashboard)]
[Lists(ResourceKind.Person)]
public sealed class ExportModel(DashboardQueries queries, CurrentUser user, AuditedWrites audited, IStringLocalizer<DashboardText> text)
    : DashboardPageModel(queries, user)
{
    [FromQuery] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ExportFile.IsFormat(Format)) return NotFound();
        await ResolvePeriodAsync();
        var figures = await Queries.ComputeAsync(PeriodFrom, PeriodTo, Filter, Dimension);
        await audited.RecordAsync("Export", "Dashboard", 0, new { Format, From = PeriodFrom, To = PeriodTo, Filter, Dimension });
        var file = await ExportFile.WriteAsync(Format!, SharedFigures.Headers(figures, text), ExportFile.Async(SharedFigures.Rows(figures, text)), text["Indicators"]);
        return File(file, ExportFile.ContentType(Format!),
            string.Create(CultureInfo.InvariantCulture, $"indicators-{PeriodFrom:yyyy-MM-dd}-{PeriodTo:yyyy-MM-dd}.{Format}"));
    }
}
