using System.Globalization;
using Livelihood.Web.Features.Groups;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// The monthly statement read out at the group meeting: fund brought forward, sales by product, expenses by
/// category, payouts by member, fund carried forward, and lines for the chair's and treasurer's signatures. Always in
/// Thai (the members' language), whatever language the recorder uses; one A4 page.
/// </summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.Group, "groupId")]
public sealed class StatementModel(GroupFigureQueries figures, GroupQueries groups, TimeProvider clock) : PageModel
{
    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    [FromRoute] public long GroupId { get; set; }

    /// <summary>The month as yyyy-MM (what an &lt;input type="month"&gt; sends); this month when absent or unreadable.</summary>
    [FromQuery] public string? Month { get; set; }

    public GroupQueries.Group Group { get; private set; } = null!;
    public GroupFigureQueries.Period Period { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await groups.FindAsync(GroupId) is not { } group) return NotFound();
        Group = group;
        Today = DisplayDates.ThaiToday(clock);
        var day = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : Today;
        var (from, to) = GroupFigureQueries.MonthOf(day);
        Month = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Period = await figures.ForPeriodAsync(GroupId, from, to);
        return Page();
    }
}
