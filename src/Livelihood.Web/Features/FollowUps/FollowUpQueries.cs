using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// Income follow-ups (DESIGN.md "Follow-up"): the schedule (a baseline at enrollment, 3, 6 and 12 months after
/// completion), a field officer's district scope, and the reads the pages share. Scheduling is idempotent: the rows
/// already there are never inserted again (and a unique key on enrollment and kind stops a duplicate anyway).
/// </summary>
public sealed class FollowUpQueries(DbSession db, AuditedWrites audited, Scope scope, TimeProvider clock)
{
    public const string Baseline = "Baseline";
    public const string ThreeMonths = "ThreeMonths";
    public const string SixMonths = "SixMonths";
    public const string TwelveMonths = "TwelveMonths";
    public static readonly string[] Kinds = [Baseline, ThreeMonths, SixMonths, TwelveMonths];

    public const string Due = "Due";
    public const string Done = "Done";
    public const string Missed = "Missed";

    public const string Visit = "Visit";
    public const string Phone = "Phone";
    public static readonly string[] Methods = [Visit, Phone];

    public const string WageJob = "WageJob";
    public const string SelfEmployed = "SelfEmployed";
    public const string GroupMember = "GroupMember";
    public static readonly string[] WorkStatuses = [WageJob, SelfEmployed, GroupMember, "Unemployed", "Studying", "Migrated"];

    public static readonly string[] MissedReasons = ["CouldNotReach", "MovedAway", "Refused", "Other"];

    /// <summary>A field officer's districts: UserScopes rows of this kind, set on the admin's user page.</summary>
    public const string DistrictScope = "District";

    /// <summary>Today in Thailand, where every follow-up happens: a follow-up is overdue from the day after its due date.</summary>
    public DateOnly Today => ThaiToday(clock);

