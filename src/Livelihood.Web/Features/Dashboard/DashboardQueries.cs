using System.Globalization;
using System.Text.Json.Serialization;
using Dapper;
using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Platform.Settings;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// Every indicator of DESIGN.md "Indicators", defined once here in SQL. The dashboard, its drill-down lists, the exports
/// and the donor report all read these figures, so they agree.
///
/// Each indicator is an aggregate over a "row set": one SQL query that lists the rows behind the number (enrollments,
/// follow-ups, alerts, ledger entries...), each with its disaggregation group. The drill-down page lists the same rows.
///
/// Which date puts a row in the period [From, To] (both inclusive, Thai dates):
/// - participants enrolled: the enrollment's EnrolledOn; counted as distinct people (a person in two cohorts counts once
///   in the total, once in each cohort's group);
/// - cohorts run: a cohort (not cancelled) whose StartDate–EndDate overlaps the period, with an enrollment matching the filter;
/// - completed / dropped out (and the two rates): the enrollment's EndedOn; rate = completed ÷ (completed + dropped out);
/// - average attendance rate: the held sessions whose SessionDate is in the period; the rate of each enrollment is
///   DESIGN.md's (Cohorts/EnrollmentQueries: held minutes in the active span, excused taken out, unmarked = absent),
///   then averaged over enrollments with at least one counted minute;
/// - absence alerts raised: RaisedAt (UTC) within the period's Thai days; resolved: ResolvedOn (Thai date);
/// - follow-ups due: DueOn (any kind, baseline included); done on time: of those, done no later than the end of the
///   month they were due; missed: of those, marked Missed;
/// - income rose / median change: graduates' 6-month follow-ups done (DoneOn) in the period with a total income, compared
///   with the same enrollment's done baseline with a total income (no baseline: not counted);
/// - % self-reliant at 6 / 12 months: 6- / 12-month follow-ups done in the period that can be judged (FollowUps/SelfReliance);
/// - % using the skill: 3-, 6- and 12-month follow-ups done in the period that answered the question;
/// - producer groups active: groups (not closed) with a live sale dated in the period;
/// - sales, expenses, payouts, members earning: live (not voided) ledger entries by EntryDate; profit = sales − expenses;
///   members earning = distinct people paid a payout.
/// People are filtered and grouped by their village (district, village) and by sex, citizenship and age band at
/// enrollment; enrollments by course, cohort and programme. Group figures (the last block) follow the group's village and
/// the cohorts it came out of; they are not split by sex, age band or citizenship (null when those are chosen).
/// </summary>
public sealed class DashboardQueries(DbSession db, AppSettings settings, DashboardSnapshotQueries snapshots)
{
    public static class Dimensions
    {
        public const string None = "None";
        public const string Sex = "Sex";
        public const string AgeBand = "AgeBand";
        public const string District = "District";
        public const string Village = "Village";
        public const string Course = "Course";
        public const string Cohort = "Cohort";
        public const string Programme = "Programme";
        public const string Citizenship = "Citizenship";
        public static readonly string[] All = [Sex, AgeBand, District, Village, Course, Cohort, Programme, Citizenship];
        public static bool SplitsPeopleOnly(string dimension) => dimension is Sex or AgeBand or Citizenship or Course or Cohort or Programme;
    }

    /// <summary>What to count: optional filters; <see cref="OfficerId"/> limits to a field officer's districts.</summary>
    public sealed record Filter
    {
        public long? DistrictId { get; init; }
        public long? VillageId { get; init; }
        public long? CourseId { get; init; }
        public long? CohortId { get; init; }
        public long? ProgrammeId { get; init; }
        public string? Sex { get; init; }
        public int? AgeBand { get; init; }
        public string? Citizenship { get; init; }
        public long? OfficerId { get; init; }
        public bool FiltersPeople => Sex is not null || AgeBand is not null || Citizenship is not null;
    }

    public enum Kind { People, Count, Percent, Average, Median, Money }

    /// <summary>The aggregates of one row set in one group.</summary>
    public sealed record Aggregate
    {
        public string GrpKey { get; init; } = "";
        public string? GrpName { get; init; }
        public long RowTotal { get; init; }
        /// <summary>Distinct keys (people counted once), only for the <see cref="KeyedSets"/>: null for the others.</summary>
        public long? KeyTotal { get; init; }
        public long? HitTotal { get; init; }
        public long? AmountTotal { get; init; }
        public double? AmountAverage { get; init; }
    }

    /// <param name="Set">the row set behind the number</param>
    /// <param name="DrillHit">which rows of the set the drill-down lists: 1 hits, 0 misses, null all</param>
    /// <param name="Value">the figure from the group's aggregates (by set) and medians</param>
    public sealed record Indicator(string Code, string Name, string Section, string Set, Kind Kind, int? DrillHit,
        Func<Func<string, Aggregate?>, decimal?> Value)
    {
        /// <summary>Counts of people, which shared outputs suppress when 1 to 4 (DESIGN.md small-cell rule).</summary>
        public bool CountsPeople => Kind == Kind.People;
        public bool IsGroupFigure => Section == GroupsSection;
    }

    public const string ParticipationSection = "Participation";
    public const string FollowUpSection = "Follow-up and income";
    public const string GroupsSection = "Producer groups";

    private static decimal? Rows(Aggregate? a) => a?.RowTotal ?? 0;
    private static decimal? Keys(Aggregate? a) => a?.KeyTotal ?? 0;
    private static decimal? Hits(Aggregate? a) => a?.HitTotal ?? 0;
    private static decimal? Percent(long part, long? whole) => whole is null or 0 ? null : Math.Round(100m * part / whole.Value, 1, MidpointRounding.AwayFromZero);
    private static decimal? HitPercent(Aggregate? a) => a is null ? null : Percent(a.HitTotal ?? 0, a.RowTotal);
    private static decimal? MissPercent(Aggregate? a) => a is null ? null : Percent(a.RowTotal - (a.HitTotal ?? 0), a.RowTotal);
    private static decimal? Baht(Aggregate? a) => Money.FromSatang(a?.AmountTotal ?? 0).Baht;

