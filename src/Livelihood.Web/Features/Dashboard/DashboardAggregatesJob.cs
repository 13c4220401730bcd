using Hangfire;
using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The dashboard's pre-aggregates (migration 0015), which it reads for the whole months of a period (the days of the
/// partial months at its edges come from the rows, so any period stays exact):
/// - AttendanceMonths: per enrollment and month, the minutes of DESIGN.md's attendance rate (held in the active span,
///   excused, present or late), so the average rate needs no pass over every attendance mark of the year;
/// - LedgerMonths: per group, kind and month (and member paid, for payouts), the live entries and their sum; the member's
///   person is joined when read, so merging two people's records leaves it exact.
///
/// Staleness rule: none for writes made through the app. Each write that changes these figures refreshes the rows it
/// touches in its own transaction: marks taken or changed on a held session (their enrollments' lines of the month, by
/// the minutes they move), a session marked held (its cohort's month), an enrollment made,
/// dropped out or transferred (that enrollment), a ledger entry recorded or voided (its group's month, kind and member,
/// by the entry's amount: a busy group records thousands of entries a month, too many to sum again for each). The nightly run
/// rebuilds everything, which repairs rows written around the app (by hand in SQL) within a day. Before the first build
/// (DashboardAggregates empty: a new database) the dashboard computes every day of the period from the rows.
/// </summary>
public sealed class DashboardAggregatesJob(DbSession db, TimeProvider clock)
{
    public const string JobId = "dashboard-aggregates";

    [DisableConcurrentExecution(timeoutInSeconds: 1800)]
    public Task RunAsync() => db.InTransactionAsync(async () =>
    {
        await BuildAsync();
        return 0;
    });

    /// <summary>Rebuilds both aggregates from every row and marks them built (in the caller's transaction).</summary>
    public Task BuildAsync() => db.ExecuteAsync(BuildSql(db.Dialect), new { now = clock.GetUtcNow().UtcDateTime });

    /// <summary>The full build, binding @now (seed-bench runs it on its own connection).</summary>
    public static string BuildSql(SqlDialect dialect) => $"""
        DELETE FROM AttendanceMonths;
        {InsertAttendance(dialect, "1 = 1")};
        DELETE FROM LedgerMonths;
        {InsertLedger(dialect, "1 = 1")};
        DELETE FROM DashboardAggregates;
        INSERT INTO DashboardAggregates (Id, BuiltAt) VALUES (1, @now);
        """;

    /// <summary>After a session is marked held or cancelled: its cohort, in the session's month.</summary>
    public async Task RefreshSessionAsync(long sessionId)
    {
        var session = await db.QuerySingleAsync<SessionMonth>("SELECT CohortId, SessionDate FROM Sessions WHERE Id = @sessionId", new { sessionId });
        await RefreshAttendanceMonthAsync(session.CohortId, session.SessionDate);
    }

    /// <summary>After attendance is taken in a cohort on that day: the month of the cohort's enrollments.</summary>
    public Task RefreshAttendanceMonthAsync(long cohortId, DateOnly day)
    {
        var (first, next) = MonthOf(day);
        return db.ExecuteAsync($"""
            DELETE FROM AttendanceMonths
            WHERE YearMonth = @yearMonth AND EnrollmentId IN (SELECT Id FROM Enrollments WHERE CohortId = @cohortId);
            {InsertAttendance(db.Dialect, "e.CohortId = @cohortId AND s.SessionDate >= @first AND s.SessionDate < @next")};
            """, new { cohortId, first, next, yearMonth = YearMonth(first) });
    }

    /// <summary>A mark taken (<see cref="From"/> null) or changed on a held session, for <see cref="AddMarkChangesAsync"/>.</summary>
    public sealed record MarkChange(long EnrollmentId, string? From, string To);

