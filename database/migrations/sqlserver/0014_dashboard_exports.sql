-- Long exports of the rows behind a dashboard number (DESIGN.md "Indicators"), written by a background job: the request
-- (indicator, period, filters, group as a query string; the officer limit inside it), the progress in rows, and the file
-- once done, kept for the person who asked to download.
CREATE TABLE DashboardExports (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_DashboardExports PRIMARY KEY,
    RequestedByUserId BIGINT NOT NULL CONSTRAINT FK_DashboardExports_Users REFERENCES Users (Id),
    Indicator NVARCHAR(40) NOT NULL,
    Request NVARCHAR(2000) NOT NULL,
    Format NVARCHAR(10) NOT NULL CONSTRAINT CK_DashboardExports_Format CHECK (Format IN (N'csv', N'xlsx')),
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_DashboardExports_Status CHECK (Status IN (N'Queued', N'Running', N'Done')),
    TotalRows INT NULL,
    DoneRows INT NOT NULL CONSTRAINT DF_DashboardExports_DoneRows DEFAULT 0,
    Content VARBINARY(MAX) NULL,
    CreatedAt DATETIME2 NOT NULL,
    FinishedAt DATETIME2 NULL
);

CREATE INDEX IX_DashboardExports_RequestedByUserId ON DashboardExports (RequestedByUserId, Id);
