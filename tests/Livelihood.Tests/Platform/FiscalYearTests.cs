using Livelihood.Web.Platform.Settings;

namespace Livelihood.Tests.Platform;

public sealed class FiscalYearTests
{
    [TestCase("2026-09-30", 10, 1, "2025-10-01")]
    [TestCase("2026-10-01", 10, 1, "2026-10-01")]
    [TestCase("2026-11-29", 10, 1, "2026-10-01")]
    [TestCase("2026-01-01", 1, 1, "2026-01-01")]
    [TestCase("2026-03-31", 4, 1, "2025-04-01")]
    [TestCase("2026-04-01", 4, 1, "2026-04-01")]
    public void The_fiscal_year_begins_on_the_set_day_on_or_before_the_date(string day, int month, int dayOfMonth, string expected)
        => Assert.That(FiscalYear.StartOf(DateOnly.Parse(day), (month, dayOfMonth)), Is.EqualTo(DateOnly.Parse(expected)));
}
