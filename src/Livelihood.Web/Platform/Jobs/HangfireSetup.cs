using Hangfire;
using Hangfire.Storage.SQLite;
using Livelihood.Data;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;
using Microsoft.Data.SqlClient;

namespace Livelihood.Web.Platform.Jobs;

/// <summary>
/// Hangfire keeps its jobs in a database so a restart loses none: in the app's SQL Server database in production,
/// and on the embedded default in hangfire.db beside livelihood.db (its own file, so its polling never holds a lock
/// the app's writes wait on).
/// </summary>
public static class HangfireSetup
{
    public static void AddJobs(this WebApplicationBuilder builder, ConnectionFactory database)
    {
        var dataFolder = Path.GetFullPath(builder.Configuration["Database:DataFolder"] ?? "App_Data", builder.Environment.ContentRootPath);
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
                config.UseSqlServerStorage(() => new SqlConnection(database.ConnectionString));
            else
            {
                Directory.CreateDirectory(dataFolder);
                // Poll the queue every second (the store's default is 15 s): a person who starts an import waits
                // for it, and 10 000 rows must be in within 10 s.
                config.UseSQLiteStorage(Path.Combine(dataFolder, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });

        // Tests that do not exercise jobs turn the server off; a queued job then waits in storage.
        if (builder.Configuration.GetValue("Hangfire:Server", true))
            builder.Services.AddHangfireServer(options => options.WorkerCount = 2);

        builder.Services.AddScoped<DatabaseHousekeeping>();
    }

    public static void UseJobs(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/hangfire", new DashboardOptions
        {
            DashboardTitle = "Livelihood jobs",
            AppPath = "/",
        }).WithMetadata(new UnscopedAttribute("admins only (its policy): the background jobs"));

        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<DatabaseHousekeeping>(DatabaseHousekeeping.JobId, job => job.RunAsync(), Cron.Daily(20)); // 03:00 in Thailand
        recurring.AddOrUpdate<RaiseAbsenceAlertsJob>(RaiseAbsenceAlertsJob.JobId, job => job.RunAsync(null), Cron.Daily(19)); // 02:00 in Thailand
        recurring.AddOrUpdate<FollowUpsNightlyJob>(FollowUpsNightlyJob.JobId, job => job.RunAsync(), Cron.Daily(19, 30)); // 02:30 in Thailand
        recurring.AddOrUpdate<DashboardAggregatesJob>(DashboardAggregatesJob.JobId, job => job.RunAsync(), Cron.Daily(20, 30)); // 03:30 in Thailand
        recurring.AddOrUpdate<DashboardSnapshotsJob>(DashboardSnapshotsJob.JobId, job => job.RunAsync(), "*/15 * * * *");
    }
}
