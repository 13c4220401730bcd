using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.Groups;

/// <summary>A producer group's facts: shared by the group and ledger pages.</summary>
public sealed class GroupQueries(DbSession db, Scope scope)
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

    /// <summary>The first group the user may see (the one a recorder keeps), if any.</summary>
    public Task<long?> FirstInScopeAsync()
        => db.QuerySingleOrDefaultAsync<long?>(
            $"SELECT MIN(g.Id) FROM ProducerGroups g WHERE {scope.Condition(ResourceKind.Group, "g.Id")}", new { ScopeUserId = scope.UserId });
}