    public static readonly IReadOnlyList<Indicator> Indicators =
    [
        new("Enrolled", "Participants enrolled", ParticipationSection, "Enrolled", Kind.People, null, g => Keys(g("Enrolled"))),
        new("CohortsRun", "Cohorts run", ParticipationSection, "CohortsRun", Kind.Count, null, g => Rows(g("CohortsRun"))),
        new("Completed", "Completed", ParticipationSection, "Ended", Kind.People, 1, g => Hits(g("Ended"))),
        new("DroppedOut", "Dropped out", ParticipationSection, "Ended", Kind.People, 0, g => Rows(g("Ended")) - Hits(g("Ended"))),
        new("CompletionRate", "Completion rate", ParticipationSection, "Ended", Kind.Percent, null, g => HitPercent(g("Ended"))),
        new("DropoutRate", "Dropout rate", ParticipationSection, "Ended", Kind.Percent, null, g => MissPercent(g("Ended"))),
        new("AttendanceRate", "Average attendance rate", ParticipationSection, "Attendance", Kind.Average, null,
            g => g("Attendance")?.AmountAverage is { } average ? Math.Round((decimal)average, 1, MidpointRounding.AwayFromZero) : null),
        new("AlertsRaised", "Absence alerts raised", ParticipationSection, "AlertsRaised", Kind.People, null, g => Rows(g("AlertsRaised"))),
        new("AlertsResolved", "Absence alerts resolved", ParticipationSection, "AlertsResolved", Kind.People, null, g => Rows(g("AlertsResolved"))),
        new("FollowUpsDue", "Follow-ups due", FollowUpSection, "FollowUpsDue", Kind.People, null, g => Rows(g("FollowUpsDue"))),
        new("FollowUpsOnTime", "Follow-ups done on time", FollowUpSection, "FollowUpsDue", Kind.People, 1, g => Hits(g("FollowUpsDue"))),
        new("FollowUpsMissed", "Follow-ups missed", FollowUpSection, "FollowUpsMissed", Kind.People, null, g => Rows(g("FollowUpsMissed"))),
        new("IncomeRose", "Graduates whose income rose above baseline at 6 months", FollowUpSection, "IncomeChange", Kind.Percent, null,
            g => HitPercent(g("IncomeChange"))),
        new("IncomeChange", "Median change in monthly income from baseline", FollowUpSection, "IncomeChange", Kind.Median, null,
            g => g("IncomeChange") is { } a && a.AmountAverage is { } median ? Money.FromSatang((long)median).Baht : null),
        new("SelfReliant6", "Self-reliant at 6 months", FollowUpSection, "SelfReliant6", Kind.Percent, null, g => HitPercent(g("SelfReliant6"))),
        new("SelfReliant12", "Self-reliant at 12 months", FollowUpSection, "SelfReliant12", Kind.Percent, null, g => HitPercent(g("SelfReliant12"))),
        new("UsesSkill", "Using the skill", FollowUpSection, "UsesSkill", Kind.Percent, null, g => HitPercent(g("UsesSkill"))),
        new("GroupsActive", "Producer groups active", GroupsSection, "GroupsActive", Kind.Count, null, g => Rows(g("GroupsActive"))),
        new("Sales", "Sales", GroupsSection, "Sales", Kind.Money, null, g => Baht(g("Sales"))),
        new("Expenses", "Expenses", GroupsSection, "Expenses", Kind.Money, null, g => Baht(g("Expenses"))),
        new("Profit", "Profit", GroupsSection, "Sales", Kind.Money, null, g => Baht(g("Sales")) - Baht(g("Expenses"))),
        new("Payouts", "Payouts to members", GroupsSection, "Payouts", Kind.Money, null, g => Baht(g("Payouts"))),
        new("MembersEarning", "Members earning", GroupsSection, "Payouts", Kind.People, null, g => Keys(g("Payouts"))),
    ];

    public static Indicator? Find(string? code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>One line of figures: the total, or one group of the disaggregation.</summary>
    public sealed record Line(string Key, string? Name, IReadOnlyDictionary<string, decimal?> Values)
    {
        public decimal? this[string code] => Values.TryGetValue(code, out var value) ? value : null;
    }

    public sealed record MonthFigures
    {
        public string YearMonth { get; init; } = "";
        public long Enrolled { get; init; }
        public Money Sales { get; init; }
        public Money Expenses { get; init; }
        public Money Payouts { get; init; }
        public Money Profit => Sales - Expenses;
    }

    public sealed record Figures(DateOnly From, DateOnly To, Filter Filter, string Dimension, Line Total, IReadOnlyList<Line> Groups,
        IReadOnlyList<MonthFigures> Months, IReadOnlyList<int> AgeBounds)
    {
        /// <summary>
        /// When (UTC) these figures were counted, if a change made since may not be in them (kept figures shown while they
        /// are recent, <see cref="DashboardSnapshotQueries.RecentEnough"/>); null when they are up to date.
        /// </summary>
        [JsonIgnore] public DateTime? CountedAt { get; init; }
    }

    /// <summary>The default period: the fiscal year (by the setting) that <paramref name="today"/> falls in.</summary>
    public async Task<(DateOnly From, DateOnly To)> FiscalYearOfAsync(DateOnly today)
    {
        var from = await settings.FiscalYearStartOfAsync(today);
        return (from, from.AddYears(1).AddDays(-1));
    }

    /// <summary>
    /// The period asked for: by default the fiscal year <paramref name="today"/> falls in; a start alone runs a year; a
    /// reversed period is put the right way round.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To)> PeriodAskedAsync(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var fiscalYear = await FiscalYearOfAsync(today);
        var periodFrom = from ?? fiscalYear.From;
        var periodTo = to ?? (from is { } start ? start.AddYears(1).AddDays(-1) : fiscalYear.To);
        return periodTo < periodFrom ? (periodTo, periodFrom) : (periodFrom, periodTo);
    }

