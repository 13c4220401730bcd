using Livelihood.Data;
using Livelihood.Web.Features.People;

namespace Livelihood.Web.Platform.Jobs;

/// <summary>
/// Nightly: on SQLite merges the people search index (a day's writes have split it into segments), refreshes the query
/// planner's statistics and trims SQLite's write-ahead log, then records when it ran (the admin's Settings page shows
/// it). Safe to run any number of times.
/// </summary>
public sealed class DatabaseHousekeeping(DbSession db, TimeProvider clock)
{
    public const string JobId = "database-housekeeping";
    public const string LastRunSetting = "Housekeeping.LastRunUtc";

    public async Task RunAsync()
    {
        if (db.Dialect.Provider == DatabaseProvider.Sqlite) await db.ExecuteAsync(PeopleSearch.MergeSqliteIndexSql);
        await db.ExecuteAsync(db.Dialect.Housekeeping);
        await db.ExecuteAsync("UPDATE Settings SET Value = @Value WHERE Name = @Name",
            new { Value = clock.GetUtcNow().UtcDateTime.ToString("O"), Name = LastRunSetting });
    }
}
