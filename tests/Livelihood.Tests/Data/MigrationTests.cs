using Dapper;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Livelihood.Tests.Data;

[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class MigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_does_nothing()
    {
        using var database = TestDatabase.Create(provider, migrated: false);
        var migrator = new DatabaseMigrator(database.Factory);
        var expected = DatabaseMigrator.Scripts(provider).Select(s => s.Name).ToList();

        var first = migrator.Migrate();
        Assert.That(first.Successful, Is.True, first.Error?.Message);
        Assert.That(first.Applied, Is.EqualTo(expected));

        var second = migrator.Migrate();
        Assert.That(second.Successful, Is.True);
        Assert.That(second.Applied, Is.Empty);
        Assert.That(migrator.PendingScripts(), Is.Empty);

        await using var connection = await database.Factory.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Roles"), Is.EqualTo(5));
    }

    [Test]
    public async Task A_failed_migration_is_rolled_back_and_leaves_the_last_good_version()
    {
        using var database = TestDatabase.Create(provider);
        var broken = DatabaseMigrator.Scripts(provider)
            .Append(("9998_good.sql", "CREATE TABLE MigrationGood (Id INT NOT NULL);"))
            .Append(("9999_broken.sql", "CREATE TABLE MigrationHalf (Id INT NOT NULL);\nINSERT INTO NoSuchTable (Id) VALUES (1);"))
            .ToList();

        var outcome = new DatabaseMigrator(database.Factory, broken).Migrate();

        Assert.That(outcome.Successful, Is.False);
        Assert.That(outcome.FailedScript, Is.EqualTo("9999_broken.sql"));
        await using var connection = await database.Factory.OpenAsync();
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions")).ToList();
        Assert.That(journal, Does.Contain("9998_good.sql").And.Not.Contain("9999_broken.sql"));
        Assert.That(await TableExistsAsync(connection, "MigrationGood"), Is.True);
        Assert.That(await TableExistsAsync(connection, "MigrationHalf"), Is.False, "the failed script's first statement must be rolled back");
    }

    [Test]
    public void Start_up_stops_with_the_failed_script_named_in_the_message()
    {
        using var database = TestDatabase.Create(provider, migrated: false);
        var broken = new DatabaseMigrator(database.Factory, [("0001_broken.sql", "CREATE TABLE (")]);

        var error = Assert.Throws<MigrationFailedException>(() => DatabaseSetup.MigrateOrExit(broken, NullLogger.Instance));

        Assert.That(error!.Message, Does.Contain("0001_broken.sql").And.Contain("last good version"));
    }

    private static async Task<bool> TableExistsAsync(System.Data.Common.DbConnection connection, string table)
        => await connection.ExecuteScalarAsync<int>(
            connection is Microsoft.Data.Sqlite.SqliteConnection
                ? "SELECT COUNT(1) FROM sqlite_master WHERE type = 'table' AND name = @table"
                : "SELECT COUNT(1) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = @table", new { table }) == 1;
}
