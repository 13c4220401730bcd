-- Courses (trades taught), programmes (funded projects), cohorts (one run of a course), their sessions, the
-- enrollments of people in cohorts and the attendance marks per enrollment and held session.
-- Trainers are assigned to cohorts through UserScopes (ScopeKind 'Cohort').
CREATE TABLE Programmes (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL,
    Donor TEXT NULL,
    StartDate TEXT NOT NULL,
    EndDate TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE Courses (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL,
    Category TEXT NOT NULL,
    StandardHours INTEGER NOT NULL,
    CompletionThresholdPercent INTEGER NOT NULL DEFAULT 80,
    AssessmentRequired INTEGER NOT NULL,
    IsActive INTEGER NOT NULL DEFAULT 1,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE Cohorts (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code TEXT NOT NULL UNIQUE,
    CourseId INTEGER NOT NULL REFERENCES Courses (Id),
    ProgrammeId INTEGER NULL REFERENCES Programmes (Id),
    VenueVillageId INTEGER NULL REFERENCES Villages (Id),
    VenueNote TEXT NULL,
    StartDate TEXT NOT NULL,
    EndDate TEXT NOT NULL,
    Capacity INTEGER NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Planned', 'Enrolling', 'Running', 'Completed', 'Cancelled')),
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_Cohorts_CourseId ON Cohorts (CourseId);
CREATE INDEX IX_Cohorts_ProgrammeId ON Cohorts (ProgrammeId);
CREATE INDEX IX_Cohorts_Status_StartDate ON Cohorts (Status, StartDate);
CREATE INDEX IX_UserScopes_Scope ON UserScopes (ScopeKind, ScopeId);

CREATE TABLE Sessions (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL REFERENCES Cohorts (Id),
    SessionDate TEXT NOT NULL,
    StartTime TEXT NOT NULL,
    DurationMinutes INTEGER NOT NULL,
    Topic TEXT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Scheduled', 'Held', 'Cancelled')),
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_Sessions_CohortId_SessionDate ON Sessions (CohortId, SessionDate);

CREATE TABLE Enrollments (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL REFERENCES Cohorts (Id),
    PersonId INTEGER NOT NULL REFERENCES People (Id),
    EnrolledOn TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Enrolled', 'Completed', 'DroppedOut', 'Transferred')),
    EndedOn TEXT NULL,
    DropoutReason TEXT NULL,
    EndNote TEXT NULL,
    TransferredToEnrollmentId INTEGER NULL,
    AssessmentResult TEXT NULL,
    SkillLevel TEXT NULL,
    CertificateCode TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_Enrollments_CohortId_Status ON Enrollments (CohortId, Status);
CREATE INDEX IX_Enrollments_PersonId ON Enrollments (PersonId);
-- One active enrollment per person and cohort.
CREATE UNIQUE INDEX UX_Enrollments_Active ON Enrollments (CohortId, PersonId) WHERE Status = 'Enrolled';

CREATE TABLE AttendanceMarks (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    SessionId INTEGER NOT NULL REFERENCES Sessions (Id),
    EnrollmentId INTEGER NOT NULL REFERENCES Enrollments (Id),
    Mark TEXT NOT NULL CHECK (Mark IN ('Present', 'Late', 'Excused', 'Absent')),
    Note TEXT NULL,
    RecordedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    RecordedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (SessionId, EnrollmentId)
);

CREATE INDEX IX_AttendanceMarks_EnrollmentId ON AttendanceMarks (EnrollmentId);
