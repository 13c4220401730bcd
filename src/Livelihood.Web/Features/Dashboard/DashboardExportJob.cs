using System.Globalization;
using System.Text.Json;
using Hangfire;
using Livelihood.Data;
using Livelihood.Web.Platform.Export;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// Writes the rows behind a dashboard number to CSV or XLSX in the background (a year can be a hundred thousand rows),
/// reading them in batches through the drill-down's own query and recording the rows done after each batch, so the
/// export page can show progress. Safe to run twice: a finished export is left alone, an unfinished one starts over.
/// </summary>
public sealed class DashboardExportJob(DbSession db, DashboardQueries queries, TimeProvider clock, IStringLocalizer<DashboardText> text)
{
    public const int Batch = 2000;

    /// <summary>What was asked for, kept as JSON with the export; Culture is the asker's language, for the headers.</summary>
    public sealed record Request
    {
        public DateOnly From { get; init; }
        public DateOnly To { get; init; }
        public DashboardQueries.Filter Filter { get; init; } = new();
        public string Dimension { get; init; } = DashboardQueries.Dimensions.None;
        public string? Group { get; init; }
        public string Culture { get; init; } = "th-TH";
    }

    private sealed record Export
    {
        public string Indicator { get; init; } = "";
        public string Request { get; init; } = "";
        public string Format { get; init; } = "";
    }

    public async Task<long> QueueAsync(long userId, DashboardQueries.Indicator indicator, Request request, string format)
        => await db.InsertAsync(
            """
            INSERT INTO DashboardExports (RequestedByUserId, Indicator, Request, Format, Status, CreatedAt)
            VALUES (@userId, @Code, @json, @format, 'Queued', @now)
            """,
            new { userId, indicator.Code, json = JsonSerializer.Serialize(request), format, now = clock.GetUtcNow().UtcDateTime });

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long exportId)
    {
        if (await db.ExecuteAsync("UPDATE DashboardExports SET Status = 'Running', DoneRows = 0 WHERE Id = @exportId AND Status <> 'Done'", new { exportId }) == 0) return;
        var export = await db.QuerySingleAsync<Export>("SELECT Indicator, Request, Format FROM DashboardExports WHERE Id = @exportId", new { exportId });
        var request = JsonSerializer.Deserialize<Request>(export.Request)!;
        var indicator = DashboardQueries.Find(export.Indicator)!;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Culture);

        string[] headers = [text["Person"], text["Detail"], text["Date"], text["Amount"], text["Counted as yes"], text["Group"]];
        await using var file = await ExportFile.WriteAsync(export.Format, headers, RowsAsync(exportId, indicator, request), text["Rows"]);
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        await db.ExecuteAsync("UPDATE DashboardExports SET Content = @content, Status = 'Done', FinishedAt = @now WHERE Id = @exportId",
            new { exportId, content = bytes.ToArray(), now = clock.GetUtcNow().UtcDateTime });
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(long exportId, DashboardQueries.Indicator indicator, Request request)
    {
        var money = indicator.Kind is DashboardQueries.Kind.Money or DashboardQueries.Kind.Median;
        var done = 0;
        for (var page = 1; ; page++)
        {
            var rows = await queries.RowsAsync(indicator, request.From, request.To, request.Filter, request.Dimension, request.Group, page, Batch);
            foreach (var r in rows.Rows)
                yield return [r.PersonName, r.Detail, r.Day, r.Amount is { } a && money ? Money.FromSatang((long)a).Baht : r.Amount,
                    r.Hit is { } hit ? (hit == 1 ? text["Yes"].Value : text["No"].Value) : null, r.GrpName];
            done += rows.Rows.Count;
            await db.ExecuteAsync("UPDATE DashboardExports SET DoneRows = @done, TotalRows = @TotalCount WHERE Id = @exportId", new { exportId, done, rows.TotalCount });
            if (!rows.HasNext) break;
        }
    }
}
