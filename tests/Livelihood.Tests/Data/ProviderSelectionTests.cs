using Livelihood.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Livelihood.Tests.Data;

public sealed class ProviderSelectionTests
{
    [Test]
    public void Sqlite_is_the_default_with_a_file_in_the_data_folder_created_on_first_run()
    {
        var root = Directory.CreateTempSubdirectory("livelihood-root-").FullName;
        var factory = ConnectionFactory.FromOptions(new DatabaseOptions(), root);

        Assert.That(factory.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(factory.Dialect, Is.InstanceOf<SqliteDialect>());
        Assert.That(factory.Create(), Is.InstanceOf<SqliteConnection>());
        Assert.That(new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource,
            Is.EqualTo(Path.Combine(root, "App_Data", "livelihood.db")));
        Assert.That(Directory.Exists(Path.Combine(root, "App_Data")), Is.True);
    }

    [Test]
    public void SqlServer_is_chosen_by_configuration_and_uses_its_connection_string()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=db;Database=Livelihood;TrustServerCertificate=True" };
        var factory = ConnectionFactory.FromOptions(options, "/nowhere");

        Assert.That(factory.Dialect, Is.InstanceOf<SqlServerDialect>());
        Assert.That(factory.Create(), Is.InstanceOf<SqlConnection>());
        Assert.That(factory.ConnectionString, Is.EqualTo(options.ConnectionString));
    }

    [Test]
    public void SqlServer_without_a_connection_string_is_refused_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ConnectionFactory.FromOptions(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, "/nowhere"));
        Assert.That(error!.Message, Does.Contain("Database:ConnectionString"));
    }

    [TestCase(DatabaseProvider.Sqlite, "SELECT Id FROM T ORDER BY Id\nLIMIT @Take OFFSET @Skip")]
    [TestCase(DatabaseProvider.SqlServer, "SELECT Id FROM T ORDER BY Id\nOFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY")]
    public void Each_dialect_pages_in_its_own_syntax(DatabaseProvider provider, string expected)
        => Assert.That(SqlDialect.For(provider).Page("SELECT Id FROM T ORDER BY Id"), Is.EqualTo(expected));
}
