using System.Data.Common;
using Dapper;

namespace Livelihood.Data;

/// <summary>
/// One connection per request (or job), opened on first use, with at most one transaction.
/// Every query goes through here so it joins the current transaction without each caller passing it.
/// </summary>
public sealed class DbSession(ConnectionFactory factory) : IAsyncDisposable
{
    private DbConnection? _connection;

    public SqlDialect Dialect => factory.Dialect;
    public DbTransaction? Transaction { get; private set; }

    public async Task<DbConnection> ConnectionAsync()
        => _connection ??= await factory.OpenAsync();

    public async Task BeginTransactionAsync()
    {
        if (Transaction is not null) return;
        var connection = await ConnectionAsync();
        if (factory.WriterQueue is { } queue && !await queue.WaitAsync(ConnectionFactory.SqliteBusyTimeout))
            throw new TimeoutException("The database is busy: another save held it too long.");
        try
        {
            Transaction = await connection.BeginTransactionAsync();
        }
        catch
        {
            factory.WriterQueue?.Release();
            throw;
        }
    }

    public async Task CommitAsync()
    {
        if (Transaction is null) return;
        try
        {
            await Transaction.CommitAsync();
        }
        finally
        {
            await EndTransactionAsync();
        }
    }

    public async Task RollbackAsync()
    {
        if (Transaction is null) return;
        try
        {
            await Transaction.RollbackAsync();
        }
        finally
        {
            await EndTransactionAsync();
        }
    }

    private async Task EndTransactionAsync()
    {
        await Transaction!.DisposeAsync();
        Transaction = null;
        factory.WriterQueue?.Release();
    }

    /// <summary>Runs work in a transaction unless one is already open (then it joins it).</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work)
    {
        if (Transaction is not null) return await work();
        await BeginTransactionAsync();
        try
        {
            var result = await work();
            await CommitAsync();
            return result;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null)
        => (await (await ConnectionAsync()).QueryAsync<T>(sql, param, Transaction)).AsList();

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null)
        => await (await ConnectionAsync()).QuerySingleOrDefaultAsync<T>(sql, param, Transaction);

    public async Task<T> QuerySingleAsync<T>(string sql, object? param = null)
        => await (await ConnectionAsync()).QuerySingleAsync<T>(sql, param, Transaction);

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? param = null)
        => await (await ConnectionAsync()).ExecuteScalarAsync<T>(sql, param, Transaction);

    public async Task<int> ExecuteAsync(string sql, object? param = null)
        => await (await ConnectionAsync()).ExecuteAsync(sql, param, Transaction);

    public async Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? param = null)
        => await (await ConnectionAsync()).QueryMultipleAsync(sql, param, Transaction);

    /// <summary>Runs an INSERT and returns the new row's id.</summary>
    public async Task<long> InsertAsync(string insertSql, object param)
        => await QuerySingleAsync<long>(insertSql + Dialect.SelectNewId, param);

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await EndTransactionAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
