-- The dashboard keeps the figures of a period that has ended (DashboardSnapshots), so a closed fiscal year opens without
-- recomputing a year of national data each time. The triggers below log, in DashboardChanges, the days whose figures a
-- write may change; a kept figure is used only while no change logged since it was computed (Stamp >= SeenStamp) touches
-- its period. They run on every write, whatever code makes it. A write whose rows are not dated (a person's sex, a
-- cohort's course, a setting) logs every day. Features/Dashboard/DashboardSnapshotQueries reads and keeps them.
CREATE TABLE DashboardChanges (
    Stamp INTEGER PRIMARY KEY AUTOINCREMENT,
    FromDay TEXT NOT NULL,
    ToDay TEXT NOT NULL
);

CREATE TABLE DashboardSnapshots (
    Id INTEGER PRIMARY KEY,
    QueryKey TEXT NOT NULL UNIQUE,
    FromDay TEXT NOT NULL,
    ToDay TEXT NOT NULL,
    SeenStamp INTEGER NOT NULL,
    Figures TEXT NOT NULL,
    ComputedAt TEXT NOT NULL
);

-- Changes below this stamp have been pruned: a figure computed before it cannot be checked, so it is not kept.
CREATE TABLE DashboardChangesPruned (
    Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    BelowStamp INTEGER NOT NULL
);
INSERT INTO DashboardChangesPruned (Id, BelowStamp) VALUES (1, 0);

-- Dated rows: the days they had and have.
CREATE TRIGGER TR_LedgerEntries_DashboardInsert AFTER INSERT ON LedgerEntries
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (NEW.EntryDate, NEW.EntryDate);
END;
CREATE TRIGGER TR_LedgerEntries_DashboardUpdate AFTER UPDATE ON LedgerEntries
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (MIN(OLD.EntryDate, NEW.EntryDate), MAX(OLD.EntryDate, NEW.EntryDate));
END;
CREATE TRIGGER TR_LedgerEntries_DashboardDelete AFTER DELETE ON LedgerEntries
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (OLD.EntryDate, OLD.EntryDate);
END;

CREATE TRIGGER TR_Sessions_DashboardInsert AFTER INSERT ON Sessions
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (NEW.SessionDate, NEW.SessionDate);
END;
CREATE TRIGGER TR_Sessions_DashboardUpdate AFTER UPDATE ON Sessions
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (MIN(OLD.SessionDate, NEW.SessionDate), MAX(OLD.SessionDate, NEW.SessionDate));
END;
CREATE TRIGGER TR_Sessions_DashboardDelete AFTER DELETE ON Sessions
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES (OLD.SessionDate, OLD.SessionDate);
END;

-- A mark counts on its session's day.
CREATE TRIGGER TR_AttendanceMarks_DashboardInsert AFTER INSERT ON AttendanceMarks
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) SELECT SessionDate, SessionDate FROM Sessions WHERE Id = NEW.SessionId;
END;
CREATE TRIGGER TR_AttendanceMarks_DashboardUpdate AFTER UPDATE ON AttendanceMarks
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(SessionDate), MAX(SessionDate) FROM Sessions WHERE Id IN (OLD.SessionId, NEW.SessionId);
END;
CREATE TRIGGER TR_AttendanceMarks_DashboardDelete AFTER DELETE ON AttendanceMarks
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) SELECT SessionDate, SessionDate FROM Sessions WHERE Id = OLD.SessionId;
END;

-- An alert counts on the Thai day it was raised (RaisedAt is UTC) and the day it was resolved.
CREATE TRIGGER TR_AbsenceAlerts_DashboardInsert AFTER INSERT ON AbsenceAlerts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (SELECT date(NEW.RaisedAt, '+7 hours') AS d UNION ALL SELECT NEW.ResolvedOn);
END;
CREATE TRIGGER TR_AbsenceAlerts_DashboardUpdate AFTER UPDATE ON AbsenceAlerts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT date(OLD.RaisedAt, '+7 hours') AS d UNION ALL SELECT OLD.ResolvedOn
        UNION ALL SELECT date(NEW.RaisedAt, '+7 hours') UNION ALL SELECT NEW.ResolvedOn);
