using Livelihood.Web.Features.Cohorts;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// DESIGN.md's absence alert: due for an active enrollment whose last 3 held sessions (by date, then start time) were
/// each Absent or not marked, or whose attendance rate (<see cref="Completion"/>'s rule) is below 60 % after at least 4
/// held sessions. An excused absence breaks a run of absences. The sessions are those of the enrollment's active span,
/// or of the current episode when an earlier alert of the enrollment was resolved (see <see cref="RaiseAbsenceAlertsJob"/>).
/// </summary>
public static class AbsenceRule
{
    public const string ConsecutiveAbsences = "ConsecutiveAbsences";
    public const string LowRate = "LowRate";

    public const int AbsencesInARow = 3;
    public const int MinimumHeldSessionsForRate = 4;
    public const int RateThresholdPercent = 60;

    /// <summary>What the rule needs of one enrollment, computed in SQL.</summary>
    /// <param name="HeldSessions">Held sessions counted (the enrollment's span, or the episode's).</param>
    /// <param name="Minutes">Minutes held, excused and attended over those sessions; an unmarked one is absent.</param>
    /// <param name="RecentMarks">The marks of the latest held sessions, newest first, at most 3; null where not marked.</param>
    public sealed record Input(int HeldSessions, Completion.Minutes Minutes, IReadOnlyList<string?> RecentMarks);

    public sealed record Decision(bool Due, string? Reason, decimal? RatePercent);

    public static Decision Decide(Input input)
    {
        var rate = Completion.RatePercent(input.Minutes);
        if (input.RecentMarks.Count >= AbsencesInARow && input.RecentMarks.Take(AbsencesInARow).All(IsUnexcusedAbsence))
            return new Decision(true, ConsecutiveAbsences, rate);
        if (input.HeldSessions >= MinimumHeldSessionsForRate && IsBelowThreshold(input.Minutes))
            return new Decision(true, LowRate, rate);
        return new Decision(false, null, rate);
    }

    /// <summary>Absent, or a held session nobody marked (it counts as absent).</summary>
    public static bool IsUnexcusedAbsence(string? mark) => mark is null or "Absent";

    /// <summary>Exactly, in whole minutes (no rounding): attended ÷ (held − excused) &lt; 60 %. Nothing counted: not below.</summary>
    private static bool IsBelowThreshold(Completion.Minutes minutes)
    {
        var counted = minutes.Held - minutes.Excused;
        return counted > 0 && 100L * minutes.Attended < (long)RateThresholdPercent * counted;
    }

    /// <summary>The rate as stored on an alert: tenths of a percent (59.9 % is 599).</summary>
    public static int? Tenths(decimal? ratePercent) => ratePercent is { } rate ? (int)Math.Round(rate * 10m, MidpointRounding.AwayFromZero) : null;
}
