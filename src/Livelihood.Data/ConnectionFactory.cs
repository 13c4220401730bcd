using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Livelihood.Data;

/// <summary>The one place that knows how to open a connection for the configured engine.</summary>
public sealed class ConnectionFactory
{
    public ConnectionFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Dialect = SqlDialect.For(provider);
        WriterQueue = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
        TypeHandlers.Register();
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public SqlDialect Dialect { get; }

    /// <summary>
    /// SQLite has one writer at a time (a transaction here takes the write lock as it begins), and a writer that finds
    /// the file locked sleeps and retries (up to 100 ms a sleep), so under load saves finish out of turn with long tails.
    /// Transactions in this process queue here instead, in order, before they begin, and wait no longer than a locked
    /// file would make them. SQL Server locks rows itself: no queue.
    /// </summary>
    internal SemaphoreSlim? WriterQueue { get; }

    /// <summary>How long a SQLite writer waits for the one before it, in the queue or at the file, before it gives up.</summary>
    internal static readonly TimeSpan SqliteBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Resolves the options to a provider and connection string; creates the SQLite folder if needed.</summary>
    public static ConnectionFactory FromOptions(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new InvalidOperationException(
                    "Database:Provider is SqlServer but Database:ConnectionString is empty. Set it (or the environment variable Database__ConnectionString).");
            return new ConnectionFactory(DatabaseProvider.SqlServer, options.ConnectionString);
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(options.DataFolder, contentRoot);
            Directory.CreateDirectory(folder);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "livelihood.db") }.ToString();
        }
        return new ConnectionFactory(DatabaseProvider.Sqlite, connectionString);
    }

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.SqlServer => new SqlConnection(ConnectionString),
        _ => new SqliteConnection(ConnectionString),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Create();
        await connection.OpenAsync(cancellationToken);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite;
            // busy_timeout makes a second writer wait instead of failing at once.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={SqliteBusyTimeout.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }
}