END;
CREATE TRIGGER TR_AbsenceAlerts_DashboardDelete AFTER DELETE ON AbsenceAlerts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (SELECT date(OLD.RaisedAt, '+7 hours') AS d UNION ALL SELECT OLD.ResolvedOn);
END;

-- A follow-up counts on its due and done days; a baseline also on the day its enrollment's 6-month follow-up was done
-- (the income change compares the two).
CREATE TRIGGER TR_FollowUps_DashboardInsert AFTER INSERT ON FollowUps
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT NEW.DueOn AS d UNION ALL SELECT NEW.DoneOn
        UNION ALL SELECT DoneOn FROM FollowUps WHERE NEW.Kind = 'Baseline' AND EnrollmentId = NEW.EnrollmentId AND Kind = 'SixMonths');
END;
CREATE TRIGGER TR_FollowUps_DashboardUpdate AFTER UPDATE ON FollowUps
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT OLD.DueOn AS d UNION ALL SELECT OLD.DoneOn UNION ALL SELECT NEW.DueOn UNION ALL SELECT NEW.DoneOn
        UNION ALL SELECT DoneOn FROM FollowUps
                  WHERE 'Baseline' IN (OLD.Kind, NEW.Kind) AND EnrollmentId IN (OLD.EnrollmentId, NEW.EnrollmentId) AND Kind = 'SixMonths');
END;
CREATE TRIGGER TR_FollowUps_DashboardDelete AFTER DELETE ON FollowUps
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), MAX(d) FROM (
        SELECT OLD.DueOn AS d UNION ALL SELECT OLD.DoneOn
        UNION ALL SELECT DoneOn FROM FollowUps WHERE OLD.Kind = 'Baseline' AND EnrollmentId = OLD.EnrollmentId AND Kind = 'SixMonths');
END;

-- An enrollment's rows (its attendance, follow-ups, alerts, its cohort's run) lie from the earliest of its dates on:
-- a change to it logs from there to the end of time.
CREATE TRIGGER TR_Enrollments_DashboardInsert AFTER INSERT ON Enrollments
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(NEW.EnrolledOn, StartDate), '9999-12-31' FROM Cohorts WHERE Id = NEW.CohortId;
END;
CREATE TRIGGER TR_Enrollments_DashboardUpdate AFTER UPDATE OF CohortId, PersonId, EnrolledOn, Status, EndedOn ON Enrollments
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), '9999-12-31' FROM (
        SELECT OLD.EnrolledOn AS d UNION ALL SELECT NEW.EnrolledOn UNION ALL SELECT OLD.EndedOn UNION ALL SELECT NEW.EndedOn
        UNION ALL SELECT StartDate FROM Cohorts WHERE Id IN (OLD.CohortId, NEW.CohortId)
        UNION ALL SELECT MIN(DueOn) FROM FollowUps WHERE EnrollmentId = NEW.Id
        UNION ALL SELECT MIN(DoneOn) FROM FollowUps WHERE EnrollmentId = NEW.Id
        UNION ALL SELECT MIN(date(RaisedAt, '+7 hours')) FROM AbsenceAlerts WHERE EnrollmentId = NEW.Id);
END;
CREATE TRIGGER TR_Enrollments_DashboardDelete AFTER DELETE ON Enrollments
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay)
    SELECT MIN(d), '9999-12-31' FROM (
        SELECT OLD.EnrolledOn AS d UNION ALL SELECT OLD.EndedOn
        UNION ALL SELECT StartDate FROM Cohorts WHERE Id = OLD.CohortId
        UNION ALL SELECT MIN(DueOn) FROM FollowUps WHERE EnrollmentId = OLD.Id
        UNION ALL SELECT MIN(DoneOn) FROM FollowUps WHERE EnrollmentId = OLD.Id
        UNION ALL SELECT MIN(date(RaisedAt, '+7 hours')) FROM AbsenceAlerts WHERE EnrollmentId = OLD.Id);
END;

