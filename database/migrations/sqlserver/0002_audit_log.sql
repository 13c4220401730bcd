-- Who changed what and when, with the old and new values as JSON. Rows are only ever added.
CREATE TABLE AuditLog (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_AuditLog PRIMARY KEY,
    OccurredAt DATETIME2 NOT NULL,
    UserId BIGINT NULL,
    UserEmail NVARCHAR(256) NULL,
    Action NVARCHAR(20) NOT NULL,
    TableName NVARCHAR(64) NOT NULL,
    RowId BIGINT NOT NULL,
    OldValues NVARCHAR(MAX) NULL,
    NewValues NVARCHAR(MAX) NULL
);

CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_TableName_RowId ON AuditLog (TableName, RowId);
CREATE INDEX IX_AuditLog_UserId ON AuditLog (UserId);
