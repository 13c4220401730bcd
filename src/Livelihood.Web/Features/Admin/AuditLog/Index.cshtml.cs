using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Admin.AuditLog;

/// <summary>The audit log, newest first, filtered by record type, who, and a date range (Thailand days).</summary>
[Unscoped("admins only (the Admin folder's policy): every change, to audit")]
public sealed class IndexModel(IndexModel.Handler handler) : PageModel
{
    public const int PageSize = 50;

    [FromQuery] public string? Table { get; set; }
    [FromQuery] public new string? User { get; set; }
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public IReadOnlyList<string> Tables { get; private set; } = [];
    public Paged<Entry> Entries { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Entry
    {
        public long Id { get; init; }
        public DateTime OccurredAt { get; init; }
        public string? UserEmail { get; init; }
        public string Action { get; init; } = "";
        public string TableName { get; init; } = "";
        public long RowId { get; init; }
        public string? OldValues { get; init; }
        public string? NewValues { get; init; }
    }

    public async Task OnGetAsync()
    {
        Tables = await handler.TablesAsync();
        Entries = await handler.ListAsync(Table, User, From, To, PageNumber);
    }

    public sealed class Handler(DbSession db)
    {
        private const string Filter = """
            FROM AuditLog
            WHERE (@Table IS NULL OR TableName = @Table)
              AND (@User IS NULL OR UserEmail LIKE @User)
              AND (@FromUtc IS NULL OR OccurredAt >= @FromUtc)
              AND (@ToUtc IS NULL OR OccurredAt < @ToUtc)
            """;

        public Task<IReadOnlyList<string>> TablesAsync()
            => db.QueryAsync<string>("SELECT DISTINCT TableName FROM AuditLog ORDER BY TableName");

        public async Task<Paged<Entry>> ListAsync(string? table, string? user, DateOnly? from, DateOnly? to, int? page)
        {
            var (number, skip) = Paged<Entry>.Window(page, PageSize);
            var parameters = new
            {
                Table = string.IsNullOrWhiteSpace(table) ? null : table,
                User = string.IsNullOrWhiteSpace(user) ? null : $"%{user.Trim()}%",
                FromUtc = from is { } f ? StartOfThaiDayUtc(f) : (DateTime?)null,
                ToUtc = to is { } t ? StartOfThaiDayUtc(t.AddDays(1)) : (DateTime?)null,
                Skip = skip,
                Take = PageSize,
            };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"SELECT Id, OccurredAt, UserEmail, Action, TableName, RowId, OldValues, NewValues {Filter} ORDER BY Id DESC") +
                $";\nSELECT COUNT(1) {Filter};", parameters);
            var rows = (await grid.ReadAsync<Entry>()).ToList();
            return new Paged<Entry>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }

        private static DateTime StartOfThaiDayUtc(DateOnly day)
            => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - DisplayDates.ThailandOffset, DateTimeKind.Utc);
    }
}
