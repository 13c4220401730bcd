using Livelihood.Data;
using Livelihood.Tests.Features.Alerts;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.FollowUps;

namespace Livelihood.Tests.Features.FollowUps;

/// <summary>The test clock reads 2026-11-29 09:00 in Thailand, a Sunday: the week runs from Monday 23 to Sunday 29.</summary>
public sealed class NightlyJobTests(DatabaseProvider provider) : AppFixture(provider)
{
    private FollowUpData _data = null!;

    [SetUp]
    public async Task CreateData() => _data = await FollowUpData.CreateAsync(App);

    private sealed record Digest
    {
        public long UserId { get; init; }
        public DateOnly WeekStart { get; init; }
        public int DueThisWeek { get; init; }
        public int Overdue { get; init; }
    }

    private Task<IReadOnlyList<Digest>> DigestsAsync()
        => App.QueryAsync(db => db.QueryAsync<Digest>("SELECT UserId, WeekStart, DueThisWeek, Overdue FROM FollowUpDigests ORDER BY UserId"));

    [Test]
    public async Task Each_field_officer_gets_one_digest_a_week_counting_overdue_and_due_follow_ups_in_their_districts()
    {
        var (_, mine) = await _data.EnrolledAsync("นางสาวมาลี ใจดี", AlertData.DokKhamTai);
        var (_, other) = await _data.EnrolledAsync("นางสาวบัว คำมา", AlertData.Wiang);
        await _data.FollowUpAsync(mine, "ThreeMonths", "2026-11-28");             // overdue since today
        await _data.FollowUpAsync(mine, "SixMonths", "2026-11-29");               // due today, this week
        await _data.FollowUpAsync(mine, "TwelveMonths", "2026-12-20");            // later
        await _data.FollowUpAsync(mine, "Baseline", "2026-10-01", "Done", 100000, "Unemployed", "2026-10-01"); // done: never overdue
        await _data.FollowUpAsync(other, "ThreeMonths", "2026-11-01");            // overdue, another district
        var (_, officer) = await _data.OfficerAsync(FollowUpData.DokKhamTaiDistrict);
        var (_, otherOfficer) = await _data.OfficerAsync(FollowUpData.MueangChiangRaiDistrict);
        await _data.OfficerAsync(); // no district: no digest

        Assert.That(await _data.NightlyAsync(), Is.EqualTo(2));
        Assert.That(await _data.NightlyAsync(), Is.Zero, "a second run in the same week writes no second digest");

        Assert.That(await DigestsAsync(), Is.EqualTo(new[]
        {
            new Digest { UserId = officer, WeekStart = AlertData.Day("2026-11-23"), DueThisWeek = 1, Overdue = 1 },
            new Digest { UserId = otherOfficer, WeekStart = AlertData.Day("2026-11-23"), DueThisWeek = 0, Overdue = 1 },
        }));
    }

    [Test]
    public async Task A_follow_up_becomes_overdue_the_day_after_its_due_date_in_thai_time()
    {
        var (_, enrollment) = await _data.EnrolledAsync("นางสาวมาลี ใจดี");
        await _data.FollowUpAsync(enrollment, "ThreeMonths", "2026-11-29");
        var (before, _) = await _data.OfficerAsync(FollowUpData.DokKhamTaiDistrict);

        Assert.That(await before.GetStringAsync("/FollowUps?Status=Overdue"), Does.Not.Contain("data-follow-up="));

        App.Clock.Advance(TimeSpan.FromHours(15)); // 2026-11-30 00:00 in Thailand, still the 29th in UTC
        var (officer, _) = await _data.OfficerAsync(FollowUpData.DokKhamTaiDistrict); // signed in anew: the first sign-in's cookie has expired
        await _data.NightlyAsync();

        Assert.That(await officer.GetStringAsync("/FollowUps?Status=Overdue"), Does.Contain("data-follow-up=").And.Contain("data-overdue"));
        Assert.That(await officer.GetStringAsync("/FollowUps"), Does.Contain("data-overdue-follow-ups=\"1\"").And.Contain("data-digest"),
            "the menu counts it and the new week's digest is on the page");
        Assert.That((await DigestsAsync()).Select(d => (d.WeekStart, d.Overdue)), Is.EqualTo(new[] { (AlertData.Day("2026-11-30"), 1), (AlertData.Day("2026-11-30"), 1) }),
            "both officers of the district got the digest of the new week");
    }

    [TestCase("2026-11-29", "2026-11-23")]
    [TestCase("2026-11-30", "2026-11-30")]
    [TestCase("2026-12-02", "2026-11-30")]
    public void The_week_starts_on_monday(string day, string monday)
        => Assert.That(FollowUpsNightlyJob.WeekStart(AlertData.Day(day)), Is.EqualTo(AlertData.Day(monday)));
}
