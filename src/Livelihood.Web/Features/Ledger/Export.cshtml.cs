using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Export;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// The group page's figures as CSV or XLSX: the twelve months and their total, best sellers and members' earnings, one
/// row each, from the same <see cref="GroupFigures"/> the page shows. Audited, since it names members and their pay.
/// </summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.Group, "groupId")]
public sealed class ExportModel(GroupFigureQueries figures, AuditedWrites audited, TimeProvider clock,
    IStringLocalizer<LedgerText> text) : PageModel
{
    [FromRoute] public long GroupId { get; set; }
    [FromQuery] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ExportFile.IsFormat(Format)) return NotFound();

        var today = DisplayDates.ThaiToday(clock);
        var (from, to) = GroupFigureQueries.TwelveMonthsTo(today);
        var period = await figures.ForPeriodAsync(GroupId, from, to);
        string[] headers =
        [
            text["Section"], text["Name"], text["Quantity"], text["Sales"], text["Expenses"], text["Profit"], text["Payouts"],
            text["Fund balance"], text["Wages"], text["Profit shares"],
        ];
        await audited.RecordAsync("Export", "ProducerGroups", GroupId, new { Format, From = from, To = to });
        var file = await ExportFile.WriteAsync(Format!, headers, ExportFile.Async(Rows(period)), text["Group figures"]);
        return File(file, ExportFile.ContentType(Format!), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"group-{GroupId}-{today:yyyy-MM-dd}.{Format}"));
    }

    /// <summary>The rows in the page's order: newest month first, then the total, products, members.</summary>
    private IEnumerable<object?[]> Rows(GroupFigureQueries.Period period)
    {
        foreach (var m in period.Months.Reverse())
            yield return [text["Month"].Value, m.YearMonth, null, m.Sales.Baht, m.Expenses.Baht, m.Profit.Baht, m.Payouts.Baht, m.FundAtEnd.Baht, null, null];
        yield return [text["12 months"].Value, "", null, period.Sales.Baht, period.ExpenseTotal.Baht, period.Profit.Baht, period.Payouts.Baht, period.ClosingFund.Baht, null, null];
        foreach (var p in period.Products)
            yield return [text["Product"].Value, p.Name, p.Quantity, p.Sales.Baht, null, null, null, null, null, null];
        foreach (var m in period.Members)
            yield return [text["Member"].Value, m.Name, null, null, null, null, m.Total.Baht, null, m.Wages.Baht, m.ProfitShares.Baht];
    }
}
