using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// Absence alerts as staff read them: one alert with its person and cohort, a person's alerts, the open count for the
/// menu, and the recent attendance behind an alert. An alert holds the person's own contact only: for a minor it goes
/// to staff, never to the guardian (DESIGN.md: the home can be the source of the risk).
/// </summary>
public sealed class AlertQueries(DbSession db, Scope scope)
{
    public const string Open = "Open";
    public const string Resolved = "Resolved";

    public sealed record Alert
    {
        public long Id { get; init; }
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public long CohortId { get; init; }
        public string Reason { get; init; } = "";
        public int? RatePercentTenths { get; init; }
        public int HeldSessions { get; init; }
        public DateTime RaisedAt { get; init; }
        public string Status { get; init; } = "";
        public DateTime? ContactedAt { get; init; }
        public string? ContactNote { get; init; }
        public string? ContactedByName { get; init; }
        public DateTime? ResolvedAt { get; init; }
        public string? ResolvedByName { get; init; }
        public string? ResolutionNote { get; init; }
        public int Version { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public string? Phone { get; init; }
        public DateOnly? BirthDate { get; init; }
        public int BirthYear { get; init; }
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string CohortCode { get; init; } = "";
        public DateOnly EnrolledOn { get; init; }
        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);
        public decimal? RatePercent => RatePercentTenths / 10m;
    }

    /// <summary>The columns and joins every alert list shares: the person's own contact and place, and the cohort.</summary>
    public const string AlertColumns = """
        a.Id, a.EnrollmentId, a.PersonId, a.CohortId, a.Reason, a.RatePercentTenths, a.HeldSessions, a.RaisedAt, a.Status,
        a.ContactedAt, a.ContactNote, cu.DisplayName AS ContactedByName, a.ResolvedAt, ru.DisplayName AS ResolvedByName,
        a.ResolutionNote, a.Version, p.FullNameTh, p.Nickname, p.Phone, p.BirthDate, p.BirthYear, v.VillageNumber,
        v.NameTh AS VillageName, d.NameTh AS DistrictName, c.Code AS CohortCode, e.EnrolledOn
        """;

    public const string AlertJoins = """
        FROM AbsenceAlerts a
        JOIN People p ON p.Id = a.PersonId
        JOIN Villages v ON v.Id = p.VillageId
        JOIN Subdistricts s ON s.Id = v.SubdistrictId
        JOIN Districts d ON d.Id = s.DistrictId
        JOIN Cohorts c ON c.Id = a.CohortId
        JOIN Enrollments e ON e.Id = a.EnrollmentId
        LEFT JOIN Users cu ON cu.Id = a.ContactedByUserId
        LEFT JOIN Users ru ON ru.Id = a.ResolvedByUserId
        """;

    public Task<Alert?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Alert>($"SELECT {AlertColumns} {AlertJoins} WHERE a.Id = @id", new { id });

    /// <summary>A person's alerts the user may see, open ones first, then newest first.</summary>
    public Task<IReadOnlyList<Alert>> ForPersonAsync(long personId)
        => db.QueryAsync<Alert>(
            $"""
            SELECT {AlertColumns} {AlertJoins}
            WHERE a.PersonId = @personId AND {scope.Condition(ResourceKind.Alert, "a.Id")}
            ORDER BY CASE WHEN a.Status = 'Open' THEN 0 ELSE 1 END, a.RaisedAt DESC, a.Id DESC
            """, new { personId, ScopeUserId = scope.UserId });

    /// <summary>The menu's count of the open alerts the user may see: one indexed COUNT (IX_AbsenceAlerts_Status_RaisedAt) for a manager.</summary>
    public Task<int> OpenCountAsync()
        => db.ExecuteScalarAsync<int>(
            $"SELECT COUNT(1) FROM AbsenceAlerts a WHERE a.Status = 'Open' AND {scope.Condition(ResourceKind.Alert, "a.Id")}",
            new { ScopeUserId = scope.UserId });

    public sealed record SessionMark
    {
        public DateOnly SessionDate { get; init; }
        public string StartTime { get; init; } = "";
        public int DurationMinutes { get; init; }
        public string? Topic { get; init; }
        public string? Mark { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>The latest held sessions of the enrollment's span with its marks (null: not marked), newest first.</summary>
    public Task<IReadOnlyList<SessionMark>> RecentAttendanceAsync(long enrollmentId, int take)
        => db.QueryAsync<SessionMark>(
            db.Dialect.Page(
                """
                SELECT s.SessionDate, s.StartTime, s.DurationMinutes, s.Topic, m.Mark, m.Note
                FROM Enrollments e
                JOIN Sessions s ON s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
                     AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)
                LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
                WHERE e.Id = @enrollmentId
                ORDER BY s.SessionDate DESC, s.StartTime DESC, s.Id DESC
                """), new { enrollmentId, Skip = 0, Take = take });
}