    public async Task<IReadOnlyList<int>> AgeBoundsAsync()
        => IndicatorSettings.TryParseAgeBands(await settings.GetAsync(AppSettings.AgeBands), out var bounds) ? bounds : [15, 18, 25, 36];

    /// <summary>
    /// The figures of a period, kept and read again until a write touches the period (<see cref="DashboardSnapshotQueries"/>):
    /// up to date, they are always the ones <see cref="ComputeLiveAsync"/> gives.
    /// </summary>
    /// <param name="recentIsEnough">
    /// The dashboard's view: kept figures counted in the last <see cref="DashboardSnapshotQueries.RecentEnough"/> are shown
    /// even when a change has made them stale, with <see cref="Figures.CountedAt"/> set. A running fiscal year changes all
    /// day at national scale, and counting a whole year from the rows costs more than a view may. False for the figures that
    /// leave the organisation (exports, the donor report) and for "count now".
    /// </param>
    public Task<Figures> ComputeAsync(DateOnly from, DateOnly to, Filter filter, string dimension, bool recentIsEnough = false)
    {
        if (!Dimensions.All.Contains(dimension)) dimension = Dimensions.None;
        return snapshots.KeptAsync(new(from, to, dimension, filter), () => ComputeLiveAsync(from, to, filter, dimension), recentIsEnough);
    }

    /// <summary>The figures of a period computed from the rows and the pre-aggregates now.</summary>
    public async Task<Figures> ComputeLiveAsync(DateOnly from, DateOnly to, Filter filter, string dimension)
    {
        if (!Dimensions.All.Contains(dimension)) dimension = Dimensions.None;
        var bounds = await AgeBoundsAsync();
        var period = await PeriodAsync(from, to, filter, bounds);
        var total = (await LinesAsync(Dimensions.None, filter, bounds, period)).SingleOrDefault() ?? Empty("", filter.FiltersPeople);
        var groups = dimension == Dimensions.None ? [] : await LinesAsync(dimension, filter, bounds, period);
        groups = WithEmptyGroups(dimension, groups, bounds);
        var months = await MonthsAsync(from, to, filter, bounds, period);
        return new Figures(from, to, filter, dimension, total, groups, months, bounds);
    }

    /// <summary>A line with nobody in it: counts and sums 0, rates and averages null; group figures null when not split.</summary>
    private static Line Empty(string key, bool splitsPeopleOnly)
        => new(key, null, Indicators.ToDictionary(i => i.Code, i => i.IsGroupFigure && splitsPeopleOnly ? null : i.Value(_ => null)));

    /// <summary>The fixed dimensions list every value, even with nobody in it (an empty group is a finding too).</summary>
    private static IReadOnlyList<Line> WithEmptyGroups(string dimension, IReadOnlyList<Line> groups, IReadOnlyList<int> bounds)
    {
        string[] keys = dimension switch
        {
            Dimensions.Sex => ["Female", "Male"],
            Dimensions.Citizenship => ["ThaiId", "HighlandCard", "None"],
            Dimensions.AgeBand => [.. Enumerable.Range(0, bounds.Count + 1).Select(i => i.ToString(CultureInfo.InvariantCulture))],
            _ => [],
        };
        if (keys.Length == 0) return groups;
        return [.. keys.Select(k => groups.FirstOrDefault(g => g.Key == k) ?? Empty(k, true)), .. groups.Where(g => !keys.Contains(g.Key))];
    }

    /// <summary>
    /// A period's statement parameters, and which of its parts there are: whole months, read from the pre-aggregates, and
    /// days before or after them, read row by row (<see cref="WholeMonthsAndDays"/>).
    /// </summary>
    private sealed record Period(DynamicParameters Parameters, bool HasWholeMonths, bool HasDaysBefore, bool HasDaysAfter);

