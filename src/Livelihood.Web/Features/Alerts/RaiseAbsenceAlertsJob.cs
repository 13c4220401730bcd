using Hangfire;
using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Localization;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// Raises absence alerts (<see cref="AbsenceRule"/>) for the active enrollments of running cohorts: nightly for all,
/// and shortly after attendance is saved for that cohort. Safe to run any number of times: an enrollment with an open
/// alert is skipped (and a unique index allows one open alert per enrollment), and after an alert is resolved the
/// next episode counts only the sessions held after the day it was resolved, so old absences never raise it again.
/// </summary>
public sealed class RaiseAbsenceAlertsJob(DbSession db, AuditedWrites audited, TimeProvider clock)
{
    public const string JobId = "absence-alerts";

    /// <summary>
    /// Queues one check of every cohort whose attendance was saved since a moment before <paramref name="savedAt"/>:
    /// one run for a burst of saves across all cohorts (see RosterQueries), since each run costs Hangfire's storage far
    /// more than its own query. The run waits a few seconds so that it starts after the saves of the burst committed.
    /// </summary>
    public static string ScheduleAfterSaves(IBackgroundJobClient client, DateTimeOffset savedAt)
        => client.Schedule<RaiseAbsenceAlertsJob>(job => job.RunAfterSavesAsync(savedAt - SaveTakesAtMost), AfterSave);

    public static readonly TimeSpan AfterSave = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A save's submission is stamped inside its transaction, which waits at most 5 s for the one before it: a save
    /// stamped this long before the burst began has committed before the burst's run was scheduled, or it is checked
    /// by that run. Looking back further only checks a cohort again, which changes nothing.
    /// </summary>
    public static readonly TimeSpan SaveTakesAtMost = TimeSpan.FromSeconds(10);

    /// <summary>What the rule needs of one enrollment, summed in SQL: minutes, held sessions and the last 3 marks.</summary>
    public sealed record Candidate
    {
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public long CohortId { get; init; }
        public int HeldSessions { get; init; }
        public int HeldMinutes { get; init; }
        public int ExcusedMinutes { get; init; }
        public int AttendedMinutes { get; init; }
        public string? Last1 { get; init; }
        public string? Last2 { get; init; }
        public string? Last3 { get; init; }

        public AbsenceRule.Input Input => new(
            HeldSessions,
            new Completion.Minutes(HeldMinutes, ExcusedMinutes, AttendedMinutes),
            new[] { Last1, Last2, Last3 }.TakeWhile(m => m is not null).Select(m => m == NotMarked ? null : m).ToList());
    }

    private const string NotMarked = "NotMarked";

    // Sessions count from the enrollment date (active enrollments have no end date yet), and after the day the
    // enrollment's last alert was resolved, if any. An unmarked held session counts as absent: it adds to Held only,
    // as in EnrollmentQueries.AttendanceAsync, and shows as NotMarked among the last three. {0} chooses the enrollments:
    // a plain condition on e, so SQLite seeks the cohort's (or the listed) enrollments instead of walking every
    // running cohort's.
    private const string CandidatesSql = """
        WITH Active AS (
            SELECT e.Id AS EnrollmentId, e.PersonId, e.CohortId, e.EnrolledOn,
                   (SELECT MAX(r.ResolvedOn) FROM AbsenceAlerts r WHERE r.EnrollmentId = e.Id AND r.Status = 'Resolved') AS EpisodeAfter
            FROM Enrollments e
            JOIN Cohorts c ON c.Id = e.CohortId
            WHERE e.Status = 'Enrolled' AND c.Status = 'Running' AND {0}
              AND NOT EXISTS (SELECT 1 FROM AbsenceAlerts o WHERE o.EnrollmentId = e.Id AND o.Status = 'Open')
        ),
        Held AS (
            SELECT a.EnrollmentId, s.DurationMinutes, m.Mark,
                   ROW_NUMBER() OVER (PARTITION BY a.EnrollmentId ORDER BY s.SessionDate DESC, s.StartTime DESC, s.Id DESC) AS Recent
            FROM Active a
            JOIN Sessions s ON s.CohortId = a.CohortId AND s.Status = 'Held' AND s.SessionDate >= a.EnrolledOn
                 AND (a.EpisodeAfter IS NULL OR s.SessionDate > a.EpisodeAfter)
            LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = a.EnrollmentId
        )
        SELECT a.EnrollmentId, a.PersonId, a.CohortId,
               COUNT(h.EnrollmentId) AS HeldSessions,
               COALESCE(SUM(h.DurationMinutes), 0) AS HeldMinutes,
               COALESCE(SUM(CASE WHEN h.Mark = 'Excused' THEN h.DurationMinutes ELSE 0 END), 0) AS ExcusedMinutes,
               COALESCE(SUM(CASE WHEN h.Mark IN ('Present', 'Late') THEN h.DurationMinutes ELSE 0 END), 0) AS AttendedMinutes,
               MAX(CASE WHEN h.Recent = 1 THEN COALESCE(h.Mark, 'NotMarked') END) AS Last1,
               MAX(CASE WHEN h.Recent = 2 THEN COALESCE(h.Mark, 'NotMarked') END) AS Last2,
               MAX(CASE WHEN h.Recent = 3 THEN COALESCE(h.Mark, 'NotMarked') END) AS Last3
        FROM Active a
        LEFT JOIN Held h ON h.EnrollmentId = a.EnrollmentId
        GROUP BY a.EnrollmentId, a.PersonId, a.CohortId
        ORDER BY a.EnrollmentId
        """;

