namespace Livelihood.Web.Platform.Auth;

/// <summary>The kinds of record whose rows a user may or may not reach (docs/scopes.md).</summary>
public enum ResourceKind { Person, Cohort, Session, Enrollment, Group, LedgerEntry, FollowUp, Alert, ExportFile, Import }

/// <summary>
/// What a user wants to do with a row: read it; change it (attendance, sessions, enrollments, ledger entries, follow-ups,
/// consents); or manage it (a cohort's status and set-up, a group's members and products, merging people).
/// </summary>
public enum Access { Read, Change, Manage }

/// <summary>
/// The one rule of who may reach which rows, for every role and kind, written as SQL so that the page filter
/// (<see cref="ScopeFilter"/>), the lists and the searches all answer from the same text. The user is the parameter
/// @ScopeUserId. The table is in docs/scopes.md ("Who sees what").
/// </summary>
public static class ScopeRules
{
    /// <summary>The cohorts a trainer teaches.</summary>
    private const string TrainersCohorts =
        "SELECT tc.ScopeId FROM UserScopes tc WHERE tc.UserId = @ScopeUserId AND tc.ScopeKind = 'Cohort'";

    /// <summary>The districts a field officer works in (set by an admin on the user's page).</summary>
    public const string OfficersDistricts =
        "SELECT od.ScopeId FROM UserScopes od WHERE od.UserId = @ScopeUserId AND od.ScopeKind = 'District'";

    private const string OfficersVillages =
        $"SELECT ov.Id FROM Villages ov JOIN Subdistricts os ON os.Id = ov.SubdistrictId WHERE os.DistrictId IN ({OfficersDistricts})";

    private const string OfficersPeople = $"SELECT op.Id FROM People op WHERE op.VillageId IN ({OfficersVillages})";

    private const string OfficersGroups = $"SELECT og.Id FROM ProducerGroups og WHERE og.VillageId IN ({OfficersVillages})";

    /// <summary>The group a recorder keeps.</summary>
    private const string RecordersGroups =
        "SELECT rg.ScopeId FROM UserScopes rg WHERE rg.UserId = @ScopeUserId AND rg.ScopeKind = 'ProducerGroup'";

    /// <summary>The table that holds the rows of a kind (its key is Id).</summary>
    public static string Table(ResourceKind kind) => kind switch
    {
        ResourceKind.Person => "People",
        ResourceKind.Cohort => "Cohorts",
        ResourceKind.Session => "Sessions",
        ResourceKind.Enrollment => "Enrollments",
        ResourceKind.Group => "ProducerGroups",
        ResourceKind.LedgerEntry => "LedgerEntries",
        ResourceKind.FollowUp => "FollowUps",
        ResourceKind.Alert => "AbsenceAlerts",
        ResourceKind.ExportFile => "DashboardExports",
        ResourceKind.Import => "PeopleImports",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The ids of the rows of <paramref name="kind"/> a user of <paramref name="role"/> may reach for
    /// <paramref name="access"/>, as a subquery; <see cref="Everything"/> when every row, <see cref="Nothing"/> when none.
    /// </summary>
    public static string Ids(ResourceKind kind, string? role, Access access) => (kind, role, access) switch
    {
        // Files a user made are theirs alone, whatever the role: an export or an import holds people's rows.
        (ResourceKind.ExportFile, not null, Access.Read) => "SELECT xf.Id FROM DashboardExports xf WHERE xf.RequestedByUserId = @ScopeUserId",
        (ResourceKind.Import, not null, Access.Read or Access.Change) => "SELECT im.Id FROM PeopleImports im WHERE im.UploadedByUserId = @ScopeUserId",
        (ResourceKind.ExportFile or ResourceKind.Import, _, _) => Nothing,

        (_, Roles.Admin or Roles.Manager, _) => Everything,

        (ResourceKind.Cohort, Roles.Trainer, Access.Read or Access.Change) => TrainersCohorts,
        (ResourceKind.Session, Roles.Trainer, Access.Read or Access.Change) => $"SELECT ts.Id FROM Sessions ts WHERE ts.CohortId IN ({TrainersCohorts})",
        (ResourceKind.Enrollment, Roles.Trainer, Access.Read or Access.Change) => $"SELECT te.Id FROM Enrollments te WHERE te.CohortId IN ({TrainersCohorts})",
        // A trainer reads (never changes) the people of the cohorts they teach, sensitive fields masked.
        (ResourceKind.Person, Roles.Trainer, Access.Read) => $"SELECT tp.PersonId FROM Enrollments tp WHERE tp.CohortId IN ({TrainersCohorts})",

        (ResourceKind.Person, Roles.FieldOfficer, Access.Read or Access.Change) => OfficersPeople,
        (ResourceKind.FollowUp, Roles.FieldOfficer, Access.Read or Access.Change) => $"SELECT ff.Id FROM FollowUps ff WHERE ff.PersonId IN ({OfficersPeople})",
        (ResourceKind.Alert, Roles.FieldOfficer, Access.Read or Access.Change) => $"SELECT fa.Id FROM AbsenceAlerts fa WHERE fa.PersonId IN ({OfficersPeople})",
        (ResourceKind.Group, Roles.FieldOfficer, _) => OfficersGroups,
        (ResourceKind.LedgerEntry, Roles.FieldOfficer, Access.Read or Access.Change) => $"SELECT fl.Id FROM LedgerEntries fl WHERE fl.GroupId IN ({OfficersGroups})",

        (ResourceKind.Group, Roles.GroupRecorder, Access.Read or Access.Change) => RecordersGroups,
        (ResourceKind.LedgerEntry, Roles.GroupRecorder, Access.Read or Access.Change) => $"SELECT rl.Id FROM LedgerEntries rl WHERE rl.GroupId IN ({RecordersGroups})",

        _ => Nothing,
    };

    /// <summary>The districts a user of <paramref name="role"/> may register people, groups and villages in, as <see cref="Ids"/>.</summary>
    public static string DistrictIds(string? role) => role switch
    {
        Roles.Admin or Roles.Manager => Everything,
        Roles.FieldOfficer => OfficersDistricts,
        _ => Nothing,
    };

    /// <summary>The villages of those districts, as <see cref="Ids"/>.</summary>
    public static string VillageIds(string? role) => role switch
    {
        Roles.Admin or Roles.Manager => Everything,
        Roles.FieldOfficer => OfficersVillages,
        _ => Nothing,
    };

    public const string Everything = "*";
    public const string Nothing = "";

    /// <summary>A SQL condition: the row whose id is <paramref name="idColumn"/> is one the user may reach.</summary>
    public static string Condition(ResourceKind kind, string? role, Access access, string idColumn)
        => InCondition(idColumn, Ids(kind, role, access));

    public static string InCondition(string idColumn, string ids) => ids switch
    {
        Everything => "1 = 1",
        Nothing => "1 = 0",
        _ => $"{idColumn} IN ({ids})",
    };
}
