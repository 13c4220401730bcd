using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Livelihood.Data;
using Livelihood.Web.Platform.Audit;

namespace Livelihood.Web.Features.People;

/// <summary>
/// Imports the good rows of a staged import in one transaction: each becomes a person (registered by the uploader,
/// Active) with its audit Insert row, and the staged row records the person it created. Safe to run twice: the import
/// is claimed from Queued inside the transaction (a second run waits, then finds it Done), and a row that already has
/// its person is never imported again. Progress (rows done) is kept as a job parameter, outside the transaction.
/// </summary>
public sealed class ImportPeopleJob(DbSession db, TimeProvider clock)
{
    public const string ProgressParameter = "ImportProgress";
    private const int ProgressEvery = 500;

    private sealed record Uploader
    {
        public long UserId { get; init; }
        public string Email { get; init; } = "";
        public bool SensitiveAllowed { get; init; }
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long importId, PerformContext? context)
    {
        await db.BeginTransactionAsync();
        try
        {
            if (await db.ExecuteAsync("UPDATE PeopleImports SET Status = 'Importing' WHERE Id = @importId AND Status = 'Queued'", new { importId }) == 0)
            {
                await db.RollbackAsync();
                return;
            }
            var import = await db.QuerySingleAsync<Uploader>(
                """
                SELECT u.Id AS UserId, u.Email, i.SensitiveAllowed FROM PeopleImports i JOIN Users u ON u.Id = i.UploadedByUserId WHERE i.Id = @importId
                """, new { importId });

            // Someone may have registered one of these people since the preview: that row is rejected now.
            await db.ExecuteAsync(
                """
                UPDATE PeopleImportRows SET Errors = @Errors
                WHERE ImportId = @importId AND CreatedPersonId IS NULL AND Errors IS NULL
                  AND IdNumber IN (SELECT p.IdNumber FROM People p WHERE p.IdNumber IS NOT NULL)
                """,
                new { importId, Errors = JsonSerializer.Serialize(new[] { ImportQueries.AlreadyRegistered }, ImportQueries.Json) });

            var rows = await db.QueryAsync<ImportQueries.Row>(
                """
                SELECT Id, RowNumber, MappedValues FROM PeopleImportRows
                WHERE ImportId = @importId AND Errors IS NULL AND CreatedPersonId IS NULL AND MappedValues IS NOT NULL
                ORDER BY RowNumber
                """, new { importId });
            context?.SetJobParameter(ProgressParameter, 0);

            var now = clock.GetUtcNow().UtcDateTime;
            ImportCommand? insert = null;
            await using var record = await ImportCommand.CreateAsync(db,
                """
                UPDATE PeopleImportRows SET CreatedPersonId = @PersonId WHERE Id = @RowId;
                INSERT INTO AuditLog (OccurredAt, UserId, UserEmail, Action, TableName, RowId, OldValues, NewValues)
                VALUES (@OccurredAt, @UserId, @UserEmail, 'Insert', 'People', @PersonId, NULL, @NewValues)
                """,
                "PersonId", "RowId", "OccurredAt", "UserId", "UserEmail", "NewValues");
            record["OccurredAt"] = now;
            record["UserId"] = import.UserId;
            record["UserEmail"] = import.Email;
            try
            {
                var done = 0;
                foreach (var row in rows)
                {
                    // The same columns, in the same order, as the registration form writes.
                    var input = row.Input!;
                    var columns = input.Columns();
                    if (import.SensitiveAllowed) foreach (var (column, value) in input.SensitiveColumns()) columns[column] = value;
                    else columns["CitizenshipStatus"] = input.CitizenshipStatus;
                    columns["Status"] = "Active";
                    columns["RegisteredByUserId"] = import.UserId;
                    columns["CreatedAt"] = now;

                    insert ??= await ImportCommand.CreateAsync(db,
                        $"INSERT INTO People ({string.Join(", ", columns.Keys)}) VALUES ({string.Join(", ", columns.Keys.Select(c => "@" + c))})"
                        + db.Dialect.SelectNewId,
                        columns.Keys);
                    foreach (var (column, value) in columns) insert[column] = value;
                    var personId = await insert.InsertAsync();

                    record["PersonId"] = personId;
                    record["RowId"] = row.Id;
                    record["NewValues"] = AuditedWrites.InsertedValuesJson(columns);
                    await record.ExecuteAsync();

                    if (++done % ProgressEvery == 0) context?.SetJobParameter(ProgressParameter, done);
                }
            }
            finally
            {
                if (insert is not null) await insert.DisposeAsync();
            }

            await db.ExecuteAsync(
                """
                UPDATE PeopleImports SET Status = 'Done', CommittedAt = @now,
                    ImportedRows = (SELECT COUNT(1) FROM PeopleImportRows r WHERE r.ImportId = @importId AND r.CreatedPersonId IS NOT NULL),
                    GoodRows = (SELECT COUNT(1) FROM PeopleImportRows r WHERE r.ImportId = @importId AND r.Errors IS NULL),
                    RejectedRows = (SELECT COUNT(1) FROM PeopleImportRows r WHERE r.ImportId = @importId AND r.Errors IS NOT NULL)
                WHERE Id = @importId
                """, new { importId, now });
            await db.CommitAsync();
            context?.SetJobParameter(ProgressParameter, rows.Count);
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
    }
}
