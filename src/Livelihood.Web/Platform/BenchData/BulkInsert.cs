using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Livelihood.Web.Platform.BenchData;

/// <summary>
/// Prepared INSERTs reused for every row of a table: the hot loop of the benchmark load. Rows are collected and
/// written <see cref="RowsPerStatement"/> at a time by one multi-row INSERT, because SQLite's cost per executed
/// statement (opening the table and its indexes, updating the AUTOINCREMENT counter) outweighs the cost of a row.
/// It talks to SQLite's statement API (bind by position, step, reset) on the connection's handle: a command with
/// named parameters looks every name up on every execution. The caller owns the transaction (plain BEGIN/COMMIT on
/// the connection) and must <see cref="Flush"/> before committing.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    public const int RowsPerStatement = 64;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _many;
    private readonly sqlite3_stmt _one;
    private readonly int _columns;
    private readonly List<object?[]> _pending = new(RowsPerStatement);

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns.Length;
        // Table and column names are the seeder's own constants, never input.
        var row = $"({string.Join(", ", columns.Select(_ => "?"))})";
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
        Check(raw.sqlite3_prepare_v2(_db, insert + string.Join(", ", Enumerable.Repeat(row, RowsPerStatement)), out _many));
        Check(raw.sqlite3_prepare_v2(_db, insert + row, out _one));
    }

    public long Rows { get; private set; }

    public void Add(params object?[] values)
    {
        if (values.Length != _columns) throw new ArgumentException($"Expected {_columns} values, got {values.Length}.");
        _pending.Add(values);
        Rows++;
        if (_pending.Count < RowsPerStatement) return;
        for (var r = 0; r < RowsPerStatement; r++) Bind(_many, r * _columns, _pending[r]);
        Run(_many);
        _pending.Clear();
    }

    /// <summary>Writes the rows still collected (fewer than a full statement) one by one.</summary>
    public void Flush()
    {
        foreach (var values in _pending)
        {
            Bind(_one, 0, values);
            Run(_one);
        }
        _pending.Clear();
    }

    private void Bind(sqlite3_stmt statement, int offset, object?[] values)
    {
        for (var i = 0; i < _columns; i++)
        {
            var position = offset + i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, position),
                long number => raw.sqlite3_bind_int64(statement, position, number),
                int number => raw.sqlite3_bind_int64(statement, position, number),
                double number => raw.sqlite3_bind_double(statement, position, number),
                string text => raw.sqlite3_bind_text(statement, position, text),
                var other => throw new ArgumentException($"No bulk binding for {other.GetType().Name}."),
            });
        }
    }

    private void Run(sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE) Check(step);
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            throw new InvalidOperationException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}");
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }
}
