using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Platform;

public sealed class JobsTests
{
    [Test]
    public async Task A_queued_job_survives_an_app_restart_on_sqlite_and_runs_after_it()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);

        // First run: no job server, so the job can only wait in storage.
        using (var before = new TestApp(database, hangfireServer: false))
        {
            var jobId = before.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DatabaseHousekeeping>(job => job.RunAsync());
            var state = before.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History[0].StateName;
            Assert.That(state, Is.EqualTo("Enqueued"));
        }
        Assert.That(await LastRunAsync(database), Is.Empty, "nothing ran before the restart");

        // Second run over the same data folder, with a server: the job from before the restart runs.
        using var after = new TestApp(database, hangfireServer: true);
        _ = after.Services; // starts the host and its job server
        var waited = Stopwatch.StartNew();
        while (await LastRunAsync(database) == "" && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(250);

        Assert.That(await LastRunAsync(database), Is.Not.Empty, "the queued job ran after the restart");
    }

    [TestCaseSource(typeof(Engines), nameof(Engines.All))]
    public async Task Housekeeping_is_a_recurring_job_and_records_when_it_ran(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var app = new TestApp(database);

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.That(connection.GetRecurringJobs().Select(j => j.Id), Does.Contain(DatabaseHousekeeping.JobId));

        await app.WithServicesAsync(async s => { await s.GetRequiredService<DatabaseHousekeeping>().RunAsync(); return 0; });

        Assert.That(DateTime.Parse(await LastRunAsync(database), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
            Is.EqualTo(app.Clock.Now.UtcDateTime));
    }

    [Test]
    public async Task Housekeeping_merges_the_people_search_index_into_one_segment_on_sqlite()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var app = new TestApp(database);
        _ = app.Services; // migrated
        const string Segments = "SELECT COUNT(DISTINCT segid) FROM PeopleSearch_idx";
        await using (var db = new DbSession(database.Factory))
        {
            // Each write commits its own segment, as a day of registrations does.
            foreach (var (id, name) in new[] { (1, "มาลี ดวงแก้ว"), (2, "มาลัย คำแปง"), (3, "สมชาย ดวงแก้ว") })
                await db.ExecuteAsync("INSERT INTO PeopleSearch (rowid, FullNameTh) VALUES (@id, @name)", new { id, name });
            Assert.That(await db.QuerySingleAsync<long>(Segments), Is.EqualTo(3));
        }

        await app.WithServicesAsync(async s => { await s.GetRequiredService<DatabaseHousekeeping>().RunAsync(); return 0; });

        await using (var db = new DbSession(database.Factory))
        {
            Assert.That(await db.QuerySingleAsync<long>(Segments), Is.EqualTo(1));
            Assert.That(await db.QueryAsync<long>("SELECT rowid FROM PeopleSearch WHERE PeopleSearch MATCH '\"ดวงแก้ว\"' ORDER BY rowid"),
                Is.EqualTo(new[] { 1L, 3L }), "the merged index finds what the segments held");
        }
    }

    private static async Task<string> LastRunAsync(TestDatabase database)
    {
        await using var db = new DbSession(database.Factory);
        return await db.QuerySingleAsync<string>("SELECT Value FROM Settings WHERE Name = @Name", new { Name = DatabaseHousekeeping.LastRunSetting });
    }
}
