using Livelihood.Data;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Audit;

namespace Livelihood.Web.Features.Cohorts;

/// <summary>
/// Enrollments of people in cohorts: the roster, seats, and the rules of enrolling (capacity, one active enrollment
/// per person and cohort) shared by enrolling and transferring.
/// </summary>
public sealed class EnrollmentQueries(DbSession db, AuditedWrites audited, FollowUpQueries followUps, DashboardAggregatesJob aggregates, TimeProvider clock)
{
    public const string Enrolled = "Enrolled";
    public const string Completed = "Completed";
    public const string DroppedOut = "DroppedOut";
    public const string Transferred = "Transferred";

    public static readonly string[] DropoutReasons = ["MovedAway", "Work", "Family", "MarriageOrPregnancy", "LostContact", "Other"];

    public sealed record RosterRow
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public string Status { get; init; } = "";
        public DateOnly EnrolledOn { get; init; }
        public DateOnly? EndedOn { get; init; }
        public string? DropoutReason { get; init; }
        public bool HasDataConsent { get; init; }
        public int Version { get; init; }
    }

    public Task<IReadOnlyList<RosterRow>> RosterAsync(long cohortId)
        => db.QueryAsync<RosterRow>(
            $"""
            SELECT e.Id, e.PersonId, p.FullNameTh, p.Nickname, e.Status, e.EnrolledOn, e.EndedOn, e.DropoutReason,
                   {People.PeopleQueries.HasDataConsentSql} AS HasDataConsent, e.Version
            FROM Enrollments e JOIN People p ON p.Id = e.PersonId
            WHERE e.CohortId = @cohortId
            ORDER BY CASE WHEN e.Status IN ('Enrolled', 'Completed') THEN 0 ELSE 1 END, p.FullNameTh, e.Id
            """, new { cohortId });

    /// <summary>Seats taken: people enrolled or graduated (dropouts and transfers free their seat).</summary>
    public Task<int> SeatsTakenAsync(long cohortId)
        => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Enrollments WHERE CohortId = @cohortId AND Status IN ('Enrolled', 'Completed')", new { cohortId });

    public async Task<bool> IsActiveInAsync(long cohortId, long personId)
        => await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM Enrollments WHERE CohortId = @cohortId AND PersonId = @personId AND Status = 'Enrolled'", new { cohortId, personId }) > 0;

    /// <summary>Why the person cannot be enrolled in the cohort now, or null. Managers may override a full cohort.</summary>
    public async Task<string?> WhyNotEnrollAsync(CohortQueries.Cohort cohort, long personId, bool overrideCapacity)
    {
        if (cohort.Status is not (CohortStatus.Planned or CohortStatus.Enrolling or CohortStatus.Running))
            return "People can be enrolled only while the cohort is planned, enrolling or running.";
        if (await IsActiveInAsync(cohort.Id, personId)) return "This person is already enrolled in this cohort.";
        if (!overrideCapacity && await SeatsTakenAsync(cohort.Id) >= cohort.Capacity)
            return "The cohort is full. A manager can enrol over capacity.";
        return null;
    }

    /// <summary>Enrolls the person, and schedules their baseline follow-up, due on the enrollment date.</summary>
    public async Task<long> EnrollAsync(long cohortId, long personId, DateOnly enrolledOn)
    {
        var id = await audited.InsertAsync("Enrollments", new
        {
            CohortId = cohortId,
            PersonId = personId,
            EnrolledOn = enrolledOn,
            Status = Enrolled,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await followUps.ScheduleBaselineAsync(id);
        await aggregates.RefreshEnrollmentAsync(id); // sessions held since the enrollment date count for its rate
        return id;
    }

    public sealed record Attendance
    {
        public long EnrollmentId { get; init; }
        public int HeldMinutes { get; init; }
        public int ExcusedMinutes { get; init; }
        public int AttendedMinutes { get; init; }
        public Completion.Minutes Minutes => new(HeldMinutes, ExcusedMinutes, AttendedMinutes);
    }

    /// <summary>
    /// Each enrollment's minutes for the attendance rate: held sessions from the enrollment date on, and before the
    /// drop-out or transfer date; an unmarked held session counts as absent (it adds to Held only). Read from the
    /// totals the database's triggers keep (migration 0017), equal at every commit to <see cref="LiveAttendanceSql"/>.
    /// </summary>
    public Task<IReadOnlyList<Attendance>> AttendanceAsync(long cohortId)
        => db.QueryAsync<Attendance>(
            """
            SELECT e.Id AS EnrollmentId, t.HeldMinutes, t.ExcusedMinutes, t.AttendedMinutes
            FROM Enrollments e JOIN EnrollmentAttendance t ON t.EnrollmentId = e.Id
            WHERE e.CohortId = @cohortId
            """, new { cohortId });

    /// <summary>The same minutes summed from the sessions and marks, as the triggers' totals must always be.</summary>
    public const string LiveAttendanceSql = $"""
        SELECT e.Id AS EnrollmentId, {AttendanceMinutes}
        FROM Enrollments e
        LEFT JOIN Sessions s ON {HeldInActiveSpan}
        LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
        GROUP BY e.Id
        """;

    /// <summary>
    /// The held sessions (alias s) that count for enrollment e's rate: from its enrollment date on, and before its
    /// drop-out or transfer date. Shared with the dashboard's average attendance rate.
    /// </summary>
    public const string HeldInActiveSpan = """
        s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
             AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)
        """;

    /// <summary>The rate's minutes over sessions s and marks m (m null: not marked, counted as absent).</summary>
    public const string AttendanceMinutes = """
        COALESCE(SUM(s.DurationMinutes), 0) AS HeldMinutes,
               COALESCE(SUM(CASE WHEN m.Mark = 'Excused' THEN s.DurationMinutes ELSE 0 END), 0) AS ExcusedMinutes,
               COALESCE(SUM(CASE WHEN m.Mark IN ('Present', 'Late') THEN s.DurationMinutes ELSE 0 END), 0) AS AttendedMinutes
        """;

    private sealed record Assessment
    {
        public long Id { get; init; }
        public string? AssessmentResult { get; init; }
    }

    public async Task<IReadOnlyDictionary<long, string?>> AssessmentsAsync(long cohortId)
        => (await db.QueryAsync<Assessment>("SELECT Id, AssessmentResult FROM Enrollments WHERE CohortId = @cohortId", new { cohortId }))
            .ToDictionary(a => a.Id, a => a.AssessmentResult);
}
