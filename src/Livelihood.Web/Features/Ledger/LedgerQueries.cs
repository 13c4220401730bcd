using Livelihood.Data;
using Livelihood.Web.Platform.Paging;

namespace Livelihood.Web.Features.Ledger;

/// <summary>A group's ledger entries, and the products and members an entry may name: shared by the ledger pages.</summary>
public sealed class LedgerQueries(DbSession db)
{
    /// <summary>One entry as the ledger shows it, voided ones included (struck through).</summary>
    public sealed record Entry
    {
        public long Id { get; init; }
        public long GroupId { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly EntryDate { get; init; }
        public Money Amount { get; init; }
        public string? ProductName { get; init; }
        public string? Unit { get; init; }
        public decimal? Quantity { get; init; }
        public Money? UnitPrice { get; init; }
        public string? Channel { get; init; }
        public string? Category { get; init; }
        public long? MemberId { get; init; }
        public string? MemberName { get; init; }
        public string? PayoutKind { get; init; }
        public string? Note { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime? VoidedAt { get; init; }
        public string? VoidedBy { get; init; }
        public string? VoidReason { get; init; }
        public bool IsVoided => VoidedAt is not null;
    }

    // Quantity * 1.0: SQLite stores a whole quantity as an integer and a fraction as a real; reading a mix of both in
    // one column trips Dapper, so the quantity is always read as a real there (a decimal on SQL Server).
    private const string EntrySelect = """
        SELECT e.Id, e.GroupId, e.Kind, e.EntryDate, e.Amount, p.Name AS ProductName, p.Unit, e.Quantity * 1.0 AS Quantity, e.UnitPrice, e.Channel,
               e.Category, e.MemberId, pe.FullNameTh AS MemberName, e.PayoutKind, e.Note, r.DisplayName AS RecordedBy,
               e.VoidedAt, v.DisplayName AS VoidedBy, e.VoidReason
        FROM LedgerEntries e
        JOIN Users r ON r.Id = e.RecordedByUserId
        LEFT JOIN Users v ON v.Id = e.VoidedByUserId
        LEFT JOIN Products p ON p.Id = e.ProductId
        LEFT JOIN GroupMembers m ON m.Id = e.MemberId
        LEFT JOIN People pe ON pe.Id = m.PersonId
        """;

    public Task<Entry?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Entry>(EntrySelect + "\nWHERE e.Id = @id", new { id });

    /// <summary>A group's entries, newest first; <paramref name="kind"/> narrows to sales, expenses or payouts.</summary>
    public async Task<Paged<Entry>> ListAsync(long groupId, string? kind, int? page, int pageSize)
    {
        var (number, skip) = Paged<Entry>.Window(page, pageSize);
        const string Where = "WHERE e.GroupId = @groupId AND (@kind IS NULL OR e.Kind = @kind)";
        using var grid = await db.QueryMultipleAsync(
            db.Dialect.Page($"{EntrySelect}\n{Where}\nORDER BY e.EntryDate DESC, e.Id DESC") +
            $";\nSELECT COUNT(1) FROM LedgerEntries e {Where};",
            new { groupId, kind, Skip = skip, Take = pageSize });
        var rows = (await grid.ReadAsync<Entry>()).ToList();
        return new Paged<Entry>(rows, number, pageSize, await grid.ReadSingleAsync<int>());
    }

    /// <summary>The products a new sale may name: the group's, not retired.</summary>
    public Task<IReadOnlyList<EntryRules.ProductChoice>> ProductsAsync(long groupId)
        => db.QueryAsync<EntryRules.ProductChoice>(
            "SELECT Id, Name, Unit, UsualPrice FROM Products WHERE GroupId = @groupId AND IsRetired = 0 ORDER BY Name, Id", new { groupId });

    /// <summary>Everyone who has been a member (a payout may be for work done before someone left).</summary>
    public Task<IReadOnlyList<EntryRules.MemberChoice>> MembersAsync(long groupId)
        => db.QueryAsync<EntryRules.MemberChoice>(
            """
            SELECT m.Id, p.FullNameTh AS Name, m.JoinedOn, m.LeftOn FROM GroupMembers m JOIN People p ON p.Id = m.PersonId
            WHERE m.GroupId = @groupId ORDER BY CASE WHEN m.LeftOn IS NULL THEN 0 ELSE 1 END, p.FullNameTh, m.Id
            """, new { groupId });

    public sealed record LastSale
    {
        public long ProductId { get; init; }
        public string Channel { get; init; } = "";
    }

    /// <summary>The product and channel of this user's last sale for the group: the next sale is usually the same.</summary>
    public async Task<LastSale?> LastSaleAsync(long groupId, long userId)
        => (await db.QueryAsync<LastSale>(
            db.Dialect.Page("""
                SELECT ProductId, Channel FROM LedgerEntries
                WHERE GroupId = @groupId AND Kind = 'Sale' AND RecordedByUserId = @userId AND VoidedAt IS NULL ORDER BY Id DESC
                """), new { groupId, userId, Skip = 0, Take = 1 })).FirstOrDefault();

    /// <summary>The entry a form submission already recorded, if it was posted before (a double tap).</summary>
    public Task<long?> RecordedBySubmissionAsync(string submissionId)
        => db.QuerySingleOrDefaultAsync<long?>("SELECT Id FROM LedgerEntries WHERE SubmissionId = @submissionId", new { submissionId });

    /// <summary>
    /// The entries recorded lately, for the form's "just recorded" list: without counting them all as a page of the
    /// list does (a busy group has thousands).
    /// </summary>
    public Task<IReadOnlyList<Entry>> RecentAsync(long groupId, int count)
        => db.QueryAsync<Entry>(db.Dialect.Page($"{EntrySelect}\nWHERE e.GroupId = @groupId\nORDER BY e.EntryDate DESC, e.Id DESC"),
            new { groupId, Skip = 0, Take = count });
}
