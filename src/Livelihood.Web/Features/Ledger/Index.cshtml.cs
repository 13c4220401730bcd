using Livelihood.Web.Features.Groups;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Ledger;

/// <summary>A group's whole ledger, newest first, voided entries struck through; each live entry can be voided.</summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.Group, "groupId")]
public sealed class IndexModel(LedgerQueries ledger, GroupQueries groups) : PageModel
{
    public const int PageSize = 30;

    [FromRoute] public long GroupId { get; set; }
    [FromQuery] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery] public bool Voided { get; set; }

    public GroupQueries.Group Group { get; private set; } = null!;
    public Paged<LedgerQueries.Entry> Entries { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        var group = await groups.FindAsync(GroupId);
        if (group is null) return NotFound();
        Group = group;
        if (!LedgerEntry.Kinds.Contains(Kind)) Kind = null;
        Entries = await ledger.ListAsync(GroupId, Kind, PageNumber, PageSize);
        return Page();
    }
}
