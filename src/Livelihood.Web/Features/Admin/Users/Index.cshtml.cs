using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Admin.Users;

[Unscoped("admins only (the Admin folder's policy): user accounts")]
public sealed class IndexModel(IndexModel.Handler handler) : PageModel
{
    public const int PageSize = 25;

    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<Row> Users { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row
    {
        public long Id { get; init; }
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public bool IsActive { get; init; }
    }

    public async Task OnGetAsync() => Users = await handler.ListAsync(Search, Role, PageNumber);

    public sealed class Handler(DbSession db)
    {
        private const string Filter = """
            FROM Users
            WHERE (@Pattern IS NULL OR Email LIKE @Pattern OR DisplayName LIKE @Pattern)
              AND (@Role IS NULL OR Role = @Role)
            """;

        public async Task<Paged<Row>> ListAsync(string? search, string? role, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var parameters = new
            {
                Pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%",
                Role = string.IsNullOrWhiteSpace(role) ? null : role,
                Skip = skip,
                Take = PageSize,
            };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"SELECT Id, DisplayName, Email, Role, IsActive {Filter} ORDER BY DisplayName, Id") +
                $";\nSELECT COUNT(1) {Filter};", parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            var total = await grid.ReadSingleAsync<int>();
            return new Paged<Row>(rows, number, PageSize, total);
        }
    }
}
