using Livelihood.Data;
using Livelihood.Web.Features.Groups;
using Livelihood.Web.Features.Ledger;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// Three producer groups with members, products and a year of ledger: a weaving group kept by the demo recorder
/// (steady sales, wages each month, a profit share each quarter, two voided mistakes), a mushroom group, and a bakery
/// group that stopped selling 75 days ago (flagged as possibly dormant). Deterministic.
/// </summary>
public static class DemoGroups
{
    private sealed record Plan(string Name, string Trade, int Members, (string Name, string Unit, decimal Price)[] Products, double SalesPerWeek, int QuietForDays);

    private static readonly Plan[] Plans =
    [
        new("กลุ่มทอผ้าไทลื้อบ้านหล่าย", "ทอผ้า", 12, [("ผ้าซิ่นไทลื้อ", "ผืน", 1200m), ("ย่ามทอมือ", "ใบ", 250m), ("ผ้าพันคอ", "ผืน", 350m)], 4, 0),
        new("กลุ่มเพาะเห็ดนางฟ้าบ้านปิน", "เพาะเห็ด", 8, [("เห็ดนางฟ้า", "กก.", 60m), ("ก้อนเชื้อเห็ด", "ก้อน", 12m)], 6, 0),
        new("กลุ่มเบเกอรี่บ้านร่องแมด", "เบเกอรี่", 6, [("ขนมปังกล้วยหอม", "ก้อน", 45m), ("คุกกี้ธัญพืช", "กล่อง", 80m)], 3, 75),
    ];

    public static async Task<string> SeedAsync(DbSession db, long recorderUserId, DateTime now)
    {
        var random = new Random(2571);
        var today = DateOnly.FromDateTime(now.Add(Localization.DisplayDates.ThailandOffset));
        var people = await db.QueryAsync<long>("SELECT Id FROM People ORDER BY Id DESC");
        var villages = await db.QueryAsync<long>("SELECT Id FROM Villages ORDER BY Id");
        var cohort = await db.QuerySingleOrDefaultAsync<long?>("SELECT MIN(Id) FROM Cohorts WHERE Status = 'Completed'");
        var nextPerson = 0;
        var entries = 0;
        for (var g = 0; g < Plans.Length; g++)
        {
            var plan = Plans[g];
            var group = await db.InsertAsync(
                "INSERT INTO ProducerGroups (Name, VillageId, Trade, FoundedOn, RegistrationNumber, Status, CreatedAt) VALUES (@Name, @village, @Trade, @founded, @registration, 'Active', @now)",
                new { plan.Name, village = villages[g % villages.Count], plan.Trade, founded = today.AddYears(-2).AddDays(-30 * g), registration = $"5605-{g + 1:0000}", now });
            if (g == 0)
            {
                await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@recorderUserId, @Kind, @group)",
                    new { recorderUserId, Kind = GroupQueries.RecorderScope, group });
                if (cohort is not null) await db.ExecuteAsync("INSERT INTO GroupCohorts (GroupId, CohortId) VALUES (@group, @cohort)", new { group, cohort });
            }
            var members = new List<long>();
            for (var m = 0; m < plan.Members; m++)
                members.Add(await db.InsertAsync(
                    "INSERT INTO GroupMembers (GroupId, PersonId, Role, JoinedOn, CreatedAt) VALUES (@group, @person, @role, @joined, @now)",
                    new { group, person = people[nextPerson++ % people.Count], role = GroupQueries.MemberRoles[Math.Min(m, 3)], joined = today.AddYears(-2), now }));
            var products = new List<(long Id, decimal Price)>();
            foreach (var (name, unit, price) in plan.Products)
                products.Add((await db.InsertAsync(
                    "INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@group, @name, @unit, @UsualPrice, @now)",
                    new { group, name, unit, UsualPrice = new Money(price), now }), price));

            var rows = new List<object>();
            void Add(string kind, DateOnly date, decimal amount, object? details = null, string? voidReason = null)
                => rows.Add(new
                {
                    GroupId = group, Kind = kind, EntryDate = date, Amount = new Money(amount),
                    ProductId = (details as Sale)?.ProductId, Quantity = (details as Sale)?.Quantity, UnitPrice = (details as Sale)?.Price is { } p ? new Money(p) : (Money?)null,
                    Channel = (details as Sale)?.Channel, Category = details as string, MemberId = (details as Payout)?.MemberId, PayoutKind = (details as Payout)?.Kind,
                    SubmissionId = $"demo-{group}-{rows.Count}", RecordedByUserId = recorderUserId, RecordedAt = now,
                    VoidedAt = voidReason is null ? (DateTime?)null : now, VoidedByUserId = voidReason is null ? (long?)null : recorderUserId, VoidReason = voidReason,
                });

            var lastSale = today.AddDays(-plan.QuietForDays);
            for (var day = today.AddDays(-365); day <= today; day = day.AddDays(1))
            {
                if (day <= lastSale && random.NextDouble() < plan.SalesPerWeek / 7)
                {
                    var (productId, price) = products[random.Next(products.Count)];
                    var quantity = random.Next(1, 8);
                    Add(LedgerEntry.Sale, day, LedgerEntry.SaleAmount(quantity, price).Baht,
                        new Sale(productId, quantity, price, LedgerEntry.Channels[random.Next(LedgerEntry.Channels.Length)]));
                }
                if (day <= lastSale && random.NextDouble() < 1.0 / 7)
                    Add(LedgerEntry.Expense, day, random.Next(5, 60) * 10m, LedgerEntry.Categories[random.Next(LedgerEntry.Categories.Length)]);
                if (day.Day == 28 && day <= lastSale)
                    foreach (var member in members.Take(Math.Max(2, members.Count / 2)))
                        Add(LedgerEntry.Payout, day, random.Next(10, 40) * 25m, new Payout(member, "PieceworkWage"));
                if (day.Day == 28 && day.Month % 3 == 0 && day <= lastSale)
                    foreach (var member in members)
                        Add(LedgerEntry.Payout, day, 150m, new Payout(member, "ProfitShare"));
            }
            if (g == 0)
            {
                Add(LedgerEntry.Expense, today.AddDays(-3), 2400m, "Materials", voidReason: "ลงซ้ำกับใบเสร็จวันก่อน");
                var (productId, price) = products[0];
                Add(LedgerEntry.Sale, today.AddDays(-1), price * 10, new Sale(productId, 10, price, "Fair"), voidReason: "ขายจริง 1 ผืน ไม่ใช่ 10");
            }
            await db.ExecuteAsync(
                """
                INSERT INTO LedgerEntries (GroupId, Kind, EntryDate, Amount, ProductId, Quantity, UnitPrice, Channel, Category, MemberId, PayoutKind,
                                           SubmissionId, RecordedByUserId, RecordedAt, VoidedAt, VoidedByUserId, VoidReason)
                VALUES (@GroupId, @Kind, @EntryDate, @Amount, @ProductId, @Quantity, @UnitPrice, @Channel, @Category, @MemberId, @PayoutKind,
                        @SubmissionId, @RecordedByUserId, @RecordedAt, @VoidedAt, @VoidedByUserId, @VoidReason)
                """, rows);
            entries += rows.Count;
        }
        return $"Producer groups: {Plans.Length} with {Plans.Sum(p => p.Members)} members and {entries} ledger entries over a year (the recorder keeps {Plans[0].Name}).";
    }

    private sealed record Sale(long ProductId, decimal Quantity, decimal Price, string Channel);

    private sealed record Payout(long MemberId, string Kind);
}
