using System.Globalization;
using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using static Livelihood.Web.Features.Dashboard.DashboardQueries;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>The dashboard's exports and donor report: the dashboard's numbers, with small counts of people suppressed.</summary>
public sealed class ExportTests(DatabaseProvider provider) : AppFixture(provider)
{
    private const string FiscalYear2026 = "From=2025-10-01&To=2026-09-30";

    private static string Expected(Indicator indicator, decimal? value)
        => value is null ? "" : indicator.CountsPeople && value is >= 1 and <= 4 ? "< 5" : value.Value.ToString(CultureInfo.InvariantCulture);

    private static string Normal(string? cell)
        => decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : cell ?? "";

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task The_export_holds_the_dashboards_numbers_with_small_counts_of_people_suppressed(string format)
    {
        var data = await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var response = await client.GetAsync($"/Dashboard/Export?{FiscalYear2026}&By=Sex&Format={format}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = ImportFile.Read(await response.Content.ReadAsStreamAsync(), format).Rows.Select(r => r.Values).ToList();
        var dashboard = await data.FiguresAsync(Dimensions.Sex);

        // Every indicator: the total ("ทั้งหมด"), then Female, then Male, in the dashboard's order.
        var lines = new[] { dashboard.Total, dashboard.Groups[0], dashboard.Groups[1] };
        var expected = Indicators.SelectMany(i => lines.Select(l => Expected(i, l[i.Code]))).ToList();
        var exported = rows.Take(expected.Count).Select(r => Normal(r[3])).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exported, Is.EqualTo(expected));
            Assert.That(rows.Select(r => r[1]).Take(3), Is.EqualTo(new[] { "ทั้งหมด", "หญิง", "ชาย" }));
            var enrolled = rows.Where(r => r[2] == "ผู้เข้าร่วมที่ลงทะเบียน" && r[0] != "รายเดือน").Select(r => r[3]).ToList();
            Assert.That(enrolled, Is.EqualTo(new[] { "< 5", "< 5", "< 5" }), "3, 2 and 1 people");
            var sales = rows.Where(r => r[2] == "ยอดขาย" && r[0] != "รายเดือน").Select(r => Normal(r[3]));
            Assert.That(sales, Is.EqualTo(new[] { "1210", "", "" }), "group figures are in the total, not split by sex");
            Assert.That(rows.Count(r => r[0] == "รายเดือน"), Is.EqualTo(12 * 5));
        });
    }

    [Test]
    public async Task Exported_totals_equal_the_dashboard_page_and_large_counts_are_exact()
    {
        var data = await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var csv = ImportFile.Read(await (await client.GetAsync($"/Dashboard/Export?{FiscalYear2026}&Format=csv")).Content.ReadAsStreamAsync(), "csv")
            .Rows.Select(r => r.Values).ToList();
        var total = (await data.FiguresAsync()).Total;
        string Cell(string name) => Normal(csv.Single(r => r[2] == name && r[1] == "ทั้งหมด")[3]);
        Assert.Multiple(() =>
        {
            Assert.That(Cell("การติดตามที่ถึงกำหนด"), Is.EqualTo("9"), "9 follow-ups: not suppressed");
            Assert.That(Cell("อัตราการจบหลักสูตร"), Is.EqualTo(total["CompletionRate"]!.Value.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Cell("ยอดขาย"), Is.EqualTo("1210"));
            Assert.That(Cell("รุ่นที่จัดอบรม"), Is.EqualTo("2"), "cohorts are not people: not suppressed");
        });
    }

    [TestCase("th", "รายงานสำหรับผู้ให้ทุน", "หญิง")]
    [TestCase("en", "Donor report", "Female")]
    public async Task The_donor_report_is_in_the_chosen_language_with_small_counts_suppressed(string lang, string title, string female)
    {
        var data = await DashboardData.CreateAsync(App);
        var client = await App.SignedInAsync(Roles.Manager);

        var page = await client.GetStringAsync($"/Dashboard/Report?{FiscalYear2026}&ProgrammeId={data.P1}&Lang={lang}");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain(title).And.Contain(female).And.Contain("โครงการหนึ่ง"));
            // Programme P1 (C0, C1): Ann and Cid enrolled: 2 people, suppressed; 4 follow-ups due... also < 5.
            Assert.That(page, Does.Contain("data-indicator=\"Enrolled\"><th scope=\"row\" class=\"fw-normal\">"));
            Assert.That(page, Does.Not.Contain(">2</td>"));
            Assert.That(page, Does.Contain("&lt; 5"));
        });
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE Action = 'Report'")), Is.EqualTo(1));
    }
}
