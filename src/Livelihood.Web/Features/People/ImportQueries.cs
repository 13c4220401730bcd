using System.Data;
using System.Data.Common;
using System.Text.Json;
using Livelihood.Data;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Platform.Paging;

namespace Livelihood.Web.Features.People;

/// <summary>
/// The staged imports: the file's rows as uploaded (raw values as JSON), each row checked against the registry's rules
/// with the chosen mapping, and the counts the pages and the job show. Rows are written in bulk with one prepared
/// statement in the request's transaction.
/// </summary>
public sealed class ImportQueries(DbSession db, TimeProvider clock)
{
    public const int PreviewPageSize = 50;

    public static readonly JsonSerializerOptions Json = new() { Encoder = Languages.JsonEncoder };

    public sealed record Import
    {
        public long Id { get; init; }
        public string FileName { get; init; } = "";
        public string FileKind { get; init; } = "";
        public string Headers { get; init; } = "[]";
        public string? Mapping { get; init; }
        public string Status { get; init; } = "";
        public bool SensitiveAllowed { get; init; }
        public int TotalRows { get; init; }
        public int GoodRows { get; init; }
        public int RejectedRows { get; init; }
        public int ImportedRows { get; init; }
        public string? JobId { get; init; }
        public long UploadedByUserId { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? CommittedAt { get; init; }

        public IReadOnlyList<string> HeaderList => JsonSerializer.Deserialize<List<string>>(Headers, Json) ?? [];

        public Dictionary<string, int>? MappingColumns
            => Mapping is null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(Mapping, Json);

        /// <summary>The mapping and the checks may still change; after the commit is asked for, nothing does.</summary>
        public bool IsOpen => Status is "Uploaded" or "Mapped";
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public int RowNumber { get; init; }
        public string RawValues { get; init; } = "[]";
        public string? MappedValues { get; init; }
        public string? Errors { get; init; }
        public long? CreatedPersonId { get; init; }

        public string?[] Values => JsonSerializer.Deserialize<string?[]>(RawValues, Json) ?? [];
        public PersonInput? Input => MappedValues is null ? null : JsonSerializer.Deserialize<PersonInput>(MappedValues, Json);
        public IReadOnlyList<ImportError> ErrorList => Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(Errors, Json) ?? [];
    }

    private const string ImportColumns = """
        Id, FileName, FileKind, Headers, Mapping, Status, SensitiveAllowed, TotalRows, GoodRows, RejectedRows, ImportedRows, JobId,
        UploadedByUserId, CreatedAt, CommittedAt
        """;

    /// <summary>One import, only for the user who uploaded it (the staged rows hold ID numbers).</summary>
    public Task<Import?> FindAsync(long id, long userId)
        => db.QuerySingleOrDefaultAsync<Import>($"SELECT {ImportColumns} FROM PeopleImports WHERE Id = @id AND UploadedByUserId = @userId", new { id, userId });

    public Task<Import?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Import>($"SELECT {ImportColumns} FROM PeopleImports WHERE Id = @id", new { id });

    public Task<IReadOnlyList<Import>> RecentAsync(long userId)
        => db.QueryAsync<Import>(
            db.Dialect.Page($"SELECT {ImportColumns} FROM PeopleImports WHERE UploadedByUserId = @userId ORDER BY Id DESC"),
            new { userId, Skip = 0, Take = 10 });

