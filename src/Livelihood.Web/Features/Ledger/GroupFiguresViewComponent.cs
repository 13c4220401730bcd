using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// The money part of a group's page: this month, the last twelve months as a table and a chart, best sellers and
/// members' earnings, with the links to record, export and print: <c>@await Component.InvokeAsync("GroupFigures", new { groupId })</c>.
/// The group page checks who may see the group before it renders this.
/// </summary>
public sealed class GroupFiguresViewComponent(GroupFigureQueries figures, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long groupId)
    {
        var (from, to) = GroupFigureQueries.TwelveMonthsTo(DisplayDates.ThaiToday(clock));
        ViewData["GroupId"] = groupId;
        return View("/Features/Ledger/_GroupFigures.cshtml", await figures.ForPeriodAsync(groupId, from, to));
    }
}
