using Livelihood.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Livelihood.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test, in its own data folder (which also holds Hangfire's store and the
/// data-protection keys). SQLite: a copy of a template migrated once per run. SQL Server (when
/// LIVELIHOOD_TEST_SQLSERVER holds a connection string): a new database, migrated, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string SqlServerVariable = "LIVELIHOOD_TEST_SQLSERVER";

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate);
    private readonly string? _sqlServerDatabase;

    private TestDatabase(ConnectionFactory factory, string dataFolder, string? sqlServerDatabase)
    {
        Factory = factory;
        DataFolder = dataFolder;
        _sqlServerDatabase = sqlServerDatabase;
    }

    public ConnectionFactory Factory { get; }
    public DatabaseProvider Provider => Factory.Provider;
    public string DataFolder { get; }

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips (ignores) the current test when the engine is not available here.</summary>
    public static void RequireEngine(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer && SqlServerConnectionString is null)
            Assert.Ignore($"SQL Server tests run only when {SqlServerVariable} holds a connection string.");
    }

    public static TestDatabase Create(DatabaseProvider provider, bool migrated = true)
    {
        RequireEngine(provider);
        var folder = Directory.CreateTempSubdirectory("livelihood-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(folder, "livelihood.db");
            if (migrated) File.Copy(SqliteTemplate.Value, file);
            return new TestDatabase(new ConnectionFactory(DatabaseProvider.Sqlite, $"Data Source={file}"), folder, null);
        }

        var name = "livelihood_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new SqlConnectionStringBuilder(SqlServerConnectionString) { InitialCatalog = name };
        var database = new TestDatabase(new ConnectionFactory(DatabaseProvider.SqlServer, builder.ConnectionString), folder, name);
        if (migrated) database.MigrateOrFail();
        else Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
        return database;
    }

    public void MigrateOrFail()
    {
        var outcome = new DatabaseMigrator(Factory).Migrate();
        if (!outcome.Successful) throw new InvalidOperationException($"Migration {outcome.FailedScript} failed", outcome.Error);
    }

    private static string CreateSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("livelihood-template-").FullName;
        var file = Path.Combine(folder, "template.db");
        var factory = new ConnectionFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
        var outcome = new DatabaseMigrator(factory).Migrate();
        if (!outcome.Successful) throw new InvalidOperationException($"Migration {outcome.FailedScript} failed", outcome.Error);
        SqliteConnection.ClearAllPools();
        return file;
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Sqlite) SqliteConnection.ClearAllPools();
        if (_sqlServerDatabase is not null)
        {
            SqlConnection.ClearAllPools();
            using var connection = new SqlConnection(SqlServerConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"IF DB_ID('{_sqlServerDatabase}') IS NOT NULL BEGIN ALTER DATABASE [{_sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerDatabase}]; END";
            command.ExecuteNonQuery();
        }
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { /* a file still open by a finished host; the temp folder is cleaned by the OS */ }
    }
}

/// <summary>The engines every database test runs on: SQLite always, SQL Server when configured.</summary>
public static class Engines
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer];
}
