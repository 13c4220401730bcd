using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// The alert queue for field officers and managers: newest first, by district of the person's village and by status
/// (open by default), paged in SQL: those in the user's scope (a field officer's districts). Each row shows the person's own contact, never a guardian's.
/// </summary>
[Authorize(Policy = Policies.FollowUpAlerts)]
[Lists(ResourceKind.Alert)]
public sealed class IndexModel(IndexModel.Handler handler, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;
    public const string AllStatuses = "All";
    public static readonly string[] Statuses = [AlertQueries.Open, AlertQueries.Resolved, AllStatuses];

    [FromQuery] public long? DistrictId { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<AlertQueries.Alert> Alerts { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<LocationQueries.Option> Districts { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string ShownStatus => Statuses.Contains(Status) ? Status! : AlertQueries.Open;

    public bool IsMinor(AlertQueries.Alert alert) => PersonAge.IsMinor(Today, alert.BirthDate, alert.BirthYear);

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Alerts = await handler.ListAsync(ShownStatus == AllStatuses ? null : ShownStatus, DistrictId, PageNumber);
        Districts = await handler.DistrictsWithAlertsAsync();
    }

    public sealed class Handler(DbSession db, Scope scope)
    {
        private string Where => $"""
            WHERE (@Status IS NULL OR a.Status = @Status)
              AND (@DistrictId IS NULL OR s.DistrictId = @DistrictId)
              AND {scope.Condition(ResourceKind.Alert, "a.Id")}
            """;

        public async Task<Paged<AlertQueries.Alert>> ListAsync(string? status, long? districtId, int? page)
        {
            var (number, skip) = Paged<AlertQueries.Alert>.Window(page, PageSize);
            var parameters = new { Status = status, DistrictId = districtId, ScopeUserId = scope.UserId, Skip = skip, Take = PageSize };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT {AlertQueries.AlertColumns}
                    {AlertQueries.AlertJoins}
                    {Where}
                    ORDER BY a.RaisedAt DESC, a.Id DESC
                    """) + $"""
                    ;
                    SELECT COUNT(1)
                    FROM AbsenceAlerts a
                    JOIN People p ON p.Id = a.PersonId
                    JOIN Villages v ON v.Id = p.VillageId
                    JOIN Subdistricts s ON s.Id = v.SubdistrictId
                    {Where};
                    """, parameters);
            var rows = (await grid.ReadAsync<AlertQueries.Alert>()).ToList();
            return new Paged<AlertQueries.Alert>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }

        /// <summary>The districts whose people have alerts the user may see, for the filter.</summary>
        public Task<IReadOnlyList<LocationQueries.Option>> DistrictsWithAlertsAsync()
            => db.QueryAsync<LocationQueries.Option>(
                $"""
                SELECT d.Id, d.NameTh AS Name FROM Districts d
                WHERE EXISTS (SELECT 1 FROM AbsenceAlerts a JOIN People p ON p.Id = a.PersonId JOIN Villages v ON v.Id = p.VillageId
                              JOIN Subdistricts s ON s.Id = v.SubdistrictId
                              WHERE s.DistrictId = d.Id AND {scope.Condition(ResourceKind.Alert, "a.Id")})
                ORDER BY d.NameTh, d.Id
                """, new { ScopeUserId = scope.UserId });
    }
}
