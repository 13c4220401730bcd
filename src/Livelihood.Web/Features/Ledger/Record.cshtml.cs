using Livelihood.Data;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.Groups;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// Records a sale, an expense or a payout for a group, on a phone in seconds: the last product and channel come
/// prefilled, the amount is worked out, and a double tap records one entry.
/// </summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.Group, "groupId", Access.Change)]
public sealed class RecordModel(LedgerQueries ledger, GroupQueries groups, AuditedWrites audited, DashboardAggregatesJob aggregates, CurrentUser user,
    TimeProvider clock, IStringLocalizer<LedgerText> text) : PageModel
{
    public const int RecentCount = 5;

    [FromRoute] public long GroupId { get; set; }
    /// <summary>Which form to show; nullable so that a post without it in the address is not "missing a field".</summary>
    [FromQuery] public string? Kind { get; set; }
    [FromQuery] public long? Saved { get; set; }
    [BindProperty] public EntryInput Entry { get; set; } = new();

    public GroupQueries.Group Group { get; private set; } = null!;
    public IReadOnlyList<EntryRules.ProductChoice> Products { get; private set; } = [];
    public IReadOnlyList<EntryRules.MemberChoice> Members { get; private set; } = [];
    public IReadOnlyList<LedgerQueries.Entry> Recent { get; private set; } = [];
    public LedgerQueries.Entry? SavedEntry { get; private set; }
    public DateOnly Today => DisplayDates.ThaiToday(clock);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!LedgerEntry.Kinds.Contains(Kind)) Kind = LedgerEntry.Sale;
        if (await LoadAsync() is { } refused) return refused;
        Recent = await ledger.RecentAsync(GroupId, RecentCount);
        var last = await ledger.LastSaleAsync(GroupId, user.Id!.Value);
        var product = Products.FirstOrDefault(p => p.Id == last?.ProductId) ?? Products.FirstOrDefault();
        Entry = new EntryInput
        {
            Kind = Kind!,
            EntryDate = Today,
            ProductId = product?.Id,
            UnitPrice = product?.UsualPrice.Baht,
            Channel = last?.Channel ?? LedgerEntry.Channels[0],
            SubmissionId = Guid.NewGuid().ToString("N"),
        };
        if (Saved is { } id && await ledger.FindAsync(id) is { } saved && saved.GroupId == GroupId) SavedEntry = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Kind = Entry.Kind;
        if (await LoadAsync() is { } refused) return refused;
        if (string.IsNullOrEmpty(Entry.SubmissionId) || Entry.SubmissionId.Length > 64) return BadRequest();
        if (await ledger.RecordedBySubmissionAsync(Entry.SubmissionId) is { } already) return SavedRedirect(already);

        foreach (var problem in EntryRules.Check(Entry, Today, Products, Members))
            ModelState.AddModelError($"{nameof(Entry)}.{problem.Field}", text[problem.Message, problem.Arguments]);
        if (!ModelState.IsValid)
        {
            Recent = await ledger.RecentAsync(GroupId, RecentCount);
            return Page();
        }

        var values = Values();
        var id = await audited.InsertAsync("LedgerEntries", values);
        await aggregates.AddLedgerEntryAsync(
            new(GroupId, Entry.Kind, Entry.EntryDate!.Value, (long?)values.GetValueOrDefault("MemberId"), (Money)values["Amount"]!), 1);
        return SavedRedirect(id);
    }

    private IActionResult SavedRedirect(long id) => RedirectToPage(new { groupId = GroupId, kind = Kind, saved = id });

    /// <summary>The row to insert: only the columns of the entry's kind, the amount in satang.</summary>
    private Dictionary<string, object?> Values()
    {
        var values = new Dictionary<string, object?>
        {
            ["GroupId"] = GroupId,
            ["Kind"] = Entry.Kind,
            ["EntryDate"] = Entry.EntryDate,
            ["Note"] = string.IsNullOrWhiteSpace(Entry.Note) ? null : Entry.Note.Trim(),
            ["SubmissionId"] = Entry.SubmissionId,
            ["RecordedByUserId"] = user.Id,
            ["RecordedAt"] = clock.GetUtcNow().UtcDateTime,
        };
        switch (Entry.Kind)
        {
            case LedgerEntry.Sale:
                values["Amount"] = LedgerEntry.SaleAmount(Entry.Quantity!.Value, Entry.UnitPrice!.Value);
                values["ProductId"] = Entry.ProductId;
                values["Quantity"] = Entry.Quantity;
                values["UnitPrice"] = new Money(Entry.UnitPrice.Value);
                values["Channel"] = Entry.Channel;
                break;
            case LedgerEntry.Expense:
                values["Amount"] = new Money(Entry.Amount!.Value);
                values["Category"] = Entry.Category;
                break;
            default:
                values["Amount"] = new Money(Entry.Amount!.Value);
                values["MemberId"] = Entry.MemberId;
                values["PayoutKind"] = Entry.PayoutKind;
                break;
        }
        return values;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var group = await groups.FindAsync(GroupId);
        if (group is null) return NotFound();
        Group = group;
        Products = await ledger.ProductsAsync(GroupId);
        Members = await ledger.MembersAsync(GroupId);
        return null;
    }
}
