-- The outcomes dashboard at national scale (issue 7): indexes for the row sets dated by one column, and two pre-aggregates
-- the dashboard reads for whole months (Features/Dashboard/DashboardAggregatesJob says how they are kept exact).

CREATE INDEX IX_Enrollments_EnrolledOn ON Enrollments (EnrolledOn);
CREATE INDEX IX_Enrollments_EndedOn ON Enrollments (EndedOn);
-- Covering: follow-ups due in a period, and those done in it (income, self-reliance, skill use).
CREATE INDEX IX_FollowUps_DueOn ON FollowUps (DueOn) INCLUDE (EnrollmentId, Status, DoneOn, Kind);
CREATE INDEX IX_FollowUps_Status_DoneOn ON FollowUps (Status, DoneOn) INCLUDE (Kind, EnrollmentId, TotalIncomeSatang, WorkStatus, UsesSkill);
-- Absence alerts resolved in a period.
CREATE INDEX IX_AbsenceAlerts_Status_ResolvedOn ON AbsenceAlerts (Status, ResolvedOn) INCLUDE (EnrollmentId);
-- The held sessions of a few days (the period's partial months), without going through every enrollment.
CREATE INDEX IX_Sessions_Status_SessionDate ON Sessions (Status, SessionDate) INCLUDE (CohortId, DurationMinutes);

-- The live ledger entries of a few days, across groups.
CREATE INDEX IX_LedgerEntries_EntryDate ON LedgerEntries (EntryDate) INCLUDE (Kind, GroupId, Amount, MemberId) WHERE VoidedAt IS NULL;

-- Attendance minutes of an enrollment's held sessions in one month ('yyyy-MM'), as DESIGN.md's rate counts them.
CREATE TABLE AttendanceMonths (
    YearMonth CHAR(7) NOT NULL,
    EnrollmentId BIGINT NOT NULL CONSTRAINT FK_AttendanceMonths_Enrollments REFERENCES Enrollments (Id),
    HeldMinutes INT NOT NULL,
    ExcusedMinutes INT NOT NULL,
    AttendedMinutes INT NOT NULL,
    CONSTRAINT PK_AttendanceMonths PRIMARY KEY (YearMonth, EnrollmentId)
);

CREATE INDEX IX_AttendanceMonths_EnrollmentId ON AttendanceMonths (EnrollmentId);

-- A group's live (not voided) ledger entries of one kind in one month; payouts also by the member paid (null otherwise).
CREATE TABLE LedgerMonths (
    YearMonth CHAR(7) NOT NULL,
    Kind NVARCHAR(10) NOT NULL CONSTRAINT CK_LedgerMonths_Kind CHECK (Kind IN (N'Sale', N'Expense', N'Payout')),
    GroupId BIGINT NOT NULL CONSTRAINT FK_LedgerMonths_ProducerGroups REFERENCES ProducerGroups (Id),
    MemberId BIGINT NULL CONSTRAINT FK_LedgerMonths_GroupMembers REFERENCES GroupMembers (Id),
    Entries INT NOT NULL,
    Amount BIGINT NOT NULL
);

CREATE CLUSTERED INDEX CX_LedgerMonths_YearMonth ON LedgerMonths (YearMonth, Kind, GroupId);
CREATE INDEX IX_LedgerMonths_GroupId ON LedgerMonths (GroupId, YearMonth);

-- One row once the aggregates have been built in full: until then the dashboard computes every month from the rows.
CREATE TABLE DashboardAggregates (
    Id INT NOT NULL CONSTRAINT PK_DashboardAggregates PRIMARY KEY CONSTRAINT CK_DashboardAggregates_Id CHECK (Id = 1),
    BuiltAt DATETIME2 NOT NULL
);
