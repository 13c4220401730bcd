-- A producer group's ledger: sales, expenses and payouts to members in one append-only table. Amounts are INTEGER
-- satang. A wrong entry is voided (VoidedAt, VoidReason), never updated otherwise or deleted.
CREATE TABLE LedgerEntries (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    GroupId INTEGER NOT NULL REFERENCES ProducerGroups (Id),
    Kind TEXT NOT NULL CHECK (Kind IN ('Sale', 'Expense', 'Payout')),
    EntryDate TEXT NOT NULL,
    Amount INTEGER NOT NULL CHECK (Amount > 0),
    -- Sale
    ProductId INTEGER NULL REFERENCES Products (Id),
    Quantity NUMERIC NULL,
    UnitPrice INTEGER NULL,
    Channel TEXT NULL CHECK (Channel IN ('VillageMarket', 'ShopOrConsignment', 'WholesaleOrder', 'Fair', 'Online')),
    -- Expense
    Category TEXT NULL CHECK (Category IN ('Materials', 'Transport', 'StallFee', 'Equipment', 'Other')),
    -- Payout
    MemberId INTEGER NULL REFERENCES GroupMembers (Id),
    PayoutKind TEXT NULL CHECK (PayoutKind IN ('PieceworkWage', 'ProfitShare')),
    Note TEXT NULL,
    -- Made by the entry form when it is shown: the same form posted twice (a double tap) records one entry.
    SubmissionId TEXT NOT NULL UNIQUE,
    RecordedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    RecordedAt TEXT NOT NULL,
    VoidedAt TEXT NULL,
    VoidedByUserId INTEGER NULL REFERENCES Users (Id),
    VoidReason TEXT NULL
);

-- The group page sums a group's entries by month, product and member: one range scan of this covering index.
CREATE INDEX IX_LedgerEntries_Group_Date ON LedgerEntries (GroupId, EntryDate, Kind, Amount, VoidedAt, ProductId, Quantity, MemberId);
-- The across-groups list: each group's last sale.
CREATE INDEX IX_LedgerEntries_Group_Kind_Date ON LedgerEntries (GroupId, Kind, EntryDate) WHERE VoidedAt IS NULL;
CREATE INDEX IX_LedgerEntries_ProductId ON LedgerEntries (ProductId);
CREATE INDEX IX_LedgerEntries_MemberId ON LedgerEntries (MemberId);
