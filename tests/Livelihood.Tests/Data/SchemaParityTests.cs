using Dapper;
using Livelihood.Data;
using Livelihood.Tests.Support;

namespace Livelihood.Tests.Data;

/// <summary>
/// Each change is written twice (sqlite/ and sqlserver/ migrations); this catches the two drifting apart even when no
/// SQL Server is available: the schema SQLite really builds against the schema the T-SQL scripts declare.
/// Types are not compared (they differ by design: TEXT vs NVARCHAR); tables, columns and nullability are.
/// </summary>
public sealed class SchemaParityTests
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    [Test]
    public async Task Sqlite_and_sqlserver_migrations_produce_the_same_tables_columns_and_nullability()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var connection = await database.Factory.OpenAsync();
        // Ordinary tables only: SQLite's full-text search index (PeopleSearch, migration 0016) is a virtual table with
        // shadow tables, and SQL Server has no twin of it by design.
        var sqliteColumns = (await connection.QueryAsync<SqliteColumn>(
            """
            SELECT m.name AS TableName, p.name AS ColumnName, p."notnull" AS IsNotNull, p.pk AS Pk
            FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
            JOIN pragma_table_list AS t ON t.schema = 'main' AND t.name = m.name
            WHERE t.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name <> 'SchemaVersions'
            """)).ToList();
        // SQLite lets a PRIMARY KEY column hold NULL unless declared NOT NULL; SQL Server never does, so pk counts as NOT NULL.
        var sqlite = sqliteColumns.Select(c => TSqlSchema.Describe(c.TableName, c.ColumnName, c.IsNotNull == 1 || c.Pk > 0)).ToList();
        var sqliteTables = sqliteColumns.Select(c => c.TableName).Distinct(Names).ToList();

        var tsql = TSqlSchema.Read(DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Sql));

        Assert.That(sqliteTables, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(sqliteTables.Except(tsql.TableNames, Names).Order(), Is.Empty, "Tables only in the SQLite migrations");
            Assert.That(tsql.TableNames.Except(sqliteTables, Names).Order(), Is.Empty, "Tables only in the SQL Server migrations");
            Assert.That(sqlite.Except(tsql.Columns, Names).Order(), Is.Empty, "Columns only in (or differing in) the SQLite migrations");
            Assert.That(tsql.Columns.Except(sqlite, Names).Order(), Is.Empty, "Columns only in (or differing in) the SQL Server migrations");
        });
    }

    [Test]
    public void The_tsql_reader_follows_creates_alters_and_drops_and_applies_sql_server_nullability()
    {
        var schema = TSqlSchema.Read(
        [
            """
            CREATE TABLE dbo.Things (Id INT IDENTITY(1, 1), Code NVARCHAR(10) NOT NULL, Note NVARCHAR(50) NULL, Extra INT);
            CREATE TABLE Pairs (A INT, B INT, Label NVARCHAR(10), CONSTRAINT PK_Pairs PRIMARY KEY (A, B));
            CREATE TABLE Keyed (Code NVARCHAR(10) CONSTRAINT PK_Keyed PRIMARY KEY, Value INT);
            CREATE TABLE Gone (Id INT NOT NULL);
            GO
            """,
            """
            ALTER TABLE Things ADD Added INT NOT NULL CONSTRAINT DF_Things_Added DEFAULT 0, Optional INT NULL;
            ALTER TABLE Things DROP CONSTRAINT DF_Things_Added, COLUMN extra;
            DROP TABLE Gone;
            """,
        ]);

        Assert.That(schema.TableNames, Is.EquivalentTo(new[] { "Things", "Pairs", "Keyed" }));
        Assert.That(schema.Columns, Is.EquivalentTo(new[]
        {
            "Things.Id NOT NULL", "Things.Code NOT NULL", "Things.Note NULL", "Things.Added NOT NULL", "Things.Optional NULL",
            "Pairs.A NOT NULL", "Pairs.B NOT NULL", "Pairs.Label NULL",
            "Keyed.Code NOT NULL", "Keyed.Value NULL",
        }));
    }

    private sealed record SqliteColumn(string TableName, string ColumnName, long IsNotNull, long Pk);
}
