using Livelihood.Web.Features.Cohorts;

namespace Livelihood.Tests.Features.Cohorts;

public sealed class CohortStatusTests
{
    [TestCase("Planned", "Enrolling")]
    [TestCase("Enrolling", "Running")]
    [TestCase("Planned", "Cancelled")]
    [TestCase("Enrolling", "Cancelled")]
    [TestCase("Running", "Cancelled")]
    public void Allowed_changes_have_no_objection(string from, string to)
        => Assert.That(CohortStatus.WhyNot(from, to), Is.Null);

    [TestCase("Planned", "Running", "A cohort can start running only while it is enrolling.")]
    [TestCase("Running", "Enrolling", "Only a planned cohort can open for enrollment.")]
    [TestCase("Enrolling", "Planned", "A cohort cannot go back to planned.")]
    [TestCase("Running", "Completed", "A cohort is completed by closing it, which decides who graduates.")]
    [TestCase("Completed", "Running", "A completed cohort cannot change any more.")]
    [TestCase("Cancelled", "Enrolling", "A cancelled cohort cannot change any more.")]
    [TestCase("Running", "Running", "The cohort already has this status.")]
    public void Refused_changes_are_explained(string from, string to, string why)
        => Assert.That(CohortStatus.WhyNot(from, to), Is.EqualTo(why));

    [TestCase("Planned", new[] { "Enrolling", "Cancelled" })]
    [TestCase("Enrolling", new[] { "Running", "Cancelled" })]
    [TestCase("Running", new[] { "Cancelled" })]
    [TestCase("Completed", new string[0])]
    public void The_page_offers_only_the_allowed_next_statuses(string from, string[] next)
        => Assert.That(CohortStatus.Next(from), Is.EqualTo(next));
}
