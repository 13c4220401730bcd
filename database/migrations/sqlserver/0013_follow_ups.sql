-- Income follow-ups (DESIGN.md "Follow-up"): a baseline due at enrollment, then 3, 6 and 12 months after completion.
-- One row per enrollment and kind (the unique key makes scheduling idempotent: a second run inserts nothing).
-- Status is Due, Done or Missed; "overdue" is not stored: it is Due with DueOn before today (Thai date), derived at
-- every read, so it is never stale between job runs and needs no nightly write per row.
-- DoneOn is the day of the visit or call, or the day the officer gave up (Missed). Money is BIGINT satang.
CREATE TABLE FollowUps (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_FollowUps PRIMARY KEY,
    EnrollmentId BIGINT NOT NULL CONSTRAINT FK_FollowUps_Enrollments REFERENCES Enrollments (Id),
    PersonId BIGINT NOT NULL CONSTRAINT FK_FollowUps_People REFERENCES People (Id),
    Kind NVARCHAR(20) NOT NULL CONSTRAINT CK_FollowUps_Kind CHECK (Kind IN (N'Baseline', N'ThreeMonths', N'SixMonths', N'TwelveMonths')),
    DueOn DATE NOT NULL,
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_FollowUps_Status CHECK (Status IN (N'Due', N'Done', N'Missed')),
    DoneOn DATE NULL,
    DoneByUserId BIGINT NULL CONSTRAINT FK_FollowUps_DoneBy REFERENCES Users (Id),
    Method NVARCHAR(10) NULL CONSTRAINT CK_FollowUps_Method CHECK (Method IN (N'Visit', N'Phone')),
    WorkStatus NVARCHAR(20) NULL CONSTRAINT CK_FollowUps_WorkStatus
        CHECK (WorkStatus IN (N'WageJob', N'SelfEmployed', N'GroupMember', N'Unemployed', N'Studying', N'Migrated')),
    SkillIncomeSatang BIGINT NULL CONSTRAINT CK_FollowUps_SkillIncome CHECK (SkillIncomeSatang >= 0),
    TotalIncomeSatang BIGINT NULL CONSTRAINT CK_FollowUps_TotalIncome CHECK (TotalIncomeSatang >= 0),
    UsesSkill BIT NULL,
    SavesRegularly BIT NULL,
    MissedReason NVARCHAR(20) NULL CONSTRAINT CK_FollowUps_MissedReason CHECK (MissedReason IN (N'CouldNotReach', N'MovedAway', N'Refused', N'Other')),
    Note NVARCHAR(1000) NULL,
    RecordedAt DATETIME2 NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_FollowUps_Version DEFAULT 1,
    CONSTRAINT UQ_FollowUps_EnrollmentId_Kind UNIQUE (EnrollmentId, Kind)
);

-- The due and overdue lists: by status, sorted by due date.
CREATE INDEX IX_FollowUps_Status_DueOn ON FollowUps (Status, DueOn, Id);
-- A person's outcome over time.
CREATE INDEX IX_FollowUps_PersonId ON FollowUps (PersonId, DueOn);

-- The weekly in-app digest of a field officer: written once per officer and week (Monday, Thai date) by the nightly
-- follow-ups job, with the counts of that morning; shown on their follow-ups page.
CREATE TABLE FollowUpDigests (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_FollowUpDigests PRIMARY KEY,
    UserId BIGINT NOT NULL CONSTRAINT FK_FollowUpDigests_Users REFERENCES Users (Id),
    WeekStart DATE NOT NULL,
    DueThisWeek INT NOT NULL,
    Overdue INT NOT NULL,
    CreatedAt DATETIME2 NOT NULL,
    CONSTRAINT UQ_FollowUpDigests_UserId_WeekStart UNIQUE (UserId, WeekStart)
);

-- Field officers are scoped to districts (UserScopes of kind 'District', ScopeId a Districts.Id), as trainers are to
-- cohorts.
ALTER TABLE UserScopes DROP CONSTRAINT CK_UserScopes_ScopeKind;
ALTER TABLE UserScopes ADD CONSTRAINT CK_UserScopes_ScopeKind CHECK (ScopeKind IN (N'Cohort', N'ProducerGroup', N'District'));

-- Outcome settings (DESIGN.md "Self-reliant", "Indicators"): the self-reliance line in satang per month (a manager
-- sets it, e.g. to the provincial poverty line; 3 000 THB until then), the first day of the fiscal year (MM-dd), and
-- the lower bounds of the age bands after "under 15" (under 15, 15-17, 18-24, 25-35, 36+).
INSERT INTO Settings (Name, Value) VALUES (N'SelfRelianceLineSatang', N'300000');
INSERT INTO Settings (Name, Value) VALUES (N'FiscalYearStart', N'10-01');
INSERT INTO Settings (Name, Value) VALUES (N'AgeBands', N'15,18,25,36');
