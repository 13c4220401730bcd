using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// The follow-ups to do in the user's scope (a field officer: the people of their districts; managers: all): by district
/// and village, earliest due first, with the person's phone; open ones by default, or overdue, done, missed, all. Paged in SQL.
/// </summary>
[Authorize(Policy = Policies.DoFollowUps)]
[Lists(ResourceKind.FollowUp)]
public sealed class IndexModel(IndexModel.Handler handler, FollowUpQueries followUps, FollowUpsNightlyJob digests, CurrentUser user, Scope scope) : PageModel
{
    public const int PageSize = 25;
    public const string Open = "Open";
    public const string Overdue = "Overdue";
    public const string All = "All";
    public static readonly string[] Filters = [Open, Overdue, FollowUpQueries.Done, FollowUpQueries.Missed, All];

    [FromQuery] public long? DistrictId { get; set; }
    [FromQuery] public long? VillageId { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<FollowUpQueries.FollowUp> FollowUps { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<LocationQueries.Option> Districts { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Option> Villages { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string ShownStatus => Filters.Contains(Status) ? Status! : Open;
    /// <summary>A user who sees only some districts' follow-ups (a field officer): their districts and weekly digest are shown.</summary>
    public bool IsOfficer => !scope.ReachesAll(ResourceKind.FollowUp, Access.Read);
    public FollowUpsNightlyJob.Digest? Digest { get; private set; }

    public async Task OnGetAsync()
    {
        Today = followUps.Today;
        Districts = IsOfficer ? await followUps.DistrictsOfAsync(user.Id!.Value) : await handler.DistrictsWithFollowUpsAsync();
        if (DistrictId is { } district && Districts.All(d => d.Id != district)) DistrictId = null;
        Villages = DistrictId is { } chosen ? await handler.VillagesWithFollowUpsAsync(chosen) : [];
        if (VillageId is { } village && Villages.All(v => v.Id != village)) VillageId = null;
        var filter = new Handler.Filter(DistrictId, VillageId,
            ShownStatus switch { Open or Overdue => FollowUpQueries.Due, All => null, var s => s },
            ShownStatus == Overdue ? Today : null);
        FollowUps = await handler.ListAsync(filter, PageNumber);
        if (IsOfficer) Digest = await digests.ThisWeekAsync(user.Id!.Value);
    }

    public sealed class Handler(DbSession db, Scope scope)
    {
        /// <param name="DueBefore">overdue only: due before this day</param>
        public sealed record Filter(long? DistrictId, long? VillageId, string? Status, DateOnly? DueBefore);

        private const string ByStatus = """
            (@Status IS NULL OR f.Status = @Status)
              AND (@DueBefore IS NULL OR f.DueOn < @DueBefore)
            """;

        /// <summary>The place filters, on the person p and the subdistrict s.</summary>
        private const string ByPlace = "(@DistrictId IS NULL OR s.DistrictId = @DistrictId) AND (@VillageId IS NULL OR p.VillageId = @VillageId)";

        private string ByScope => scope.Condition(ResourceKind.FollowUp, "f.Id");

        public async Task<Paged<FollowUpQueries.FollowUp>> ListAsync(Filter filter, int? page)
        {
            var (number, skip) = Paged<FollowUpQueries.FollowUp>.Window(page, PageSize);
            var parameters = new { filter.DistrictId, filter.VillageId, filter.Status, filter.DueBefore, ScopeUserId = scope.UserId, Skip = skip, Take = PageSize };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT {FollowUpQueries.Columns}
                    {FollowUpQueries.Joins}
                    WHERE {ByScope} AND {ByPlace} AND {ByStatus}
                    ORDER BY f.DueOn, f.Id
                    """) + $"""
                    ;
                    SELECT COUNT(1) FROM FollowUps f WHERE {ByStatus} AND {ByScope}
                    {(filter.DistrictId is null && filter.VillageId is null
                        // Every follow-up's person lives in a village (foreign keys). The place's people are gathered
                        // once when asked for: joining each open follow-up of a national programme to its person's
                        // place cost ~130 ms a view.
                        ? ""
                        : $"""
                            AND f.PersonId IN (
                                SELECT p.Id FROM People p
                                JOIN Villages v ON v.Id = p.VillageId
                                JOIN Subdistricts s ON s.Id = v.SubdistrictId
                                WHERE {ByPlace})
                            """)};
                    """, parameters);
            var rows = (await grid.ReadAsync<FollowUpQueries.FollowUp>()).ToList();
            return new Paged<FollowUpQueries.FollowUp>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }

        /// <summary>The districts whose people have follow-ups, for a manager's filter.</summary>
        public Task<IReadOnlyList<LocationQueries.Option>> DistrictsWithFollowUpsAsync()
            => db.QueryAsync<LocationQueries.Option>(
                """
                SELECT d.Id, d.NameTh AS Name FROM Districts d
                WHERE EXISTS (SELECT 1 FROM FollowUps f JOIN People p ON p.Id = f.PersonId JOIN Villages v ON v.Id = p.VillageId
                              JOIN Subdistricts s ON s.Id = v.SubdistrictId WHERE s.DistrictId = d.Id)
                ORDER BY d.NameTh, d.Id
                """);

        /// <summary>The villages of a district whose people have follow-ups.</summary>
        public async Task<IReadOnlyList<LocationQueries.Option>> VillagesWithFollowUpsAsync(long districtId)
            => (await db.QueryAsync<Village>(
                """
                SELECT v.Id, v.VillageNumber, v.NameTh FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId
                WHERE s.DistrictId = @districtId
                  AND EXISTS (SELECT 1 FROM FollowUps f JOIN People p ON p.Id = f.PersonId WHERE p.VillageId = v.Id)
                ORDER BY v.NameTh, v.VillageNumber, v.Id
                """, new { districtId }))
                .Select(v => new LocationQueries.Option { Id = v.Id, Name = LocationQueries.VillageLabel(v.VillageNumber, v.NameTh) })
                .ToList();

        private sealed record Village
        {
            public long Id { get; init; }
            public int VillageNumber { get; init; }
            public string NameTh { get; init; } = "";
        }
    }
}
