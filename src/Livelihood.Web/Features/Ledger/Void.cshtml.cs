using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.Groups;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// Voids a wrong entry with a reason: it stays in the ledger struck through and leaves every total. The ledger is
/// append-only, so this is the only change an entry ever gets, and it is audited.
/// </summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.LedgerEntry, access: Access.Change)]
public sealed class VoidModel(LedgerQueries ledger, GroupQueries groups, DbSession db, AuditedWrites audited, DashboardAggregatesJob aggregates,
    CurrentUser user, TimeProvider clock, IStringLocalizer<LedgerText> text) : PageModel
{
    [FromRoute] public long Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Say why the entry is wrong.")]
    [StringLength(500, ErrorMessage = "Use at most {1} characters.")]
    public string? Reason { get; set; }

    public LedgerQueries.Entry Entry { get; private set; } = null!;
    public string GroupName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var voided = await db.ExecuteAsync(
            "UPDATE LedgerEntries SET VoidedAt = @now, VoidedByUserId = @userId, VoidReason = @reason WHERE Id = @Id AND VoidedAt IS NULL",
            new { now = clock.GetUtcNow().UtcDateTime, userId = user.Id, reason = Reason!.Trim(), Id });
        if (voided == 0)
        {
            // Someone voided it between this page opening and the post: say so rather than overwrite their reason.
            ModelState.AddModelError("", text["This entry was voided meanwhile by someone else."]);
            await LoadAsync();
            return Page();
        }
        await aggregates.AddLedgerEntryAsync(new(Entry.GroupId, Entry.Kind, Entry.EntryDate, Entry.MemberId, Entry.Amount), -1);
        await audited.RecordAsync("Void", "LedgerEntries", Id, new { Reason = Reason.Trim(), Entry.Kind, Entry.EntryDate, Amount = Entry.Amount.Baht });
        return Redirect($"/Ledger/{Entry.GroupId}?voided=true");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await ledger.FindAsync(Id) is not { } entry) return NotFound();
        Entry = entry;
        GroupName = (await groups.FindAsync(entry.GroupId))!.Name;
        return null;
    }
}
