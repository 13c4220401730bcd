namespace Livelihood.Web.Platform.Settings;

/// <summary>The Thai government's fiscal year, 1 October to 30 September, which programmes and donors report by.</summary>
public static class FiscalYear
{
    public const int StartMonth = 10;

    /// <summary>The first day of the fiscal year <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOf(DateOnly day)
        => new(day.Month >= StartMonth ? day.Year : day.Year - 1, StartMonth, 1);
}
