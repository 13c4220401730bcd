using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.People;

/// <summary>The people registry: search, filters and paging, all in SQL, in a stable order (Thai name, then id).</summary>
[Authorize(Policy = Policies.RegisterPeople)]
public sealed class IndexModel(IndexModel.Handler handler, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed class Filters
    {
        public string? Search { get; set; }
        public long? DistrictId { get; set; }
        public long? VillageId { get; set; }
        public string? Sex { get; set; }
        public string? AgeBand { get; set; }
        public string? Status { get; set; }
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? FullNameLatin { get; init; }
        public string? Nickname { get; init; }
        public string Sex { get; init; } = "";
        public DateOnly? BirthDate { get; init; }
        public int BirthYear { get; init; }
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string? Phone { get; init; }
        public string Status { get; init; } = "";
        public bool HasDataConsent { get; init; }
        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);
    }

    [BindProperty(SupportsGet = true)] public Filters Filter { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<Row> People { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<LocationQueries.Option> Districts { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Village> Villages { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        People = await handler.ListAsync(Filter, Today, PageNumber);
        Districts = await handler.DistrictsWithPeopleAsync();
        Villages = Filter.DistrictId is { } district ? await handler.VillagesWithPeopleAsync(district) : [];
    }

    public sealed class Handler(DbSession db)
    {
        // Every filter is a parameter that is NULL when unused, so there is one statement to read and to index.
        private const string From = """
            FROM People p
            JOIN Villages v ON v.Id = p.VillageId
            JOIN Subdistricts s ON s.Id = v.SubdistrictId
            JOIN Districts d ON d.Id = s.DistrictId
            WHERE (@Pattern IS NULL OR p.FullNameTh LIKE @Pattern OR p.FullNameLatin LIKE @Pattern OR p.Nickname LIKE @Pattern
                   OR p.Phone LIKE @Pattern OR v.NameTh LIKE @Pattern)
              AND (@DistrictId IS NULL OR s.DistrictId = @DistrictId)
              AND (@VillageId IS NULL OR p.VillageId = @VillageId)
              AND (@Sex IS NULL OR p.Sex = @Sex)
              AND (@Status IS NULL OR p.Status = @Status)
              AND (@BornFrom IS NULL
                   OR (p.BirthDate IS NOT NULL AND p.BirthDate >= @BornFrom AND p.BirthDate <= @BornTo)
                   OR (p.BirthDate IS NULL AND p.BirthYear >= @YearFrom AND p.BirthYear <= @YearTo))
            """;

        public async Task<Paged<Row>> ListAsync(Filters filter, DateOnly today, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var band = PersonAge.Bands.Any(b => b.Code == filter.AgeBand) ? PersonAge.BirthRange(filter.AgeBand!, today) : default((DateOnly, DateOnly, int, int)?);
            var parameters = new
            {
                Pattern = string.IsNullOrWhiteSpace(filter.Search) ? null : $"%{filter.Search.Trim()}%",
                filter.DistrictId,
                filter.VillageId,
                Sex = string.IsNullOrEmpty(filter.Sex) ? null : filter.Sex,
                Status = string.IsNullOrEmpty(filter.Status) ? null : filter.Status,
                BornFrom = band?.Item1,
                BornTo = band?.Item2,
                YearFrom = band?.Item3,
                YearTo = band?.Item4,
                Skip = skip,
                Take = PageSize,
            };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Sex, p.BirthDate, p.BirthYear,
                           v.VillageNumber, v.NameTh AS VillageName, d.NameTh AS DistrictName, p.Phone, p.Status,
                           {PeopleQueries.HasDataConsentSql} AS HasDataConsent
                    {From}
                    ORDER BY p.FullNameTh, p.Id
                    """) + $";\nSELECT COUNT(1) {From};", parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            return new Paged<Row>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }

        public Task<IReadOnlyList<LocationQueries.Option>> DistrictsWithPeopleAsync()
            => db.QueryAsync<LocationQueries.Option>(
                """
                SELECT d.Id, d.NameTh AS Name FROM Districts d
                WHERE EXISTS (SELECT 1 FROM People p JOIN Villages v ON v.Id = p.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId
                              WHERE s.DistrictId = d.Id)
                ORDER BY d.NameTh
                """);

        public Task<IReadOnlyList<LocationQueries.Village>> VillagesWithPeopleAsync(long districtId)
            => db.QueryAsync<LocationQueries.Village>(
                """
                SELECT v.Id, v.VillageNumber, v.NameTh FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId
                WHERE s.DistrictId = @districtId AND EXISTS (SELECT 1 FROM People p WHERE p.VillageId = v.Id)
                ORDER BY v.NameTh, v.VillageNumber
                """, new { districtId });
    }
}
