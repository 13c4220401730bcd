namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// DESIGN.md's attendance rate and completion. Rate = minutes Present or Late ÷ (minutes of held sessions − minutes
/// Excused), over the held sessions of the enrollment's active span (an unmarked one counts as absent). A person
/// completes when the rate reaches the course threshold and, where the course requires it, the assessment is passed.
/// </summary>
public static class Completion
{
    public sealed record Minutes(int Held, int Excused, int Attended);

    /// <summary>The rate in percent, or null when nothing counts yet (no held session, or all excused).</summary>
    public static decimal? RatePercent(Minutes minutes)
    {
        var counted = minutes.Held - minutes.Excused;
        return counted <= 0 ? null : Math.Round(100m * minutes.Attended / counted, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether the enrollment completes, and if not, why (English, translated on the page).</summary>
    public static (bool Completes, string? WhyNot) Decide(Minutes minutes, int thresholdPercent, bool assessmentRequired, string? assessmentResult)
    {
        var counted = minutes.Held - minutes.Excused;
        if (counted <= 0) return (false, "No held session counts yet.");
        // Compare exactly in whole minutes: attended / counted >= threshold / 100.
        if (100L * minutes.Attended < (long)thresholdPercent * counted) return (false, "Attendance is below the course threshold.");
        if (assessmentRequired && assessmentResult != "Pass")
            return (false, assessmentResult == "Fail" ? "The assessment was not passed." : "The assessment is not recorded yet.");
        return (true, null);
    }
}
