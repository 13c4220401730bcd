using Livelihood.Data;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.Locations;

/// <summary>Provinces → districts → subdistricts (reference data) → villages (added by users).</summary>
public sealed class LocationQueries(DbSession db, Scope scope)
{
    public sealed record Option
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>A village is named with its number, as people say it: "หมู่ 5 บ้านปิน".</summary>
    public sealed record Village
    {
        public long Id { get; init; }
        public int VillageNumber { get; init; }
        public string NameTh { get; init; } = "";
        public string Label => VillageLabel(VillageNumber, NameTh);
    }

    /// <summary>Where a village is: the ids of its chain, for preselecting the picker.</summary>
    public sealed record Chain
    {
        public long VillageId { get; init; }
        public long SubdistrictId { get; init; }
        public long DistrictId { get; init; }
        public long ProvinceId { get; init; }
    }

    public static string VillageLabel(int villageNumber, string name) => $"หมู่ {villageNumber} {name}";

    /// <summary>Whether the user may register people or groups in the village (a field officer: in their districts).</summary>
    public async Task<bool> MayPlaceInAsync(long villageId)
        => await db.ExecuteScalarAsync<int>(
            $"SELECT COUNT(1) FROM Villages v WHERE v.Id = @villageId AND {scope.VillageCondition("v.Id")}",
            new { villageId, ScopeUserId = scope.UserId }) > 0;

    // The picker offers only the places the user may register in: a field officer's districts.
    public Task<IReadOnlyList<Option>> ProvincesAsync()
        => db.QueryAsync<Option>(
            $"SELECT p.Id, p.NameTh AS Name FROM Provinces p WHERE EXISTS (SELECT 1 FROM Districts d WHERE d.ProvinceId = p.Id AND {scope.DistrictCondition("d.Id")}) ORDER BY p.NameTh",
            new { ScopeUserId = scope.UserId });

    public Task<IReadOnlyList<Option>> DistrictsAsync(long provinceId)
        => db.QueryAsync<Option>(
            $"SELECT d.Id, d.NameTh AS Name FROM Districts d WHERE d.ProvinceId = @provinceId AND {scope.DistrictCondition("d.Id")} ORDER BY d.NameTh",
            new { provinceId, ScopeUserId = scope.UserId });

    public Task<IReadOnlyList<Option>> SubdistrictsAsync(long districtId)
        => db.QueryAsync<Option>("SELECT Id, NameTh AS Name FROM Subdistricts WHERE DistrictId = @districtId ORDER BY NameTh", new { districtId });

    public Task<IReadOnlyList<Village>> VillagesAsync(long subdistrictId)
        => db.QueryAsync<Village>(
            "SELECT Id, VillageNumber, NameTh FROM Villages WHERE SubdistrictId = @subdistrictId ORDER BY VillageNumber",
            new { subdistrictId });

    public Task<Chain?> ChainAsync(long villageId)
        => db.QuerySingleOrDefaultAsync<Chain>(
            """
            SELECT v.Id AS VillageId, s.Id AS SubdistrictId, d.Id AS DistrictId, d.ProvinceId
            FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId
            WHERE v.Id = @villageId
            """, new { villageId });

    /// <summary>The district a subdistrict belongs to, or null when there is no such subdistrict.</summary>
    public Task<long?> DistrictOfAsync(long subdistrictId)
        => db.QuerySingleOrDefaultAsync<long?>("SELECT DistrictId FROM Subdistricts WHERE Id = @subdistrictId", new { subdistrictId });

    /// <summary>Whether the user may add villages and register people in the district (a field officer: one of theirs).</summary>
    public async Task<bool> MayPlaceInDistrictAsync(long districtId)
        => await db.ExecuteScalarAsync<int>(
            $"SELECT COUNT(1) FROM Districts d WHERE d.Id = @districtId AND {scope.DistrictCondition("d.Id")}",
            new { districtId, ScopeUserId = scope.UserId }) > 0;

    public async Task<bool> VillageNumberTakenAsync(long subdistrictId, int villageNumber)
        => await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM Villages WHERE SubdistrictId = @subdistrictId AND VillageNumber = @villageNumber",
            new { subdistrictId, villageNumber }) > 0;

    /// <summary>A village with the names of the places above it, for showing where something is.</summary>
    public sealed record Place
    {
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string SubdistrictName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string ProvinceName { get; init; } = "";
        public string VillageLabel => VillageLabel(VillageNumber, VillageName);
    }

    public Task<Place?> PlaceAsync(long villageId)
        => db.QuerySingleOrDefaultAsync<Place>(
            """
            SELECT v.VillageNumber, v.NameTh AS VillageName, s.NameTh AS SubdistrictName, d.NameTh AS DistrictName, p.NameTh AS ProvinceName
            FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId JOIN Provinces p ON p.Id = d.ProvinceId
            WHERE v.Id = @villageId
            """, new { villageId });
}
