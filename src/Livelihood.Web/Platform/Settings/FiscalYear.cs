namespace Livelihood.Web.Platform.Settings;

/// <summary>A fiscal year that starts on a given day each year; a manager sets the day (Thailand's starts on 1 October).</summary>
public static class FiscalYear
{
    public static readonly (int Month, int Day) ThaiStart = (10, 1);

    /// <summary>The first day of the fiscal year <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOf(DateOnly day, (int Month, int Day) start)
    {
        var thisYears = new DateOnly(day.Year, start.Month, start.Day);
        return day >= thisYears ? thisYears : thisYears.AddYears(-1);
    }
}
