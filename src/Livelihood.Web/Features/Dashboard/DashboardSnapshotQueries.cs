using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Livelihood.Data;
using static Livelihood.Web.Features.Dashboard.DashboardQueries;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The figures the dashboard keeps (migration 0021), so a fiscal year at national scale opens without summing a year of
/// rows again (issues 7 and 8). A kept figure is up to date while no change logged by the triggers since it was computed
/// touches its period; otherwise it is computed again and kept anew, or, for the dashboard's own view, shown as counted
/// while it is recent (<see cref="RecentEnough"/>) and counted again by <see cref="DashboardSnapshotsJob"/>. The stamp is
/// read before the figures are: a change that lands while they are computed is later than it, so it marks them stale.
/// </summary>
public sealed class DashboardSnapshotQueries(DbSession db, TimeProvider clock, ILogger<DashboardSnapshotQueries> log)
{
    /// <summary>
    /// How long stale kept figures may still be shown: the interval of <see cref="DashboardSnapshotsJob"/>, which counts
    /// again the stale figures people look at, so a change shows within about this long.
    /// </summary>
    public static readonly TimeSpan RecentEnough = TimeSpan.FromMinutes(15);

    /// <summary>What was computed: the key of a kept figure, as JSON.</summary>
    public sealed record Query(DateOnly From, DateOnly To, string Dimension, Filter Filter)
    {
        [JsonIgnore] public string Key => JsonSerializer.Serialize(this);
        public static Query FromKey(string key) => JsonSerializer.Deserialize<Query>(key)!;
    }

    private const string Fresh = """
        NOT EXISTS (SELECT 1 FROM DashboardChanges c WHERE c.Stamp >= s.SeenStamp AND c.FromDay <= s.ToDay AND c.ToDay >= s.FromDay)
        """;

    private sealed record Kept
    {
        public string Figures { get; init; } = "";
        public DateTime ComputedAt { get; init; }
        public bool UpToDate { get; init; }
    }

    /// <summary>
    /// The kept figures of <paramref name="query"/> while up to date, or while recent when <paramref name="recentIsEnough"/>
    /// (then marked with when they were counted); else computes them and keeps them.
    /// </summary>
    public async Task<Figures> KeptAsync(Query query, Func<Task<Figures>> compute, bool recentIsEnough)
    {
        var kept = await db.QuerySingleOrDefaultAsync<Kept>(
            $"SELECT s.Figures, s.ComputedAt, CASE WHEN {Fresh} THEN 1 ELSE 0 END AS UpToDate FROM DashboardSnapshots s WHERE s.QueryKey = @Key",
            new { query.Key });
        if (kept is null) return await ComputeAndKeepAsync(query, compute);
        if (kept.UpToDate) return JsonSerializer.Deserialize<Figures>(kept.Figures)!;
        if (recentIsEnough && kept.ComputedAt >= clock.GetUtcNow().UtcDateTime - RecentEnough)
            return JsonSerializer.Deserialize<Figures>(kept.Figures)! with { CountedAt = kept.ComputedAt };
        return await ComputeAndKeepAsync(query, compute);
    }

    /// <summary>Computes the figures and keeps them with the stamp read first.</summary>
    public async Task<Figures> ComputeAndKeepAsync(Query query, Func<Task<Figures>> compute)
    {
        var seen = await db.ExecuteScalarAsync<object>(db.Dialect.Provider == DatabaseProvider.SqlServer
            ? "SELECT MIN_ACTIVE_ROWVERSION()" // below every stamp of a transaction still open
            : "SELECT COALESCE(MAX(Stamp), 0) + 1 FROM DashboardChanges"); // one writer at a time: the next stamp
        var figures = await compute();
        try
        {
            await db.InTransactionAsync(() => db.ExecuteAsync("""
                DELETE FROM DashboardSnapshots WHERE QueryKey = @Key;
                INSERT INTO DashboardSnapshots (QueryKey, FromDay, ToDay, SeenStamp, Figures, ComputedAt)
                SELECT @Key, @From, @To, @seen, @figures, @now FROM DashboardChangesPruned WHERE BelowStamp <= @seen;
                """, new { query.Key, query.From, query.To, seen, figures = JsonSerializer.Serialize(figures), now = clock.GetUtcNow().UtcDateTime }));
        }
        catch (DbException e)
        {
            // Keeping is a saving, not the answer: the figures are right, so the page still gets them (two views
            // keeping the same figures at once on SQL Server: the second finds the first's row).
            log.LogWarning(e, "Dashboard figures computed but not kept");
        }
        return figures;
    }

    /// <summary>The kept figures a change has made stale, most recently computed first.</summary>
    public Task<IReadOnlyList<string>> StaleKeysAsync(int count)
        => db.QueryAsync<string>(db.Dialect.Page($"SELECT s.QueryKey FROM DashboardSnapshots s WHERE NOT {Fresh} ORDER BY s.ComputedAt DESC, s.Id"),
            new { Skip = 0, Take = count });

    /// <summary>Forgets the figures computed before <paramref name="before"/> (one still in use is computed again on its next view).</summary>
    public Task ForgetComputedBeforeAsync(DateTime before) => db.ExecuteAsync("DELETE FROM DashboardSnapshots WHERE ComputedAt < @before", new { before });

    /// <summary>Forgets the changes logged before every kept figure, and raises the line below which a figure is not kept.</summary>
    public Task PruneChangesAsync() => db.InTransactionAsync(async () =>
    {
        var below = await db.ExecuteScalarAsync<object>("""
            SELECT COALESCE((SELECT MIN(SeenStamp) FROM DashboardSnapshots), (SELECT MAX(Stamp) FROM DashboardChanges))
            """);
        if (below is null or DBNull) return 0;
        return await db.ExecuteAsync("""
            UPDATE DashboardChangesPruned SET BelowStamp = @below WHERE BelowStamp < @below;
            DELETE FROM DashboardChanges WHERE Stamp < @below;
            """, new { below });
    });
}
