using System.Net;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>The dashboard and its drill-down pages: who may open them, what a field officer sees, the numbers shown.</summary>
public sealed partial class DashboardPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private const string FiscalYear2026 = "From=2025-10-01&To=2026-09-30";

    private static string Tile(string page, string code)
    {
        var match = Regex.Match(page, $"""data-tile="{code}">.*?data-figure>([^<]*)<""", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"tile {code}");
        return match.Groups[1].Value;
    }

    private async Task<HttpClient> OfficerAsync(params long[] districts) => (await App.SignedInOfficerAsync(districts)).Client;

    [Test]
    public async Task A_manager_sees_every_indicator_as_a_tile_and_the_split_as_tables()
    {
        await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var page = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&By=Sex");

        Assert.Multiple(() =>
        {
            foreach (var indicator in DashboardQueries.Indicators) Assert.That(page, Does.Contain($"data-tile=\"{indicator.Code}\""));
            Assert.That(Tile(page, "Enrolled"), Is.EqualTo("3"));
            Assert.That(Tile(page, "CompletionRate"), Is.EqualTo("33.3 %"));
            Assert.That(Tile(page, "Sales"), Is.EqualTo("1,210.00"));
            Assert.That(page, Does.Contain("data-split-table=\"Enrolled\""));
            Assert.That(page, Does.Contain("data-group=\"Male\""));
            Assert.That(page, Does.Contain("/Dashboard/Rows?From=2025-10-01&amp;To=2026-09-30&amp;Indicator=Enrolled&amp;By=Sex&amp;Group=Female"));
        });
    }

    /// <summary>The cohort filter's choices: (value, name) of each option, and whether the list is disabled.</summary>
    private static (List<(string Value, string Name)> Options, bool Disabled) CohortChoices(string page)
    {
        var select = Regex.Match(page, "<select id=\"cohort\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.That(select.Success, Is.True, "the cohort filter");
        var options = Regex.Matches(select.Groups[1].Value, "<option value=\"(\\d+)\"[^>]*>([^<]*)<").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        return (options, select.Value[..select.Value.IndexOf('>')].Contains("disabled"));
    }

    [Test]
    public async Task The_cohort_filter_lists_the_chosen_courses_cohorts_that_ran_in_the_period()
    {
        var data = await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var noCourse = CohortChoices(await client.GetStringAsync($"/Dashboard?{FiscalYear2026}"));
        var courseB = CohortChoices(await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&CourseId={data.CourseB}"));
        var otherCoursesCohort = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&CourseId={data.CourseB}&CohortId={data.C1}");

        Assert.Multiple(() =>
        {
            Assert.That(noCourse.Options, Is.Empty, "a course first");
            Assert.That(noCourse.Disabled, Is.True);
            Assert.That(courseB.Options.Select(o => o.Name), Is.EqualTo(new[] { "C2", "C3" }), "latest first; C4 starts after the period");
            Assert.That(courseB.Disabled, Is.False);
            Assert.That(Tile(otherCoursesCohort, "Enrolled"), Is.EqualTo("2"), "a cohort not in the list does not filter unseen: course B's Ann and Dao");
        });
    }

    [Test]
    public async Task The_default_period_is_the_current_fiscal_year()
    {
        var client = await App.SignedInAsync(Roles.Admin);
        var page = await client.GetStringAsync("/Dashboard");
        Assert.That(page, Does.Contain("value=\"2026-10-01\"").And.Contain("value=\"2027-09-30\""), "today is 29 Nov 2026");
    }

    [Test]
    public async Task A_start_alone_runs_a_year_and_a_reversed_period_is_turned_round()
    {
        var client = await App.SignedInAsync(Roles.Admin);
        var startAlone = await client.GetStringAsync("/Dashboard?From=2026-03-01");
        var reversed = await client.GetStringAsync("/Dashboard?From=2026-09-30&To=2025-10-01");
        Assert.Multiple(() =>
        {
            Assert.That(startAlone, Does.Contain("value=\"2026-03-01\"").And.Contain("value=\"2027-02-28\""));
            Assert.That(reversed, Does.Match("id=\"from\"[^>]*value=\"2025-10-01\"").And.Match("id=\"to\"[^>]*value=\"2026-09-30\""));
        });
    }

    [Test]
    public async Task A_field_officer_sees_only_the_people_of_their_districts()
    {
        await DashboardData.CreateAsync(App);
        var officer = await OfficerAsync(DashboardData.District1);

        var own = await officer.GetStringAsync($"/Dashboard?{FiscalYear2026}");
        var other = await officer.GetStringAsync($"/Dashboard?{FiscalYear2026}&DistrictId={DashboardData.District2}");
        var rows = await officer.GetStringAsync($"/Dashboard/Rows?{FiscalYear2026}&Indicator=Enrolled");

        Assert.Multiple(() =>
        {
            Assert.That(Tile(own, "Enrolled"), Is.EqualTo("1"), "Ann only");
            Assert.That(Tile(own, "Sales"), Is.EqualTo("1,210.00"), "the groups of district 1");
            Assert.That(Tile(other, "Enrolled"), Is.EqualTo("1"), "another district is not theirs: ignored");
            Assert.That(rows, Does.Contain(">Ann<").And.Not.Contain(">Cid<").And.Not.Contain(">Dao<"));
        });
    }

    [Test]
    public async Task Trainers_and_group_recorders_cannot_open_the_dashboard()
    {
        foreach (var role in new[] { Roles.Trainer, Roles.GroupRecorder })
        {
            var client = await App.SignedInAsync(role);
            var response = await client.GetAsync("/Dashboard");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Forbidden), role);
            Assert.That(response.Headers.Location?.ToString() ?? "", Does.Contain("AccessDenied").Or.Empty, role);
        }
    }

    [Test]
    public async Task A_number_opens_the_list_of_its_rows_in_its_group()
    {
        await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var dropped = await client.GetStringAsync($"/Dashboard/Rows?{FiscalYear2026}&Indicator=DroppedOut&By=Sex&Group=Female");
        var unknown = await client.GetAsync($"/Dashboard/Rows?{FiscalYear2026}&Indicator=Nope");

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(dropped, "data-row=").Count, Is.EqualTo(2));
            Assert.That(dropped, Does.Contain(">Bee<").And.Contain(">Dao<"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task After_a_change_the_running_year_shows_when_it_was_counted_and_a_link_to_count_now()
    {
        var data = await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);
        var first = await client.GetStringAsync("/Dashboard");
        await data.LedgerAsync(data.G2, "Sale", "2026-11-01", 5_000);
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        var counted = await client.GetStringAsync("/Dashboard");
        var link = Regex.Match(counted, "data-counted-at>.*?href=\"([^\"]+)\"", RegexOptions.Singleline);
        var now = await client.GetStringAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        var after = await client.GetStringAsync("/Dashboard");

        Assert.Multiple(() =>
        {
            Assert.That(Tile(first, "Sales"), Is.EqualTo("400.00"));
            Assert.That(first, Does.Not.Contain("data-counted-at"), "counted on this view");
            Assert.That(Tile(counted, "Sales"), Is.EqualTo("400.00"), "the figures kept ten minutes ago");
            Assert.That(counted, Does.Contain("นับเมื่อ 29 พ.ย. 2569 09:00 การเปลี่ยนแปลงหลังจากนั้นจะแสดงภายใน 15 นาที"), "in Thai time, 02:00 UTC");
            Assert.That(link.Groups[1].Value, Is.EqualTo("/Dashboard?From=2026-10-01&amp;To=2027-09-30&amp;CountNow=true"));
            Assert.That(Tile(now, "Sales"), Is.EqualTo("450.00"));
            Assert.That(now, Does.Not.Contain("data-counted-at"));
            Assert.That(Tile(after, "Sales"), Is.EqualTo("450.00"), "the new count is kept");
            Assert.That(after, Does.Not.Contain("data-counted-at"));
        });
    }

    [Test]
    public async Task A_long_split_shows_its_groups_a_page_at_a_time_with_the_total_on_each()
    {
        var data = await DashboardData.CreateAsync(App);
        await data.CohortsOfOneAsync(IndexModel.GroupsPerPage + 3);
        var client = await App.SignedInAsync(Roles.Manager);

        var first = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&By=Cohort");
        var last = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&By=Cohort&page=2");
        var beyond = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&By=Cohort&page=9");
        static List<string> Groups(string page)
        {
            var table = Regex.Match(page, "data-split-table=\"Enrolled\".*?</table>", RegexOptions.Singleline).Value;
            return [.. Regex.Matches(table, "<tr data-group=\"[^\"]+\">\\s*<th scope=\"row\">([^<]+)<").Select(m => m.Groups[1].Value)];
        }

        Assert.Multiple(() =>
        {
            // The cohorts by code: C0, C1, C2 (the data's cohorts with rows in the year), then X01 to X53: 56 in all.
            Assert.That(Groups(first), Has.Count.EqualTo(IndexModel.GroupsPerPage));
            Assert.That(Groups(first)[..3], Is.EqualTo(new[] { "C0", "C1", "C2" }));
            Assert.That(Groups(last), Is.EqualTo(new[] { "X48", "X49", "X50", "X51", "X52", "X53" }));
            Assert.That(Groups(beyond), Is.EqualTo(Groups(last)), "a page past the end shows the last");
            Assert.That(first, Does.Contain("data-groups-pager").And.Contain("page=2"));
            Assert.That(Tile(last, "Enrolled"), Is.EqualTo("4"), "the total is every group's: Bee is enrolled in the year too");
            Assert.That(Regex.Matches(last, "data-split-table=").Count, Is.GreaterThan(1));
        });
    }

    [Test]
    public async Task The_page_reads_in_Thai()
    {
        await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dth-TH%7Cuic%3Dth-TH");
        var page = await client.GetStringAsync($"/Dashboard?{FiscalYear2026}&By=Citizenship");
        Assert.That(page, Does.Contain("แดชบอร์ดผลลัพธ์").And.Contain("บัตรประชาชนไทย"));
    }

    [Test]
    public void Every_indicator_section_dimension_and_code_the_pages_show_has_Thai()
    {
        var thai = Platform.TranslationTests.Thai("DashboardText");
        var shown = DashboardQueries.Indicators.SelectMany(i => new[] { i.Name, i.Section }).Distinct().ToList();
        Assert.That(shown, Has.Count.EqualTo(DashboardQueries.Indicators.Count + 3));
        Assert.That(shown.Where(k => !thai.Contains(k)), Is.Empty);
    }
}