-- Rows without a date of their own: what the figures are split and filtered by, and the settings they use. A change
-- logs every day; only the columns the figures read count.
CREATE TRIGGER TR_People_Dashboard AFTER UPDATE ON People
WHEN OLD.VillageId IS NOT NEW.VillageId OR OLD.Sex IS NOT NEW.Sex OR OLD.BirthYear IS NOT NEW.BirthYear
  OR OLD.BirthDate IS NOT NEW.BirthDate OR OLD.CitizenshipStatus IS NOT NEW.CitizenshipStatus
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

CREATE TRIGGER TR_Cohorts_DashboardUpdate AFTER UPDATE ON Cohorts
WHEN OLD.Code IS NOT NEW.Code OR OLD.CourseId IS NOT NEW.CourseId OR OLD.ProgrammeId IS NOT NEW.ProgrammeId
  OR OLD.StartDate IS NOT NEW.StartDate OR OLD.EndDate IS NOT NEW.EndDate OR OLD.Status IS NOT NEW.Status
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Cohorts_DashboardDelete AFTER DELETE ON Cohorts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

CREATE TRIGGER TR_ProducerGroups_DashboardUpdate AFTER UPDATE ON ProducerGroups
WHEN OLD.Name IS NOT NEW.Name OR OLD.VillageId IS NOT NEW.VillageId OR OLD.Status IS NOT NEW.Status
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_ProducerGroups_DashboardDelete AFTER DELETE ON ProducerGroups
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

CREATE TRIGGER TR_GroupMembers_DashboardUpdate AFTER UPDATE ON GroupMembers
WHEN OLD.GroupId IS NOT NEW.GroupId OR OLD.PersonId IS NOT NEW.PersonId
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_GroupMembers_DashboardDelete AFTER DELETE ON GroupMembers
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

CREATE TRIGGER TR_GroupCohorts_DashboardInsert AFTER INSERT ON GroupCohorts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_GroupCohorts_DashboardUpdate AFTER UPDATE ON GroupCohorts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_GroupCohorts_DashboardDelete AFTER DELETE ON GroupCohorts
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

-- The names the split shows, and where a village lies.
CREATE TRIGGER TR_Villages_Dashboard AFTER UPDATE ON Villages
WHEN OLD.SubdistrictId IS NOT NEW.SubdistrictId OR OLD.NameTh IS NOT NEW.NameTh
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Subdistricts_Dashboard AFTER UPDATE ON Subdistricts WHEN OLD.DistrictId IS NOT NEW.DistrictId
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Districts_Dashboard AFTER UPDATE ON Districts WHEN OLD.NameTh IS NOT NEW.NameTh
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Courses_Dashboard AFTER UPDATE ON Courses WHEN OLD.NameTh IS NOT NEW.NameTh
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Programmes_Dashboard AFTER UPDATE ON Programmes WHEN OLD.NameTh IS NOT NEW.NameTh
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

-- The settings the figures use (the self-reliance line, the age bands).
CREATE TRIGGER TR_Settings_DashboardInsert AFTER INSERT ON Settings WHEN NEW.Name IN ('SelfRelianceLineSatang', 'AgeBands')
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Settings_DashboardUpdate AFTER UPDATE ON Settings
WHEN (OLD.Name IN ('SelfRelianceLineSatang', 'AgeBands') OR NEW.Name IN ('SelfRelianceLineSatang', 'AgeBands')) AND OLD.Value IS NOT NEW.Value
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_Settings_DashboardDelete AFTER DELETE ON Settings WHEN OLD.Name IN ('SelfRelianceLineSatang', 'AgeBands')
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

-- A field officer's districts (their figures are limited to them).
CREATE TRIGGER TR_UserScopes_DashboardInsert AFTER INSERT ON UserScopes
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_UserScopes_DashboardUpdate AFTER UPDATE ON UserScopes
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_UserScopes_DashboardDelete AFTER DELETE ON UserScopes
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;

-- The pre-aggregates rebuilt (or dropped): the figures may move where they had drifted from the rows.
CREATE TRIGGER TR_DashboardAggregates_DashboardInsert AFTER INSERT ON DashboardAggregates
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
CREATE TRIGGER TR_DashboardAggregates_DashboardDelete AFTER DELETE ON DashboardAggregates
BEGIN
    INSERT INTO DashboardChanges (FromDay, ToDay) VALUES ('0001-01-01', '9999-12-31');
END;
