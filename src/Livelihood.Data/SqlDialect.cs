namespace Livelihood.Data;

/// <summary>
/// The one place where SQL differs between SQL Server and SQLite. Feature SQL is written once in the subset both
/// engines share and calls these members for the rest. Keep it small.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Appended to an INSERT to return the new row's BIGINT id as a scalar.</summary>
    public abstract string SelectNewId { get; }

    /// <summary>Wraps an ordered SELECT so it returns one page; binds @Skip and @Take.</summary>
    public abstract string Page(string orderedSelect);

    /// <summary>The 'yyyy-MM' month of a date column, for totals by month.</summary>
    public abstract string Month(string dateColumn);

    /// <summary>The 'yyyy-MM-dd' text of a date column, to compare month and day across years (age on a day).</summary>
    public abstract string DateText(string dateColumn);

    /// <summary>Statements that keep the database healthy (statistics, file size); run by the nightly job.</summary>
    public abstract string Housekeeping { get; }

    /// <summary>
    /// A SELECT of the rowids (as Id) an FTS5 trigram index finds for a MATCH expression; null where the engine has no
    /// such index (SQL Server's docker image has no full-text search): the caller searches with LIKE there.
    /// </summary>
    public abstract string? TrigramIndexIds(string indexTable, string matchExpression);

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => SqlServerDialect.Instance,
        _ => SqliteDialect.Instance,
    };
}

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string SelectNewId => ";\nSELECT last_insert_rowid();";
    public override string Page(string orderedSelect) => orderedSelect + "\nLIMIT @Take OFFSET @Skip";
    public override string Month(string dateColumn) => $"substr({dateColumn}, 1, 7)";
    public override string DateText(string dateColumn) => dateColumn;
    public override string Housekeeping => "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);";
    public override string? TrigramIndexIds(string indexTable, string matchExpression)
        => $"SELECT rowid AS Id FROM {indexTable} WHERE {indexTable} MATCH {matchExpression}";
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    public override string SelectNewId => ";\nSELECT CAST(SCOPE_IDENTITY() AS BIGINT);";
    public override string Page(string orderedSelect) => orderedSelect + "\nOFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
    public override string Month(string dateColumn) => $"CONVERT(char(7), {dateColumn}, 126)";
    public override string DateText(string dateColumn) => $"CONVERT(char(10), {dateColumn}, 126)";
    public override string Housekeeping => "EXEC sp_updatestats;";
    public override string? TrigramIndexIds(string indexTable, string matchExpression) => null;
}
