-- Long exports of the rows behind a dashboard number (DESIGN.md "Indicators"), written by a background job: the request
-- (indicator, period, filters, group as a query string; the officer limit inside it), the progress in rows, and the file
-- once done, kept for the person who asked to download.
CREATE TABLE DashboardExports (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RequestedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    Indicator TEXT NOT NULL,
    Request TEXT NOT NULL,
    Format TEXT NOT NULL CHECK (Format IN ('csv', 'xlsx')),
    Status TEXT NOT NULL CHECK (Status IN ('Queued', 'Running', 'Done')),
    TotalRows INTEGER NULL,
    DoneRows INTEGER NOT NULL DEFAULT 0,
    Content BLOB NULL,
    CreatedAt TEXT NOT NULL,
    FinishedAt TEXT NULL
);

CREATE INDEX IX_DashboardExports_RequestedByUserId ON DashboardExports (RequestedByUserId, Id);
