using Livelihood.Data;
using Livelihood.Web.Features.Ledger;

namespace Livelihood.Tests.Features.Ledger;

/// <summary>Every rule an entry must meet, one case each; the form shows the message next to the field named.</summary>
public sealed class EntryRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly EntryRules.ProductChoice[] Products = 
    [
        new() { Id = 7, Name = "ผ้าซิ่น", Unit = "ผืน", UsualPrice = new Money(450m) },
        new() { Id = 8, Name = "ย่าม", Unit = "ใบ", UsualPrice = new Money(33.33m) },
    ];
    private static readonly EntryRules.MemberChoice[] Members =
    [
        new() { Id = 21, Name = "นางคำ", JoinedOn = new DateOnly(2025, 1, 1) },
        new() { Id = 22, Name = "นางแสง", JoinedOn = new DateOnly(2025, 1, 1), LeftOn = new DateOnly(2026, 6, 30) },
    ];

    private static EntryInput Sale(decimal? quantity = 2, decimal? price = 450, decimal? amount = null, long? product = 7, string? channel = "Fair", int days = 0)
        => new() { Kind = "Sale", EntryDate = Today.AddDays(days), ProductId = product, Quantity = quantity, UnitPrice = price, Amount = amount, Channel = channel };

    private static EntryInput Expense(decimal? amount = 120, string? category = "Transport")
        => new() { Kind = "Expense", EntryDate = Today, Amount = amount, Category = category };

    private static EntryInput Payout(long? member = 21, string? kind = "ProfitShare", decimal? amount = 500, DateOnly? on = null)
        => new() { Kind = "Payout", EntryDate = on ?? Today, MemberId = member, PayoutKind = kind, Amount = amount };

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Sale(), "").SetName("A sale with the amount left empty is fine");
        yield return new TestCaseData(Sale(amount: 900), "").SetName("A typed amount equal to quantity × price is fine");
        yield return new TestCaseData(Sale(quantity: 1.5m, price: 33.33m, amount: 50.00m, product: 8), "").SetName("Half a satang rounds up: 1.5 × 33.33 = 50.00");
        yield return new TestCaseData(Sale(days: 1), "").SetName("Tomorrow is allowed (a sale recorded just before midnight)");
        yield return new TestCaseData(Sale(days: 2), "EntryDate").SetName("Two days ahead is refused");
        yield return new TestCaseData(Sale(quantity: -1), "Quantity").SetName("A negative quantity is refused");
        yield return new TestCaseData(Sale(quantity: 0), "Quantity").SetName("A zero quantity is refused");
        yield return new TestCaseData(Sale(quantity: null), "Quantity").SetName("A missing quantity is refused");
        yield return new TestCaseData(Sale(quantity: 1.255m), "Quantity").SetName("A quantity with three decimals is refused");
        yield return new TestCaseData(Sale(amount: 899.99m), "Amount").SetName("An amount that does not match quantity × price is refused");
        yield return new TestCaseData(Sale(price: -450), "UnitPrice").SetName("A negative price is refused");
        yield return new TestCaseData(Sale(price: 450.005m), "UnitPrice").SetName("A price with three decimals is refused");
        yield return new TestCaseData(Sale(product: 99), "ProductId").SetName("A product not of this group (or retired) is refused");
        yield return new TestCaseData(Sale(channel: "Market"), "Channel").SetName("An unknown channel is refused");
        yield return new TestCaseData(Expense(), "").SetName("An expense with category and amount is fine");
        yield return new TestCaseData(Expense(category: null), "Category").SetName("An expense without category is refused");
        yield return new TestCaseData(Expense(amount: -120), "Amount").SetName("A negative expense is refused");
        yield return new TestCaseData(Expense(amount: 0), "Amount").SetName("A zero expense is refused");
        yield return new TestCaseData(Expense(amount: 100_000_000.01m), "Amount").SetName("An expense above 100 million baht is refused");
        yield return new TestCaseData(Payout(), "").SetName("A payout to a current member is fine");
        yield return new TestCaseData(Payout(member: 22, on: new DateOnly(2026, 6, 30)), "").SetName("A payout dated on a former member's last day is fine");
        yield return new TestCaseData(Payout(member: 22), "MemberId").SetName("A payout to someone who had left by that date is refused");
        yield return new TestCaseData(Payout(member: 99), "MemberId").SetName("A payout to a non-member is refused");
        yield return new TestCaseData(Payout(kind: null), "PayoutKind").SetName("A payout without its kind is refused");
        yield return new TestCaseData(new EntryInput { Kind = "Loan", EntryDate = Today }, "Kind").SetName("An unknown kind is refused");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_rules_name_the_field_at_fault(EntryInput entry, string field)
    {
        var problems = EntryRules.Check(entry, Today, Products, Members);

        Assert.That(string.Join(",", problems.Select(p => p.Field)), Is.EqualTo(field));
    }

    [Test]
    public void The_mismatch_message_carries_the_computed_amount()
    {
        var problem = EntryRules.Check(Sale(quantity: 3, amount: 1000), Today, Products, Members).Single();

        Assert.That(problem.Arguments.Single(), Is.EqualTo(new Money(1350m)));
    }

    [Test]
    public void Every_code_and_rule_message_the_pages_show_has_Thai()
    {
        var shown = LedgerEntry.Kinds.Concat(LedgerEntry.Channels).Concat(LedgerEntry.Categories).Concat(LedgerEntry.PayoutKinds)
            .Concat(Cases().SelectMany(c => EntryRules.Check((EntryInput)c.Arguments[0]!, Today, Products, Members)).Select(p => p.Message))
            .Distinct().ToList();

        Assert.That(shown, Has.Count.GreaterThan(25));
        Assert.That(shown.Where(key => !Platform.TranslationTests.Thai("LedgerText").Contains(key)), Is.Empty);
    }
}
