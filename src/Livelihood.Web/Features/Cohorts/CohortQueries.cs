using Livelihood.Data;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>A cohort's heading facts: shared by the cohort, session and enrollment pages.</summary>
public sealed class CohortQueries(DbSession db)
{
    public const string TrainerScope = "Cohort";

    public sealed record Cohort
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public long CourseId { get; init; }
        public string CourseNameTh { get; init; } = "";
        public string? CourseNameEn { get; init; }
        public int CompletionThresholdPercent { get; init; }
        public bool AssessmentRequired { get; init; }
        public long? ProgrammeId { get; init; }
        public string? ProgrammeNameTh { get; init; }
        public long? VenueVillageId { get; init; }
        public string? VenueNote { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public int Capacity { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
    }

    public Task<Cohort?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Cohort>(
            """
            SELECT c.Id, c.Code, c.CourseId, co.NameTh AS CourseNameTh, co.NameEn AS CourseNameEn, co.CompletionThresholdPercent,
                   co.AssessmentRequired, c.ProgrammeId, p.NameTh AS ProgrammeNameTh, c.VenueVillageId, c.VenueNote,
                   c.StartDate, c.EndDate, c.Capacity, c.Status, c.Version
            FROM Cohorts c
            JOIN Courses co ON co.Id = c.CourseId
            LEFT JOIN Programmes p ON p.Id = c.ProgrammeId
            WHERE c.Id = @id
            """, new { id });

    /// <summary>The names of the cohort's trainers, in name order (its page, its sessions' sign-in sheets).</summary>
    public Task<IReadOnlyList<string>> TrainerNamesAsync(long cohortId)
        => db.QueryAsync<string>(
            "SELECT u.DisplayName FROM UserScopes s JOIN Users u ON u.Id = s.UserId WHERE s.ScopeKind = @Kind AND s.ScopeId = @cohortId ORDER BY u.DisplayName",
            new { Kind = TrainerScope, cohortId });
}
