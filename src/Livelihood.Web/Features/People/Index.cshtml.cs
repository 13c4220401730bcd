using Dapper;
using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Livelihood.Web.Features.People;

/// <summary>
/// The people registry: search, filters and paging, all in SQL, in a stable order (Thai name, then id), of the people in
/// the user's scope (a trainer: their cohorts' people; a field officer: their districts').
/// </summary>
[Authorize(Policy = Policies.SeePeople)]
[Lists(ResourceKind.Person, Search = "Filter.Search")]
public sealed class IndexModel(
    IndexModel.Handler handler, TimeProvider clock, CurrentUser user, Scope scope) : PageModel
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

    public record Row
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

    /// <summary>A person as exported: the list's columns and the rest of the record (the sensitive ones only when asked for).</summary>
    public sealed record ExportRow : Row
    {
        public string SubdistrictName { get; init; } = "";
        public string CitizenshipStatus { get; init; } = "";
        public string? Education { get; init; }
        public string? GuardianName { get; init; }
        public string? GuardianRelation { get; init; }
        public string? GuardianPhone { get; init; }
        public string? IdNumber { get; init; }
        public string? Ethnicity { get; init; }
        public string? VulnerabilityFlags { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Filters Filter { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<Row> People { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<LocationQueries.Option> Districts { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Village> Villages { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Who registers people may import and export them (whoever else may come to see the list does not).</summary>
    public bool MayExport => scope.Reaches(ResourceKind.Person, Access.Change);

    public bool MayExportSensitive => ExportModel.MayExportSensitive(user);

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        People = await handler.ListAsync(Filter, Today, PageNumber);
        Districts = await handler.DistrictsWithPeopleAsync();
        Villages = Filter.DistrictId is { } district ? await handler.VillagesWithPeopleAsync(district) : [];
    }

    public sealed class Handler(DbSession db, IMemoryCache cache, Scope scope)
    {
        /// <summary>The list's order: the export uses it too, so a file lists people exactly as the pages do.</summary>
        private const string OrderBy = "ORDER BY p.FullNameTh, p.Id";

        /// <summary>
        /// The filters that are set, as conditions on People p with their parameters, shared by the page of rows, the count
        /// and the export. A filter left empty stays out of the statement (values are always parameters), so a search
        /// alone is answered from its index: the search is kept apart from the other conditions for that.
        /// </summary>
        private sealed record Filtering(PeopleSearch? Search, IReadOnlyList<string> Others, DynamicParameters Parameters, SqlDialect Dialect)
        {
            public string Where()
            {
                var conditions = Search is null ? Others : [Search.Condition(Dialect, withVillageName: true), .. Others];
                return conditions.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", conditions);
            }

            /// <summary>A search alone is counted from its index, without reading a row of People.</summary>
            public string Count => Search is not null && Others.Count == 0
                ? $"SELECT COUNT(1) FROM ({Search.Ids(Dialect, withVillageName: true)}) found"
                : $"SELECT COUNT(1) FROM People p {Where()}";
        }

        private Filtering Filtered(Filters filter, DateOnly today)
        {
            var parameters = new DynamicParameters();
            var others = new List<string>();
            void When(bool set, string condition, object values)
            {
                if (!set) return;
                others.Add(condition);
                parameters.AddDynamicParams(values);
            }

            var search = PeopleSearch.For(filter.Search);
            search?.AddTo(parameters);
            When(filter.DistrictId is not null,
                "p.VillageId IN (SELECT Id FROM Villages WHERE SubdistrictId IN (SELECT Id FROM Subdistricts WHERE DistrictId = @DistrictId))",
                new { filter.DistrictId });
            When(filter.VillageId is not null, "p.VillageId = @VillageId", new { filter.VillageId });
            When(!string.IsNullOrEmpty(filter.Sex), "p.Sex = @Sex", new { filter.Sex });
            When(!string.IsNullOrEmpty(filter.Status), "p.Status = @Status", new { filter.Status });
            When(!scope.ReachesAll(ResourceKind.Person, Access.Read), scope.Condition(ResourceKind.Person, "p.Id"), new { ScopeUserId = scope.UserId });
            if (PersonAge.Bands.Any(b => b.Code == filter.AgeBand))
            {
                var (bornFrom, bornTo, yearFrom, yearTo) = PersonAge.BirthRange(filter.AgeBand!, today);
                When(true, """
                    ((p.BirthDate IS NOT NULL AND p.BirthDate >= @BornFrom AND p.BirthDate <= @BornTo)
                     OR (p.BirthDate IS NULL AND p.BirthYear >= @YearFrom AND p.BirthYear <= @YearTo))
                    """, new { BornFrom = bornFrom, BornTo = bornTo, YearFrom = yearFrom, YearTo = yearTo });
            }
            return new Filtering(search, others, parameters, db.Dialect);
        }

        /// <summary>The rows the list shows, for the people whose ids the inner SELECT gives.</summary>
        private static string Rows(string columns) => $"""
            SELECT {columns}
            FROM People p
            JOIN Villages v ON v.Id = p.VillageId
            JOIN Subdistricts s ON s.Id = v.SubdistrictId
            JOIN Districts d ON d.Id = s.DistrictId
            """;

        public async Task<Paged<Row>> ListAsync(Filters filter, DateOnly today, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var filtering = Filtered(filter, today);
            filtering.Parameters.Add("Skip", skip);
            filtering.Parameters.Add("Take", PageSize);
            var found = await db.ExecuteScalarAsync<int>(filtering.Count, filtering.Parameters);
            if (await PeopleToReadInOrderAsync(filtering, found, skip) is { } lookahead)
            {
                filtering.Parameters.Add("Lookahead", lookahead);
                var early = await PageAsync(filtering, "(SELECT Id, FullNameTh FROM People ORDER BY FullNameTh, Id LIMIT @Lookahead)");
                if (early.Count == Math.Clamp(found - skip, 0, PageSize)) return new Paged<Row>(early, number, PageSize, found);
            }
            return new Paged<Row>(await PageAsync(filtering, "People"), number, PageSize, found);
        }

        /// <summary>
        /// A search that finds many people spread across the registry has its page among the people who come first in
        /// the list's order. Reading those from the name index costs less than looking up every person found to sort
        /// them (at national scale a common family name finds 2 000 people, "แก้ว" 22 000). This is how many people to
        /// read in order, or null where sorting costs less: three times what an even spread would need, and no more
        /// than twice the number found. Matches can cluster (a given name lies after its title), so a page not complete
        /// among them is sorted after all. Only for a search alone answered by its index, where the count costs little
        /// (SQLite's, so the LIMIT is SQLite's too).
        /// </summary>
        private async Task<int?> PeopleToReadInOrderAsync(Filtering filtering, int found, int skip)
        {
            if (filtering.Search?.IsIndexed(db.Dialect) != true || filtering.Others.Count > 0 || found <= skip) return null;
            var registered = await db.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(Id), 0) FROM People");
            var names = 3.0 * (skip + PageSize) * registered / found;
            return names <= 2.0 * found ? (int)Math.Ceiling(names) : null;
        }

        /// <summary>The page's rows in the list's order, from People or from the first of them in that order.</summary>
        private Task<IReadOnlyList<Row>> PageAsync(Filtering filtering, string people)
            // The page's ids first, then their villages, districts and consents: 25 rows joined, not every row found.
            => db.QueryAsync<Row>(
                $"""
                {Rows($"""
                    p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Sex, p.BirthDate, p.BirthYear,
                    v.VillageNumber, v.NameTh AS VillageName, d.NameTh AS DistrictName, p.Phone, p.Status,
                    {PeopleQueries.HasDataConsentSql} AS HasDataConsent
                    """)}
                WHERE p.Id IN ({db.Dialect.Page($"SELECT p.Id FROM {people} p {filtering.Where()} {OrderBy}")})
                {OrderBy}
                """, filtering.Parameters);

        /// <summary>
        /// Every person the filter finds, in the list's order, streamed: the list's own query without paging. The
        /// sensitive columns are read only when they are to be exported.
        /// </summary>
        public async IAsyncEnumerable<ExportRow> ExportAsync(Filters filter, DateOnly today, bool sensitive)
        {
            var filtering = Filtered(filter, today);
            var connection = await db.ConnectionAsync();
            var rows = connection.QueryUnbufferedAsync<ExportRow>(
                $"""
                {Rows($"""
                    p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Sex, p.BirthDate, p.BirthYear,
                    v.VillageNumber, v.NameTh AS VillageName, s.NameTh AS SubdistrictName, d.NameTh AS DistrictName, p.Phone,
                    p.CitizenshipStatus, p.Education, p.GuardianName, p.GuardianRelation, p.GuardianPhone, p.Status,
                    {PeopleQueries.HasDataConsentSql} AS HasDataConsent
                    {(sensitive ? ", p.IdNumber, p.Ethnicity, p.VulnerabilityFlags" : "")}
                    """)}
                {filtering.Where()}
                {OrderBy}
                """, filtering.Parameters, db.Transaction);
            await foreach (var row in rows) yield return row;
        }

        /// <summary>
        /// The district filter's choices. Every view of the list shows them, and finding them probes each of the country's
        /// districts (2 ms at 100 000 people, a third of a searched page's SQL); they change only when someone is
        /// registered in a district that had nobody, so they are kept for a minute.
        /// </summary>
        public async Task<IReadOnlyList<LocationQueries.Option>> DistrictsWithPeopleAsync()
            => (await cache.GetOrCreateAsync("People.DistrictsWithPeople", entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                return db.QueryAsync<LocationQueries.Option>(
                    """
                    SELECT d.Id, d.NameTh AS Name FROM Districts d
                    WHERE EXISTS (SELECT 1 FROM People p JOIN Villages v ON v.Id = p.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId
                                  WHERE s.DistrictId = d.Id)
                    ORDER BY d.NameTh
                    """);
            }))!;

        public Task<IReadOnlyList<LocationQueries.Village>> VillagesWithPeopleAsync(long districtId)
            => db.QueryAsync<LocationQueries.Village>(
                """
                SELECT v.Id, v.VillageNumber, v.NameTh FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId
                WHERE s.DistrictId = @districtId AND EXISTS (SELECT 1 FROM People p WHERE p.VillageId = v.Id)
                ORDER BY v.NameTh, v.VillageNumber
                """, new { districtId });
    }
}
