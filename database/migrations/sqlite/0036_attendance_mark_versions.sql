-- Issue 22: no mark is dropped. A mark that stops being a person's mark for a session is kept here, with its note,
-- who made it and when, how it came, when it reached the server, and the mark it gave way to:
--   Corrected: replaced by a mark made on a page that showed it;
--   Replaced:  replaced by a mark made later without seeing it (its maker is told on their next visit);
--   Outdated:  it arrived after a mark made later than it, so it never was the mark (its sender is told at once).
-- The roster shows them, in the order they were made, as the mark's history. ToldAt: when the mark's maker was told
-- what happened (set at once where there is nothing to tell them later).
CREATE TABLE AttendanceMarkVersions (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    MarkId INTEGER NOT NULL REFERENCES AttendanceMarks (Id),
    Mark TEXT NOT NULL CHECK (Mark IN ('Present', 'Late', 'Excused', 'Absent')),
    Note TEXT NULL,
    MarkedAt TEXT NOT NULL,
    MarkedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    Source TEXT NULL CHECK (Source IN ('Online', 'Offline', 'Paper')),
    RecordedAt TEXT NOT NULL,
    Outcome TEXT NOT NULL CHECK (Outcome IN ('Corrected', 'Replaced', 'Outdated')),
    SetAsideAt TEXT NOT NULL,
    ReplacedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    ReplacedByMark TEXT NOT NULL CHECK (ReplacedByMark IN ('Present', 'Late', 'Excused', 'Absent')),
    ReplacedByMarkedAt TEXT NOT NULL,
    ToldAt TEXT NULL
);

-- The roster reads a session's history through its marks; a user's next visit reads what is still to tell them.
CREATE INDEX IX_AttendanceMarkVersions_MarkId ON AttendanceMarkVersions (MarkId);
CREATE INDEX IX_AttendanceMarkVersions_Untold ON AttendanceMarkVersions (MarkedByUserId) WHERE ToldAt IS NULL;
