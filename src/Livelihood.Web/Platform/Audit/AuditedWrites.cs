using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;

namespace Livelihood.Web.Platform.Audit;

/// <summary>
/// The one way rows that matter (people, money, users, settings) are inserted and changed: each write also adds an
/// AuditLog row with who, when, and the old and new values. Updates check the row's Version, so a stale edit is
/// refused instead of silently overwriting someone else's change.
/// </summary>
public sealed partial class AuditedWrites(DbSession db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Columns whose values never go into the audit log; a change to them is recorded as "(changed)".</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = Languages.JsonEncoder };

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase) { "PasswordHash" };

    public async Task<long> InsertAsync(string table, object values)
    {
        var columns = Columns(values);
        var sql = $"INSERT INTO {Identifier(table)} ({string.Join(", ", columns.Select(c => c.Name))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(c => "@" + c.Name))})";
        return await db.InTransactionAsync(async () =>
        {
            var id = await db.InsertAsync(sql, values);
            await WriteAsync("Insert", table, id, null, columns.ToDictionary(c => c.Name, c => Shown(c.Name, c.Value)));
            return id;
        });
    }

    /// <summary>
    /// Sets the given columns of one row if its Version is still <paramref name="expectedVersion"/>, and bumps the
    /// Version. Returns false (and changes nothing) when someone else changed the row first.
    /// </summary>
    public async Task<bool> UpdateAsync(string table, long id, int expectedVersion, object changes, string action = "Update")
    {
        var columns = Columns(changes);
        var tableName = Identifier(table);
        return await db.InTransactionAsync(async () =>
        {
            var before = (IDictionary<string, object?>?)await db.QuerySingleOrDefaultAsync<dynamic>(
                $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {tableName} WHERE Id = @Id AND Version = @Version",
                new { Id = id, Version = expectedVersion });
            if (before is null) return false;

            var parameters = new DynamicParameters(changes);
            parameters.Add("Id", id);
            parameters.Add("ExpectedVersion", expectedVersion);
            var updated = await db.ExecuteAsync(
                $"UPDATE {tableName} SET {string.Join(", ", columns.Select(c => $"{c.Name} = @{c.Name}"))}, Version = Version + 1 " +
                "WHERE Id = @Id AND Version = @ExpectedVersion", parameters);
            if (updated == 0) return false;

            var changed = columns.Where(c => !SameValue(before[c.Name], c.Value)).ToList();
            await WriteAsync(action, table, id,
                changed.ToDictionary(c => c.Name, c => Shown(c.Name, before[c.Name])),
                changed.ToDictionary(c => c.Name, c => Shown(c.Name, c.Value)));
            return true;
        });
    }

    /// <summary>
    /// Removes one row if its Version is still <paramref name="expectedVersion"/>, keeping all its values in the audit
    /// log. Only for records that are folded into another (a merge); ledger rows are voided, never deleted.
    /// </summary>
    public async Task<bool> DeleteAsync(string table, long id, int expectedVersion, string action)
    {
        var tableName = Identifier(table);
        return await db.InTransactionAsync(async () =>
        {
            // The whole row, whatever its columns: the log must be able to tell everything the row held.
            var before = (IDictionary<string, object?>?)await db.QuerySingleOrDefaultAsync<dynamic>(
                $"SELECT * FROM {tableName} WHERE Id = @Id AND Version = @Version", new { Id = id, Version = expectedVersion });
            if (before is null) return false;
            if (await db.ExecuteAsync($"DELETE FROM {tableName} WHERE Id = @Id AND Version = @Version", new { Id = id, Version = expectedVersion }) == 0)
                return false;
            await WriteAsync(action, table, id, before.ToDictionary(c => c.Key, c => Shown(c.Key, c.Value)), []);
            return true;
        });
    }

    /// <summary>One row's change for <see cref="RecordUpdatesAsync"/>: its columns before and after.</summary>
    public sealed record RowChange(long RowId, IReadOnlyDictionary<string, object?> Before, IReadOnlyDictionary<string, object?> After);

    /// <summary>
    /// Records updates a feature wrote itself, many rows in one statement with their versions checked (a roster's
    /// marks): an Update row each, with the columns that changed, old and new, all in one INSERT.
    /// </summary>
    public async Task RecordUpdatesAsync(string table, IReadOnlyList<RowChange> changes)
    {
        var rows = changes.Select(c =>
        {
            var changed = c.After.Keys.Where(k => !SameValue(c.Before.GetValueOrDefault(k), c.After[k])).ToList();
            return (c.RowId,
                Old: JsonSerializer.Serialize(changed.ToDictionary(Identifier, k => Shown(k, c.Before.GetValueOrDefault(k))), Json),
                New: JsonSerializer.Serialize(changed.ToDictionary(Identifier, k => Shown(k, c.After[k])), Json));
        }).ToList();
        foreach (var part in ParameterRows.Of(rows, ["RowId", "OldValues", "NewValues"], r => [r.RowId, r.Old, r.New]))
        {
            part.Parameters.AddDynamicParams(new
            {
                OccurredAt = clock.GetUtcNow().UtcDateTime, UserId = user.Id, UserEmail = user.Email, Action = "Update", TableName = Identifier(table),
            });
            await db.ExecuteAsync(
                $"""
                INSERT INTO AuditLog (OccurredAt, UserId, UserEmail, Action, TableName, RowId, OldValues, NewValues)
                SELECT @OccurredAt, @UserId, @UserEmail, @Action, @TableName, v.RowId, v.OldValues, v.NewValues
                FROM ({part.Rows}) v
                """, part.Parameters);
        }
    }

    /// <summary>Records an event that is not a plain column change (a merge, an export) with its details.</summary>
    public Task RecordAsync(string action, string table, long rowId, object details)
        => WriteAsync(action, table, rowId, null, details.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(details)));

    /// <summary>
    /// The NewValues an Insert of these columns records, exactly as <see cref="InsertAsync"/> writes it: for a bulk
    /// writer (the people import) that adds its Insert rows to AuditLog itself, in its own transaction.
    /// </summary>
    public static string InsertedValuesJson(IEnumerable<KeyValuePair<string, object?>> columns)
        => JsonSerializer.Serialize(columns.ToDictionary(c => Identifier(c.Key), c => Shown(c.Key, c.Value)), Json);

    private Task WriteAsync(string action, string table, long rowId, Dictionary<string, object?>? oldValues, Dictionary<string, object?> newValues)
        => db.ExecuteAsync(
            """
            INSERT INTO AuditLog (OccurredAt, UserId, UserEmail, Action, TableName, RowId, OldValues, NewValues)
            VALUES (@OccurredAt, @UserId, @UserEmail, @Action, @TableName, @RowId, @OldValues, @NewValues)
            """,
            new
            {
                OccurredAt = clock.GetUtcNow().UtcDateTime,
                UserId = user.Id,
                UserEmail = user.Email,
                Action = action,
                TableName = table,
                RowId = rowId,
                OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, Json),
                NewValues = JsonSerializer.Serialize(newValues, Json),
            });

    private static object? Shown(string column, object? value) => Secret.Contains(column) ? "(changed)" : Normalize(value);

    /// <summary>One text form per value, whatever the engine handed back (SQLite gives 1 for true and text for dates).</summary>
    private static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        string s when DateTime.TryParseExact(s, ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IConvertible c when value is not string => Convert.ToDecimal(c, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static bool SameValue(object? before, object? after) => Equals(Normalize(before), Normalize(after));

    /// <summary>The columns to write: an object's properties, or a dictionary's entries when parts are combined.</summary>
    private static List<(string Name, object? Value)> Columns(object values)
        => values is IDictionary<string, object?> dictionary
            ? dictionary.Select(e => (Identifier(e.Key), e.Value)).ToList()
            : values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Identifier(p.Name), p.GetValue(values)))
                .ToList();

    /// <summary>Table and column names come from code, never from input; this makes sure of it.</summary>
    private static string Identifier(string name)
        => IdentifierPattern().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain identifier.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex IdentifierPattern();
}
