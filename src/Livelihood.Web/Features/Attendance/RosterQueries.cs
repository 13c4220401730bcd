using System.Text.Json;
using System.Text.Json.Serialization;
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
/// Saving is idempotent (each submission carries an id made on the phone); where two marks of one person meet, the
/// mark made later wins (<see cref="MarkMerge"/>), and the save says which of the sender's marks met another.
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
        /// <summary>When the mark was made (on the phone, corrected by its clock offset), and by whom.</summary>
        public DateTime? MarkedAt { get; init; }
        public long? MarkedByUserId { get; init; }
        public string? MarkedBy { get; init; }
        public string? MarkSource { get; init; }
        public DateOnly? MarkPaperDate { get; init; }
        public DateTime? MarkRecordedAt { get; init; }

        /// <summary>The mark as the merge rule sees it; null when the person is not marked.</summary>
        public MarkMerge.Current? Held() => Mark is null
            ? null
            : new MarkMerge.Current(new MarkMerge.Made(Mark, Note, MarkedAt!.Value, MarkedByUserId!.Value), MarkVersion);
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
                   COALESCE(m.MarkedAt, m.RecordedAt) AS MarkedAt, m.RecordedByUserId AS MarkedByUserId, u.DisplayName AS MarkedBy, m.Source AS MarkSource, m.PaperDate AS MarkPaperDate,
                   m.RecordedAt AS MarkRecordedAt
            FROM Enrollments e
            JOIN People p ON p.Id = e.PersonId
            LEFT JOIN AttendanceMarks m ON m.SessionId = @Id AND m.EnrollmentId = e.Id
            LEFT JOIN Users u ON u.Id = m.RecordedByUserId
            WHERE e.CohortId = @CohortId AND e.EnrolledOn <= @SessionDate
              AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR e.EndedOn > @SessionDate)
            ORDER BY p.FullNameTh, e.Id
            """, new { session.Id, session.CohortId, session.SessionDate });

    /// <summary>
    /// What the roster page shows of a session: who is on it with their marks, each enrollment's rate, and the marks
    /// each person's mark replaced or outlasted (its history, in the order they were made).
    /// </summary>
    public sealed record View(IReadOnlyList<Row> Rows, IReadOnlyDictionary<long, decimal?> Rates, ILookup<long, Version> History);

    /// <summary>A mark set aside (AttendanceMarkVersions), as the roster's history shows it.</summary>
    public sealed record Version
    {
        public long EnrollmentId { get; init; }
        public string Mark { get; init; } = "";
        public string? Note { get; init; }
        public DateTime MarkedAt { get; init; }
        public string MarkedBy { get; init; } = "";
        public string? Source { get; init; }
        public DateOnly? PaperDate { get; init; }
        public DateTime RecordedAt { get; init; }
    }

    /// <summary>
    /// The roster page's data. The benchmark's bare endpoint (Platform/BenchData) calls this too, so that both run
    /// exactly the same SQL and the difference between them is the page's own cost.
    /// </summary>
    public async Task<View> ViewAsync(Session session)
        => new(await RosterAsync(session),
            (await enrollments.AttendanceAsync(session.CohortId)).ToDictionary(a => a.EnrollmentId, a => Completion.RatePercent(a.Minutes)),
            (await HistoryAsync(session.Id)).ToLookup(v => v.EnrollmentId));

    /// <summary>The session's marks set aside, each person's in the order they were made. Through the marks' index.</summary>
    public Task<IReadOnlyList<Version>> HistoryAsync(long sessionId)
        => db.QueryAsync<Version>(
            """
            SELECT m.EnrollmentId, v.Mark, v.Note, v.MarkedAt, u.DisplayName AS MarkedBy, v.Source, v.PaperDate, v.RecordedAt
            FROM AttendanceMarks m
            JOIN AttendanceMarkVersions v ON v.MarkId = m.Id
            JOIN Users u ON u.Id = v.MarkedByUserId
            WHERE m.SessionId = @sessionId
            ORDER BY m.EnrollmentId, v.MarkedAt, v.Id
            """, new { sessionId });

    /// <summary>
    /// One person's mark as the sender made it: <paramref name="BaseVersion"/> is the version of the person's mark the
    /// sender's page showed (0: none), <paramref name="MadeAt"/> when it was made on the server's clock
    /// (<see cref="MarkMerge.MadeAt"/>).
    /// </summary>
    public sealed record Entry(long EnrollmentId, string Mark, string? Note, int BaseVersion, DateTime MadeAt);

    /// <summary>
    /// How a save's marks came: their source (<see cref="AttendanceMarks.Sources"/>), the sending phone's clock offset,
    /// and for marks typed in from a paper sheet, the date written on it.
    /// </summary>
    public sealed record Provenance(string Source, TimeSpan ClockOffset, DateOnly? PaperDate = null);

    /// <summary>
    /// One of the sender's marks that met a mark someone made without seeing it: the sender's won
    /// (<see cref="MarkMerge.Outcome.Replaced"/>) or lost (<see cref="MarkMerge.Outcome.Outdated"/>) to the other.
    /// </summary>
    public sealed record Conflict(long EnrollmentId, string Person, MarkMerge.Outcome Outcome, string YourMark, DateTime YourMadeAt,
        string OtherMark, string? OtherBy, DateTime OtherMadeAt);

    /// <summary>A person's mark on the server after a save, for the sender's screen.</summary>
    public sealed record ServerMark(long EnrollmentId, string Mark, string? Note, int Version);

    /// <summary>What a save did: how many of the sender's marks it holds now, which met another, and the server's marks.</summary>
    public sealed record SaveOutcome(int Saved, IReadOnlyList<Conflict> Conflicts, IReadOnlyList<ServerMark> Marks, bool Repeat);

    /// <summary>
    /// Applies one submission by <paramref name="userId"/>: each mark is merged with the person's mark by
    /// <see cref="MarkMerge"/>. The session becomes Held. A submission id seen before changes nothing and gets the
    /// first answer.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Session session, string clientSubmissionId, IReadOnlyList<Entry> entries, Provenance how, long userId)
    {
        // One short transaction for the reads the writes depend on and the writes (the page's own loading runs outside
        // it, see RosterModel): on SQLite it holds the one write lock, so it must not wait on anything else.
        SaveOutcome outcome;
        try
        {
            outcome = await db.InTransactionAsync(() => WriteAsync(session, clientSubmissionId, entries, how, userId));
        }
        catch (MarksChangedMeanwhile)
        {
            // Another save of the roster committed between this one's read and its writes (SQL Server; SQLite lets one
            // writer in at a time): everything was rolled back, so read and merge again.
            outcome = await db.InTransactionAsync(() => WriteAsync(session, clientSubmissionId, entries, how, userId));
        }
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
    public async Task<SaveOutcome?> OutcomeAsync(string clientSubmissionId, long? sessionId = null)
    {
        var stored = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT Result FROM AttendanceSubmissions WHERE ClientSubmissionId = @clientSubmissionId AND (@sessionId IS NULL OR SessionId = @sessionId)",
            new { clientSubmissionId, sessionId });
        return stored is null ? null : Stored(stored);
    }

    private static readonly JsonSerializerOptions ResultJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A stored answer; one stored before marks were merged has no conflicts or marks.</summary>
    private static SaveOutcome Stored(string json)
    {
        var outcome = JsonSerializer.Deserialize<SaveOutcome>(json, ResultJson)!;
        return outcome with { Conflicts = outcome.Conflicts ?? [], Marks = outcome.Marks ?? [] };
    }

    /// <summary>A mark whose version moved between the save's read and its write (see <see cref="SaveAsync"/>).</summary>
    private sealed class MarksChangedMeanwhile : Exception;

    /// <summary>
    /// A person's mark the merge changed: the row as it was, the sender's mark, the merge's decision, and whether the
    /// sender's mark is the person's mark now (else the sender's was outdated and only its note joins the mark).
    /// </summary>
    private sealed record Change(Row Row, MarkMerge.Made Sent, MarkMerge.Decision Decision)
    {
        public bool Made => Decision.Outcome != MarkMerge.Outcome.Outdated;

        /// <summary>Whether the person's mark changes (an outdated mark whose note the mark holds already changes nothing).</summary>
        public bool ChangesMark => Made || Decision.Note != Row.Note;
    }

    private async Task<SaveOutcome> WriteAsync(Session session, string clientSubmissionId, IReadOnlyList<Entry> entries, Provenance how, long userId)
    {
        if (await OutcomeAsync(clientSubmissionId) is { } previous) return previous with { Repeat = true };

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = (await RosterAsync(session)).ToDictionary(r => r.EnrollmentId);
        var added = new List<(Entry Entry, string? Note)>();
        var changes = new List<Change>();
        var conflicts = new List<Conflict>();
        var marks = new List<ServerMark>();
        // A person sent twice in one batch: the last one counts, as the phone's screen showed it.
        foreach (var entry in entries.GroupBy(e => e.EnrollmentId).Select(g => g.Last()))
        {
            if (!rows.TryGetValue(entry.EnrollmentId, out var row) || !AttendanceMarks.All.Contains(entry.Mark)) continue;
            var note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            if (note?.Length > MarkMerge.NoteLength) note = note[..MarkMerge.NoteLength];
            var sent = new MarkMerge.Made(entry.Mark, note, entry.MadeAt, userId);
            var decision = MarkMerge.Decide(row.Held(), new(sent, entry.BaseVersion));
            var change = decision.Outcome is MarkMerge.Outcome.Added or MarkMerge.Outcome.Unchanged ? null : new Change(row, sent, decision);
            if (decision.Outcome == MarkMerge.Outcome.Added) added.Add((entry, note));
            if (change is not null) changes.Add(change);
            if (decision.Outcome is MarkMerge.Outcome.Replaced or MarkMerge.Outcome.Outdated)
                conflicts.Add(new(row.EnrollmentId, row.FullNameTh, decision.Outcome, entry.Mark, entry.MadeAt, row.Mark!, row.MarkedBy, row.MarkedAt!.Value));
            var version = decision.Outcome == MarkMerge.Outcome.Added ? 1 : change?.ChangesMark == true ? row.MarkVersion + 1 : row.MarkVersion;
            marks.Add(new(row.EnrollmentId, decision.Mark, decision.Note, version));
        }

        await InsertMarksAsync(session, added, how, userId, now);
        await KeepSetAsideAsync(changes, how, userId, now);
        await UpdateMarksAsync(changes.Where(c => c.ChangesMark).ToList(), how, userId, now);

        var moved = added.Select(a => new DashboardAggregatesJob.MarkChange(a.Entry.EnrollmentId, null, a.Entry.Mark))
            .Concat(changes.Select(c => new DashboardAggregatesJob.MarkChange(c.Row.EnrollmentId, c.Row.Mark, c.Decision.Mark)))
            .ToList();
        if (session.Status == "Scheduled")
        {
            // Held from now: the session's minutes count for every enrollment of the cohort, marked or not.
            await db.ExecuteAsync("UPDATE Sessions SET Status = 'Held', Version = Version + 1 WHERE Id = @Id AND Status = 'Scheduled'", new { session.Id });
            await aggregates.RefreshAttendanceMonthAsync(session.CohortId, session.SessionDate);
        }
        else await aggregates.AddMarkChangesAsync(session.Id, session.SessionDate, session.DurationMinutes, moved);

        var outcome = new SaveOutcome(added.Count + changes.Count(c => c.Made), conflicts, marks, false);
        await db.ExecuteAsync(
            """
            INSERT INTO AttendanceSubmissions (ClientSubmissionId, SessionId, SubmittedByUserId, ReceivedAt, Result, ClockOffsetSeconds)
            VALUES (@clientSubmissionId, @Id, @userId, @now, @Result, @ClockOffsetSeconds)
            """, new
            {
                clientSubmissionId, session.Id, userId, now, Result = JsonSerializer.Serialize(outcome, ResultJson),
                ClockOffsetSeconds = (int)Math.Round(how.ClockOffset.TotalSeconds),
            });
        return outcome;
    }

    /// <summary>The marks of people nobody had marked, in one statement.</summary>
    private async Task InsertMarksAsync(Session session, IReadOnlyList<(Entry Entry, string? Note)> added, Provenance how, long userId, DateTime now)
    {
        foreach (var part in ParameterRows.Of(added, ["EnrollmentId", "Mark", "Note", "MarkedAt"], a => [a.Entry.EnrollmentId, a.Entry.Mark, a.Note, a.Entry.MadeAt]))
        {
            part.Parameters.AddDynamicParams(new { SessionId = session.Id, userId, now, how.Source, how.PaperDate });
            var inserted = await db.ExecuteAsync(
                $"""
                INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, Note, RecordedByUserId, RecordedAt, MarkedAt, Source, PaperDate)
                SELECT @SessionId, v.EnrollmentId, v.Mark, v.Note, @userId, @now, v.MarkedAt, @Source, @PaperDate
                FROM ({part.Rows}) v
                WHERE NOT EXISTS (SELECT 1 FROM AttendanceMarks m WHERE m.SessionId = @SessionId AND m.EnrollmentId = v.EnrollmentId)
                """, part.Parameters);
            if (inserted != part.Count) throw new MarksChangedMeanwhile();
        }
    }

    /// <summary>
    /// Keeps every mark the save sets aside (AttendanceMarkVersions), in one statement before the marks change: the
    /// person's mark it replaces, or the sender's own that arrived after a mark made later. The maker of a mark replaced
    /// by one made without seeing it is told on their next visit; the sender of an outdated one in the save's answer.
    /// </summary>
    private async Task KeepSetAsideAsync(IReadOnlyList<Change> changes, Provenance how, long userId, DateTime now)
    {
        var kept = changes.Select(c => c.Made
                ? new SetAside(c.Row.MarkId!.Value, c.Row.Mark!, c.Row.Note, c.Row.MarkedAt!.Value, c.Row.MarkedByUserId!.Value, c.Row.MarkSource,
                    c.Row.MarkPaperDate, c.Row.MarkRecordedAt!.Value, c.Decision.Outcome, userId, c.Decision.Mark, c.Decision.MadeAt)
                : new SetAside(c.Row.MarkId!.Value, c.Sent.Mark, c.Sent.Note, c.Sent.MadeAt, userId, how.Source, how.PaperDate, now, c.Decision.Outcome,
                    c.Row.MarkedByUserId!.Value, c.Row.Mark!, c.Row.MarkedAt!.Value))
            .ToList();
        foreach (var part in ParameterRows.Of(kept,
                     ["MarkId", "Mark", "Note", "MarkedAt", "MarkedByUserId", "Source", "PaperDate", "RecordedAt", "Outcome", "ReplacedByUserId", "ReplacedByMark",
                      "ReplacedByMarkedAt", "Told"],
                     k => [k.MarkId, k.Mark, k.Note, k.MarkedAt, k.MarkedByUserId, k.Source, k.PaperDate, k.RecordedAt, k.Outcome.ToString(), k.ReplacedByUserId, k.ReplacedByMark,
                           k.ReplacedByMarkedAt, k.IsToldNow ? 1 : 0]))
        {
            part.Parameters.AddDynamicParams(new { now });
            await db.ExecuteAsync(
                $"""
                INSERT INTO AttendanceMarkVersions (MarkId, Mark, Note, MarkedAt, MarkedByUserId, Source, PaperDate, RecordedAt, Outcome, SetAsideAt,
                    ReplacedByUserId, ReplacedByMark, ReplacedByMarkedAt, ToldAt)
                SELECT v.MarkId, v.Mark, v.Note, v.MarkedAt, v.MarkedByUserId, v.Source, v.PaperDate, v.RecordedAt, v.Outcome, @now,
                    v.ReplacedByUserId, v.ReplacedByMark, v.ReplacedByMarkedAt, CASE WHEN v.Told = 1 THEN @now END
                FROM ({part.Rows}) v
                """, part.Parameters);
        }
    }

    /// <summary>A mark set aside, for <see cref="KeepSetAsideAsync"/>: its own columns and the mark it gave way to.</summary>
    private sealed record SetAside(long MarkId, string Mark, string? Note, DateTime MarkedAt, long MarkedByUserId, string? Source, DateOnly? PaperDate,
        DateTime RecordedAt,
        MarkMerge.Outcome Outcome, long ReplacedByUserId, string ReplacedByMark, DateTime ReplacedByMarkedAt)
    {
        /// <summary>
        /// Whether the mark's maker knows already: everyone but the maker of a mark replaced by someone else's made
        /// without seeing it, who is told on their next visit (<see cref="UntoldAsync"/>). The sender of the save is
        /// told in its answer, also of their own earlier mark from another phone.
        /// </summary>
        public bool IsToldNow => Outcome != MarkMerge.Outcome.Replaced || MarkedByUserId == ReplacedByUserId;
    }

    /// <summary>A mark of the user's that a later one replaced, still to tell them (<see cref="UntoldAsync"/>).</summary>
    public sealed record Untold
    {
        public long Id { get; init; }
        public long SessionId { get; init; }
        public string CohortCode { get; init; } = "";
        public DateOnly SessionDate { get; init; }
        public string Person { get; init; } = "";
        public string Mark { get; init; } = "";
        public DateTime MarkedAt { get; init; }
        public string ReplacedBy { get; init; } = "";
        public string ReplacedByMark { get; init; } = "";
        public DateTime ReplacedByMarkedAt { get; init; }
    }

    /// <summary>How many of a user's untold marks a page shows at once; the next ones come once these are seen.</summary>
    public const int UntoldShown = 20;

    /// <summary>
    /// The user's marks that someone else's mark, made later without seeing them, replaced and that the user has not
    /// seen yet (of one session, when given), oldest first. Through the index of untold marks.
    /// </summary>
    public Task<IReadOnlyList<Untold>> UntoldAsync(long userId, long? sessionId = null)
        => db.QueryAsync<Untold>(db.Dialect.Page(
            """
            SELECT v.Id, s.Id AS SessionId, c.Code AS CohortCode, s.SessionDate, p.FullNameTh AS Person, v.Mark, v.MarkedAt,
                   r.DisplayName AS ReplacedBy, v.ReplacedByMark, v.ReplacedByMarkedAt
            FROM AttendanceMarkVersions v
            JOIN AttendanceMarks m ON m.Id = v.MarkId
            JOIN Sessions s ON s.Id = m.SessionId
            JOIN Cohorts c ON c.Id = s.CohortId
            JOIN Enrollments e ON e.Id = m.EnrollmentId
            JOIN People p ON p.Id = e.PersonId
            JOIN Users r ON r.Id = v.ReplacedByUserId
            WHERE v.MarkedByUserId = @userId AND v.ToldAt IS NULL AND (@sessionId IS NULL OR m.SessionId = @sessionId)
            ORDER BY v.Id
            """), new { userId, sessionId, Skip = 0, Take = UntoldShown });

    /// <summary>The user has seen what happened to these marks of theirs.</summary>
    public Task<int> ToldAsync(long userId, IReadOnlyList<long> ids)
        => db.ExecuteAsync("UPDATE AttendanceMarkVersions SET ToldAt = @now WHERE Id IN @ids AND MarkedByUserId = @userId AND ToldAt IS NULL",
            new { ids, userId, now = clock.GetUtcNow().UtcDateTime });

    /// <summary>
    /// The marks the merge changed, in one statement with their versions checked, and audited: replaced by the
    /// sender's, or given the sender's note beside them (an outdated mark's, which keeps the rest as it was).
    /// </summary>
    private async Task UpdateMarksAsync(IReadOnlyList<Change> changes, Provenance how, long userId, DateTime now)
    {
        if (changes.Count == 0) return;
        var after = changes.Select(c => new Dictionary<string, object?>
        {
            ["Mark"] = c.Decision.Mark,
            ["Note"] = c.Decision.Note,
            ["MarkedAt"] = c.Decision.MadeAt,
            ["RecordedByUserId"] = c.Made ? userId : c.Row.MarkedByUserId,
            ["Source"] = c.Made ? how.Source : c.Row.MarkSource,
            ["PaperDate"] = c.Made ? how.PaperDate : c.Row.MarkPaperDate,
        }).ToList();
        string[] columns = ["Mark", "Note", "MarkedAt", "RecordedByUserId", "Source", "PaperDate"];
        foreach (var part in ParameterRows.Of(changes.Zip(after).ToList(), ["Id", "ExpectedVersion", "Made", .. columns],
                     c => [c.First.Row.MarkId, c.First.Row.MarkVersion, c.First.Made ? 1 : 0, .. columns.Select(k => c.Second[k])]))
        {
            part.Parameters.AddDynamicParams(new { now });
            var updated = await db.ExecuteAsync(
                $"""
                WITH v (Id, ExpectedVersion, Made, Mark, Note, MarkedAt, RecordedByUserId, Source, PaperDate) AS ({part.Rows})
                UPDATE AttendanceMarks
                SET Mark = v.Mark, Note = v.Note, MarkedAt = v.MarkedAt, RecordedByUserId = v.RecordedByUserId, Source = v.Source, PaperDate = v.PaperDate,
                    RecordedAt = CASE WHEN v.Made = 1 THEN @now ELSE AttendanceMarks.RecordedAt END,
                    Version = AttendanceMarks.Version + 1
                FROM v
                WHERE AttendanceMarks.Id = v.Id AND AttendanceMarks.Version = v.ExpectedVersion
                """, part.Parameters);
            if (updated != part.Count) throw new MarksChangedMeanwhile();
        }
        // Changing a mark already taken is audited (who changed what, from what).
        await audited.RecordUpdatesAsync("AttendanceMarks", changes.Zip(after, (c, values) => new AuditedWrites.RowChange(c.Row.MarkId!.Value,
            new Dictionary<string, object?>
            {
                ["Mark"] = c.Row.Mark, ["Note"] = c.Row.Note, ["MarkedAt"] = c.Row.MarkedAt, ["RecordedByUserId"] = c.Row.MarkedByUserId,
                ["Source"] = c.Row.MarkSource, ["PaperDate"] = c.Row.MarkPaperDate,
            },
            values)).ToList());
    }
}
