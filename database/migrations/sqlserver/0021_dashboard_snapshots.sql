-- The dashboard keeps the figures of a period that has ended (DashboardSnapshots), so a closed fiscal year opens without
-- recomputing a year of national data each time. The triggers below log, in DashboardChanges, the days whose figures a
-- write may change; a kept figure is used only while no change logged since it was computed (Stamp >= SeenStamp) touches
-- its period. They run on every write, whatever code makes it. A write whose rows are not dated (a person's sex, a
-- cohort's course, a setting) logs every day. Features/Dashboard/DashboardSnapshotQueries reads and keeps them.
-- Stamp is a rowversion: MIN_ACTIVE_ROWVERSION() read before computing is below every change not yet committed then.
CREATE TABLE DashboardChanges (
    Stamp ROWVERSION NOT NULL CONSTRAINT PK_DashboardChanges PRIMARY KEY,
    FromDay DATE NOT NULL,
    ToDay DATE NOT NULL
);

CREATE TABLE DashboardSnapshots (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_DashboardSnapshots PRIMARY KEY,
    QueryKey NVARCHAR(450) NOT NULL CONSTRAINT UQ_DashboardSnapshots_QueryKey UNIQUE,
    FromDay DATE NOT NULL,
    ToDay DATE NOT NULL,
    SeenStamp BINARY(8) NOT NULL,
    Figures NVARCHAR(MAX) NOT NULL,
    ComputedAt DATETIME2 NOT NULL
);

-- Changes below this stamp have been pruned: a figure computed before it cannot be checked, so it is not kept.
CREATE TABLE DashboardChangesPruned (
    Id INT NOT NULL CONSTRAINT PK_DashboardChangesPruned PRIMARY KEY CONSTRAINT CK_DashboardChangesPruned_Id CHECK (Id = 1),
    BelowStamp BINARY(8) NOT NULL
);
INSERT INTO DashboardChangesPruned (Id, BelowStamp) VALUES (1, 0x0000000000000000);
GO

-- Dated rows: the days they had and have (one log line a statement, from its first day to its last).
CREATE TRIGGER TR_LedgerEntries_Dashboard ON LedgerEntries AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (SELECT EntryDate AS d FROM inserted UNION ALL SELECT EntryDate FROM deleted) x
    HAVING COUNT(d) > 0;
END;
GO

CREATE TRIGGER TR_Sessions_Dashboard ON Sessions AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (SELECT SessionDate AS d FROM inserted UNION ALL SELECT SessionDate FROM deleted) x
    HAVING COUNT(d) > 0;
END;
GO

-- A mark counts on its session's day.
CREATE TRIGGER TR_AttendanceMarks_Dashboard ON AttendanceMarks AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(s.SessionDate), MAX(s.SessionDate) FROM Sessions s
    WHERE s.Id IN (SELECT SessionId FROM inserted UNION SELECT SessionId FROM deleted)
    HAVING COUNT(1) > 0;
END;
GO

-- An alert counts on the Thai day it was raised (RaisedAt is UTC) and the day it was resolved.
CREATE TRIGGER TR_AbsenceAlerts_Dashboard ON AbsenceAlerts AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT CAST(DATEADD(HOUR, 7, RaisedAt) AS DATE) AS d FROM inserted UNION ALL SELECT ResolvedOn FROM inserted
        UNION ALL SELECT CAST(DATEADD(HOUR, 7, RaisedAt) AS DATE) FROM deleted UNION ALL SELECT ResolvedOn FROM deleted) x
    HAVING COUNT(d) > 0;
END;
GO

-- A follow-up counts on its due and done days; a baseline also on the day its enrollment's 6-month follow-up was done
-- (the income change compares the two).
CREATE TRIGGER TR_FollowUps_Dashboard ON FollowUps AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT DueOn AS d FROM inserted UNION ALL SELECT DoneOn FROM inserted
        UNION ALL SELECT DueOn FROM deleted UNION ALL SELECT DoneOn FROM deleted
        UNION ALL SELECT f.DoneOn FROM FollowUps f
                  WHERE f.Kind = N'SixMonths' AND f.EnrollmentId IN (SELECT EnrollmentId FROM inserted WHERE Kind = N'Baseline'
                                                                      UNION SELECT EnrollmentId FROM deleted WHERE Kind = N'Baseline')) x
    HAVING COUNT(d) > 0;
END;
GO