    private async Task<Period> PeriodAsync(DateOnly from, DateOnly to, Filter filter, IReadOnlyList<int> bounds)
    {
        var parameters = new DynamicParameters(new
        {
            From = from, To = to,
            // RaisedAt is a UTC timestamp: the period's Thai days begin at 00:00 +07:00.
            RaisedFrom = from.ToDateTime(TimeOnly.MinValue) - DisplayDates.ThailandOffset,
            RaisedBefore = to.AddDays(1).ToDateTime(TimeOnly.MinValue) - DisplayDates.ThailandOffset,
            filter.DistrictId, filter.VillageId, filter.CourseId, filter.CohortId, filter.ProgrammeId, filter.Sex, filter.AgeBand,
            filter.Citizenship, ScopeUserId = filter.OfficerId,
            SelfRelianceLineSatang = (await settings.SelfRelianceLineAsync()).Satang,
        });
        for (var i = 0; i < bounds.Count; i++) parameters.Add("Bound" + i, bounds[i]);
        // The whole months of the period, read from the pre-aggregates once built (DashboardAggregatesJob); none before:
        // then @WholeFrom > @WholeTo and every day of the period is read from the rows (WholeMonthsAndDays).
        var (wholeFrom, wholeTo) = (to.AddDays(1), to);
        if (await db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM DashboardAggregates") > 0)
        {
            var first = new DateOnly(from.Year, from.Month, 1);
            if (first < from) first = first.AddMonths(1);
            var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
            if (last > to) last = new DateOnly(to.Year, to.Month, 1).AddDays(-1);
            if (first < last) (wholeFrom, wholeTo) = (first, last);
        }
        parameters.AddDynamicParams(new
        {
            WholeFrom = wholeFrom, WholeTo = wholeTo,
            WholeFromMonth = DashboardAggregatesJob.YearMonth(wholeFrom), WholeToMonth = DashboardAggregatesJob.YearMonth(wholeTo),
        });
        return new(parameters, wholeFrom <= wholeTo, from < wholeFrom, wholeFrom <= wholeTo && wholeTo < to);
    }

    /// <summary>The pre-aggregate's rows (alias <paramref name="alias"/>) of the period's whole months.</summary>
    private static string WholeMonths(string alias) => $"{alias}.YearMonth >= @WholeFromMonth AND {alias}.YearMonth <= @WholeToMonth";

    /// <summary>
    /// The period's rows as the parts it has, joined by UNION ALL: <paramref name="wholeMonths"/> (the pre-aggregate's), and
    /// <paramref name="days"/> given the condition on its date column <paramref name="day"/> for the days before the whole
    /// months and for those after (two ranges an index can seek). Only the parts there are: a period of whole months then
    /// reads one SELECT, which SQLite merges into the statement around it instead of copying its rows out first.
    /// </summary>
    private static string WholeMonthsAndDays(Period period, string wholeMonths, string day, Func<string, string> days)
        => string.Join("\nUNION ALL\n", new[]
        {
            period.HasWholeMonths ? wholeMonths : null,
            period.HasDaysBefore ? days($"{day} >= @From AND {day} < @WholeFrom") : null,
            period.HasDaysAfter ? days($"{day} > @WholeTo AND {day} <= @To") : null,
        }.OfType<string>());

    private async Task<IReadOnlyList<Line>> LinesAsync(string dimension, Filter filter, IReadOnlyList<int> bounds, Period period)
    {
        // The money sets are summed from LedgerMonths and the edge days' entries (LedgerAmounts), all three in one statement
        // (their row sets serve the drill-down); the income-change set is read row by row for its median.
        // Group figures are not counted by a person's attributes, nor split by them (null then, see below): their
        // statements are left out when they would not be shown.
        var splitsPeople = Dimensions.SplitsPeopleOnly(dimension);
        var groupFigures = !(filter.FiltersPeople || splitsPeople);
        var rowSets = RowSets(period);
        var sets = rowSets.Where(s => !LedgerSets.Contains(s.Key) && s.Key != "IncomeChange" && (groupFigures || !GroupSets.Contains(s.Key))).ToList();
        var ctes = Ctes(dimension, bounds, filter, cohortColumns: false);
        var withCohorts = Ctes(dimension, bounds, filter, cohortColumns: true);
        // Without a split every row is in the one group '': no sort by the key (HAVING keeps "no rows, no line").
        var split = dimension != Dimensions.None;
        var (rowKey, byRowKey) = split ? ("r.GrpKey", "GROUP BY r.GrpKey") : ("''", "HAVING COUNT(1) > 0");
        var (groupKey, byGroupKey) = split ? ("g.GrpKey", ", g.GrpKey") : ("''", "");
        var sql = string.Join(";\n", sets.Select(set => $"""
            {(CohortSets.Contains(set.Key) ? withCohorts : ctes)}SELECT {rowKey} AS GrpKey, MIN(r.GrpName) AS GrpName, COUNT(1) AS RowTotal,
                   {(KeyedSets.Contains(set.Key) ? "COUNT(DISTINCT r.KeyId)" : "NULL")} AS KeyTotal, SUM(r.Hit) AS HitTotal,
                   SUM(r.Amount) AS AmountTotal, AVG(r.Amount) AS AmountAverage
            FROM ({set.Value}) r
            {byRowKey}
            """)) + ";\n" + $"{ctes}SELECT r.GrpKey, r.GrpName, r.Amount, r.Hit FROM ({rowSets["IncomeChange"]}) r" + (groupFigures ? $"""
            ;
            {ctes}SELECT x.Kind, {groupKey} AS GrpKey, MIN(g.GrpName) AS GrpName, SUM(x.Entries) AS RowTotal,
                   CASE WHEN x.Kind = 'Payout' THEN COUNT(DISTINCT m.PersonId) END AS KeyTotal, SUM(x.Amount) AS AmountTotal
            FROM g JOIN ({LedgerAmounts(period)}) x ON x.GroupId = g.GroupId
            LEFT JOIN GroupMembers m ON m.Id = x.MemberId
            GROUP BY x.Kind{byGroupKey}
            """ : "");
        var bySet = new Dictionary<string, IReadOnlyList<Aggregate>>();
        using (var grid = await db.QueryMultipleAsync(sql, period.Parameters))
        {
            foreach (var set in sets) bySet[set.Key] = [.. await grid.ReadAsync<Aggregate>()];
            // The median change stands for the average of the income-change set (SQL has no portable median).
            bySet["IncomeChange"] = [.. (await grid.ReadAsync<IncomeChangeRow>()).GroupBy(c => c.GrpKey).Select(g => new Aggregate
            {
                GrpKey = g.Key, GrpName = g.Select(c => c.GrpName).FirstOrDefault(n => n is not null), RowTotal = g.Count(),
                HitTotal = g.Sum(c => c.Hit), AmountTotal = g.Sum(c => c.Amount), AmountAverage = Median(g.Select(c => c.Amount)),
            })];
            if (groupFigures)
            {
                var ledger = (await grid.ReadAsync<LedgerAggregate>()).ToLookup(a => a.Kind);
                foreach (var (set, kind) in LedgerSets.Zip(LedgerKinds)) bySet[set] = [.. ledger[kind].Select(a => a.Aggregate)];
            }
        }
        var keys = bySet.SelectMany(s => s.Value).GroupBy(a => a.GrpKey).Select(g => (Key: g.Key, Name: g.Select(a => a.GrpName).FirstOrDefault(n => n is not null)));
        // By key: a split by village or cohort has thousands of groups in each set.
        var byKey = bySet.ToDictionary(s => s.Key, s => s.Value.ToDictionary(a => a.GrpKey));
        var lines = keys.Select(k => new Line(k.Key, k.Name, Indicators.ToDictionary(i => i.Code, i =>
            i.IsGroupFigure && !groupFigures
                ? null
                : i.Value(set => byKey[set].GetValueOrDefault(k.Key)))));
        return [.. lines.OrderBy(l => l.Name ?? l.Key, StringComparer.Ordinal).ThenBy(l => l.Key, StringComparer.Ordinal)];
    }

    /// <summary>The middle value, or the mean of the two middle values (rounded down to a whole satang); null for none.</summary>
    public static double? Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : Math.Floor((sorted[middle - 1] + sorted[middle]) / 2.0);
    }

