using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.Groups;

/// <summary>A producer group's facts and who may see it: shared by the group pages (and the ledger to come).</summary>
public sealed class GroupQueries(DbSession db, CurrentUser user)
{
    public const string RecorderScope = "ProducerGroup";
    public static readonly string[] Statuses = ["Forming", "Active", "Dormant", "Closed"];
    public static readonly string[] MemberRoles = ["Chair", "Treasurer", "Secretary", "Member"];

    public sealed record Group
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public long VillageId { get; init; }
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string SubdistrictName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string Trade { get; init; } = "";
        public DateOnly? FoundedOn { get; init; }
        public string? RegistrationNumber { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);
    }

    public Task<Group?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Group>(
            """
            SELECT g.Id, g.Name, g.VillageId, v.VillageNumber, v.NameTh AS VillageName, s.NameTh AS SubdistrictName, d.NameTh AS DistrictName,
                   g.Trade, g.FoundedOn, g.RegistrationNumber, g.Status, g.Version
            FROM ProducerGroups g JOIN Villages v ON v.Id = g.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId
            WHERE g.Id = @id
            """, new { id });

    /// <summary>Managers, admins and field officers manage every group.</summary>
    public bool CanManage => user.Role is Roles.Manager or Roles.Admin or Roles.FieldOfficer;

    /// <summary>A group recorder sees only the group they keep; those who manage groups see all.</summary>
    public async Task<bool> CanSeeAsync(long groupId)
        => CanManage
           || (user.Role == Roles.GroupRecorder && await db.ExecuteScalarAsync<int>(
               "SELECT COUNT(1) FROM UserScopes WHERE UserId = @UserId AND ScopeKind = @Kind AND ScopeId = @groupId",
               new { UserId = user.Id, Kind = RecorderScope, groupId }) > 0);

    /// <summary>The group a recorder keeps, if any.</summary>
    public Task<long?> RecordersGroupAsync()
        => db.QuerySingleOrDefaultAsync<long?>(
            "SELECT MIN(ScopeId) FROM UserScopes WHERE UserId = @UserId AND ScopeKind = @Kind", new { UserId = user.Id, Kind = RecorderScope });
}
