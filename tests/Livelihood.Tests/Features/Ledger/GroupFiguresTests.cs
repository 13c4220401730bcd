using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Ledger;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Ledger;

/// <summary>The group page's totals, summed in SQL: voids excluded, the window's edges exact, decimals to the satang.</summary>
public sealed class GroupFiguresTests(DatabaseProvider provider) : AppFixture(provider)
{
    /// <summary>Kind, date, baht, voided.</summary>
    public sealed record E(string Kind, string Date, decimal Baht, bool Voided = false);

    /// <summary>Opening fund, sales, expenses, payouts and closing fund of Dec 2025 – Nov 2026, in baht.</summary>
    public sealed record Expected(decimal Opening, decimal Sales, decimal Expenses, decimal Payouts, decimal Closing);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Array.Empty<E>(), new Expected(0, 0, 0, 0, 0)).SetName("No entry: zeros, not blanks");
        yield return new TestCaseData(new[] { new E("Sale", "2026-11-03", 450m), new E("Expense", "2026-11-04", 120.50m), new E("Payout", "2026-11-05", 100.25m) },
            new Expected(0, 450m, 120.50m, 100.25m, 229.25m)).SetName("Fund = sales − expenses − payouts");
        yield return new TestCaseData(new[] { new E("Sale", "2026-11-03", 450m), new E("Sale", "2026-11-03", 1000m, Voided: true), new E("Expense", "2026-10-01", 99.99m, Voided: true) },
            new Expected(0, 450m, 0, 0, 450m)).SetName("Voided entries count nowhere");
        yield return new TestCaseData(new[] { new E("Sale", "2025-11-30", 0.10m), new E("Expense", "2025-11-30", 0.05m), new E("Sale", "2025-12-01", 0.20m) },
            new Expected(0.05m, 0.20m, 0, 0, 0.25m)).SetName("The day before the window goes into the opening fund, its first day into the window");
        yield return new TestCaseData(new[] { new E("Sale", "2026-01-10", 0.10m), new E("Sale", "2026-02-10", 0.10m), new E("Sale", "2026-03-10", 0.10m) },
            new Expected(0, 0.30m, 0, 0, 0.30m)).SetName("Ten satang three times is exactly thirty satang");
        yield return new TestCaseData(new[] { new E("Sale", "2026-12-01", 500m), new E("Payout", "2026-11-30", 200m) },
            new Expected(0, 0, 0, 200m, -200m)).SetName("After the window's last day counts nowhere; a fund can go below zero");
        yield return new TestCaseData(new[] { new E("Sale", "2024-03-01", 1_000_000.01m), new E("Payout", "2025-01-01", 999_999.99m) },
            new Expected(0.02m, 0, 0, 0, 0.02m)).SetName("Large old amounts carry into the opening fund exactly");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Totals_and_fund_balance(E[] entries, Expected expected)
    {
        await App.CreateUserAsync(Roles.Admin);
        var group = await LedgerData.GroupAsync(App);
        foreach (var e in entries)
            await LedgerData.EntryAsync(App, group.Id, e.Kind, e.Date, e.Baht, voided: e.Voided,
                productId: e.Kind == "Sale" ? group.ProductId : null, quantity: e.Kind == "Sale" ? 1 : null, memberId: e.Kind == "Payout" ? group.MemberId : null);

        var (from, to) = GroupFigureQueries.TwelveMonthsTo(new DateOnly(2026, 11, 29));
        var period = await App.WithServicesAsync(s => s.GetRequiredService<GroupFigureQueries>().ForPeriodAsync(group.Id, from, to));

        Assert.Multiple(() =>
        {
            Assert.That((from, to), Is.EqualTo((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30))));
            Assert.That(period.Months.Select(m => m.YearMonth).First(), Is.EqualTo("2025-12"));
            Assert.That(period.Months, Has.Count.EqualTo(12));
            Assert.That(period.OpeningFund.Baht, Is.EqualTo(expected.Opening));
            Assert.That(period.Sales.Baht, Is.EqualTo(expected.Sales));
            Assert.That(period.ExpenseTotal.Baht, Is.EqualTo(expected.Expenses));
            Assert.That(period.Payouts.Baht, Is.EqualTo(expected.Payouts));
            Assert.That(period.ClosingFund.Baht, Is.EqualTo(expected.Closing));
            Assert.That(period.Months[^1].FundAtEnd.Baht, Is.EqualTo(expected.Closing));
        });
    }

    [Test]
    public async Task Months_carry_the_fund_and_products_and_members_are_summed_over_the_window()
    {
        await App.CreateUserAsync(Roles.Admin);
        var group = await LedgerData.GroupAsync(App);
        await LedgerData.EntryAsync(App, group.Id, "Sale", "2026-09-15", 900m, productId: group.ProductId, quantity: 2);
        await LedgerData.EntryAsync(App, group.Id, "Sale", "2026-11-02", 450m, productId: group.ProductId, quantity: 1);
        await LedgerData.EntryAsync(App, group.Id, "Expense", "2026-10-20", 300m, category: "StallFee");
        await LedgerData.EntryAsync(App, group.Id, "Payout", "2026-10-31", 250m, memberId: group.MemberId, payoutKind: "PieceworkWage");
        await LedgerData.EntryAsync(App, group.Id, "Payout", "2026-11-01", 100m, memberId: group.MemberId, payoutKind: "ProfitShare");
        await LedgerData.EntryAsync(App, group.Id, "Payout", "2026-06-01", 50m, memberId: group.FormerMemberId);

        var period = await App.WithServicesAsync(s => s.GetRequiredService<GroupFigureQueries>().ForPeriodAsync(group.Id, new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)));

        var fund = period.Months.ToDictionary(m => m.YearMonth, m => m.FundAtEnd.Baht);
        Assert.That(new[] { fund["2026-05"], fund["2026-06"], fund["2026-09"], fund["2026-10"], fund["2026-11"] }, Is.EqualTo(new[] { 0m, -50m, 850m, 300m, 650m }));
        var product = period.Products.Single();
        Assert.That((product.Quantity, product.Sales.Baht), Is.EqualTo((3m, 1350m)));
        Assert.That(period.Members.Select(m => (m.Wages.Baht, m.ProfitShares.Baht, m.Total.Baht)), Is.EqualTo(new[] { (250m, 100m, 350m), (50m, 0m, 50m) }));
        Assert.That(period.Expenses.Single(), Is.EqualTo(new GroupFigureQueries.Category { Code = "StallFee", Amount = new Money(300m) }));
    }

    [Test]
    public async Task Whole_and_fractional_quantities_read_back_the_same_way_in_any_order()
    {
        // SQLite keeps 3 as an integer and 1.5 as a real: one reading of both must not trip on the other.
        await App.CreateUserAsync(Roles.Admin);
        var whole = await LedgerData.GroupAsync(App, "กลุ่มหนึ่ง");
        var fractional = await LedgerData.GroupAsync(App, "กลุ่มสอง");
        await LedgerData.EntryAsync(App, whole.Id, "Sale", "2026-11-02", 1350m, productId: whole.ProductId, quantity: 3);
        await LedgerData.EntryAsync(App, fractional.Id, "Sale", "2026-11-02", 675m, productId: fractional.ProductId, quantity: 1.5m);
        await LedgerData.EntryAsync(App, fractional.Id, "Sale", "2026-11-03", 900m, productId: fractional.ProductId, quantity: 2);

        var (wholeFigures, fractionalFigures, entries) = await App.WithServicesAsync(async s =>
        {
            var figures = s.GetRequiredService<GroupFigureQueries>();
            var (from, to) = GroupFigureQueries.TwelveMonthsTo(new DateOnly(2026, 11, 29));
            return (await figures.ForPeriodAsync(whole.Id, from, to), await figures.ForPeriodAsync(fractional.Id, from, to),
                await s.GetRequiredService<LedgerQueries>().ListAsync(fractional.Id, null, 1, 10));
        });

        Assert.That(wholeFigures.Products.Single().Quantity, Is.EqualTo(3m));
        Assert.That(fractionalFigures.Products.Single().Quantity, Is.EqualTo(3.5m));
        Assert.That(entries.Rows.Select(e => e.Quantity), Is.EqualTo(new decimal?[] { 2m, 1.5m }));
    }
}