    /// <summary>Stores the uploaded file: the import and every row's raw values, in the request's transaction.</summary>
    public async Task<long> StageAsync(string fileName, ImportFile.Table table, long userId, bool sensitiveAllowed)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO PeopleImports (FileName, FileKind, Headers, Status, SensitiveAllowed, TotalRows, UploadedByUserId, CreatedAt)
            VALUES (@FileName, @FileKind, @Headers, 'Uploaded', @SensitiveAllowed, @TotalRows, @UserId, @Now)
            """,
            new
            {
                FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "import." + table.Kind,
                FileKind = table.Kind,
                Headers = JsonSerializer.Serialize(table.Headers, Json),
                SensitiveAllowed = sensitiveAllowed,
                TotalRows = table.Rows.Count,
                UserId = userId,
                Now = clock.GetUtcNow().UtcDateTime,
            });
        await using var insert = await ImportCommand.CreateAsync(db,
            "INSERT INTO PeopleImportRows (ImportId, RowNumber, RawValues) VALUES (@ImportId, @RowNumber, @RawValues)",
            "ImportId", "RowNumber", "RawValues");
        insert["ImportId"] = id;
        foreach (var (number, values) in table.Rows)
        {
            insert["RowNumber"] = number;
            insert["RawValues"] = JsonSerializer.Serialize(values, Json);
            await insert.ExecuteAsync();
        }
        return id;
    }

    /// <summary>
    /// Reads every row with the mapping, checks it with the registry's rules (and for an ID number already registered or
    /// twice in the file), and stores the mapped values and the reasons on each row. Returns the good and rejected counts.
    /// </summary>
    public async Task<(int Good, int Rejected)> CheckAsync(Import import, Dictionary<string, int> mapping, ImportVocabulary words, DateOnly today)
    {
        var villages = new ImportVillages(await db.QueryAsync<ImportVillages.Village>(
            """
            SELECT v.Id, v.VillageNumber, v.NameTh, s.NameTh AS SubdistrictName, d.NameTh AS DistrictName
            FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId JOIN Districts d ON d.Id = s.DistrictId
            """));
        var reader = new ImportRowReader(mapping, words, villages, today, import.SensitiveAllowed);
        var rows = await db.QueryAsync<Row>(
            "SELECT Id, RowNumber, RawValues FROM PeopleImportRows WHERE ImportId = @Id ORDER BY RowNumber", new { import.Id });

        var read = rows.Select(row =>
        {
            var (input, errors) = reader.Read(row.Values);
            var idNumber = errors.Count == 0 ? input.SensitiveColumns()["IdNumber"] as string : null;
            return (row, input, errors, idNumber);
        }).ToList();

        var registered = await RegisteredIdNumbersAsync(read.Where(r => r.idNumber is not null).Select(r => r.idNumber!).Distinct().ToList());
        var firstRow = new Dictionary<string, int>();
        foreach (var (row, _, errors, idNumber) in read)
        {
            if (idNumber is null) continue;
            if (registered.Contains(idNumber)) errors.Add(AlreadyRegistered);
            else if (!firstRow.TryAdd(idNumber, row.RowNumber))
                errors.Add(new(nameof(PersonInput.IdNumber), "The same ID number is on row {0} of this file.", [firstRow[idNumber].ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        await using var update = await ImportCommand.CreateAsync(db,
            "UPDATE PeopleImportRows SET MappedValues = @MappedValues, IdNumber = @IdNumber, Errors = @Errors WHERE Id = @Id",
            "MappedValues", "IdNumber", "Errors", "Id");
        var good = 0;
        foreach (var (row, input, errors, idNumber) in read)
        {
            if (errors.Count == 0) good++;
            update["MappedValues"] = JsonSerializer.Serialize(input, Json);
            update["IdNumber"] = errors.Count == 0 ? idNumber : null;
            update["Errors"] = errors.Count == 0 ? null : JsonSerializer.Serialize(errors, Json);
            update["Id"] = row.Id;
            await update.ExecuteAsync();
        }

        await db.ExecuteAsync(
            """
            UPDATE PeopleImports SET Mapping = @Mapping, Status = 'Mapped', TotalRows = @Total, GoodRows = @Good, RejectedRows = @Rejected
            WHERE Id = @Id AND Status IN ('Uploaded', 'Mapped')
            """,
            new { import.Id, Mapping = JsonSerializer.Serialize(mapping, Json), Total = read.Count, Good = good, Rejected = read.Count - good });
        return (good, read.Count - good);
    }

    public static readonly ImportError AlreadyRegistered = new(nameof(PersonInput.IdNumber), "A person with this ID number is already registered.");

    private async Task<HashSet<string>> RegisteredIdNumbersAsync(IReadOnlyList<string> idNumbers)
    {
        var found = new HashSet<string>();
        // In slices: SQL Server takes at most 2 100 parameters in one statement.
        foreach (var slice in idNumbers.Chunk(500))
            found.UnionWith(await db.QueryAsync<string>("SELECT IdNumber FROM People WHERE IdNumber IN @slice", new { slice }));
        return found;
    }

    public async Task<Paged<Row>> PreviewAsync(long importId, bool onlyRejected, int? page)
    {
        var (number, skip) = Paged<Row>.Window(page, PreviewPageSize);
        const string Where = "WHERE ImportId = @importId AND (@onlyRejected = 0 OR Errors IS NOT NULL)";
        using var grid = await db.QueryMultipleAsync(
            db.Dialect.Page($"SELECT Id, RowNumber, RawValues, MappedValues, Errors, CreatedPersonId FROM PeopleImportRows {Where} ORDER BY RowNumber")
            + $";\nSELECT COUNT(1) FROM PeopleImportRows {Where};",
            new { importId, onlyRejected = onlyRejected ? 1 : 0, Skip = skip, Take = PreviewPageSize });
        var rows = (await grid.ReadAsync<Row>()).ToList();
        return new Paged<Row>(rows, number, PreviewPageSize, await grid.ReadSingleAsync<int>());
    }

    public Task<IReadOnlyList<Row>> RejectedAsync(long importId)
        => db.QueryAsync<Row>(
            "SELECT Id, RowNumber, RawValues, Errors FROM PeopleImportRows WHERE ImportId = @importId AND Errors IS NOT NULL ORDER BY RowNumber",
            new { importId });

    /// <summary>Asks for the commit once: from Mapped (with good rows), or again when the job could not be queued.</summary>
    public async Task<bool> RequestCommitAsync(long importId)
        => await db.ExecuteAsync(
            """
            UPDATE PeopleImports SET Status = 'Queued', CommitRequestedAt = @Now
            WHERE Id = @importId AND ((Status = 'Mapped' AND GoodRows > 0) OR (Status = 'Queued' AND JobId IS NULL))
            """,
            new { importId, Now = clock.GetUtcNow().UtcDateTime }) == 1;

    public Task SetJobAsync(long importId, string jobId)
        => db.ExecuteAsync("UPDATE PeopleImports SET JobId = @jobId WHERE Id = @importId", new { importId, jobId });
}

/// <summary>
/// A statement prepared once and run for many rows in the session's transaction: the bulk writes of an import, without
/// parsing and planning the SQL again for every row.
/// </summary>
public sealed class ImportCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, DbParameter> _parameters = new();

    private ImportCommand(DbCommand command) => _command = command;

    public static async Task<ImportCommand> CreateAsync(DbSession db, string sql, params IEnumerable<string> parameters)
    {
        var connection = await db.ConnectionAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Transaction;
        var bulk = new ImportCommand(command);
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
            bulk._parameters[name] = parameter;
        }
        // SQLite compiles the statement once; SQL Server caches the plan of the parameterised batch by itself.
        if (db.Dialect.Provider == DatabaseProvider.Sqlite) command.Prepare();
        return bulk;
    }

    public object? this[string name]
    {
        set
        {
            var parameter = _parameters[name];
            switch (value)
            {
                case null:
                    parameter.Value = DBNull.Value;
                    break;
                case DateOnly date:
                    parameter.DbType = DbType.Date;
                    parameter.Value = date;
                    break;
                case DateTime time:
                    parameter.DbType = DbType.DateTime2;
                    parameter.Value = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
                    break;
                case bool flag:
                    parameter.DbType = DbType.Boolean;
                    parameter.Value = flag;
                    break;
                default:
                    parameter.Value = value;
                    break;
            }
        }
    }

    public Task<int> ExecuteAsync() => _command.ExecuteNonQueryAsync();

    /// <summary>Runs an INSERT whose SQL ends with the dialect's SelectNewId and returns the new id.</summary>
    public async Task<long> InsertAsync() => Convert.ToInt64(await _command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