-- An enrollment's rows (its attendance, follow-ups, alerts, its cohort's run) lie from the earliest of its dates on:
-- a change to it logs from there to the end of time.
CREATE TRIGGER TR_Enrollments_Dashboard ON Enrollments AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
       AND NOT (UPDATE(CohortId) OR UPDATE(PersonId) OR UPDATE(EnrolledOn) OR UPDATE(Status) OR UPDATE(EndedOn)) RETURN;
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), '9999-12-31' FROM (
        SELECT EnrolledOn AS d FROM inserted UNION ALL SELECT EndedOn FROM inserted
        UNION ALL SELECT EnrolledOn FROM deleted UNION ALL SELECT EndedOn FROM deleted
        UNION ALL SELECT c.StartDate FROM Cohorts c WHERE c.Id IN (SELECT CohortId FROM inserted UNION SELECT CohortId FROM deleted)
        UNION ALL SELECT f.DueOn FROM FollowUps f WHERE f.EnrollmentId IN (SELECT Id FROM inserted UNION SELECT Id FROM deleted)
        UNION ALL SELECT f.DoneOn FROM FollowUps f WHERE f.EnrollmentId IN (SELECT Id FROM inserted UNION SELECT Id FROM deleted)
        UNION ALL SELECT CAST(DATEADD(HOUR, 7, a.RaisedAt) AS DATE) FROM AbsenceAlerts a
                  WHERE a.EnrollmentId IN (SELECT Id FROM inserted UNION SELECT Id FROM deleted)) x
    HAVING COUNT(d) > 0;
END;
GO

-- Rows without a date of their own: what the figures are split and filtered by, and the settings they use. A change
-- logs every day; only the columns the figures read count.
CREATE TRIGGER TR_People_Dashboard ON People AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, VillageId, Sex, BirthYear, BirthDate, CitizenshipStatus FROM inserted EXCEPT SELECT Id, VillageId, Sex, BirthYear, BirthDate, CitizenshipStatus FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_Cohorts_Dashboard ON Cohorts AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, Code, CourseId, ProgrammeId, StartDate, EndDate, Status FROM inserted EXCEPT SELECT Id, Code, CourseId, ProgrammeId, StartDate, EndDate, Status FROM deleted)
       OR EXISTS (SELECT Id, Code, CourseId, ProgrammeId, StartDate, EndDate, Status FROM deleted EXCEPT SELECT Id, Code, CourseId, ProgrammeId, StartDate, EndDate, Status FROM inserted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_ProducerGroups_Dashboard ON ProducerGroups AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, Name, VillageId, Status FROM inserted EXCEPT SELECT Id, Name, VillageId, Status FROM deleted)
       OR EXISTS (SELECT Id, Name, VillageId, Status FROM deleted EXCEPT SELECT Id, Name, VillageId, Status FROM inserted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_GroupMembers_Dashboard ON GroupMembers AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, GroupId, PersonId FROM inserted EXCEPT SELECT Id, GroupId, PersonId FROM deleted)
       OR EXISTS (SELECT Id, GroupId, PersonId FROM deleted EXCEPT SELECT Id, GroupId, PersonId FROM inserted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_GroupCohorts_Dashboard ON GroupCohorts AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

-- The names the split shows, and where a village lies.
CREATE TRIGGER TR_Villages_Dashboard ON Villages AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, SubdistrictId, NameTh FROM inserted EXCEPT SELECT Id, SubdistrictId, NameTh FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_Subdistricts_Dashboard ON Subdistricts AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, DistrictId FROM inserted EXCEPT SELECT Id, DistrictId FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_Districts_Dashboard ON Districts AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, NameTh FROM inserted EXCEPT SELECT Id, NameTh FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_Courses_Dashboard ON Courses AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, NameTh FROM inserted EXCEPT SELECT Id, NameTh FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

CREATE TRIGGER TR_Programmes_Dashboard ON Programmes AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Id, NameTh FROM inserted EXCEPT SELECT Id, NameTh FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

-- The settings the figures use (the self-reliance line, the age bands).
CREATE TRIGGER TR_Settings_Dashboard ON Settings AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT Name, Value FROM inserted WHERE Name IN (N'SelfRelianceLineSatang', N'AgeBands')
               EXCEPT SELECT Name, Value FROM deleted)
       OR EXISTS (SELECT Name, Value FROM deleted WHERE Name IN (N'SelfRelianceLineSatang', N'AgeBands')
                  EXCEPT SELECT Name, Value FROM inserted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

-- A field officer's districts (their figures are limited to them).
CREATE TRIGGER TR_UserScopes_Dashboard ON UserScopes AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
GO

-- The pre-aggregates rebuilt (or dropped): the figures may move where they had drifted from the rows.
CREATE TRIGGER TR_DashboardAggregates_Dashboard ON DashboardAggregates AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted)
        INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
