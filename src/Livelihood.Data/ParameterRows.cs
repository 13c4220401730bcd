using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Livelihood.Data;

/// <summary>
/// Many rows of values as one derived table of parameters, "SELECT @r0_0 AS A, @r0_1 AS B UNION ALL SELECT @r1_0, @r1_1",
/// so one statement writes them all (INSERT … SELECT, UPDATE … FROM) instead of one statement a row. Both engines take it.
/// Column names come from code; values are always parameters. Split in parts that stay under SQL Server's 2 100
/// parameters a command and SQLite's 500 terms of a compound SELECT.
/// </summary>
public static partial class ParameterRows
{
    private const int MaxParameters = 2000;
    private const int MaxRows = 400;

    /// <summary>One part: the derived table's SQL, its parameters (add the statement's own to them) and how many rows it has.</summary>
    public sealed record Part(string Rows, DynamicParameters Parameters, int Count);

    public static IEnumerable<Part> Of<T>(IReadOnlyList<T> rows, string[] columns, Func<T, object?[]> values)
    {
        foreach (var column in columns)
            if (!Identifier().IsMatch(column)) throw new ArgumentException($"'{column}' is not a plain identifier.");
        var perPart = Math.Max(1, Math.Min(MaxRows, MaxParameters / columns.Length));
        for (var start = 0; start < rows.Count; start += perPart)
        {
            var sql = new StringBuilder();
            var parameters = new DynamicParameters();
            var end = Math.Min(rows.Count, start + perPart);
            for (var r = start; r < end; r++)
            {
                var row = values(rows[r]);
                if (row.Length != columns.Length) throw new ArgumentException($"Expected {columns.Length} values, got {row.Length}.");
                sql.Append(r == start ? "SELECT " : "\nUNION ALL SELECT ");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"r{r}_{c}";
                    parameters.Add(name, row[c]);
                    sql.Append(c == 0 ? "" : ", ").Append('@').Append(name);
                    if (r == start) sql.Append(" AS ").Append(columns[c]);
                }
            }
            yield return new Part(sql.ToString(), parameters, end - start);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
