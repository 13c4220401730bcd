-- People imports from CSV/XLSX files: the uploaded file's rows are staged here (raw values as JSON), checked against
-- the registry's rules with the user's column mapping, and the good rows are imported by a background job that
-- records on each row the person it created, so running it again inserts nothing twice. CreatedPersonId is that record,
-- not a reference a merge must move (like AuditLog.RowId): the person may later be merged away.
CREATE TABLE PeopleImports (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_PeopleImports PRIMARY KEY,
    FileName NVARCHAR(260) NOT NULL,
    FileKind NVARCHAR(10) NOT NULL CONSTRAINT CK_PeopleImports_FileKind CHECK (FileKind IN (N'csv', N'xlsx')),
    Headers NVARCHAR(MAX) NOT NULL,
    Mapping NVARCHAR(MAX) NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_PeopleImports_Status CHECK (Status IN (N'Uploaded', N'Mapped', N'Queued', N'Importing', N'Done')),
    SensitiveAllowed BIT NOT NULL,
    TotalRows INT NOT NULL CONSTRAINT DF_PeopleImports_TotalRows DEFAULT 0,
    GoodRows INT NOT NULL CONSTRAINT DF_PeopleImports_GoodRows DEFAULT 0,
    RejectedRows INT NOT NULL CONSTRAINT DF_PeopleImports_RejectedRows DEFAULT 0,
    ImportedRows INT NOT NULL CONSTRAINT DF_PeopleImports_ImportedRows DEFAULT 0,
    JobId NVARCHAR(100) NULL,
    UploadedByUserId BIGINT NOT NULL CONSTRAINT FK_PeopleImports_Users REFERENCES Users (Id),
    CreatedAt DATETIME2 NOT NULL,
    CommitRequestedAt DATETIME2 NULL,
    CommittedAt DATETIME2 NULL
);

CREATE INDEX IX_PeopleImports_UploadedByUserId ON PeopleImports (UploadedByUserId, Id);

CREATE TABLE PeopleImportRows (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_PeopleImportRows PRIMARY KEY,
    ImportId BIGINT NOT NULL CONSTRAINT FK_PeopleImportRows_PeopleImports REFERENCES PeopleImports (Id),
    RowNumber INT NOT NULL,
    RawValues NVARCHAR(MAX) NOT NULL,
    MappedValues NVARCHAR(MAX) NULL,
    IdNumber NVARCHAR(30) NULL,
    Errors NVARCHAR(MAX) NULL,
    CreatedPersonId BIGINT NULL,
    CONSTRAINT UQ_PeopleImportRows_ImportId_RowNumber UNIQUE (ImportId, RowNumber)
);
