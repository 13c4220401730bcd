using System.Globalization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>The words people read for the dashboard's dimensions, group keys and figures, in the reader's language.</summary>
public static class DashboardNames
{
    public static string Dimension(IStringLocalizer<DashboardText> text, string dimension) => dimension switch
    {
        DashboardQueries.Dimensions.Sex => text["Sex"],
        DashboardQueries.Dimensions.AgeBand => text["Age band at enrollment"],
        DashboardQueries.Dimensions.District => text["District"],
        DashboardQueries.Dimensions.Village => text["Village"],
        DashboardQueries.Dimensions.Course => text["Course"],
        DashboardQueries.Dimensions.Cohort => text["Cohort"],
        DashboardQueries.Dimensions.Programme => text["Programme"],
        DashboardQueries.Dimensions.Citizenship => text["Citizenship status"],
        _ => text["No split"],
    };

    public static string Sex(IStringLocalizer<DashboardText> text, string sex) => sex switch
    {
        "Female" => text["Female"],
        "Male" => text["Male"],
        _ => sex,
    };

    public static string Citizenship(IStringLocalizer<DashboardText> text, string status) => status switch
    {
        "ThaiId" => text["Thai ID card"],
        "HighlandCard" => text["Highland or stateless card"],
        "None" => text["No card"],
        _ => status,
    };

    /// <summary>Band <paramref name="index"/> of the setting's bounds: [15, 18] → "under 15", "15–17", "18 and over".</summary>
    public static string AgeBand(IStringLocalizer<DashboardText> text, int index, IReadOnlyList<int> bounds)
    {
        if (index <= 0) return text["Under {0}", bounds[0]];
        if (index >= bounds.Count) return text["{0} and over", bounds[^1]];
        return text["{0} to {1}", bounds[index - 1], bounds[index] - 1];
    }

    public static string GroupName(IStringLocalizer<DashboardText> text, string dimension, DashboardQueries.Line line, IReadOnlyList<int> bounds)
        => dimension switch
        {
            DashboardQueries.Dimensions.Sex => Sex(text, line.Key),
            DashboardQueries.Dimensions.Citizenship => Citizenship(text, line.Key),
            DashboardQueries.Dimensions.AgeBand => AgeBand(text, int.Parse(line.Key, CultureInfo.InvariantCulture), bounds),
            DashboardQueries.Dimensions.Programme when line.Key == "" => text["No programme"],
            _ => line.Name ?? line.Key,
        };

    /// <summary>A figure as shown: counts whole, rates in percent with one decimal, money in baht; "–" for no figure.</summary>
    public static string Value(DashboardQueries.Kind kind, decimal? value, CultureInfo culture) => value switch
    {
        null => "–",
        { } v => kind switch
        {
            DashboardQueries.Kind.Percent or DashboardQueries.Kind.Average => v.ToString("0.0", culture) + " %",
            DashboardQueries.Kind.Money or DashboardQueries.Kind.Median => v.ToString("#,##0.00", culture),
            _ => v.ToString("#,##0", culture),
        },
    };

    /// <summary>DESIGN.md's small-cell rule for figures that leave the organisation: 1 to 4 people show as "&lt; 5".</summary>
    public static string Shared(DashboardQueries.Indicator indicator, decimal? value, CultureInfo culture)
        => indicator.CountsPeople && value is >= 1 and <= 4 ? "< 5" : Value(indicator.Kind, value, culture);
}
