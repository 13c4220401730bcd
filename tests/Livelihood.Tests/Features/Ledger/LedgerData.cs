using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Ledger;

/// <summary>A producer group built straight in the database: a product, a current member and one who left, and a recorder.</summary>
internal static class LedgerData
{
    public sealed record Group(long Id, long ProductId, long MemberId, long FormerMemberId);

    public static Task<Group> GroupAsync(TestApp app, string name = "กลุ่มทอผ้าบ้านปิน")
        => app.QueryAsync(async db =>
        {
            var now = app.Clock.Now.UtcDateTime;
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) SELECT 560504, COALESCE(MAX(VillageNumber), 0) + 1, 'บ้านปิน', @now FROM Villages WHERE SubdistrictId = 560504", new { now });
            var registrar = await db.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM Users");
            var group = await db.InsertAsync(
                "INSERT INTO ProducerGroups (Name, VillageId, Trade, Status, CreatedAt) VALUES (@name, @village, 'ทอผ้า', 'Active', @now)", new { name, village, now });
            var product = await db.InsertAsync(
                "INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@group, 'ผ้าซิ่น', 'ผืน', 45000, @now)", new { group, now });
            async Task<long> MemberAsync(string fullName, string joined, string? left)
            {
                var person = await db.InsertAsync(
                    "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES (@fullName, 'Female', 1985, @village, 'None', 'Active', @registrar, @now)",
                    new { fullName, village, registrar, now });
                return await db.InsertAsync(
                    "INSERT INTO GroupMembers (GroupId, PersonId, Role, JoinedOn, LeftOn, CreatedAt) VALUES (@group, @person, 'Member', @joined, @left, @now)",
                    new { group, person, joined, left, now });
            }
            var member = await MemberAsync($"นางคำ {name}", "2025-01-01", null);
            var former = await MemberAsync($"นางแสง {name}", "2025-01-01", "2026-06-30");
            return new Group(group, product, member, former);
        });

    /// <summary>A group recorder who keeps <paramref name="groupId"/>, signed in through the real form.</summary>
    public static async Task<HttpClient> RecorderAsync(TestApp app, long groupId)
    {
        var email = await app.CreateUserAsync(Roles.GroupRecorder);
        await app.QueryAsync(db => db.ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT Id, 'ProducerGroup', @groupId FROM Users WHERE Email = @email", new { groupId, email }));
        var client = app.Browser();
        await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        return client;
    }

    /// <summary>Adds an entry directly (for figures); the amount in baht.</summary>
    public static Task<long> EntryAsync(TestApp app, long groupId, string kind, string date, decimal baht,
        long? productId = null, decimal? quantity = null, long? memberId = null, string? payoutKind = null, string? category = null, bool voided = false)
        => app.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO LedgerEntries (GroupId, Kind, EntryDate, Amount, ProductId, Quantity, UnitPrice, Channel, Category, MemberId, PayoutKind,
                                       SubmissionId, RecordedByUserId, RecordedAt, VoidedAt, VoidedByUserId, VoidReason)
            VALUES (@groupId, @kind, @date, @amount, @productId, @quantity, @unitPrice, @channel, @category, @memberId, @payoutKind,
                    @submission, (SELECT MIN(Id) FROM Users), @now, @voidedAt, CASE WHEN @voided = 1 THEN (SELECT MIN(Id) FROM Users) END, @voidReason)
            """,
            new
            {
                groupId, kind, date, amount = new Money(baht), productId, quantity,
                unitPrice = quantity is { } q ? new Money(baht / q) : (Money?)null,
                channel = kind == "Sale" ? "VillageMarket" : null,
                category = kind == "Expense" ? category ?? "Materials" : null,
                memberId, payoutKind = kind == "Payout" ? payoutKind ?? "PieceworkWage" : null,
                submission = Guid.NewGuid().ToString("N"), now = app.Clock.Now.UtcDateTime,
                voidedAt = voided ? app.Clock.Now.UtcDateTime : (DateTime?)null,
                voided,
                voidReason = voided ? "ลงผิด" : null,
            }));
}
