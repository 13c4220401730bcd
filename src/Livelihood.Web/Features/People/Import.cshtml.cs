using Livelihood.Web.Platform.Export;
using Hangfire;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>
/// Imports people from the spreadsheet an NGO already keeps, in four steps: upload a CSV or XLSX file (its rows are
/// staged in the database), map its columns to the registry's fields (guessed from the headers), preview every row
/// with the reasons it would be refused, then import the good rows as a background job whose progress the page shows.
/// The rejected rows download as a file with the reason on each.
/// </summary>
[Authorize(Policy = Policies.RegisterPeople)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
[Scope(ResourceKind.Import, access: Access.Change, Optional = true)]
public sealed class ImportModel(
    ImportQueries imports, PeopleQueries people, CurrentUser user, TimeProvider clock, IBackgroundJobClient jobs, JobStorage jobStorage,
    IStringLocalizer<PeopleText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    /// <summary>Files up to twice the limit get a clear message next to the field; larger requests are cut off.</summary>
    private const long UploadLimit = 2 * ImportFile.MaxBytes;

    [FromRoute] public long? Id { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>Field → column index, posted as Mapping[Field]; read from the form by hand (a dictionary bound by MVC
    /// would take every other form field too when none is posted).</summary>
    public Dictionary<string, int> Mapping { get; private set; } = new();
    [FromQuery(Name = "remap")] public bool Remap { get; set; }
    [FromQuery(Name = "rejected")] public bool OnlyRejected { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public ImportQueries.Import? Current { get; private set; }
    public IReadOnlyList<ImportQueries.Import> Recent { get; private set; } = [];
    public IReadOnlyList<string> Headers { get; private set; } = [];
    public IReadOnlyList<ImportFields.Field> Fields { get; private set; } = [];
    public string?[] Sample { get; private set; } = [];
    public Paged<ImportQueries.Row> Preview { get; private set; } = new([], 1, ImportQueries.PreviewPageSize, 0);

    /// <summary>Which step the page shows: upload, map, preview, importing or done.</summary>
    public string Step => Current switch
    {
        null => "upload",
        { Status: "Uploaded" } => "map",
        { Status: "Mapped" } when Remap => "map",
        { Status: "Mapped" } => "preview",
        { Status: "Queued" or "Importing" } => "importing",
        _ => "done",
    };

    private long UserId => user.Id!.Value;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            Recent = await imports.RecentAsync(UserId);
            return Page();
        }
        Current = await imports.FindAsync(Id.Value, UserId);
        if (Current is null) return NotFound();
        if (Step == "map") await ShowMappingAsync(Current.MappingColumns);
        else if (Step is "preview" or "done") Preview = await imports.PreviewAsync(Current.Id, OnlyRejected, PageNumber);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ImportFile.Table? table = null;
        var kind = Upload is null ? null : ImportFile.KindOf(Upload.FileName);
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), text["Choose a CSV or Excel (.xlsx) file."]);
        else if (kind is null) ModelState.AddModelError(nameof(Upload), text["Only CSV (.csv) and Excel (.xlsx) files can be imported."]);
        else if (Upload.Length > ImportFile.MaxBytes) ModelState.AddModelError(nameof(Upload), text["The file is larger than 10 MB: split it into smaller files."]);
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                table = ImportFile.Read(stream, kind);
            }
            catch (ImportFile.Refused refused)
            {
                ModelState.AddModelError(nameof(Upload), text[refused.Message]);
            }
        }
        if (table is null || !ModelState.IsValid)
        {
            Recent = await imports.RecentAsync(UserId);
            return Page();
        }

        // Everyone who registers people writes the sensitive fields of the people they register (all imported people).
        var id = await imports.StageAsync(Upload!.FileName, table, UserId, people.CanSeeSensitive(UserId));
        return RedirectToPage("Import", new { id });
    }

    public async Task<IActionResult> OnPostMapAsync()
    {
        Current = Id is { } id ? await imports.FindAsync(id, UserId) : null;
        if (Current is null) return NotFound();
        if (!Current.IsOpen) return RedirectToPage("Import", new { id = Current.Id });

        var headers = Current.HeaderList;
        var mapping = new Dictionary<string, int>();
        foreach (var field in ImportFields.For(Current.SensitiveAllowed))
            if (int.TryParse(Request.Form[$"Mapping[{field.Name}]"], out var column) && column >= 0 && column < headers.Count)
                mapping[field.Name] = column;
        foreach (var field in ImportFields.Required.Where(f => !mapping.ContainsKey(f)))
            ModelState.AddModelError($"Mapping[{field}]", text["Choose the column that holds this field."]);
        if (!mapping.ContainsKey(nameof(PersonInput.BirthDate)) && !mapping.ContainsKey(nameof(PersonInput.BirthYear)))
            ModelState.AddModelError($"Mapping[{nameof(PersonInput.BirthDate)}]", text["Choose the column of the birth date or of the birth year."]);
        if (!ModelState.IsValid)
        {
            await ShowMappingAsync(mapping);
            return Page();
        }

        await imports.CheckAsync(Current, mapping, new ImportVocabulary(text), Today);
        return RedirectToPage("Import", new { id = Current.Id });
    }

    public async Task<IActionResult> OnPostCommitAsync()
    {
        Current = Id is { } id ? await imports.FindAsync(id, UserId) : null;
        if (Current is null) return NotFound();
        if (await imports.RequestCommitAsync(Current.Id))
        {
            // Queued inside this request's transaction: the job's first statement waits for it to commit, and finds
            // nothing to do if it was rolled back.
            var importId = Current.Id;
            var jobId = jobs.Enqueue<ImportPeopleJob>(job => job.RunAsync(importId, null));
            await imports.SetJobAsync(importId, jobId);
        }
        return RedirectToPage("Import", new { id = Current.Id });
    }

    /// <summary>The job's progress for the page to poll: rows done of the good rows, and whether it is finished.</summary>
    public async Task<IActionResult> OnGetProgressAsync()
    {
        Current = Id is { } id ? await imports.FindAsync(id, UserId) : null;
        if (Current is null) return NotFound();
        var done = Current.Status == "Done" ? Current.ImportedRows : 0;
        string? state = null;
        if (Current.Status != "Done" && Current.JobId is { } jobId)
        {
            using var connection = jobStorage.GetConnection();
            if (int.TryParse(connection.GetJobParameter(jobId, ImportPeopleJob.ProgressParameter)?.Trim('"'), out var progress)) done = progress;
            state = connection.GetStateData(jobId)?.Name;
        }
        return new JsonResult(new
        {
            status = Current.Status,
            done,
            total = Current.GoodRows,
            imported = Current.ImportedRows,
            rejected = Current.RejectedRows,
            finished = Current.Status == "Done",
            // The job's state (Enqueued: waiting for a worker, Processing, Failed after its retries).
            state,
            failed = state == "Failed",
        });
    }

    /// <summary>The rejected rows with the file's own columns and a reason column, to correct and import again.</summary>
    public async Task<IActionResult> OnGetRejectedAsync(string? format)
    {
        Current = Id is { } id ? await imports.FindAsync(id, UserId) : null;
        if (Current is null || !ExportFile.IsFormat(format)) return NotFound();
        var headers = Current.HeaderList;
        var rows = (await imports.RejectedAsync(Current.Id))
            .Select(r => r.Values.Take(headers.Count).Cast<object?>().Append(Reasons(r.ErrorList)).ToArray());
        var file = await ExportFile.WriteAsync(format!, [.. headers, text["Reason"]], ExportFile.Async(rows), "Rejected");
        var name = Path.GetFileNameWithoutExtension(Current.FileName);
        return File(file, ExportFile.ContentType(format!), $"{name}-rejected.{format}");
    }

    private async Task ShowMappingAsync(Dictionary<string, int>? mapping)
    {
        Headers = Current!.HeaderList;
        Fields = ImportFields.For(Current.SensitiveAllowed).ToList();
        var words = new ImportVocabulary(text);
        Mapping = mapping ?? ImportFields.Guess(Headers, Fields, words.Labels);
        var first = await imports.PreviewAsync(Current.Id, onlyRejected: false, page: 1);
        Sample = first.Rows.Count > 0 ? first.Rows[0].Values : [];
    }

    /// <summary>An error as the user reads it: the field's label and the message, in the user's language.</summary>
    public string Reason(ImportError error)
    {
        var args = (error.Args ?? []).Cast<object>().ToArray();
        var message = text[error.Message, args];
        if (message.ResourceNotFound) message = shared[error.Message, args];
        return $"{text[ImportFields.LabelOf(error.Field)]}: {message}";
    }

    public string Reasons(IEnumerable<ImportError> errors) => string.Join("; ", errors.Select(Reason));
}
