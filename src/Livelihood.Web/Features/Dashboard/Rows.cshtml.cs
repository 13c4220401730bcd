using System.Globalization;
using Hangfire;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Export;
using Livelihood.Web.Platform.Paging;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The rows behind one number of the dashboard (people, enrollments, follow-ups, alerts, ledger entries), for the same
/// period, filters and group, from the same row set the number counts. Paged in SQL.
/// </summary>
[Authorize(Policy = Policies.SeeDashboard)]
[Lists(ResourceKind.Person)]
public sealed class RowsModel(DashboardQueries queries, CurrentUser user, IStringLocalizer<DashboardText> text, DashboardExportJob exports,
    IBackgroundJobClient jobs) : DashboardPageModel(queries, user)
{
    public const int PageSize = 50;

    [FromQuery] public string? Indicator { get; set; }
    [FromQuery] public string? Group { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public DashboardQueries.Indicator Shown { get; private set; } = null!;
    public Paged<DashboardQueries.Row> Rows { get; private set; } = new([], 1, PageSize, 0);
    public string? GroupName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (DashboardQueries.Find(Indicator) is not { } indicator) return NotFound();
        Shown = indicator;
        await ResolvePeriodAsync();
        var group = Dimension == DashboardQueries.Dimensions.None ? null : Group;
        Rows = await Queries.RowsAsync(indicator, PeriodFrom, PeriodTo, Filter, Dimension, group, PageNumber, PageSize);
        if (group is not null)
        {
            var bounds = await Queries.AgeBoundsAsync();
            var name = Rows.Rows.FirstOrDefault()?.GrpName;
            GroupName = Dimension == DashboardQueries.Dimensions.AgeBand && !int.TryParse(group, out _)
                ? group
                : DashboardNames.GroupName(text, Dimension, new DashboardQueries.Line(group, name, new Dictionary<string, decimal?>()), bounds);
        }
        return Page();
    }

    /// <summary>All the rows as a file, written by a background job; the export page shows its progress.</summary>
    public async Task<IActionResult> OnPostExportAsync(string? format)
    {
        if (DashboardQueries.Find(Indicator) is not { } indicator || !ExportFile.IsFormat(format) || CurrentUserId is not { } userId) return NotFound();
        await ResolvePeriodAsync();
        var request = new DashboardExportJob.Request
        {
            From = PeriodFrom, To = PeriodTo, Filter = Filter, Dimension = Dimension,
            Group = Dimension == DashboardQueries.Dimensions.None ? null : Group, Culture = CultureInfo.CurrentUICulture.Name,
        };
        var id = await exports.QueueAsync(userId, indicator, request, format!);
        // Queued inside this request's transaction: the job's first write waits for it to commit.
        jobs.Enqueue<DashboardExportJob>(job => job.RunAsync(id));
        return Redirect($"/Dashboard/Exports/{id}");
    }
}