    private async Task<IReadOnlyList<MonthFigures>> MonthsAsync(DateOnly from, DateOnly to, Filter filter, IReadOnlyList<int> bounds, Period period)
    {
        var ctes = Ctes(Dimensions.None, bounds, filter, cohortColumns: false);
        var month = db.Dialect.Month("r.Day");
        // Money is a group figure: not counted by a person's attributes.
        var showMoney = !filter.FiltersPeople;
        using var grid = await db.QueryMultipleAsync($"""
            {ctes}SELECT {month} AS YearMonth, COUNT(DISTINCT r.KeyId) AS Enrolled FROM ({EnrolledRows}) r GROUP BY {month}
            """ + (showMoney ? $"""
            ;
            {ctes}SELECT x.YearMonth,
                   SUM(CASE WHEN x.Kind = 'Sale' THEN x.Amount ELSE 0 END) AS Sales,
                   SUM(CASE WHEN x.Kind = 'Expense' THEN x.Amount ELSE 0 END) AS Expenses,
                   SUM(CASE WHEN x.Kind = 'Payout' THEN x.Amount ELSE 0 END) AS Payouts
            FROM g JOIN ({LedgerAmounts(period)}) x ON x.GroupId = g.GroupId
            GROUP BY x.YearMonth
            """ : ""), period.Parameters);
        var enrolled = (await grid.ReadAsync<(string YearMonth, long Enrolled)>()).ToDictionary(m => m.YearMonth, m => m.Enrolled);
        var money = showMoney ? (await grid.ReadAsync<MonthFigures>()).ToDictionary(m => m.YearMonth) : [];
        var list = new List<MonthFigures>();
        for (var first = new DateOnly(from.Year, from.Month, 1); first <= to; first = first.AddMonths(1))
        {
            var key = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var row = money.TryGetValue(key, out var m) ? m : new MonthFigures { YearMonth = key };
            list.Add(row with { Enrolled = enrolled.GetValueOrDefault(key) });
        }
        return list;
    }

    // ----- the row sets -----

