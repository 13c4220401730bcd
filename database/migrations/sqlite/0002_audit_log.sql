-- Who changed what and when, with the old and new values as JSON. Rows are only ever added.
CREATE TABLE AuditLog (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    OccurredAt TEXT NOT NULL,
    UserId INTEGER NULL,
    UserEmail TEXT NULL,
    Action TEXT NOT NULL,
    TableName TEXT NOT NULL,
    RowId INTEGER NOT NULL,
    OldValues TEXT NULL,
    NewValues TEXT NULL
);

CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_TableName_RowId ON AuditLog (TableName, RowId);
CREATE INDEX IX_AuditLog_UserId ON AuditLog (UserId);
