using Livelihood.Data;

namespace Livelihood.Web.Platform.Database;

public static class DatabaseSetup
{
    public static ConnectionFactory AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var factory = ConnectionFactory.FromOptions(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(factory);
        builder.Services.AddScoped<DbSession>();
        builder.Services.AddSingleton(TimeProvider.System);
        return factory;
    }

    /// <summary>
    /// Brings the database to the latest version. A failure stops the app with the script's name and the reason;
    /// the failed script's transaction is rolled back, so the database stays at its last good version.
    /// </summary>
    public static void MigrateOrExit(DatabaseMigrator migrator, ILogger logger)
    {
        var outcome = migrator.Migrate();
        if (outcome.Successful)
        {
            foreach (var script in outcome.Applied) logger.LogInformation("Applied migration {Script}", script);
            return;
        }
        throw new MigrationFailedException(outcome.FailedScript, outcome.Error);
    }
}

public sealed class MigrationFailedException(string? script, Exception? cause)
    : Exception($"Database migration {script ?? "(unknown script)"} failed: {cause?.Message}. " +
                "The database was left at its last good version; fix the script or the database and start again.", cause);
