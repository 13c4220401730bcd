-- Income follow-ups (DESIGN.md "Follow-up"): a baseline due at enrollment, then 3, 6 and 12 months after completion.
-- One row per enrollment and kind (the unique key makes scheduling idempotent: a second run inserts nothing).
-- Status is Due, Done or Missed; "overdue" is not stored: it is Due with DueOn before today (Thai date), derived at
-- every read, so it is never stale between job runs and needs no nightly write per row.
-- DoneOn is the day of the visit or call, or the day the officer gave up (Missed). Money is BIGINT satang.
CREATE TABLE FollowUps (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    EnrollmentId INTEGER NOT NULL REFERENCES Enrollments (Id),
    PersonId INTEGER NOT NULL REFERENCES People (Id),
    Kind TEXT NOT NULL CHECK (Kind IN ('Baseline', 'ThreeMonths', 'SixMonths', 'TwelveMonths')),
    DueOn TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Due', 'Done', 'Missed')),
    DoneOn TEXT NULL,
    DoneByUserId INTEGER NULL REFERENCES Users (Id),
    Method TEXT NULL CHECK (Method IN ('Visit', 'Phone')),
    WorkStatus TEXT NULL CHECK (WorkStatus IN ('WageJob', 'SelfEmployed', 'GroupMember', 'Unemployed', 'Studying', 'Migrated')),
    SkillIncomeSatang INTEGER NULL CHECK (SkillIncomeSatang >= 0),
    TotalIncomeSatang INTEGER NULL CHECK (TotalIncomeSatang >= 0),
    UsesSkill INTEGER NULL,
    SavesRegularly INTEGER NULL,
    MissedReason TEXT NULL CHECK (MissedReason IN ('CouldNotReach', 'MovedAway', 'Refused', 'Other')),
    Note TEXT NULL,
    RecordedAt TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (EnrollmentId, Kind)
);

-- The due and overdue lists: by status, sorted by due date.
CREATE INDEX IX_FollowUps_Status_DueOn ON FollowUps (Status, DueOn, Id);
-- A person's outcome over time.
CREATE INDEX IX_FollowUps_PersonId ON FollowUps (PersonId, DueOn);

-- The weekly in-app digest of a field officer: written once per officer and week (Monday, Thai date) by the nightly
-- follow-ups job, with the counts of that morning; shown on their follow-ups page.
CREATE TABLE FollowUpDigests (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId INTEGER NOT NULL REFERENCES Users (Id),
    WeekStart TEXT NOT NULL,
    DueThisWeek INTEGER NOT NULL,
    Overdue INTEGER NOT NULL,
    CreatedAt TEXT NOT NULL,
    UNIQUE (UserId, WeekStart)
);

-- Field officers are scoped to districts (UserScopes of kind 'District', ScopeId a Districts.Id), as trainers are to
-- cohorts. SQLite cannot change a CHECK constraint in place, so UserScopes is rebuilt with the same rows.
CREATE TABLE UserScopesNew (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId INTEGER NOT NULL REFERENCES Users (Id),
    ScopeKind TEXT NOT NULL CHECK (ScopeKind IN ('Cohort', 'ProducerGroup', 'District')),
    ScopeId INTEGER NOT NULL,
    UNIQUE (UserId, ScopeKind, ScopeId)
);
INSERT INTO UserScopesNew (Id, UserId, ScopeKind, ScopeId) SELECT Id, UserId, ScopeKind, ScopeId FROM UserScopes;
DROP TABLE UserScopes;
ALTER TABLE UserScopesNew RENAME TO UserScopes;
CREATE INDEX IX_UserScopes_Scope ON UserScopes (ScopeKind, ScopeId);

-- Outcome settings (DESIGN.md "Self-reliant", "Indicators"): the self-reliance line in satang per month (a manager
-- sets it, e.g. to the provincial poverty line; 3 000 THB until then), the first day of the fiscal year (MM-dd), and
-- the lower bounds of the age bands after "under 15" (under 15, 15-17, 18-24, 25-35, 36+).
INSERT INTO Settings (Name, Value) VALUES ('SelfRelianceLineSatang', '300000');
INSERT INTO Settings (Name, Value) VALUES ('FiscalYearStart', '10-01');
INSERT INTO Settings (Name, Value) VALUES ('AgeBands', '15,18,25,36');
