using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Groups;

/// <summary>Producer groups with status and member count; search by name, village or trade. A recorder goes to their group.</summary>
[Authorize(Policy = Policies.SeeGroups)]
public sealed class IndexModel(IndexModel.Handler handler, GroupQueries groups) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Trade { get; init; } = "";
        public string VillageName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string Status { get; init; } = "";
        public int Members { get; init; }
    }

    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<Row> Groups { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!groups.CanManage)
            return await groups.RecordersGroupAsync() is { } own ? RedirectToPage("Details", new { id = own }) : Forbid();
        Groups = await handler.ListAsync(Search, Status, PageNumber);
        return Page();
    }

    public sealed class Handler(DbSession db)
    {
        private const string From = """
            FROM ProducerGroups g JOIN Villages v ON v.Id = g.VillageId JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId
            WHERE (@Pattern IS NULL OR g.Name LIKE @Pattern OR g.Trade LIKE @Pattern OR v.NameTh LIKE @Pattern)
              AND (@Status IS NULL OR g.Status = @Status)
            """;

        public async Task<Paged<Row>> ListAsync(string? search, string? status, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var parameters = new
            {
                Pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%",
                Status = string.IsNullOrEmpty(status) ? null : status,
                Skip = skip,
                Take = PageSize,
            };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT g.Id, g.Name, g.Trade, v.NameTh AS VillageName, d.NameTh AS DistrictName, g.Status,
                           (SELECT COUNT(1) FROM GroupMembers m WHERE m.GroupId = g.Id AND m.LeftOn IS NULL) AS Members
                    {From} ORDER BY g.Name, g.Id
                    """) + $";\nSELECT COUNT(1) {From};", parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            return new Paged<Row>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }
    }
}