    public static DateOnly ThaiToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + DisplayDates.ThailandOffset);

    // ----- schedule -----

    /// <summary>The baseline of a new enrollment, due on its enrollment date (nothing if it has one already).</summary>
    public async Task<int> ScheduleBaselineAsync(long enrollmentId)
    {
        var rows = await db.QueryAsync<Planned>(
            """
            SELECT e.Id AS EnrollmentId, e.PersonId, e.EnrolledOn AS DueOn, 'Baseline' AS Kind
            FROM Enrollments e
            WHERE e.Id = @enrollmentId AND NOT EXISTS (SELECT 1 FROM FollowUps f WHERE f.EnrollmentId = e.Id AND f.Kind = 'Baseline')
            """, new { enrollmentId });
        return await InsertAsync(rows);
    }

    /// <summary>
    /// A transferred enrollment continues in another cohort: its baseline (done or not) moves to the new enrollment,
    /// which then needs none of its own.
    /// </summary>
    public async Task CarryBaselineAsync(long fromEnrollmentId, long toEnrollmentId)
    {
        var old = await db.QuerySingleOrDefaultAsync<Row>("SELECT Id, Version FROM FollowUps WHERE EnrollmentId = @fromEnrollmentId AND Kind = 'Baseline'", new { fromEnrollmentId });
        if (old is null) return;
        var fresh = await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT Id, Version FROM FollowUps WHERE EnrollmentId = @toEnrollmentId AND Kind = 'Baseline' AND Status = 'Due'", new { toEnrollmentId });
        if (fresh is not null) await audited.DeleteAsync("FollowUps", fresh.Id, fresh.Version, "Unschedule");
        await audited.UpdateAsync("FollowUps", old.Id, old.Version, new { EnrollmentId = toEnrollmentId }, "Transfer");
    }

    private static readonly (string Kind, int Months)[] AfterCompletion = [(ThreeMonths, 3), (SixMonths, 6), (TwelveMonths, 12)];

    /// <summary>
    /// Brings the schedule in line with the enrollments (of one cohort, or all): each Completed enrollment gets its 3-,
    /// 6- and 12-month follow-ups from its completion date; an enrollment that is no longer Completed loses those not
    /// yet done (done and missed ones are kept: they happened). Baselines are added for active enrollments that lack
    /// one (enrollments made before follow-ups existed). Returns (added, removed).
    /// </summary>
    public async Task<(int Added, int Removed)> ScheduleAsync(long? cohortId)
    {
        var missing = await db.QueryAsync<Planned>(
            """
            SELECT e.Id AS EnrollmentId, e.PersonId, e.EndedOn AS DueOn, k.Kind
            FROM Enrollments e
            CROSS JOIN (SELECT 'ThreeMonths' AS Kind UNION ALL SELECT 'SixMonths' UNION ALL SELECT 'TwelveMonths') k
            WHERE e.Status = 'Completed' AND e.EndedOn IS NOT NULL AND (@cohortId IS NULL OR e.CohortId = @cohortId)
              AND NOT EXISTS (SELECT 1 FROM FollowUps f WHERE f.EnrollmentId = e.Id AND f.Kind = k.Kind)
            UNION ALL
            SELECT e.Id, e.PersonId, e.EnrolledOn, 'Baseline'
            FROM Enrollments e
            WHERE e.Status = 'Enrolled' AND (@cohortId IS NULL OR e.CohortId = @cohortId)
              AND NOT EXISTS (SELECT 1 FROM FollowUps f WHERE f.EnrollmentId = e.Id AND f.Kind = 'Baseline')
            ORDER BY 1, 4
            """, new { cohortId });
        var added = await InsertAsync(missing.Select(p => p.Kind == Baseline ? p
            : p with { DueOn = p.DueOn.AddMonths(AfterCompletion.Single(a => a.Kind == p.Kind).Months) }));

        var orphans = await db.QueryAsync<Row>(
            """
            SELECT f.Id, f.Version
            FROM FollowUps f JOIN Enrollments e ON e.Id = f.EnrollmentId
            WHERE f.Kind <> 'Baseline' AND f.Status = 'Due' AND e.Status <> 'Completed' AND (@cohortId IS NULL OR e.CohortId = @cohortId)
            ORDER BY f.Id
            """, new { cohortId });
        foreach (var orphan in orphans) await audited.DeleteAsync("FollowUps", orphan.Id, orphan.Version, "Unschedule");
        return (added, orphans.Count);
    }

    private sealed record Planned
    {
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public DateOnly DueOn { get; init; }
        public string Kind { get; init; } = "";
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public int Version { get; init; }
    }

    private async Task<int> InsertAsync(IEnumerable<Planned> rows)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var row in rows)
        {
            await audited.InsertAsync("FollowUps", new { row.EnrollmentId, row.PersonId, row.Kind, row.DueOn, Status = Due, CreatedAt = now });
            count++;
        }
        return count;
    }

    // ----- reads -----

    public sealed record FollowUp
    {
        public long Id { get; init; }
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? DoneOn { get; init; }
        public string? DoneByName { get; init; }
        public string? Method { get; init; }
        public string? WorkStatus { get; init; }
        public Money? SkillIncome { get; init; }
        public Money? TotalIncome { get; init; }
        public bool? UsesSkill { get; init; }
        public bool? SavesRegularly { get; init; }
        public string? MissedReason { get; init; }
        public string? Note { get; init; }
        public int Version { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public string? Phone { get; init; }
        public long VillageId { get; init; }
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public long DistrictId { get; init; }
        public string DistrictName { get; init; } = "";
        public string CohortCode { get; init; } = "";

        /// <summary>Per <see cref="SelfReliance"/>; filled by <see cref="ForPersonAsync"/> only (null: nothing to judge).</summary>
        public bool? SelfReliant { get; init; }

        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);
        public bool IsOverdueOn(DateOnly today) => Status == Due && DueOn < today;
    }

    /// <summary>The columns and joins every follow-up read shares: the answers, the person's contact and place, the cohort.</summary>
    public const string Columns = """
        f.Id, f.EnrollmentId, f.PersonId, f.Kind, f.DueOn, f.Status, f.DoneOn, du.DisplayName AS DoneByName, f.Method, f.WorkStatus,
        f.SkillIncomeSatang AS SkillIncome, f.TotalIncomeSatang AS TotalIncome, f.UsesSkill, f.SavesRegularly, f.MissedReason, f.Note,
        f.Version, p.FullNameTh, p.Nickname, p.Phone, v.Id AS VillageId, v.VillageNumber, v.NameTh AS VillageName,
        s.DistrictId, d.NameTh AS DistrictName, c.Code AS CohortCode
        """;

    public const string Joins = """
        FROM FollowUps f
        JOIN People p ON p.Id = f.PersonId
        JOIN Villages v ON v.Id = p.VillageId
        JOIN Subdistricts s ON s.Id = v.SubdistrictId
        JOIN Districts d ON d.Id = s.DistrictId
        JOIN Enrollments e ON e.Id = f.EnrollmentId
        JOIN Cohorts c ON c.Id = e.CohortId
        LEFT JOIN Users du ON du.Id = f.DoneByUserId
        """;

    public Task<FollowUp?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<FollowUp>($"SELECT {Columns} {Joins} WHERE f.Id = @id", new { id });

    /// <summary>The follow-ups of a person the user may see, in order of due date, each judged self-reliant or not against the line.</summary>
    public Task<IReadOnlyList<FollowUp>> ForPersonAsync(long personId, Money selfRelianceLine)
        => db.QueryAsync<FollowUp>(
            $"""
            SELECT {Columns}, {SelfReliance.Sql("f")} AS SelfReliant {Joins}
            WHERE f.PersonId = @personId AND {scope.Condition(ResourceKind.FollowUp, "f.Id")}
            ORDER BY f.DueOn, f.Id
            """, new { personId, SelfRelianceLineSatang = selfRelianceLine.Satang, ScopeUserId = scope.UserId });

    /// <summary>
    /// The menu's count: the follow-ups overdue that the user may see (all of them for managers, counted on the status
    /// index alone: it is shown on every page a manager opens).
    /// </summary>
    public Task<int> OverdueCountAsync()
        => db.ExecuteScalarAsync<int>(
            $"SELECT COUNT(1) FROM FollowUps f WHERE f.Status = 'Due' AND f.DueOn < @Today AND {scope.Condition(ResourceKind.FollowUp, "f.Id")}",
            new { Today, ScopeUserId = scope.UserId });

    /// <summary>The districts a field officer is assigned to.</summary>
    public Task<IReadOnlyList<LocationQueries.Option>> DistrictsOfAsync(long userId)
        => db.QueryAsync<LocationQueries.Option>(
            $"SELECT d.Id, d.NameTh AS Name FROM Districts d WHERE d.Id IN ({ScopeRules.OfficersDistricts}) ORDER BY d.NameTh, d.Id",
            new { ScopeUserId = userId });
}
