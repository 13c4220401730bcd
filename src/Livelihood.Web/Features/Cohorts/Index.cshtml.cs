using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// Cohorts with filters (course, programme, status, year, trainer) and paging, newest first: those in the user's scope
/// (a trainer's own cohorts), whatever the filters say.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Lists(ResourceKind.Cohort)]
public sealed class IndexModel(IndexModel.Handler handler, CurrentUser user) : PageModel
{
    public const int PageSize = 25;

    public sealed class Filters
    {
        public long? CourseId { get; set; }
        public long? ProgrammeId { get; set; }
        public string? Status { get; set; }
        public int? Year { get; set; }
        public long? TrainerId { get; set; }
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string CourseNameTh { get; init; } = "";
        public string? ProgrammeNameTh { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public int Capacity { get; init; }
        public int Enrolled { get; init; }
        public string Status { get; init; } = "";
    }

    public sealed record Choice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)] public Filters Filter { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<Row> Cohorts { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Choice> Courses { get; private set; } = [];
    public IReadOnlyList<Choice> Programmes { get; private set; } = [];
    public IReadOnlyList<Choice> Trainers { get; private set; } = [];
    public bool IsTrainer => user.Role == Roles.Trainer;

    public async Task OnGetAsync()
    {
        if (IsTrainer) Filter.TrainerId = null; // their own cohorts are all they see: no trainer filter to narrow them
        Cohorts = await handler.ListAsync(Filter, PageNumber);
        (Courses, Programmes, Trainers) = await handler.ChoicesAsync();
    }

    public sealed class Handler(DbSession db, Scope scope)
    {
        private string From => $"""
            FROM Cohorts c
            JOIN Courses co ON co.Id = c.CourseId
            LEFT JOIN Programmes p ON p.Id = c.ProgrammeId
            WHERE (@CourseId IS NULL OR c.CourseId = @CourseId)
              AND (@ProgrammeId IS NULL OR c.ProgrammeId = @ProgrammeId)
              AND (@Status IS NULL OR c.Status = @Status)
              AND (@YearStart IS NULL OR (c.StartDate >= @YearStart AND c.StartDate < @YearEnd))
              AND (@TrainerId IS NULL OR EXISTS (SELECT 1 FROM UserScopes s WHERE s.ScopeKind = 'Cohort' AND s.ScopeId = c.Id AND s.UserId = @TrainerId))
              AND {scope.Condition(ResourceKind.Cohort, "c.Id")}
            """;

        public async Task<Paged<Row>> ListAsync(Filters filter, int? page)
        {
            var (number, skip) = Paged<Row>.Window(page, PageSize);
            var parameters = new
            {
                filter.CourseId,
                filter.ProgrammeId,
                Status = string.IsNullOrEmpty(filter.Status) ? null : filter.Status,
                YearStart = filter.Year is { } y ? new DateOnly(y, 1, 1) : (DateOnly?)null,
                YearEnd = filter.Year is { } z ? new DateOnly(z + 1, 1, 1) : (DateOnly?)null,
                filter.TrainerId,
                ScopeUserId = scope.UserId,
                Skip = skip,
                Take = PageSize,
            };
            using var grid = await db.QueryMultipleAsync(
                db.Dialect.Page($"""
                    SELECT c.Id, c.Code, co.NameTh AS CourseNameTh, p.NameTh AS ProgrammeNameTh, c.StartDate, c.EndDate, c.Capacity, c.Status,
                           (SELECT COUNT(1) FROM Enrollments e WHERE e.CohortId = c.Id AND e.Status IN ('Enrolled', 'Completed')) AS Enrolled
                    {From}
                    ORDER BY c.StartDate DESC, c.Id DESC
                    """) + $";\nSELECT COUNT(1) {From};", parameters);
            var rows = (await grid.ReadAsync<Row>()).ToList();
            return new Paged<Row>(rows, number, PageSize, await grid.ReadSingleAsync<int>());
        }

        public async Task<(IReadOnlyList<Choice>, IReadOnlyList<Choice>, IReadOnlyList<Choice>)> ChoicesAsync()
        {
            using var grid = await db.QueryMultipleAsync(
                """
                SELECT Id, NameTh AS Name FROM Courses ORDER BY NameTh;
                SELECT Id, NameTh AS Name FROM Programmes ORDER BY StartDate DESC, Id DESC;
                SELECT Id, DisplayName AS Name FROM Users WHERE Role = 'Trainer' ORDER BY DisplayName, Id;
                """);
            return ((await grid.ReadAsync<Choice>()).ToList(), (await grid.ReadAsync<Choice>()).ToList(), (await grid.ReadAsync<Choice>()).ToList());
        }
    }
}
