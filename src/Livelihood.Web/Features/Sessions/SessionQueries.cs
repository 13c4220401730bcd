using Livelihood.Data;

namespace Livelihood.Web.Features.Sessions;

/// <summary>Scheduled → Held, or Scheduled → Cancelled. A cancelled session never counts (hours, attendance).</summary>
public static class SessionStatus
{
    public const string Scheduled = "Scheduled";
    public const string Held = "Held";
    public const string Cancelled = "Cancelled";
}

/// <summary>The sessions of a cohort: shared by the session pages (and the attendance roster to come).</summary>
public sealed class SessionQueries(DbSession db)
{
    public sealed record Session
    {
        public long Id { get; init; }
        public long CohortId { get; init; }
        public DateOnly SessionDate { get; init; }
        public string StartTime { get; init; } = "";
        public int DurationMinutes { get; init; }
        public string? Topic { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }

        public TimeOnly Start => SessionSchedule.TryParseTime(StartTime, out var time) ? time : TimeOnly.MinValue;
        public string EndTime => SessionSchedule.Format(Start.AddMinutes(DurationMinutes));
    }

    private const string Columns = "Id, CohortId, SessionDate, StartTime, DurationMinutes, Topic, Status, Version";

    /// <summary>All sessions of the cohort, cancelled ones too, in date and time order.</summary>
    public Task<IReadOnlyList<Session>> ListAsync(long cohortId)
        => db.QueryAsync<Session>(
            $"SELECT {Columns} FROM Sessions WHERE CohortId = @cohortId ORDER BY SessionDate, StartTime, Id", new { cohortId });

    /// <summary>One session, only if it belongs to the cohort (a posted id never reaches another cohort's session).</summary>
    public Task<Session?> FindAsync(long cohortId, long sessionId)
        => db.QuerySingleOrDefaultAsync<Session>(
            $"SELECT {Columns} FROM Sessions WHERE Id = @sessionId AND CohortId = @cohortId", new { sessionId, cohortId });
}
