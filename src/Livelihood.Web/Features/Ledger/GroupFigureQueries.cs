using Livelihood.Data;

namespace Livelihood.Web.Features.Ledger;

/// <summary>
/// A group's money over a period, summed in SQL from its live (not voided) entries: by month with the fund balance at
/// each month's end, sales by product, expenses by category, payouts by member. The group page, its export and the
/// monthly statement all read these figures, so they agree. Profit = sales − expenses; fund = profit − payouts.
/// </summary>
public sealed class GroupFigureQueries(DbSession db)
{
    public sealed record Month(string YearMonth, Money Sales, Money Expenses, Money Payouts, Money FundAtEnd)
    {
        public Money Profit => Sales - Expenses;
        public DateOnly FirstDay => DateOnly.ParseExact(YearMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Product
    {
        public long ProductId { get; init; }
        public string Name { get; init; } = "";
        public string Unit { get; init; } = "";
        public decimal Quantity { get; init; }
        public Money Sales { get; init; }
    }

    public sealed record Category
    {
        public string Code { get; init; } = "";
        public Money Amount { get; init; }
    }

    public sealed record Member
    {
        public long MemberId { get; init; }
        public string Name { get; init; } = "";
        public Money Wages { get; init; }
        public Money ProfitShares { get; init; }
        public Money Total => Wages + ProfitShares;
    }

    public sealed record Period(DateOnly From, DateOnly To, Money OpeningFund, IReadOnlyList<Month> Months, IReadOnlyList<Product> Products,
        IReadOnlyList<Category> Expenses, IReadOnlyList<Member> Members)
    {
        public Money Sales => Sum(m => m.Sales);
        public Money ExpenseTotal => Sum(m => m.Expenses);
        public Money Payouts => Sum(m => m.Payouts);
        public Money Profit => Sales - ExpenseTotal;
        public Money ClosingFund => OpeningFund + Profit - Payouts;
        private Money Sum(Func<Month, Money> figure) => Months.Aggregate(new Money(0), (total, m) => total + figure(m));
    }

    /// <summary>The group page's window: this month and the eleven before it.</summary>
    public static (DateOnly From, DateOnly To) TwelveMonthsTo(DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return (thisMonth.AddMonths(-11), thisMonth.AddMonths(1).AddDays(-1));
    }

    /// <summary>One calendar month, for the statement.</summary>
    public static (DateOnly From, DateOnly To) MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    private sealed record MonthRow
    {
        public string YearMonth { get; init; } = "";
        public Money Sales { get; init; }
        public Money Expenses { get; init; }
        public Money Payouts { get; init; }
    }

    public async Task<Period> ForPeriodAsync(long groupId, DateOnly from, DateOnly to)
    {
        // Quantity * 1.0: always a real on SQLite (see LedgerQueries), whether the sum is whole or not.
        const string Live = "e.GroupId = @groupId AND e.VoidedAt IS NULL";
        const string InPeriod = Live + " AND e.EntryDate >= @from AND e.EntryDate <= @to";
        using var grid = await db.QueryMultipleAsync(
            $"""
            SELECT COALESCE(SUM(CASE WHEN e.Kind = 'Sale' THEN e.Amount ELSE -e.Amount END), 0) FROM LedgerEntries e WHERE {Live} AND e.EntryDate < @from;
            SELECT {db.Dialect.Month("e.EntryDate")} AS YearMonth,
                   SUM(CASE WHEN e.Kind = 'Sale' THEN e.Amount ELSE 0 END) AS Sales,
                   SUM(CASE WHEN e.Kind = 'Expense' THEN e.Amount ELSE 0 END) AS Expenses,
                   SUM(CASE WHEN e.Kind = 'Payout' THEN e.Amount ELSE 0 END) AS Payouts
            FROM LedgerEntries e WHERE {InPeriod} GROUP BY {db.Dialect.Month("e.EntryDate")};
            SELECT p.Id AS ProductId, p.Name, p.Unit, SUM(e.Quantity * 1.0) AS Quantity, SUM(e.Amount) AS Sales
            FROM LedgerEntries e JOIN Products p ON p.Id = e.ProductId WHERE {InPeriod} AND e.Kind = 'Sale'
            GROUP BY p.Id, p.Name, p.Unit ORDER BY SUM(e.Amount) DESC, p.Id;
            SELECT e.Category AS Code, SUM(e.Amount) AS Amount FROM LedgerEntries e WHERE {InPeriod} AND e.Kind = 'Expense'
            GROUP BY e.Category ORDER BY SUM(e.Amount) DESC, e.Category;
            SELECT m.Id AS MemberId, pe.FullNameTh AS Name,
                   SUM(CASE WHEN e.PayoutKind = 'PieceworkWage' THEN e.Amount ELSE 0 END) AS Wages,
                   SUM(CASE WHEN e.PayoutKind = 'ProfitShare' THEN e.Amount ELSE 0 END) AS ProfitShares
            FROM LedgerEntries e JOIN GroupMembers m ON m.Id = e.MemberId JOIN People pe ON pe.Id = m.PersonId
            WHERE {InPeriod} AND e.Kind = 'Payout'
            GROUP BY m.Id, pe.FullNameTh ORDER BY SUM(e.Amount) DESC, m.Id;
            """, new { groupId, from, to });
        var opening = await grid.ReadSingleAsync<Money>();
        var byMonth = (await grid.ReadAsync<MonthRow>()).ToDictionary(m => m.YearMonth);
        var products = (await grid.ReadAsync<Product>()).ToList();
        var categories = (await grid.ReadAsync<Category>()).ToList();
        var members = (await grid.ReadAsync<Member>()).ToList();

        // Every month of the period appears, a quiet one with zeros, each carrying the fund forward.
        var months = new List<Month>();
        var fund = opening;
        for (var first = new DateOnly(from.Year, from.Month, 1); first <= to; first = first.AddMonths(1))
        {
            var key = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var row = byMonth.GetValueOrDefault(key) ?? new MonthRow { YearMonth = key };
            fund = fund + row.Sales - row.Expenses - row.Payouts;
            months.Add(new Month(key, row.Sales, row.Expenses, row.Payouts, fund));
        }
        return new Period(from, to, opening, months, products, categories, members);
    }
}
