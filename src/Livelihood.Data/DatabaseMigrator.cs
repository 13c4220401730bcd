using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;

namespace Livelihood.Data;

/// <summary>
/// Applies the embedded scripts of database/migrations/&lt;engine&gt; with DbUp, each script in its own transaction,
/// journaled in SchemaVersions so a re-run does nothing and a failed script leaves the last good version.
/// </summary>
public sealed class DatabaseMigrator(ConnectionFactory factory, IReadOnlyList<(string Name, string Sql)>? scripts = null)
{
    public sealed record Outcome(bool Successful, IReadOnlyList<string> Applied, string? FailedScript, Exception? Error);

    public static string EngineFolder(DatabaseProvider provider) => provider == DatabaseProvider.SqlServer ? "sqlserver" : "sqlite";

    /// <summary>The migration scripts of one engine, in the order they run: (name, SQL).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts(DatabaseProvider provider)
    {
        var prefix = $"Migrations.{EngineFolder(provider)}.";
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    public Outcome Migrate()
    {
        if (factory.Provider == DatabaseProvider.SqlServer)
            EnsureDatabase.For.SqlDatabase(factory.ConnectionString, new NoOpUpgradeLog());

        var result = Engine().PerformUpgrade();
        return new Outcome(result.Successful, result.Scripts.Select(s => s.Name).ToList(), result.ErrorScript?.Name, result.Error);
    }

    public IReadOnlyList<string> PendingScripts() => Engine().GetScriptsToExecute().Select(s => s.Name).ToList();

    private UpgradeEngine Engine()
    {
        UpgradeEngineBuilder builder = factory.Provider == DatabaseProvider.SqlServer
            ? DeployChanges.To.SqlDatabase(factory.ConnectionString)
            : DeployChanges.To.SqliteDatabase(factory.ConnectionString);
        return builder
            .WithScripts((scripts ?? Scripts(factory.Provider)).Select(s => new SqlScript(s.Name, s.Sql)))
            .WithTransactionPerScript()
            .LogTo(new NoOpUpgradeLog())
            .Build();
    }
}
