using System.Globalization;

namespace Livelihood.Web.Platform.Localization;

/// <summary>
/// Shows dates in the reader's language: "29 พ.ย. 2569" in Thai (Buddhist era), "29 Nov 2026" in English.
/// Parsing takes the same shapes back, so a date typed as shown round-trips to the same ISO value.
/// </summary>
public static class DisplayDates
{
    private const string DateFormat = "d MMM yyyy";
    private const string TimestampFormat = "d MMM yyyy HH:mm";

    public static string Show(DateOnly date, CultureInfo? culture = null)
        => date.ToString(DateFormat, culture ?? CultureInfo.CurrentCulture);

    /// <summary>A UTC timestamp shown in Thailand's time (UTC+7, no daylight saving), where every user works.</summary>
    public static string Show(DateTime utc, CultureInfo? culture = null)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(ThailandOffset).ToString(TimestampFormat, culture ?? CultureInfo.CurrentCulture);

    /// <summary>A year as the reader counts: Buddhist era in Thai (2549), common era in English (2006).</summary>
    public static string ShowYear(int year, CultureInfo? culture = null)
        => new DateOnly(year, 7, 1).ToString("yyyy", culture ?? CultureInfo.CurrentCulture);

    public static bool TryParse(string text, CultureInfo culture, out DateOnly date)
        => DateOnly.TryParseExact(text.Trim(), [DateFormat, "d/M/yyyy"], culture, DateTimeStyles.None, out date);

    public static readonly TimeSpan ThailandOffset = TimeSpan.FromHours(7);

    /// <summary>Today's date in Thailand, where every user works (the server may run in UTC).</summary>
    public static DateOnly ThaiToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + ThailandOffset);
}
