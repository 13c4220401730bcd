using Hangfire;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// Every night: catches up the schedule (in case a cohort's scheduling run was lost), and on the first run of each
/// week (Monday, Thai date) gives every field officer with districts an in-app digest of their week: how many
/// follow-ups in their districts fall due this week and how many are overdue. Overdue itself is derived (Due with a
/// past due date), so there is nothing to mark row by row. Safe to run any number of times: one digest per officer
/// and week (a unique key backs the check).
/// </summary>
public sealed class FollowUpsNightlyJob(DbSession db, FollowUpQueries followUps, TimeProvider clock)
{
    public const string JobId = "follow-ups";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync() => RunOnceAsync();

    /// <summary>Returns how many digests it wrote.</summary>
    public Task<int> RunOnceAsync()
        => db.InTransactionAsync(async () =>
        {
            await followUps.ScheduleAsync(null);
            var today = followUps.Today;
            var weekStart = WeekStart(today);
            var officers = await db.QueryAsync<long>(
                """
                SELECT u.Id FROM Users u
                WHERE u.Role = 'FieldOfficer' AND u.IsActive = 1
                  AND EXISTS (SELECT 1 FROM UserScopes us WHERE us.UserId = u.Id AND us.ScopeKind = 'District')
                  AND NOT EXISTS (SELECT 1 FROM FollowUpDigests g WHERE g.UserId = u.Id AND g.WeekStart = @weekStart)
                ORDER BY u.Id
                """, new { weekStart });
            foreach (var officer in officers)
            {
                var counts = await db.QuerySingleAsync<Counts>(
                    $"""
                    SELECT COALESCE(SUM(CASE WHEN f.DueOn >= @today AND f.DueOn <= @weekEnd THEN 1 ELSE 0 END), 0) AS DueThisWeek,
                           COALESCE(SUM(CASE WHEN f.DueOn < @today THEN 1 ELSE 0 END), 0) AS Overdue
                    FROM FollowUps f
                    WHERE f.Status = 'Due' AND f.DueOn <= @weekEnd
                      AND {ScopeRules.Condition(ResourceKind.FollowUp, Roles.FieldOfficer, Access.Read, "f.Id")}
                    """, new { today, weekEnd = weekStart.AddDays(6), ScopeUserId = officer });
                await db.ExecuteAsync(
                    "INSERT INTO FollowUpDigests (UserId, WeekStart, DueThisWeek, Overdue, CreatedAt) VALUES (@officer, @weekStart, @DueThisWeek, @Overdue, @now)",
                    new { officer, weekStart, counts.DueThisWeek, counts.Overdue, now = clock.GetUtcNow().UtcDateTime });
            }
            return officers.Count;
        });

    /// <summary>The Monday on or before the day.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed record Counts
    {
        public int DueThisWeek { get; init; }
        public int Overdue { get; init; }
    }

    public sealed record Digest
    {
        public DateOnly WeekStart { get; init; }
        public int DueThisWeek { get; init; }
        public int Overdue { get; init; }
        public DateTime CreatedAt { get; init; }
    }

    /// <summary>The officer's digest of the current week, if the job has written it.</summary>
    public Task<Digest?> ThisWeekAsync(long userId)
        => db.QuerySingleOrDefaultAsync<Digest>(
            "SELECT WeekStart, DueThisWeek, Overdue, CreatedAt FROM FollowUpDigests WHERE UserId = @userId AND WeekStart = @weekStart",
            new { userId, weekStart = WeekStart(followUps.Today) });
}
