-- A producer group's ledger: sales, expenses and payouts to members in one append-only table. Amounts are BIGINT
-- satang. A wrong entry is voided (VoidedAt, VoidReason), never updated otherwise or deleted.
CREATE TABLE LedgerEntries (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_LedgerEntries PRIMARY KEY,
    GroupId BIGINT NOT NULL CONSTRAINT FK_LedgerEntries_ProducerGroups REFERENCES ProducerGroups (Id),
    Kind NVARCHAR(10) NOT NULL CONSTRAINT CK_LedgerEntries_Kind CHECK (Kind IN (N'Sale', N'Expense', N'Payout')),
    EntryDate DATE NOT NULL,
    Amount BIGINT NOT NULL CONSTRAINT CK_LedgerEntries_Amount CHECK (Amount > 0),
    -- Sale
    ProductId BIGINT NULL CONSTRAINT FK_LedgerEntries_Products REFERENCES Products (Id),
    Quantity DECIMAL(12, 2) NULL,
    UnitPrice BIGINT NULL,
    Channel NVARCHAR(20) NULL CONSTRAINT CK_LedgerEntries_Channel CHECK (Channel IN (N'VillageMarket', N'ShopOrConsignment', N'WholesaleOrder', N'Fair', N'Online')),
    -- Expense
    Category NVARCHAR(20) NULL CONSTRAINT CK_LedgerEntries_Category CHECK (Category IN (N'Materials', N'Transport', N'StallFee', N'Equipment', N'Other')),
    -- Payout
    MemberId BIGINT NULL CONSTRAINT FK_LedgerEntries_GroupMembers REFERENCES GroupMembers (Id),
    PayoutKind NVARCHAR(20) NULL CONSTRAINT CK_LedgerEntries_PayoutKind CHECK (PayoutKind IN (N'PieceworkWage', N'ProfitShare')),
    Note NVARCHAR(500) NULL,
    -- Made by the entry form when it is shown: the same form posted twice (a double tap) records one entry.
    SubmissionId NVARCHAR(64) NOT NULL CONSTRAINT UQ_LedgerEntries_SubmissionId UNIQUE,
    RecordedByUserId BIGINT NOT NULL CONSTRAINT FK_LedgerEntries_RecordedBy REFERENCES Users (Id),
    RecordedAt DATETIME2 NOT NULL,
    VoidedAt DATETIME2 NULL,
    VoidedByUserId BIGINT NULL CONSTRAINT FK_LedgerEntries_VoidedBy REFERENCES Users (Id),
    VoidReason NVARCHAR(500) NULL
);

-- The group page sums a group's entries by month, product and member: one range scan of this covering index.
CREATE INDEX IX_LedgerEntries_Group_Date ON LedgerEntries (GroupId, EntryDate) INCLUDE (Kind, Amount, VoidedAt, ProductId, Quantity, MemberId);
-- The across-groups list: each group's last sale.
CREATE INDEX IX_LedgerEntries_Group_Kind_Date ON LedgerEntries (GroupId, Kind, EntryDate) WHERE VoidedAt IS NULL;
CREATE INDEX IX_LedgerEntries_ProductId ON LedgerEntries (ProductId);
CREATE INDEX IX_LedgerEntries_MemberId ON LedgerEntries (MemberId);
