-- People imports from CSV/XLSX files: the uploaded file's rows are staged here (raw values as JSON), checked against
-- the registry's rules with the user's column mapping, and the good rows are imported by a background job that
-- records on each row the person it created, so running it again inserts nothing twice. CreatedPersonId is that record,
-- not a reference a merge must move (like AuditLog.RowId): the person may later be merged away.
CREATE TABLE PeopleImports (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    FileName TEXT NOT NULL,
    FileKind TEXT NOT NULL CHECK (FileKind IN ('csv', 'xlsx')),
    Headers TEXT NOT NULL,
    Mapping TEXT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Uploaded', 'Mapped', 'Queued', 'Importing', 'Done')),
    SensitiveAllowed INTEGER NOT NULL,
    TotalRows INTEGER NOT NULL DEFAULT 0,
    GoodRows INTEGER NOT NULL DEFAULT 0,
    RejectedRows INTEGER NOT NULL DEFAULT 0,
    ImportedRows INTEGER NOT NULL DEFAULT 0,
    JobId TEXT NULL,
    UploadedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    CreatedAt TEXT NOT NULL,
    CommitRequestedAt TEXT NULL,
    CommittedAt TEXT NULL
);

CREATE INDEX IX_PeopleImports_UploadedByUserId ON PeopleImports (UploadedByUserId, Id);

CREATE TABLE PeopleImportRows (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ImportId INTEGER NOT NULL REFERENCES PeopleImports (Id),
    RowNumber INTEGER NOT NULL,
    RawValues TEXT NOT NULL,
    MappedValues TEXT NULL,
    IdNumber TEXT NULL,
    Errors TEXT NULL,
    CreatedPersonId INTEGER NULL,
    UNIQUE (ImportId, RowNumber)
);
