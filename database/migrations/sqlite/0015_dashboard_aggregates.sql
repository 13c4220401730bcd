-- The outcomes dashboard at national scale (issue 7): indexes for the row sets dated by one column, and two pre-aggregates
-- the dashboard reads for whole months (Features/Dashboard/DashboardAggregatesJob says how they are kept exact).

CREATE INDEX IX_Enrollments_EnrolledOn ON Enrollments (EnrolledOn);
CREATE INDEX IX_Enrollments_EndedOn ON Enrollments (EndedOn);
-- Covering: follow-ups due in a period, and those done in it (income, self-reliance, skill use).
CREATE INDEX IX_FollowUps_DueOn ON FollowUps (DueOn, EnrollmentId, Status, DoneOn, Kind);
CREATE INDEX IX_FollowUps_Status_DoneOn ON FollowUps (Status, DoneOn, Kind, EnrollmentId, TotalIncomeSatang, WorkStatus, UsesSkill);
-- Absence alerts resolved in a period.
CREATE INDEX IX_AbsenceAlerts_Status_ResolvedOn ON AbsenceAlerts (Status, ResolvedOn, EnrollmentId);
-- The held sessions of a few days (the period's partial months), without going through every enrollment.
CREATE INDEX IX_Sessions_Status_SessionDate ON Sessions (Status, SessionDate, CohortId, DurationMinutes);

-- The live ledger entries of a few days, across groups.
CREATE INDEX IX_LedgerEntries_EntryDate ON LedgerEntries (EntryDate, Kind, GroupId, Amount, MemberId) WHERE VoidedAt IS NULL;

-- Attendance minutes of an enrollment's held sessions in one month ('yyyy-MM'), as DESIGN.md's rate counts them.
CREATE TABLE AttendanceMonths (
    YearMonth TEXT NOT NULL,
    EnrollmentId INTEGER NOT NULL REFERENCES Enrollments (Id),
    HeldMinutes INTEGER NOT NULL,
    ExcusedMinutes INTEGER NOT NULL,
    AttendedMinutes INTEGER NOT NULL,
    PRIMARY KEY (YearMonth, EnrollmentId)
) WITHOUT ROWID;

CREATE INDEX IX_AttendanceMonths_EnrollmentId ON AttendanceMonths (EnrollmentId);

-- A group's live (not voided) ledger entries of one kind in one month; payouts also by the member paid (null otherwise).
CREATE TABLE LedgerMonths (
    YearMonth TEXT NOT NULL,
    Kind TEXT NOT NULL CHECK (Kind IN ('Sale', 'Expense', 'Payout')),
    GroupId INTEGER NOT NULL REFERENCES ProducerGroups (Id),
    MemberId INTEGER NULL REFERENCES GroupMembers (Id),
    Entries INTEGER NOT NULL,
    Amount INTEGER NOT NULL
);

CREATE INDEX IX_LedgerMonths_YearMonth ON LedgerMonths (YearMonth, Kind, GroupId, MemberId, Entries, Amount);
CREATE INDEX IX_LedgerMonths_GroupId ON LedgerMonths (GroupId, YearMonth);

-- One row once the aggregates have been built in full: until then the dashboard computes every month from the rows.
CREATE TABLE DashboardAggregates (
    Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    BuiltAt TEXT NOT NULL
);
