using System.Reflection;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Platform.Health;

/// <summary>/health: 200 when the app runs and its database answers at the latest migration, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app)
        => app.MapGet("/health", async (ConnectionFactory factory, ILogger<ConnectionFactory> logger) =>
        {
            var version = typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            try
            {
                await using var connection = await factory.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(1) FROM SchemaVersions";
                var applied = Convert.ToInt32(await command.ExecuteScalarAsync());
                var expected = DatabaseMigrator.Scripts(factory.Provider).Count;
                var healthy = applied == expected;
                return Results.Json(new
                {
                    status = healthy ? "Healthy" : "Unhealthy",
                    version,
                    database = new { provider = factory.Provider.ToString(), status = healthy ? "Healthy" : "Behind", migrationsApplied = applied, migrationsExpected = expected },
                }, statusCode: healthy ? 200 : 503);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Health check could not reach the database");
                return Results.Json(new
                {
                    status = "Unhealthy",
                    version,
                    database = new { provider = factory.Provider.ToString(), status = "Unreachable" },
                }, statusCode: 503);
            }
        }).AllowAnonymous().WithMetadata(new UnscopedAttribute("the app's own health, no one's record"));
}
