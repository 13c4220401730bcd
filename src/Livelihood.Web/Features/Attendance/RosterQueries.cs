using System.Text.Json;
using Hangfire;
using Livelihood.Data;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Audit;
using Microsoft.Extensions.Caching.Memory;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// A session's roster and the saving of its marks, shared by the roster page and the offline sync endpoint.
/// Saving is idempotent (each submission carries an id made on the phone) and the later change wins: a mark changed
/// on the server after the trainer marked is kept, and the trainer is told.
/// </summary>
public sealed class RosterQueries(DbSession db, EnrollmentQueries enrollments, AuditedWrites audited, IBackgroundJobClient jobs, IMemoryCache cache,
    DashboardAggregatesJob aggregates, TimeProvider clock)
{
    public sealed record Session
    {
        public long Id { get; init; }
        public long CohortId { get; init; }
        public string CohortCode { get; init; } = "";
        public string CourseNameTh { get; init; } = "";
        public DateOnly SessionDate { get; init; }
        public string StartTime { get; init; } = "";
        public int DurationMinutes { get; init; }
        public string? Topic { get; init; }
        public string Status { get; init; } = "";
    }

    public sealed record Row
    {
        public long EnrollmentId { get; init; }
        public long PersonId { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public long? MarkId { get; init; }
        public string? Mark { get; init; }
        public string? Note { get; init; }
        public int MarkVersion { get; init; }
        public DateTime? MarkRecordedAt { get; init; }
    }

    public Task<Session?> SessionAsync(long sessionId)
        => db.QuerySingleOrDefaultAsync<Session>(
            """
            SELECT s.Id, s.CohortId, c.Code AS CohortCode, co.NameTh AS CourseNameTh, s.SessionDate, s.StartTime, s.DurationMinutes, s.Topic, s.Status
            FROM Sessions s JOIN Cohorts c ON c.Id = s.CohortId JOIN Courses co ON co.Id = c.CourseId
            WHERE s.Id = @sessionId
            """, new { sessionId });

    /// <summary>
    /// Everyone enrolled on the session's day (joined on or before it; not dropped out or transferred before it), with
    /// their mark for this session if any. One indexed query.
    /// </summary>
    public Task<IReadOnlyList<Row>> RosterAsync(Session session)
        => db.QueryAsync<Row>(
            """
            SELECT e.Id AS EnrollmentId, e.PersonId, p.FullNameTh, p.Nickname, m.Id AS MarkId, m.Mark, m.Note, COALESCE(m.Version, 0) AS MarkVersion,
                   m.RecordedAt AS MarkRecordedAt
            FROM Enrollments e
            JOIN People p ON p.Id = e.PersonId
            LEFT JOIN AttendanceMarks m ON m.SessionId = @Id AND m.EnrollmentId = e.Id
            WHERE e.CohortId = @CohortId AND e.EnrolledOn <= @SessionDate
              AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR e.EndedOn > @SessionDate)
            ORDER BY p.FullNameTh, e.Id
            """, new { session.Id, session.CohortId, session.SessionDate });

    /// <summary>What the roster page shows of a session: who is on it with their marks, and each enrollment's rate.</summary>
    public sealed record View(IReadOnlyList<Row> Rows, IReadOnlyDictionary<long, decimal?> Rates);

    /// <summary>
    /// The roster page's data. The benchmark's bare endpoint (Platform/BenchData) calls this too, so that both run
    /// exactly the same SQL and the difference between them is the page's own cost.
    /// </summary>
    public async Task<View> ViewAsync(Session session)
        => new(await RosterAsync(session),
            (await enrollments.AttendanceAsync(session.CohortId)).ToDictionary(a => a.EnrollmentId, a => Completion.RatePercent(a.Minutes)));

    public sealed record Entry(long EnrollmentId, string Mark, string? Note, int BaseVersion);

    /// <summary>What a save did, for the trainer: how many marks it wrote and whose marks the server kept or replaced.</summary>
    public sealed record Outcome(int Saved, IReadOnlyList<string> KeptNewerOnServer, IReadOnlyList<string> ReplacedServerChange, bool Repeat);

    /// <summary>
    /// Applies one submission. <paramref name="markedAt"/> is when the trainer marked (on the phone; never later than
    /// now). A mark someone changed on the server after that is kept; one changed before it is replaced, and both are
    /// reported. The session becomes Held. A submission id seen before changes nothing and gets the first answer.
    /// </summary>
    public async Task<Outcome> SaveAsync(Session session, string clientSubmissionId, DateTime markedAt, IReadOnlyList<Entry> entries, long userId)
    {
        // One short transaction for the reads the writes depend on and the writes (the page's own loading runs outside
        // it, see RosterModel): on SQLite it holds the one write lock, so it must not wait on anything else.
        var outcome = await db.InTransactionAsync(() => WriteAsync(session, clientSubmissionId, markedAt, entries, userId));
        // Someone who stops coming should reach the office the same day, not after the nightly run. Scheduled after
        // the commit: the check must see the new marks, and storing the job is not done holding the write lock.
        if (!outcome.Repeat) ScheduleAlertCheck();
        return outcome;
    }

    /// <summary>
    /// Schedules the absence-alert check once for a burst of saves, of any cohorts: a save that finds the check still
    /// pending (an offline queue sending several sessions, trainers of many cohorts at the end of the morning) has
    /// committed before it starts, since the check never starts before <see cref="RaiseAbsenceAlertsJob.AfterSave"/>
    /// and the burst window closes a second earlier; the check looks at every cohort saved since the burst began.
    /// Two saves racing here schedule two checks, which is harmless: the check is idempotent.
    /// </summary>
    private void ScheduleAlertCheck()
    {
        const string key = nameof(ScheduleAlertCheck);
        if (cache.TryGetValue(key, out _)) return;
        RaiseAbsenceAlertsJob.ScheduleAfterSaves(jobs, clock.GetUtcNow());
        cache.Set(key, true, RaiseAbsenceAlertsJob.AfterSave - TimeSpan.FromSeconds(1));
    }

    /// <summary>What a save did, as it was answered (null: no such save, or none of that session when one is given).</summary>
    public async Task<Outcome?> OutcomeAsync(string clientSubmissionId, long? sessionId = null)
    {
        var stored = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT Result FROM AttendanceSubmissions WHERE ClientSubmissionId = @clientSubmissionId AND (@sessionId IS NULL OR SessionId = @sessionId)",
            new { clientSubmissionId, sessionId });
        return stored is null ? null : JsonSerializer.Deserialize<Outcome>(stored);
    }

    private async Task<Outcome> WriteAsync(Session session, string clientSubmissionId, DateTime markedAt, IReadOnlyList<Entry> entries, long userId)
    {
        if (await OutcomeAsync(clientSubmissionId) is { } previous) return previous with { Repeat = true };

        var now = clock.GetUtcNow().UtcDateTime;
        if (markedAt > now) markedAt = now;
        var current = (await RosterAsync(session)).ToDictionary(r => r.EnrollmentId);

        var changed = new List<DashboardAggregatesJob.MarkChange>();
        var kept = new List<string>();
        var replaced = new List<string>();
        foreach (var entry in entries)
        {
            if (!current.TryGetValue(entry.EnrollmentId, out var row) || !AttendanceMarks.All.Contains(entry.Mark)) continue;
            var note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            if (row.MarkId is null)
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, Note, RecordedByUserId, RecordedAt)
                    VALUES (@SessionId, @EnrollmentId, @Mark, @Note, @userId, @now)
                    """, new { SessionId = session.Id, entry.EnrollmentId, entry.Mark, Note = note, userId, now });
                changed.Add(new(entry.EnrollmentId, null, entry.Mark));
                continue;
            }
            if (row.Mark == entry.Mark && row.Note == note) continue;
            var changedMeanwhile = row.MarkVersion != entry.BaseVersion;
            if (changedMeanwhile && row.MarkRecordedAt > markedAt)
            {
                kept.Add(row.FullNameTh);
                continue;
            }
            // Changing a mark already taken is audited (who changed what, from what).
            await audited.UpdateAsync("AttendanceMarks", row.MarkId.Value, row.MarkVersion,
                new { entry.Mark, Note = note, RecordedByUserId = userId, RecordedAt = now });
            if (changedMeanwhile) replaced.Add(row.FullNameTh);
            changed.Add(new(entry.EnrollmentId, row.Mark, entry.Mark));
        }

        if (session.Status == "Scheduled")
        {
            // Held from now: the session's minutes count for every enrollment of the cohort, marked or not.
            await db.ExecuteAsync("UPDATE Sessions SET Status = 'Held', Version = Version + 1 WHERE Id = @Id AND Status = 'Scheduled'", new { session.Id });
            await aggregates.RefreshAttendanceMonthAsync(session.CohortId, session.SessionDate);
        }
        else await aggregates.AddMarkChangesAsync(session.Id, session.SessionDate, session.DurationMinutes, changed);

        var outcome = new Outcome(changed.Count, kept, replaced, false);
        await db.ExecuteAsync(
            """
            INSERT INTO AttendanceSubmissions (ClientSubmissionId, SessionId, SubmittedByUserId, ReceivedAt, Result)
            VALUES (@clientSubmissionId, @Id, @userId, @now, @Result)
            """, new { clientSubmissionId, session.Id, userId, now, Result = JsonSerializer.Serialize(outcome) });
        return outcome;
    }
}
