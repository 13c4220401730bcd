using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Cohorts.Courses;

/// <summary>The trades taught, for managers to set up: search by name or category, paged.</summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
[Unscoped("organisation set-up: the courses taught, no one's record")]
public sealed class IndexModel(IndexModel.Handler handler) : PageModel
{
    public const int PageSize = 25;

    [FromQuery] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<Row> Courses { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row
    {
        public long Id { get; init; }
        public string NameTh { get; init; } = "";
        public string? NameEn { get; init; }
        public string Category { get; init; } = "";
        public int StandardHours { get; init; }
        public int CompletionThresholdPercent { get; init; }
        public bool AssessmentRequired { get; init; }
        public bool IsActive { get; init; }
    }

    public async Task OnGetAsync() => Courses = await handler.ListAsync(Search, PageNumber);

    public sealed class Handler(DbSession db)
    {
        private const string Filter = "FROM Courses WHERE (@Pattern IS NULL OR NameTh LIKE @Pattern OR NameEn LIKE @Pattern OR Category LIKE @Pattern)";

        public async Task<Paged<Row>> ListAsync(string? search, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var parameters = new { Pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%", Skip = skip, Take = PageSize };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT Id, NameTh, NameEn, Category, StandardHours, CompletionThresholdPercent, AssessmentRequired, IsActive
                    {Filter} ORDER BY IsActive DESC, NameTh, Id
                    """) + $";\nSELECT COUNT(1) {Filter};", parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            return new Paged<Row>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }
    }
}