    /// <summary>
    /// After marks are taken or changed on a session already held: each moves the session's minutes between excused,
    /// attended and neither in its enrollment's line of the month, as EnrollmentQueries.AttendanceMinutes counts them
    /// (the roster's people are those whose span holds the session). Only while the session is still held.
    /// </summary>
    public Task AddMarkChangesAsync(long sessionId, DateOnly day, int minutes, IEnumerable<MarkChange> changes)
    {
        var moves = changes.Where(c => c.From != c.To).ToList(); // a note changed alone moves no minutes
        if (moves.Count == 0) return Task.CompletedTask;
        var yearMonth = YearMonth(day);
        return db.ExecuteAsync("""
            UPDATE AttendanceMonths
            SET ExcusedMinutes = ExcusedMinutes + @minutes * ((CASE WHEN @To = 'Excused' THEN 1 ELSE 0 END) - (CASE WHEN @From = 'Excused' THEN 1 ELSE 0 END)),
                AttendedMinutes = AttendedMinutes
                    + @minutes * ((CASE WHEN @To IN ('Present', 'Late') THEN 1 ELSE 0 END) - (CASE WHEN @From IN ('Present', 'Late') THEN 1 ELSE 0 END))
            WHERE YearMonth = @yearMonth AND EnrollmentId = @EnrollmentId
              AND EXISTS (SELECT 1 FROM Sessions WHERE Id = @sessionId AND Status = 'Held')
            """, moves.Select(c => new { c.EnrollmentId, c.From, c.To, minutes, yearMonth, sessionId }));
    }

    /// <summary>After an enrollment is made or ends early (its active span changes): all its months.</summary>
    public async Task RefreshEnrollmentAsync(long enrollmentId)
        => await db.ExecuteAsync($"""
            DELETE FROM AttendanceMonths WHERE EnrollmentId = @enrollmentId;
            {InsertAttendance(db.Dialect, "e.Id = @enrollmentId")};
            """, new { enrollmentId });

    /// <summary>The ledger figures an entry adds to its month (or takes away when voided).</summary>
    public sealed record LedgerEntryFigures(long GroupId, string Kind, DateOnly EntryDate, long? MemberId, Money Amount);

    /// <summary>After a ledger entry is recorded (<paramref name="sign"/> 1) or voided (-1): its line of its group's month.</summary>
    public Task AddLedgerEntryAsync(LedgerEntryFigures entry, int sign)
    {
        const string Line = "GroupId = @GroupId AND YearMonth = @yearMonth AND Kind = @Kind AND (MemberId = @MemberId OR (MemberId IS NULL AND @MemberId IS NULL))";
        return db.ExecuteAsync($"""
            UPDATE LedgerMonths SET Entries = Entries + @sign, Amount = Amount + @amount WHERE {Line};
            INSERT INTO LedgerMonths (YearMonth, Kind, GroupId, MemberId, Entries, Amount)
            SELECT @yearMonth, @Kind, @GroupId, @MemberId, @sign, @amount
            WHERE NOT EXISTS (SELECT 1 FROM LedgerMonths WHERE {Line});
            DELETE FROM LedgerMonths WHERE {Line} AND Entries = 0;
            """, new { entry.GroupId, entry.Kind, entry.MemberId, sign, amount = sign * entry.Amount.Satang, yearMonth = YearMonth(entry.EntryDate) });
    }

    private sealed record SessionMonth
    {
        public long CohortId { get; init; }
        public DateOnly SessionDate { get; init; }
    }

    private static (DateOnly First, DateOnly Next) MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first, first.AddMonths(1));
    }

    public static string YearMonth(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static string InsertAttendance(SqlDialect dialect, string where)
    {
        var month = dialect.Month("s.SessionDate");
        return $"""
            INSERT INTO AttendanceMonths (YearMonth, EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
            SELECT {month}, e.Id, {EnrollmentQueries.AttendanceMinutes}
            FROM Enrollments e
            JOIN Sessions s ON {EnrollmentQueries.HeldInActiveSpan}
            LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
            WHERE {where}
            GROUP BY {month}, e.Id
            """;
    }

    private static string InsertLedger(SqlDialect dialect, string where)
    {
        var month = dialect.Month("l.EntryDate");
        return $"""
            INSERT INTO LedgerMonths (YearMonth, Kind, GroupId, MemberId, Entries, Amount)
            SELECT {month}, l.Kind, l.GroupId, l.MemberId, COUNT(1), SUM(l.Amount)
            FROM LedgerEntries l
            WHERE l.VoidedAt IS NULL AND {where}
            GROUP BY {month}, l.Kind, l.GroupId, l.MemberId
            """;
    }
}
