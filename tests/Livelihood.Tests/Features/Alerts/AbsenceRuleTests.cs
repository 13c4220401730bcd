using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Features.Cohorts;

namespace Livelihood.Tests.Features.Alerts;

public sealed class AbsenceRuleTests
{
    /// <summary>Marks of the latest held sessions, newest first: P present, L late, E excused, A absent, - not marked.</summary>
    private static AbsenceRule.Input Input(int held, int heldMinutes, int excused, int attended, string recent)
        => new(held, new Completion.Minutes(heldMinutes, excused, attended),
            recent.Select(c => c switch { 'P' => "Present", 'L' => "Late", 'E' => "Excused", 'A' => "Absent", _ => (string?)null }).ToList());

    [TestCase(3, 540, 0, 0, "AAA", ExpectedResult = "ConsecutiveAbsences", TestName = "Three absences in a row raise an alert")]
    [TestCase(3, 540, 0, 0, "A-A", ExpectedResult = "ConsecutiveAbsences", TestName = "An unmarked held session counts as absent")]
    [TestCase(3, 540, 0, 0, "---", ExpectedResult = "ConsecutiveAbsences", TestName = "Three unmarked held sessions raise an alert")]
    [TestCase(3, 540, 180, 0, "AEA", ExpectedResult = null, TestName = "An excused absence breaks the run")]
    [TestCase(3, 540, 540, 0, "EEE", ExpectedResult = null, TestName = "Three excused absences raise nothing")]
    [TestCase(2, 360, 0, 0, "AA", ExpectedResult = null, TestName = "Two absences are not yet a run")]
    [TestCase(6, 1080, 0, 540, "AAA", ExpectedResult = "ConsecutiveAbsences", TestName = "The run counts the latest sessions whatever came before")]
    [TestCase(5, 900, 0, 540, "PAA", ExpectedResult = null, TestName = "A presence among the last three breaks the run")]
    [TestCase(4, 1000, 0, 599, "APAP", ExpectedResult = "LowRate", TestName = "A rate of 59.9 percent after 4 held sessions raises an alert")]
    [TestCase(3, 1000, 0, 599, "PAP", ExpectedResult = null, TestName = "A rate of 59.9 percent after only 3 held sessions raises nothing")]
    [TestCase(4, 1000, 0, 600, "APAP", ExpectedResult = null, TestName = "A rate of exactly 60 percent raises nothing")]
    [TestCase(4, 1000, 2, 599, "APAP", ExpectedResult = null, TestName = "The rate leaves excused minutes out of the denominator")]
    [TestCase(4, 720, 720, 0, "EEEE", ExpectedResult = null, TestName = "All sessions excused leave no rate and raise nothing")]
    [TestCase(0, 0, 0, 0, "", ExpectedResult = null, TestName = "No held session raises nothing")]
    public string? The_rule_decides_whether_an_alert_is_due(int held, int heldMinutes, int excused, int attended, string recent)
    {
        var decision = AbsenceRule.Decide(Input(held, heldMinutes, excused, attended, recent));
        Assert.That(decision.Due, Is.EqualTo(decision.Reason is not null));
        return decision.Reason;
    }

    [Test]
    public void A_rate_just_under_60_percent_is_low_even_when_it_rounds_to_60()
    {
        // 5999 of 10000 minutes is 59.99 %: shown as 60.0 %, but below the line.
        var decision = AbsenceRule.Decide(Input(4, 10000, 0, 5999, "PAPA"));
        Assert.That(decision.Reason, Is.EqualTo(AbsenceRule.LowRate));
        Assert.That(AbsenceRule.Tenths(decision.RatePercent), Is.EqualTo(600));
    }

    [Test]
    public void The_alert_keeps_the_rate_in_tenths_of_a_percent()
    {
        var decision = AbsenceRule.Decide(Input(4, 1000, 0, 599, "APAP"));
        Assert.That(AbsenceRule.Tenths(decision.RatePercent), Is.EqualTo(599));
        Assert.That(AbsenceRule.Tenths(null), Is.Null);
    }
}