    /// <summary>The enrollments without an open alert, with what the rule needs (all running cohorts, or one).</summary>
    public Task<IReadOnlyList<Candidate>> CandidatesAsync(long? cohortId)
        => CandidatesAsync(Enrollments(cohortId));

    private Task<IReadOnlyList<Candidate>> CandidatesAsync(Filter filter)
        => db.QueryAsync<Candidate>(string.Format(CandidatesSql, filter.Condition), filter.Parameters);

    /// <summary>Which enrollments a run looks at: a condition on Enrollments e and its parameters.</summary>
    private sealed record Filter(string Condition, object Parameters);

    private static Filter Enrollments(long? cohortId)
        => cohortId is null ? new("1 = 1", new { }) : new("e.CohortId = @cohortId", new { cohortId });

    private static Filter SavedSince(DateTime since) => new("""
        e.CohortId IN (SELECT s.CohortId FROM AttendanceSubmissions a JOIN Sessions s ON s.Id = a.SessionId WHERE a.ReceivedAt >= @since)
        """, new { since });

    /// <summary>
    /// The nightly job Hangfire runs. Two runs (the nightly scan, the runs after saves) never raise one alert twice:
    /// each raises in one transaction after checking again there, SQLite's transactions take turns, and on SQL Server
    /// the unique index of open alerts refuses the second, whose run fails and is retried (then finds the alert open).
    /// No Hangfire lock: workers waiting on one polled Hangfire's storage hard enough to take a core from the saves.
    /// </summary>
    public Task RunAsync(long? cohortId) => RaiseAsync(cohortId);

    /// <summary>The run after a burst of saves: the cohorts with attendance saved since <paramref name="since"/>.</summary>
    public Task<int> RunAfterSavesAsync(DateTimeOffset since) => RaiseAsync(SavedSince(since.UtcDateTime));

    /// <summary>Raises the alerts due in one cohort, or in every running cohort (null).</summary>
    public Task<int> RaiseAsync(long? cohortId) => RaiseAsync(Enrollments(cohortId));

    /// <summary>
    /// Raises the alerts that are due; returns how many it raised. The candidates are read without a transaction (on
    /// SQLite a transaction holds the one write lock, and every save would wait for the read). Only the enrollments
    /// found due are read again inside the transaction that raises, so what it raises is decided on what it commits
    /// with, and the write lock is held for a few rows, not a cohort's (or every cohort's) sessions.
    /// </summary>
    private async Task<int> RaiseAsync(Filter filter)
    {
        var due = (await CandidatesAsync(filter)).Where(c => AbsenceRule.Decide(c.Input).Due).Select(c => c.EnrollmentId).ToList();
        if (due.Count == 0) return 0;
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var raised = 0;
            foreach (var batch in due.Chunk(500)) // SQL Server takes at most 2 100 parameters
            foreach (var candidate in await CandidatesAsync(new Filter("e.Id IN @batch", new { batch })))
            {
                var decision = AbsenceRule.Decide(candidate.Input);
                if (!decision.Due) continue;
                await audited.InsertAsync("AbsenceAlerts", new
                {
                    candidate.EnrollmentId,
                    candidate.PersonId,
                    candidate.CohortId,
                    decision.Reason,
                    RatePercentTenths = AbsenceRule.Tenths(decision.RatePercent),
                    candidate.HeldSessions,
                    RaisedAt = now,
                    Status = AlertQueries.Open,
                    CreatedAt = now,
                });
                raised++;
            }
            return raised;
        });
    }

    /// <summary>The Thai-time day a resolution falls on: the next episode counts sessions held after it.</summary>
    public static DateOnly ResolvedOn(DateTime utc) => DateOnly.FromDateTime(utc + DisplayDates.ThailandOffset);
}
