using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Platform.Settings;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Groups;

/// <summary>Producer groups with status and member count; search by name, village or trade. A recorder goes to their group.</summary>
[Authorize(Policy = Policies.SeeGroups)]
[Lists(ResourceKind.Group, Search = "search")]
public sealed class IndexModel(IndexModel.Handler handler, GroupQueries groups, Scope scope, AppSettings settings, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    /// <summary>A group with no sale for this many days is flagged as possibly dormant (a field officer should visit).</summary>
    public const int DormantAfterDays = 60;

    public sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Trade { get; init; } = "";
        public string VillageName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string Status { get; init; } = "";
        public int Members { get; init; }
        public DateOnly? LastSaleOn { get; init; }
        public Money SalesThisFiscalYear { get; init; }
        public bool PossiblyDormant { get; init; }
    }

    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery] public bool Dormant { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<Row> Groups { get; private set; } = new([], 1, PageSize, 0);
    public DateOnly FiscalYearStart { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // A group recorder manages no group: they go straight to the one they keep.
        if (!scope.Reaches(ResourceKind.Group, Access.Manage))
            return await groups.FirstInScopeAsync() is { } own ? RedirectToPage("Details", new { id = own }) : Forbid();
        var today = DisplayDates.ThaiToday(clock);
        FiscalYearStart = await settings.FiscalYearStartOfAsync(today);
        Groups = await handler.ListAsync(new Filter(Search, Status, Dormant), today, FiscalYearStart, PageNumber);
        return Page();
    }

    public sealed record Filter(string? Search, string? Status, bool DormantOnly);

    public sealed class Handler(DbSession db, Scope scope)
    {
        private const string From = """
            FROM ProducerGroups g JOIN Villages v ON v.Id = g.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId
            """;

        /// <summary>An active group without a live sale since @DormantSince: one definition for the flag and the filter.</summary>
        private static string Dormant(string group) => $"""
            ({group}.Status = 'Active' AND NOT EXISTS (SELECT 1 FROM LedgerEntries e
                WHERE e.GroupId = {group}.Id AND e.Kind = 'Sale' AND e.VoidedAt IS NULL AND e.EntryDate >= @DormantSince))
            """;

        private string Where => $"""
            WHERE {scope.Condition(ResourceKind.Group, "g.Id")}
              AND (@Pattern IS NULL OR g.Name LIKE @Pattern OR g.Trade LIKE @Pattern OR v.NameTh LIKE @Pattern)
              AND (@Status IS NULL OR g.Status = @Status)
              AND (@DormantOnly = 0 OR {Dormant("g")})
            """;

        /// <summary>
        /// One page of groups, then per group on the page its members, last sale, sales since the fiscal year began and
        /// the dormant flag: index seeks on the ledger for 25 groups, not sums over every group.
        /// </summary>
        public async Task<Paged<Row>> ListAsync(Filter filter, DateOnly today, DateOnly fiscalYearStart, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var parameters = new
            {
                Pattern = string.IsNullOrWhiteSpace(filter.Search) ? null : $"%{filter.Search.Trim()}%",
                Status = string.IsNullOrEmpty(filter.Status) ? null : filter.Status,
                filter.DormantOnly,
                DormantSince = today.AddDays(-DormantAfterDays),
                FiscalYearStart = fiscalYearStart,
                ScopeUserId = scope.UserId,
                Skip = skip,
                Take = PageSize,
            };
            var pageOfGroups = db.Dialect.Page($"""
                SELECT g.Id, g.Name, g.Trade, v.NameTh AS VillageName, d.NameTh AS DistrictName, g.Status
                {From} {Where} ORDER BY g.Name, g.Id
                """);
            using var grid = await db.QueryMultipleAsync(
                $"""
                WITH listed AS ({pageOfGroups})
                SELECT g.Id, g.Name, g.Trade, g.VillageName, g.DistrictName, g.Status,
                       (SELECT COUNT(1) FROM GroupMembers m WHERE m.GroupId = g.Id AND m.LeftOn IS NULL) AS Members,
                       (SELECT MAX(e.EntryDate) FROM LedgerEntries e WHERE e.GroupId = g.Id AND e.Kind = 'Sale' AND e.VoidedAt IS NULL) AS LastSaleOn,
                       (SELECT COALESCE(SUM(e.Amount), 0) FROM LedgerEntries e
                        WHERE e.GroupId = g.Id AND e.Kind = 'Sale' AND e.VoidedAt IS NULL AND e.EntryDate >= @FiscalYearStart) AS SalesThisFiscalYear,
                       CASE WHEN {Dormant("g")} THEN 1 ELSE 0 END AS PossiblyDormant
                FROM listed g ORDER BY g.Name, g.Id;
                SELECT COUNT(1) {From} {Where};
                """, parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            return new Paged<Row>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }
    }
}
