using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>A long export's progress (rows written of all), and its file once ready; only for the person who asked (its scope).</summary>
[Authorize(Policy = Policies.SeeDashboard)]
[Scope(ResourceKind.ExportFile)]
public sealed class ExportsModel(DbSession db) : PageModel
{
    public sealed record Export
    {
        public long Id { get; init; }
        public string Indicator { get; init; } = "";
        public string Format { get; init; } = "";
        public string Status { get; init; } = "";
        public int? TotalRows { get; init; }
        public int DoneRows { get; init; }
        public bool IsDone => Status == "Done";
        public int Percent => TotalRows is > 0 and var total ? Math.Min(100, 100 * DoneRows / total) : IsDone ? 100 : 0;
    }

    [FromRoute] public long Id { get; set; }
    public Export Current { get; private set; } = null!;

    private Task<Export?> FindAsync()
        => db.QuerySingleOrDefaultAsync<Export>(
            "SELECT Id, Indicator, Format, Status, TotalRows, DoneRows FROM DashboardExports WHERE Id = @Id", new { Id });

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } export) return NotFound();
        Current = export;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await FindAsync() is not { IsDone: true } export) return NotFound();
        var content = await db.QuerySingleAsync<byte[]>("SELECT Content FROM DashboardExports WHERE Id = @Id", new { Id });
        return File(content, ExportFile.ContentType(export.Format), $"{export.Indicator}-{export.Id}.{export.Format}");
    }
}
