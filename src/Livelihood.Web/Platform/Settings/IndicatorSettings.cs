using System.Globalization;

namespace Livelihood.Web.Platform.Settings;

/// <summary>
/// How the fiscal-year start and the age bands are written in the Settings table and read back: one place for the
/// settings page (which checks what a manager types) and the indicators that use them.
/// </summary>
public static class IndicatorSettings
{
    /// <summary>"10-01" → (10, 1). Any day that exists in a common year (no 29 February: it would move every 4 years).</summary>
    public static bool TryParseFiscalYearStart(string? value, out (int Month, int Day) start)
    {
        start = default;
        if (value is not { Length: 5 } || value[2] != '-'
            || !int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !IsDayOfYear(month, day))
            return false;
        start = (month, day);
        return true;
    }

    public static bool IsDayOfYear(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2025, month);

    public static string FormatFiscalYearStart(int month, int day) => $"{month:00}-{day:00}";

    /// <summary>
    /// "15, 18, 25, 36" → [15, 18, 25, 36]: whole ages from 1 to 120, rising strictly, at least one. Spaces are allowed.
    /// </summary>
    public static bool TryParseAgeBands(string? value, out int[] bounds)
    {
        bounds = [];
        if (string.IsNullOrWhiteSpace(value)) return false;
        var parsed = new List<int>();
        foreach (var part in value.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age is < 1 or > 120) return false;
            if (parsed.Count > 0 && age <= parsed[^1]) return false;
            parsed.Add(age);
        }
        bounds = [.. parsed];
        return true;
    }

    public static string FormatAgeBands(IEnumerable<int> bounds) => string.Join(",", bounds.Select(b => b.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The bands as people read them: [15, 18, 25, 36] → "under 15", "15–17", "18–24", "25–35", "36+".</summary>
    public static IReadOnlyList<(int? From, int? To)> Bands(IReadOnlyList<int> bounds)
    {
        var bands = new List<(int?, int?)> { (null, bounds[0] - 1) };
        for (var i = 0; i < bounds.Count - 1; i++) bands.Add((bounds[i], bounds[i + 1] - 1));
        bands.Add((bounds[^1], null));
        return bands;
    }
}
