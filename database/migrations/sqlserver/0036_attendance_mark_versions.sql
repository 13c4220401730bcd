-- Issue 22: no mark is dropped. A mark that stops being a person's mark for a session is kept here, with its note,
-- who made it and when, how it came, when it reached the server, and the mark it gave way to:
--   Corrected: replaced by a mark made on a page that showed it;
--   Replaced:  replaced by a mark made later without seeing it (its maker is told on their next visit);
--   Outdated:  it arrived after a mark made later than it, so it never was the mark (its sender is told at once).
-- The roster shows them, in the order they were made, as the mark's history. ToldAt: when the mark's maker was told
-- what happened (set at once where there is nothing to tell them later).
CREATE TABLE AttendanceMarkVersions (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_AttendanceMarkVersions PRIMARY KEY,
    MarkId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarkVersions_AttendanceMarks REFERENCES AttendanceMarks (Id),
    Mark NVARCHAR(10) NOT NULL CONSTRAINT CK_AttendanceMarkVersions_Mark CHECK (Mark IN (N'Present', N'Late', N'Excused', N'Absent')),
    Note NVARCHAR(500) NULL,
    MarkedAt DATETIME2 NOT NULL,
    MarkedByUserId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarkVersions_MarkedBy REFERENCES Users (Id),
    Source NVARCHAR(10) NULL CONSTRAINT CK_AttendanceMarkVersions_Source CHECK (Source IN (N'Online', N'Offline', N'Paper')),
    RecordedAt DATETIME2 NOT NULL,
    Outcome NVARCHAR(10) NOT NULL CONSTRAINT CK_AttendanceMarkVersions_Outcome CHECK (Outcome IN (N'Corrected', N'Replaced', N'Outdated')),
    SetAsideAt DATETIME2 NOT NULL,
    ReplacedByUserId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarkVersions_ReplacedBy REFERENCES Users (Id),
    ReplacedByMark NVARCHAR(10) NOT NULL CONSTRAINT CK_AttendanceMarkVersions_ReplacedByMark CHECK (ReplacedByMark IN (N'Present', N'Late', N'Excused', N'Absent')),
    ReplacedByMarkedAt DATETIME2 NOT NULL,
    ToldAt DATETIME2 NULL
);

-- The roster reads a session's history through its marks; a user's next visit reads what is still to tell them.
CREATE INDEX IX_AttendanceMarkVersions_MarkId ON AttendanceMarkVersions (MarkId);
CREATE INDEX IX_AttendanceMarkVersions_Untold ON AttendanceMarkVersions (MarkedByUserId) WHERE ToldAt IS NULL;
