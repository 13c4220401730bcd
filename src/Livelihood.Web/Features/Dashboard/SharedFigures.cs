using System.Globalization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures as they leave the organisation (exports, donor report): the same numbers as the dashboard,
/// with DESIGN.md's small-cell rule applied, so that no child can be singled out: a count of 1 to 4 people is "&lt; 5".
/// </summary>
public static class SharedFigures
{
    public const string Suppressed = "< 5";

    /// <summary>A cell: the number, "&lt; 5" for a small count of people, or null where there is no figure.</summary>
    public static object? Cell(DashboardQueries.Indicator indicator, decimal? value)
        => indicator.CountsPeople && value is >= 1 and <= 4 ? Suppressed : value;

    /// <summary>The dashboard's tables as rows of (section, group, indicator, value), then the months.</summary>
    public static IEnumerable<object?[]> Rows(DashboardQueries.Figures figures, IStringLocalizer<DashboardText> text)
    {
        var lines = new List<(string Name, DashboardQueries.Line Line)> { (text["All"], figures.Total) };
        lines.AddRange(figures.Groups.Select(g => (DashboardNames.GroupName(text, figures.Dimension, g, figures.AgeBounds), g)));
        foreach (var indicator in DashboardQueries.Indicators)
            foreach (var (name, line) in lines)
                yield return [text[indicator.Section].Value, name, text[indicator.Name].Value, Cell(indicator, line[indicator.Code])];
        var month = text["By month"].Value;
        foreach (var m in figures.Months)
        {
            yield return [month, m.YearMonth, text["Participants enrolled"].Value, Cell(DashboardQueries.Find("Enrolled")!, m.Enrolled)];
            yield return [month, m.YearMonth, text["Sales"].Value, m.Sales.Baht];
            yield return [month, m.YearMonth, text["Expenses"].Value, m.Expenses.Baht];
            yield return [month, m.YearMonth, text["Profit"].Value, m.Profit.Baht];
            yield return [month, m.YearMonth, text["Payouts to members"].Value, m.Payouts.Baht];
        }
    }

    public static string[] Headers(DashboardQueries.Figures figures, IStringLocalizer<DashboardText> text)
        => [text["Section"], DashboardNames.Dimension(text, figures.Dimension), text["Indicator"], text["Value"]];

    /// <summary>A cell as the printed report shows it.</summary>
    public static string Show(DashboardQueries.Indicator indicator, decimal? value, CultureInfo culture)
        => Cell(indicator, value) is string suppressed ? suppressed : DashboardNames.Value(indicator.Kind, value, culture);
}
