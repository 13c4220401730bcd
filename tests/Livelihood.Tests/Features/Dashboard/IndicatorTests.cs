using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using static Livelihood.Web.Features.Dashboard.DashboardQueries;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>Every indicator of DESIGN.md, on the hand-built <see cref="DashboardData"/>, worked out by hand.</summary>
public sealed class IndicatorTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static Line Group(Figures figures, string key) => figures.Groups.Single(g => g.Key == key);

    [Test]
    public async Task Every_indicator_for_the_fiscal_year_counts_the_rows_dated_in_it()
    {
        var data = await DashboardData.CreateAsync(App);
        var total = (await data.FiguresAsync()).Total;
        Assert.Multiple(() =>
        {
            // Ann (twice), Cid on 30 Sep, Dao; not Bee (30 Sep of the year before) nor Eve.
            Assert.That(total["Enrolled"], Is.EqualTo(3));
            // C1 and C2; not C0 (ended 30 Sep 2025), C3 (cancelled), C4 (starts 1 Oct 2026).
            Assert.That(total["CohortsRun"], Is.EqualTo(2));
            // Ann completed; Bee (1 Oct) and Dao (30 Sep) dropped out; Cid completed on 1 Oct 2026: next year.
            Assert.That(total["Completed"], Is.EqualTo(1));
            Assert.That(total["DroppedOut"], Is.EqualTo(2));
            Assert.That(total["CompletionRate"], Is.EqualTo(33.3m));
            Assert.That(total["DropoutRate"], Is.EqualTo(66.7m));
            // Ann in C1 100 %, Ann in C2 0 % (unmarked = absent), Dao 50 %.
            Assert.That(total["AttendanceRate"], Is.EqualTo(50.0m));
            Assert.That(total["AlertsRaised"], Is.EqualTo(2));
            Assert.That(total["AlertsResolved"], Is.EqualTo(1));
            Assert.That(total["FollowUpsDue"], Is.EqualTo(9));
            Assert.That(total["FollowUpsOnTime"], Is.EqualTo(4));
            Assert.That(total["FollowUpsMissed"], Is.EqualTo(1));
            // Ann +2 000, Fon −500; Eve has no baseline and is not counted.
            Assert.That(total["IncomeRose"], Is.EqualTo(50.0m));
            Assert.That(total["IncomeChange"], Is.EqualTo(750m));
            Assert.That(total["SelfReliant6"], Is.EqualTo(33.3m));
            Assert.That(total["SelfReliant12"], Is.EqualTo(100.0m));
            Assert.That(total["UsesSkill"], Is.EqualTo(80.0m));
            // G1 sold; G2 did not in the year; G3 sold but is closed.
            Assert.That(total["GroupsActive"], Is.EqualTo(1));
            Assert.That(total["Sales"], Is.EqualTo(1210m));
            Assert.That(total["Expenses"], Is.EqualTo(380m));
            Assert.That(total["Profit"], Is.EqualTo(830m));
            Assert.That(total["Payouts"], Is.EqualTo(220m));
            Assert.That(total["MembersEarning"], Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_next_fiscal_year_takes_the_rows_of_1_October()
    {
        var data = await DashboardData.CreateAsync(App);
        var total = (await data.FiguresAsync(from: new DateOnly(2026, 10, 1), to: new DateOnly(2027, 9, 30))).Total;
        Assert.Multiple(() =>
        {
            Assert.That(total["Enrolled"], Is.EqualTo(0));
            Assert.That(total["Completed"], Is.EqualTo(1), "Cid, 1 Oct");
            Assert.That(total["CompletionRate"], Is.EqualTo(100.0m));
            Assert.That(total["AlertsRaised"], Is.EqualTo(1), "Dao's alert at 00:00 Thai time on 1 Oct");
            Assert.That(total["Sales"], Is.EqualTo(400m));
            Assert.That(total["GroupsActive"], Is.EqualTo(1));
            Assert.That(total["IncomeRose"], Is.Null, "nobody to judge: no rate");
            Assert.That(total["IncomeChange"], Is.Null);
            Assert.That(total["AttendanceRate"], Is.EqualTo(100.0m), "Ann in C2 on 2 Oct");
        });
    }

    [Test]
    public async Task By_sex_every_indicator_splits_and_the_empty_group_shows_zero_or_no_rate()
    {
        var data = await DashboardData.CreateAsync(App);
        var figures = await data.FiguresAsync(Dimensions.Sex);
        var female = Group(figures, "Female");
        var male = Group(figures, "Male");
        Assert.Multiple(() =>
        {
            Assert.That(figures.Groups.Select(g => g.Key), Is.EqualTo(new[] { "Female", "Male" }));
            Assert.That((female["Enrolled"], male["Enrolled"]), Is.EqualTo((2m, 1m)));
            Assert.That((female["CohortsRun"], male["CohortsRun"]), Is.EqualTo((2m, 1m)));
            Assert.That((female["Completed"], female["DroppedOut"], female["CompletionRate"]), Is.EqualTo((1m, 2m, 33.3m)));
            Assert.That((male["Completed"], male["DroppedOut"], male["CompletionRate"]), Is.EqualTo((0m, 0m, (decimal?)null)));
            Assert.That((female["AttendanceRate"], male["AttendanceRate"]), Is.EqualTo((50.0m, (decimal?)null)));
            Assert.That((female["AlertsRaised"], male["AlertsRaised"]), Is.EqualTo((2m, 0m)));
            Assert.That((female["FollowUpsDue"], female["FollowUpsOnTime"], female["FollowUpsMissed"]), Is.EqualTo((6m, 3m, 0m)));
            Assert.That((male["FollowUpsDue"], male["FollowUpsOnTime"], male["FollowUpsMissed"]), Is.EqualTo((3m, 1m, 1m)));
            Assert.That((female["IncomeRose"], female["IncomeChange"]), Is.EqualTo((50.0m, 750m)));
            Assert.That((male["IncomeRose"], male["IncomeChange"]), Is.EqualTo(((decimal?)null, (decimal?)null)));
            Assert.That((female["SelfReliant6"], male["SelfReliant6"]), Is.EqualTo((50.0m, 0.0m)));
            Assert.That((female["UsesSkill"], male["UsesSkill"]), Is.EqualTo((100.0m, 0.0m)));
            Assert.That(female["Sales"], Is.Null, "group figures are not split by sex");
        });
    }

    [Test]
    public async Task Each_dimension_counts_a_person_in_two_cohorts_in_each_of_their_groups()
    {
        var data = await DashboardData.CreateAsync(App);
        async Task<Dictionary<string, decimal?>> Enrolled(string dimension)
            => (await data.FiguresAsync(dimension)).Groups.ToDictionary(g => g.Key, g => g["Enrolled"]);
        string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(await Enrolled(Dimensions.AgeBand), Is.EqualTo(new Dictionary<string, decimal?> { ["0"] = 1, ["1"] = 1, ["2"] = 0, ["3"] = 0, ["4"] = 1 }),
            "Dao 14, Ann 16 (her birthday is after her enrollment), Cid 46");
        Assert.That(await Enrolled(Dimensions.Citizenship), Is.EqualTo(new Dictionary<string, decimal?> { ["ThaiId"] = 2, ["HighlandCard"] = 0, ["None"] = 1 }));
        Assert.That(await Enrolled(Dimensions.District), Is.EqualTo(new Dictionary<string, decimal?> { [Id(DashboardData.District1)] = 1, [Id(DashboardData.District2)] = 2 }));
        Assert.That(await Enrolled(Dimensions.Village), Is.EqualTo(new Dictionary<string, decimal?> { [Id(data.V1)] = 1, [Id(data.V2)] = 2 }));
        Assert.That(await Enrolled(Dimensions.Course), Is.EqualTo(new Dictionary<string, decimal?> { [Id(data.CourseA)] = 2, [Id(data.CourseB)] = 2 }));
        // C0 appears through its graduates' follow-ups, with nobody enrolled in the year.
        Assert.That(await Enrolled(Dimensions.Cohort), Is.EqualTo(new Dictionary<string, decimal?> { [Id(data.C0)] = 0, [Id(data.C1)] = 2, [Id(data.C2)] = 2 }));
        Assert.That(await Enrolled(Dimensions.Programme), Is.EqualTo(new Dictionary<string, decimal?> { [Id(data.P1)] = 2, [""] = 2 }));
    }

    [Test]
    public async Task By_district_group_figures_follow_the_groups_village()
    {
        var data = await DashboardData.CreateAsync(App);
        var figures = await data.FiguresAsync(Dimensions.District);
        var first = Group(figures, DashboardData.District1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var second = Group(figures, DashboardData.District2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(first.Name, Is.EqualTo("ดอกคำใต้"));
            Assert.That((first["CompletionRate"], second["CompletionRate"]), Is.EqualTo((50.0m, 0.0m)));
            Assert.That((first["GroupsActive"], first["Sales"], first["Expenses"], first["Profit"], first["Payouts"], first["MembersEarning"]),
                Is.EqualTo((1m, 1210m, 300m, 910m, 220m, 2m)));
            Assert.That((second["GroupsActive"], second["Sales"], second["Expenses"], second["Profit"], second["Payouts"], second["MembersEarning"]),
                Is.EqualTo((0m, 0m, 80m, -80m, 0m, 0m)));
        });
    }

    [Test]
    public async Task Filters_combine_and_person_filters_leave_group_figures_out()
    {
        var data = await DashboardData.CreateAsync(App);
        var male = (await data.FiguresAsync(filter: new Filter { Sex = "Male" })).Total;
        var womenOfDistrict1 = (await data.FiguresAsync(filter: new Filter { Sex = "Female", DistrictId = DashboardData.District1 })).Total;
        var over36 = (await data.FiguresAsync(filter: new Filter { AgeBand = 4 })).Total;
        var courseB = (await data.FiguresAsync(filter: new Filter { CourseId = data.CourseB })).Total;
        var courseA = (await data.FiguresAsync(filter: new Filter { CourseId = data.CourseA })).Total;
        Assert.Multiple(() =>
        {
            Assert.That((male["Enrolled"], male["FollowUpsDue"], male["FollowUpsMissed"], male["Sales"]), Is.EqualTo((1m, 3m, 1m, (decimal?)null)));
            Assert.That((womenOfDistrict1["Enrolled"], womenOfDistrict1["DroppedOut"]), Is.EqualTo((1m, 1m)));
            Assert.That(over36["Enrolled"], Is.EqualTo(1m));
            Assert.That((courseB["Enrolled"], courseB["Sales"], courseB["GroupsActive"]), Is.EqualTo((2m, 0m, 0m)), "no group came out of course B");
            Assert.That((courseA["Sales"], courseA["GroupsActive"]), Is.EqualTo((1200m, 1m)), "G1 came out of C1");
        });
    }

    [Test]
    public async Task Months_list_every_month_of_the_period_with_enrollments_and_live_ledger_totals()
    {
        var data = await DashboardData.CreateAsync(App);
        var months = (await data.FiguresAsync()).Months;
        Assert.Multiple(() =>
        {
            Assert.That(months, Has.Count.EqualTo(12));
            Assert.That(months[0], Is.EqualTo(new MonthFigures { YearMonth = "2025-10", Enrolled = 1, Sales = new Money(1000m) }));
            Assert.That(months[3], Is.EqualTo(new MonthFigures { YearMonth = "2026-01", Sales = new Money(10m), Expenses = new Money(300m) }));
            Assert.That(months[4].Payouts, Is.EqualTo(new Money(150m)), "the voided sale of February is not counted");
            Assert.That(months[4].Sales, Is.EqualTo(new Money(0m)));
            Assert.That(months[11], Is.EqualTo(new MonthFigures { YearMonth = "2026-09", Enrolled = 3, Sales = new Money(200m) }));
        });
    }

    [Test]
    public async Task The_rows_behind_a_number_are_the_ones_it_counts()
    {
        var data = await DashboardData.CreateAsync(App);
        Task<Livelihood.Web.Platform.Paging.Paged<Row>> Rows(string code, string dimension = Dimensions.None, string? group = null, int page = 1, int size = 50)
            => App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>()
                .RowsAsync(Find(code)!, DashboardData.From, DashboardData.To, new Filter(), dimension, group, page, size));

        var dropped = await Rows("DroppedOut");
        var enrolled = await Rows("Enrolled");
        var femaleMissed = await Rows("FollowUpsMissed", Dimensions.Sex, "Female");
        var payouts = await Rows("MembersEarning");
        var secondPage = await Rows("FollowUpsDue", page: 2, size: 4);
        Assert.Multiple(() =>
        {
            Assert.That(dropped.Rows.Select(r => r.PersonName), Is.EqualTo(new[] { "Bee", "Dao" }));
            Assert.That(enrolled.Rows.Select(r => (r.PersonName, r.Detail)), Is.EqualTo(new[] { ("Ann", "C1"), ("Ann", "C2"), ("Cid", "C1") , ("Dao", "C2") }));
            Assert.That(femaleMissed.TotalCount, Is.Zero);
            Assert.That(payouts.Rows.Select(r => (r.PersonName, r.Amount)), Is.EqualTo(new[] { ("Ann", (double?)10_000), ("Fon", 5_000), ("Ann", 7_000) }));
            Assert.That((secondPage.TotalCount, secondPage.Rows.Count, secondPage.PageCount), Is.EqualTo((9, 4, 3)));
        });
    }

    [Test]
    public async Task The_default_period_is_the_fiscal_year_of_today_by_the_setting()
    {
        var period = await App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>().FiscalYearOfAsync(new DateOnly(2026, 9, 30)));
        Assert.That(period, Is.EqualTo((new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30))));
    }

    [Test]
    public async Task The_rows_behind_a_number_come_a_page_at_a_time_in_the_order_of_their_ids_with_the_names_of_their_people()
    {
        var data = await DashboardData.CreateAsync(App);
        var due = Find("FollowUpsDue")!;
        var pages = new List<Web.Platform.Paging.Paged<Row>>();
        for (var page = 1; page <= 5; page++)
            pages.Add(await App.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>()
                .RowsAsync(due, DashboardData.From, DashboardData.To, new(), Dimensions.None, null, page, pageSize: 2)));

        var rows = pages.SelectMany(p => p.Rows).ToList();
        Assert.Multiple(() =>
        {
            // The nine follow-ups due in the year: Ann's baseline, 3 and 6 months; Cid's and Dao's baselines; Eve's and
            // Fon's 6 and 12 months (not Ann's 12 months, nor Eve's and Fon's baselines): in the order they were recorded.
            Assert.That(rows.Select(r => r.RowId), Is.Ordered.Ascending.And.Unique);
            Assert.That(rows.Select(r => r.PersonName), Is.EqualTo(new[] { "Ann", "Ann", "Ann", "Cid", "Dao", "Eve", "Eve", "Fon", "Fon" }));
            Assert.That(pages.Select(p => p.Rows.Count), Is.EqualTo(new[] { 2, 2, 2, 2, 1 }));
            Assert.That(pages.Select(p => p.TotalCount).Distinct(), Is.EqualTo(new[] { 9 }));
        });
    }
}
