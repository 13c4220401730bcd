using Livelihood.Data;

namespace Livelihood.Tests.Data;

/// <summary>
/// The SQL Server scripts are checked for syntax here so a typo is caught without a SQL Server (most runs have none).
/// ScriptDom checks syntax only: a wrong table or column name still needs the SQL Server run.
/// </summary>
public sealed class SqlServerMigrationScriptsTests
{
    private static IEnumerable<TestCaseData> SqlServerScripts() =>
        DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Select(s => new TestCaseData(s.Sql).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(SqlServerScripts))]
    public void Every_sqlserver_script_parses(string sql) =>
        Assert.That(TSqlSchema.ParseErrors(sql), Is.Empty);

    [Test]
    public void There_are_scripts_and_both_engines_have_the_same_script_names()
    {
        // Guards the test case source: with no embedded scripts the per-script test would run zero cases and pass.
        var sqlServer = DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name).ToList();
        var sqlite = DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name).ToList();

        Assert.That(sqlServer, Is.Not.Empty);
        Assert.That(sqlite, Is.EqualTo(sqlServer));
    }

    [Test]
    public void A_script_with_a_syntax_error_is_reported_with_its_line_and_column()
    {
        // Proves the checker can fail: otherwise "every script parses" could be passing for the wrong reason.
        var errors = TSqlSchema.ParseErrors("CREATE TABLE X (\n    Id INT NOT NULL,, Name NVARCHAR(10))");

        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors[0], Does.StartWith("line 2, column 21: "));
    }
}