    /// <summary>Each row set's SQL over the CTEs e and g (<see cref="Ctes"/>), columns GrpKey, GrpName, KeyId, RowId, PersonId, Day, Detail, Amount, Hit.</summary>
    private Dictionary<string, string> RowSets(Period period)
    {
        const string FollowUpJoin = "JOIN FollowUps f ON f.EnrollmentId = e.EnrollmentId";
        var onTime = $"CASE WHEN f.Status = 'Done' AND {db.Dialect.Month("f.DoneOn")} <= {db.Dialect.Month("f.DueOn")} THEN 1 ELSE 0 END";
        string Judged(string kind) => $"""
            SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, f.Id AS RowId, e.PersonId, f.DoneOn AS Day, e.CohortCode AS Detail, NULL AS Amount,
                   {SelfReliance.Sql("f")} AS Hit
            FROM e {FollowUpJoin}
            WHERE f.Kind = '{kind}' AND f.Status = 'Done' AND f.DoneOn >= @From AND f.DoneOn <= @To AND {SelfReliance.Sql("f")} IS NOT NULL
            """;
        string Ledger(string kind, string keyId) => $"""
            SELECT g.GrpKey, g.GrpName, {keyId} AS KeyId, l.Id AS RowId, m.PersonId, l.EntryDate AS Day, g.Name AS Detail, l.Amount, NULL AS Hit
            FROM g JOIN LedgerEntries l ON l.GroupId = g.GroupId
            LEFT JOIN GroupMembers m ON m.Id = l.MemberId
            WHERE l.Kind = '{kind}' AND l.VoidedAt IS NULL AND l.EntryDate >= @From AND l.EntryDate <= @To
            """;
        return new()
        {
            ["Enrolled"] = EnrolledRows,
            ["CohortsRun"] = $"""
                    SELECT DISTINCT e.GrpKey, e.GrpName, e.CohortId AS KeyId, e.CohortId AS RowId, NULL AS PersonId, e.CohortStart AS Day,
                       e.CohortCode AS Detail, NULL AS Amount, NULL AS Hit
                FROM e WHERE e.CohortStatus <> 'Cancelled' AND e.CohortStart <= @To AND e.CohortEnd >= @From
                """,
            ["Ended"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, e.EnrollmentId AS RowId, e.PersonId, e.EndedOn AS Day, e.CohortCode AS Detail,
                       NULL AS Amount, CASE WHEN e.Status = 'Completed' THEN 1 ELSE 0 END AS Hit
                FROM e WHERE e.Status IN ('Completed', 'DroppedOut') AND e.EndedOn >= @From AND e.EndedOn <= @To
                """,
            ["Attendance"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, e.EnrollmentId AS RowId, e.PersonId, NULL AS Day, e.CohortCode AS Detail,
                       CAST(100.0 * a.AttendedMinutes / (a.HeldMinutes - a.ExcusedMinutes) AS FLOAT) AS Amount, NULL AS Hit
                FROM e JOIN (
                    SELECT x.EnrollmentId, SUM(x.HeldMinutes) AS HeldMinutes, SUM(x.ExcusedMinutes) AS ExcusedMinutes,
                           SUM(x.AttendedMinutes) AS AttendedMinutes
                    FROM (
                        {WholeMonthsAndDays(period, $"""
                            SELECT am.EnrollmentId, am.HeldMinutes, am.ExcusedMinutes, am.AttendedMinutes
                            FROM AttendanceMonths am WHERE {WholeMonths("am")}
                            """, "s.SessionDate", days => $"""
                            SELECT e.Id AS EnrollmentId, {EnrollmentQueries.AttendanceMinutes}
                            FROM Sessions s
                            JOIN Enrollments e ON {EnrollmentQueries.HeldInActiveSpan}
                            LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
                            WHERE s.Status = 'Held' AND {days}
                            GROUP BY e.Id
                            """)}) x
                    GROUP BY x.EnrollmentId) a ON a.EnrollmentId = e.EnrollmentId
                WHERE a.HeldMinutes > a.ExcusedMinutes
                """,
            ["AlertsRaised"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, a.Id AS RowId, e.PersonId, NULL AS Day, a.Reason AS Detail, NULL AS Amount, NULL AS Hit
                FROM e JOIN AbsenceAlerts a ON a.EnrollmentId = e.EnrollmentId
                WHERE a.RaisedAt >= @RaisedFrom AND a.RaisedAt < @RaisedBefore
                """,
            ["AlertsResolved"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, a.Id AS RowId, e.PersonId, a.ResolvedOn AS Day, a.Reason AS Detail, NULL AS Amount, NULL AS Hit
                FROM e JOIN AbsenceAlerts a ON a.EnrollmentId = e.EnrollmentId
                WHERE a.Status = 'Resolved' AND a.ResolvedOn >= @From AND a.ResolvedOn <= @To
                """,
            ["FollowUpsDue"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, f.Id AS RowId, e.PersonId, f.DueOn AS Day, f.Kind AS Detail, NULL AS Amount, {onTime} AS Hit
                FROM e {FollowUpJoin}
                WHERE f.DueOn >= @From AND f.DueOn <= @To
                """,
            ["FollowUpsMissed"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, f.Id AS RowId, e.PersonId, f.DueOn AS Day, f.Kind AS Detail, NULL AS Amount, NULL AS Hit
                FROM e {FollowUpJoin}
                WHERE f.Status = 'Missed' AND f.DueOn >= @From AND f.DueOn <= @To
                """,
            ["IncomeChange"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, f.Id AS RowId, e.PersonId, f.DoneOn AS Day, e.CohortCode AS Detail,
                       f.TotalIncomeSatang - b.TotalIncomeSatang AS Amount,
                       CASE WHEN f.TotalIncomeSatang > b.TotalIncomeSatang THEN 1 ELSE 0 END AS Hit
                FROM e {FollowUpJoin}
                JOIN FollowUps b ON b.EnrollmentId = e.EnrollmentId AND b.Kind = 'Baseline' AND b.Status = 'Done' AND b.TotalIncomeSatang IS NOT NULL
                WHERE e.Status = 'Completed' AND f.Kind = 'SixMonths' AND f.Status = 'Done' AND f.TotalIncomeSatang IS NOT NULL
                  AND f.DoneOn >= @From AND f.DoneOn <= @To
                """,
            ["SelfReliant6"] = Judged("SixMonths"),
            ["SelfReliant12"] = Judged("TwelveMonths"),
            ["UsesSkill"] = $"""
                    SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, f.Id AS RowId, e.PersonId, f.DoneOn AS Day, f.Kind AS Detail, NULL AS Amount,
                       CASE WHEN f.UsesSkill = 1 THEN 1 ELSE 0 END AS Hit
                FROM e {FollowUpJoin}
                WHERE f.Kind IN ('ThreeMonths', 'SixMonths', 'TwelveMonths') AND f.Status = 'Done' AND f.UsesSkill IS NOT NULL
                  AND f.DoneOn >= @From AND f.DoneOn <= @To
                """,
            ["GroupsActive"] = $"""
                    SELECT g.GrpKey, g.GrpName, g.GroupId AS KeyId, g.GroupId AS RowId, NULL AS PersonId, NULL AS Day, g.Name AS Detail, NULL AS Amount, NULL AS Hit
                FROM g
                WHERE g.Status <> 'Closed' AND EXISTS (SELECT 1 FROM LedgerEntries l WHERE l.GroupId = g.GroupId AND l.Kind = 'Sale'
                      AND l.VoidedAt IS NULL AND l.EntryDate >= @From AND l.EntryDate <= @To)
                """,
            ["Sales"] = Ledger("Sale", "l.Id"),
            ["Expenses"] = Ledger("Expense", "l.Id"),
            ["Payouts"] = Ledger("Payout", "m.PersonId"),
        };
    }

    private static readonly string[] GroupSets = ["GroupsActive", "Sales", "Expenses", "Payouts"];
    private static readonly string[] LedgerSets = ["Sales", "Expenses", "Payouts"];
    private static readonly string[] LedgerKinds = ["Sale", "Expense", "Payout"];

    /// <summary>The sets whose figures count distinct keys (a person once): a distinct count sorts every row, so only these.</summary>
    private static readonly string[] KeyedSets = ["Enrolled", "Payouts"];

    /// <summary>
    /// The live ledger entries of the period as (GroupId, Kind, YearMonth, MemberId paid, Entries, Amount): the whole months
    /// from LedgerMonths, the other days entry by entry (the same figures as the Sales, Expenses and Payouts row sets).
    /// </summary>
    private string LedgerAmounts(Period period) => WholeMonthsAndDays(period, $"""
        SELECT lm.GroupId, lm.Kind, lm.YearMonth, lm.MemberId, lm.Entries, lm.Amount
        FROM LedgerMonths lm WHERE {WholeMonths("lm")}
        """, "l.EntryDate", days => $"""
            SELECT l.GroupId, l.Kind, {db.Dialect.Month("l.EntryDate")} AS YearMonth, l.MemberId, 1 AS Entries, l.Amount
            FROM LedgerEntries l
            WHERE l.VoidedAt IS NULL AND {days}
            """);

    private sealed record IncomeChangeRow
    {
        public string GrpKey { get; init; } = "";
        public string? GrpName { get; init; }
        public long Amount { get; init; }
        public long Hit { get; init; }
    }

    private sealed record LedgerAggregate
    {
        public string Kind { get; init; } = "";
        public string GrpKey { get; init; } = "";
        public string? GrpName { get; init; }
        public long RowTotal { get; init; }
        public long? KeyTotal { get; init; }
        public long? AmountTotal { get; init; }
        public Aggregate Aggregate => new() { GrpKey = GrpKey, GrpName = GrpName, RowTotal = RowTotal, KeyTotal = KeyTotal, AmountTotal = AmountTotal };
    }

    private const string EnrolledRows = """

        SELECT e.GrpKey, e.GrpName, e.PersonId AS KeyId, e.EnrollmentId AS RowId, e.PersonId, e.EnrolledOn AS Day, e.CohortCode AS Detail,
               NULL AS Amount, NULL AS Hit
        FROM e WHERE e.EnrolledOn >= @From AND e.EnrolledOn <= @To
        """;

    /// <summary>The age at enrollment in whole years (birth year only: as if born on 1 January).</summary>
    private string AgeAtEnrollment
    {
        get
        {
            var enrolled = db.Dialect.DateText("en.EnrolledOn");
            return $"""
                (CAST(SUBSTRING({enrolled}, 1, 4) AS INT) - p.BirthYear
                 - CASE WHEN p.BirthDate IS NOT NULL AND SUBSTRING({enrolled}, 6, 5) < SUBSTRING({db.Dialect.DateText("p.BirthDate")}, 6, 5) THEN 1 ELSE 0 END)
                """;
        }
    }

    /// <summary>The age band's index (0: under the first bound) from the setting's bounds, passed as @Bound0, @Bound1, ...</summary>
    private string AgeBand(IReadOnlyList<int> bounds)
        => "CASE " + string.Concat(Enumerable.Range(0, bounds.Count).Select(i => $"WHEN {AgeAtEnrollment} < @Bound{i} THEN {i} ")) + $"ELSE {bounds.Count} END";

    /// <summary>
    /// The statement's start: the filtered enrollments (e) and producer groups (g), grouped by the dimension. e has the
    /// cohort's columns (code, status, dates) only with <paramref name="cohortColumns"/>: the drill-down shows the code,
    /// and <see cref="CohortSets"/> count by them; the other aggregates read neither, and the cohort is then joined only
    /// when the split or a filter needs it (its lookup was ~8 % of the CPU of a whole year's figures).
    /// </summary>
    private string Ctes(string dimension, IReadOnlyList<int> bounds, Filter filter, bool cohortColumns)
        => "WITH " + People(dimension, bounds, filter, cohortColumns) + ",\n" + Groups(dimension, filter) + "\n";

    /// <summary>The row sets whose figures read the cohort's columns of e.</summary>
    private static readonly string[] CohortSets = ["CohortsRun"];

    /// <summary>
    /// The filtered enrollments with the person's and cohort's attributes, as the CTE "e". It joins only the tables the
    /// split and the filters set need (every enrollment has a person living in a village of a district, and a cohort of a
    /// course: foreign keys), because each join is paid once per row of every row set.
    /// </summary>
    private string People(string dimension, IReadOnlyList<int> bounds, Filter filter, bool cohortColumns)
    {
        var band = AgeBand(bounds);
        var (key, name) = dimension switch
        {
            Dimensions.Sex => ("p.Sex", "p.Sex"),
            Dimensions.Citizenship => ("p.CitizenshipStatus", "p.CitizenshipStatus"),
            Dimensions.AgeBand => ($"CAST({band} AS VARCHAR(10))", $"CAST({band} AS VARCHAR(10))"),
            Dimensions.District => ("CAST(s.DistrictId AS VARCHAR(20))", "d.NameTh"),
            Dimensions.Village => ("CAST(v.Id AS VARCHAR(20))", "v.NameTh"),
            Dimensions.Course => ("CAST(cr.Id AS VARCHAR(20))", "cr.NameTh"),
            Dimensions.Cohort => ("CAST(c.Id AS VARCHAR(20))", "c.Code"),
            Dimensions.Programme => ("COALESCE(CAST(c.ProgrammeId AS VARCHAR(20)), '')", "pr.NameTh"),
            _ => ("''", "NULL"),
        };
        var place = filter.DistrictId is not null || filter.OfficerId is not null || dimension is Dimensions.District or Dimensions.Village;
        var person = place || filter.FiltersPeople || filter.VillageId is not null || dimension is Dimensions.Sex or Dimensions.Citizenship or Dimensions.AgeBand;
        var cohort = cohortColumns || filter.CourseId is not null || filter.CohortId is not null || filter.ProgrammeId is not null
                     || dimension is Dimensions.Course or Dimensions.Cohort or Dimensions.Programme;
        string?[] joins =
        [
            cohort ? "JOIN Cohorts c ON c.Id = en.CohortId" : null,
            person ? "JOIN People p ON p.Id = en.PersonId" : null,
            place ? "JOIN Villages v ON v.Id = p.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId" : null,
            dimension == Dimensions.District ? "JOIN Districts d ON d.Id = s.DistrictId" : null,
            dimension == Dimensions.Course ? "JOIN Courses cr ON cr.Id = c.CourseId" : null,
            dimension == Dimensions.Programme ? "LEFT JOIN Programmes pr ON pr.Id = c.ProgrammeId" : null,
        ];
        string?[] conditions =
        [
            filter.OfficerId is null ? null : $"s.DistrictId IN ({ScopeRules.OfficersDistricts})",
            filter.DistrictId is null ? null : "s.DistrictId = @DistrictId",
            filter.VillageId is null ? null : "p.VillageId = @VillageId",
            filter.CourseId is null ? null : "c.CourseId = @CourseId",
            filter.CohortId is null ? null : "c.Id = @CohortId",
            filter.ProgrammeId is null ? null : "c.ProgrammeId = @ProgrammeId",
            filter.Sex is null ? null : "p.Sex = @Sex",
            filter.Citizenship is null ? null : "p.CitizenshipStatus = @Citizenship",
            filter.AgeBand is null ? null : $"{band} = @AgeBand",
        ];
        return $"""
            e AS (
                SELECT en.Id AS EnrollmentId, en.PersonId, en.CohortId, en.EnrolledOn, en.Status, en.EndedOn,
                       {(cohortColumns
                           ? "c.Code AS CohortCode, c.Status AS CohortStatus, c.StartDate AS CohortStart, c.EndDate AS CohortEnd"
                           : "NULL AS CohortCode, NULL AS CohortStatus, NULL AS CohortStart, NULL AS CohortEnd")},
                       {key} AS GrpKey, {name} AS GrpName
                FROM Enrollments en
                {string.Join("\n", joins.OfType<string>())}
                WHERE {Where(conditions)}
            )
            """;
    }

    /// <summary>
    /// The filtered producer groups, as the CTE "g": by their village, and by the cohorts they came out of. Like "e", it
    /// joins the village's district only when the split or a filter needs it (it is joined to every ledger row counted).
    /// </summary>
    private static string Groups(string dimension, Filter filter)
    {
        var (key, name) = dimension switch
        {
            Dimensions.District => ("CAST(s.DistrictId AS VARCHAR(20))", "d.NameTh"),
            Dimensions.Village => ("CAST(v.Id AS VARCHAR(20))", "v.NameTh"),
            _ => ("''", "NULL"),
        };
        var place = filter.DistrictId is not null || filter.OfficerId is not null || dimension is Dimensions.District or Dimensions.Village;
        string?[] joins =
        [
            place ? "JOIN Villages v ON v.Id = pg.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId" : null,
            dimension == Dimensions.District ? "JOIN Districts d ON d.Id = s.DistrictId" : null,
        ];
        string?[] conditions =
        [
            filter.OfficerId is null ? null : $"s.DistrictId IN ({ScopeRules.OfficersDistricts})",
            filter.DistrictId is null ? null : "s.DistrictId = @DistrictId",
            filter.VillageId is null ? null : "pg.VillageId = @VillageId",
            filter.CourseId is null && filter.CohortId is null && filter.ProgrammeId is null ? null : """
                EXISTS (
                      SELECT 1 FROM GroupCohorts gc JOIN Cohorts c ON c.Id = gc.CohortId
                      WHERE gc.GroupId = pg.Id AND (@CourseId IS NULL OR c.CourseId = @CourseId) AND (@CohortId IS NULL OR c.Id = @CohortId)
                        AND (@ProgrammeId IS NULL OR c.ProgrammeId = @ProgrammeId))
                """,
        ];
        return $"""
            g AS (
                SELECT pg.Id AS GroupId, pg.Name, pg.Status, {key} AS GrpKey, {name} AS GrpName
                FROM ProducerGroups pg
                {string.Join("\n", joins.OfType<string>())}
                WHERE {Where(conditions)}
            )
            """;
    }

    /// <summary>The conditions that apply, joined with AND (none: every row).</summary>
    private static string Where(IEnumerable<string?> conditions) => string.Join(" AND ", conditions.OfType<string>().DefaultIfEmpty("1 = 1"));

    // ----- drill-down -----

    public sealed record Row
    {
        public long RowId { get; init; }
        public long? PersonId { get; init; }
        public string? PersonName { get; init; }
        public DateOnly? Day { get; init; }
        public string? Detail { get; init; }
        public double? Amount { get; init; }
        public int? Hit { get; init; }
        public string? GrpName { get; init; }
    }

    /// <summary>
    /// The rows behind a number: the indicator's row set (its hits or misses where the number counts only those), in one
    /// group of the disaggregation or all; paged in SQL, ordered by the row's id.
    /// </summary>
    public async Task<Platform.Paging.Paged<Row>> RowsAsync(Indicator indicator, DateOnly from, DateOnly to, Filter filter, string dimension,
        string? groupKey, int? page, int pageSize)
    {
        if (!Dimensions.All.Contains(dimension) || groupKey is null) (dimension, groupKey) = (Dimensions.None, null);
        var bounds = await AgeBoundsAsync();
        var period = await PeriodAsync(from, to, filter, bounds);
        var parameters = period.Parameters;
        var (number, skip) = Platform.Paging.Paged<Row>.Window(page, pageSize);
        parameters.AddDynamicParams(new { GroupKey = groupKey, DrillHit = indicator.DrillHit, Skip = skip, Take = pageSize });
        var set = RowSets(period)[indicator.Set];
        var ctes = Ctes(dimension, bounds, filter, cohortColumns: true);
        const string Where = "WHERE (@GroupKey IS NULL OR r.GrpKey = @GroupKey) AND (@DrillHit IS NULL OR r.Hit = @DrillHit)";
        // The page first, then its people's names: a whole year's set at national scale has ~90 000 rows.
        using var grid = await db.QueryMultipleAsync($"""
            {ctes}SELECT r.RowId, r.PersonId, p.FullNameTh AS PersonName, r.Day, r.Detail, r.Amount, r.Hit, r.GrpName
            FROM ({db.Dialect.Page($"SELECT r.* FROM ({set}) r {Where} ORDER BY r.RowId, r.PersonId")}) r
            LEFT JOIN People p ON p.Id = r.PersonId
            ORDER BY r.RowId, r.PersonId;
            {ctes}SELECT COUNT(1) FROM ({set}) r {Where}
            """, parameters);
        var rows = (await grid.ReadAsync<Row>()).ToList();
        var count = await grid.ReadSingleAsync<int>();
        return new(rows, number, pageSize, count);
    }
}
