namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// Planned → Enrolling → Running → Completed, or Cancelled before completion. Completing goes through closing the
/// cohort (which decides who graduates), never through a plain status change.
/// </summary>
public static class CohortStatus
{
    public const string Planned = "Planned";
    public const string Enrolling = "Enrolling";
    public const string Running = "Running";
    public const string Completed = "Completed";
    public const string Cancelled = "Cancelled";

    public static readonly string[] All = [Planned, Enrolling, Running, Completed, Cancelled];

    /// <summary>Null when the change is allowed; otherwise why not, in words a manager understands.</summary>
    public static string? WhyNot(string from, string to) => (from, to) switch
    {
        _ when from == to => "The cohort already has this status.",
        (Completed, _) => "A completed cohort cannot change any more.",
        (Cancelled, _) => "A cancelled cohort cannot change any more.",
        (Planned, Enrolling) or (Enrolling, Running) => null,
        (Planned or Enrolling or Running, Cancelled) => null,
        (_, Completed) => "A cohort is completed by closing it, which decides who graduates.",
        (_, Enrolling) => "Only a planned cohort can open for enrollment.",
        (_, Running) => "A cohort can start running only while it is enrolling.",
        (_, Planned) => "A cohort cannot go back to planned.",
        _ => "This status change is not allowed.",
    };

    /// <summary>The changes a manager may pick from on the cohort's page (closing is offered separately).</summary>
    public static IEnumerable<string> Next(string from) => All.Where(to => to != Completed && WhyNot(from, to) is null);
}
