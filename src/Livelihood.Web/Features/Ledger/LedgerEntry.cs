using System.ComponentModel.DataAnnotations;
using Livelihood.Data;

namespace Livelihood.Web.Features.Ledger;

/// <summary>The codes of a ledger entry (DESIGN.md "Sale", "Expense", "Payout"), as stored and checked by the table.</summary>
public static class LedgerEntry
{
    public const string Sale = "Sale";
    public const string Expense = "Expense";
    public const string Payout = "Payout";
    public static readonly string[] Kinds = [Sale, Expense, Payout];
    public static readonly string[] Channels = ["VillageMarket", "ShopOrConsignment", "WholesaleOrder", "Fair", "Online"];
    public static readonly string[] Categories = ["Materials", "Transport", "StallFee", "Equipment", "Other"];
    public static readonly string[] PayoutKinds = ["PieceworkWage", "ProfitShare"];

    /// <summary>A sale's amount: quantity × unit price, rounded to the satang.</summary>
    public static Money SaleAmount(decimal quantity, decimal unitPrice)
        => new(decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero));
}

/// <summary>What the entry form posts. Which fields count depends on the kind; <see cref="EntryRules"/> checks them.</summary>
public sealed class EntryInput
{
    public string Kind { get; set; } = LedgerEntry.Sale;

    [Required(ErrorMessage = "Enter the date.")]
    public DateOnly? EntryDate { get; set; }

    public long? ProductId { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public decimal? Amount { get; set; }
    public string? Channel { get; set; }
    public string? Category { get; set; }
    public long? MemberId { get; set; }
    public string? PayoutKind { get; set; }

    [StringLength(500, ErrorMessage = "Use at most {1} characters.")]
    public string? Note { get; set; }

    /// <summary>Made when the form is shown; a second post of the same form records nothing more.</summary>
    public string SubmissionId { get; set; } = "";
}

/// <summary>
/// The rules an entry must meet before anything is saved. Pure: the group's products and members are handed in.
/// Each problem names the field it belongs to and an English message (a resource key) with its arguments.
/// </summary>
public static class EntryRules
{
    public const decimal MaxAmount = 100_000_000m;

    public sealed record ProductChoice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Unit { get; init; } = "";
        public Money UsualPrice { get; init; }
    }

    public sealed record MemberChoice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public DateOnly JoinedOn { get; init; }
        public DateOnly? LeftOn { get; init; }

        public bool IsMemberOn(DateOnly date) => JoinedOn <= date && (LeftOn is null || LeftOn >= date);
    }

    public sealed record Problem(string Field, string Message, params object[] Arguments);

    public static List<Problem> Check(EntryInput entry, DateOnly today, IReadOnlyList<ProductChoice> products, IReadOnlyList<MemberChoice> members)
    {
        var problems = new List<Problem>();
        if (entry.EntryDate is { } date && date > today.AddDays(1))
            problems.Add(new(nameof(entry.EntryDate), "The date cannot be more than one day ahead."));

        switch (entry.Kind)
        {
            case LedgerEntry.Sale:
                CheckSale(entry, products, problems);
                break;
            case LedgerEntry.Expense:
                if (!LedgerEntry.Categories.Contains(entry.Category)) problems.Add(new(nameof(entry.Category), "Choose what the money was spent on."));
                CheckAmount(entry.Amount, nameof(entry.Amount), problems);
                break;
            case LedgerEntry.Payout:
                var member = members.FirstOrDefault(m => m.Id == entry.MemberId);
                if (member is null) problems.Add(new(nameof(entry.MemberId), "Choose a member of this group."));
                else if (entry.EntryDate is { } paidOn && !member.IsMemberOn(paidOn))
                    problems.Add(new(nameof(entry.MemberId), "{0} was not a member of the group on that date.", member.Name));
                if (!LedgerEntry.PayoutKinds.Contains(entry.PayoutKind)) problems.Add(new(nameof(entry.PayoutKind), "Choose the kind of payout."));
                CheckAmount(entry.Amount, nameof(entry.Amount), problems);
                break;
            default:
                problems.Add(new(nameof(entry.Kind), "Choose sale, expense or payout."));
                break;
        }
        return problems;
    }

    private static void CheckSale(EntryInput entry, IReadOnlyList<ProductChoice> products, List<Problem> problems)
    {
        if (products.All(p => p.Id != entry.ProductId)) problems.Add(new(nameof(entry.ProductId), "Choose a product."));
        if (!LedgerEntry.Channels.Contains(entry.Channel)) problems.Add(new(nameof(entry.Channel), "Choose where it was sold."));

        var quantityOk = false;
        if (entry.Quantity is not { } quantity) problems.Add(new(nameof(entry.Quantity), "Enter the quantity."));
        else if (quantity <= 0) problems.Add(new(nameof(entry.Quantity), "The quantity must be more than 0."));
        else if (quantity * 100m != decimal.Truncate(quantity * 100m) || quantity > 1_000_000m)
            problems.Add(new(nameof(entry.Quantity), "Enter a quantity up to 1,000,000 with at most two decimal places."));
        else quantityOk = true;

        var priceOk = CheckAmount(entry.UnitPrice, nameof(entry.UnitPrice), problems);
        if (!quantityOk || !priceOk) return;

        // An empty amount is the computed one; a typed amount must agree with it, so a slip of the finger shows.
        var computed = LedgerEntry.SaleAmount(entry.Quantity!.Value, entry.UnitPrice!.Value);
        if (entry.Amount is { } typed && typed != computed.Baht)
            problems.Add(new(nameof(entry.Amount), "The amount does not match quantity × unit price ({0} baht).", computed));
        else if (computed.Baht is <= 0 or > MaxAmount)
            problems.Add(new(nameof(entry.Amount), "Enter an amount from 0.01 to 100,000,000 baht."));
    }

    private static bool CheckAmount(decimal? amount, string field, List<Problem> problems)
    {
        if (amount is not { } baht) problems.Add(new(field, "Enter the amount in baht."));
        else if (baht <= 0 || baht > MaxAmount) problems.Add(new(field, "Enter an amount from 0.01 to 100,000,000 baht."));
        else if (!new Money(baht).IsWholeSatang) problems.Add(new(field, "Use at most two decimal places."));
        else return true;
        return false;
    }
}
