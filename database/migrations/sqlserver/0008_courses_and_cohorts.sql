-- Courses (trades taught), programmes (funded projects), cohorts (one run of a course), their sessions, the
-- enrollments of people in cohorts and the attendance marks per enrollment and held session.
-- Trainers are assigned to cohorts through UserScopes (ScopeKind 'Cohort').
CREATE TABLE Programmes (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Programmes PRIMARY KEY,
    NameTh NVARCHAR(200) NOT NULL,
    NameEn NVARCHAR(200) NULL,
    Donor NVARCHAR(200) NULL,
    StartDate DATE NOT NULL,
    EndDate DATE NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Programmes_Version DEFAULT 1
);

CREATE TABLE Courses (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Courses PRIMARY KEY,
    NameTh NVARCHAR(200) NOT NULL,
    NameEn NVARCHAR(200) NULL,
    Category NVARCHAR(50) NOT NULL,
    StandardHours INT NOT NULL,
    CompletionThresholdPercent INT NOT NULL CONSTRAINT DF_Courses_Threshold DEFAULT 80,
    AssessmentRequired BIT NOT NULL,
    IsActive BIT NOT NULL CONSTRAINT DF_Courses_IsActive DEFAULT 1,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Courses_Version DEFAULT 1
);

CREATE TABLE Cohorts (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Cohorts PRIMARY KEY,
    Code NVARCHAR(30) NOT NULL CONSTRAINT UQ_Cohorts_Code UNIQUE,
    CourseId BIGINT NOT NULL CONSTRAINT FK_Cohorts_Courses REFERENCES Courses (Id),
    ProgrammeId BIGINT NULL CONSTRAINT FK_Cohorts_Programmes REFERENCES Programmes (Id),
    VenueVillageId BIGINT NULL CONSTRAINT FK_Cohorts_Villages REFERENCES Villages (Id),
    VenueNote NVARCHAR(200) NULL,
    StartDate DATE NOT NULL,
    EndDate DATE NOT NULL,
    Capacity INT NOT NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_Cohorts_Status CHECK (Status IN (N'Planned', N'Enrolling', N'Running', N'Completed', N'Cancelled')),
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Cohorts_Version DEFAULT 1
);

CREATE INDEX IX_Cohorts_CourseId ON Cohorts (CourseId);
CREATE INDEX IX_Cohorts_ProgrammeId ON Cohorts (ProgrammeId);
CREATE INDEX IX_Cohorts_Status_StartDate ON Cohorts (Status, StartDate);
CREATE INDEX IX_UserScopes_Scope ON UserScopes (ScopeKind, ScopeId);

CREATE TABLE Sessions (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Sessions PRIMARY KEY,
    CohortId BIGINT NOT NULL CONSTRAINT FK_Sessions_Cohorts REFERENCES Cohorts (Id),
    SessionDate DATE NOT NULL,
    StartTime NVARCHAR(5) NOT NULL,
    DurationMinutes INT NOT NULL,
    Topic NVARCHAR(200) NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_Sessions_Status CHECK (Status IN (N'Scheduled', N'Held', N'Cancelled')),
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Sessions_Version DEFAULT 1
);

CREATE INDEX IX_Sessions_CohortId_SessionDate ON Sessions (CohortId, SessionDate);

CREATE TABLE Enrollments (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Enrollments PRIMARY KEY,
    CohortId BIGINT NOT NULL CONSTRAINT FK_Enrollments_Cohorts REFERENCES Cohorts (Id),
    PersonId BIGINT NOT NULL CONSTRAINT FK_Enrollments_People REFERENCES People (Id),
    EnrolledOn DATE NOT NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_Enrollments_Status CHECK (Status IN (N'Enrolled', N'Completed', N'DroppedOut', N'Transferred')),
    EndedOn DATE NULL,
    DropoutReason NVARCHAR(30) NULL,
    EndNote NVARCHAR(500) NULL,
    TransferredToEnrollmentId BIGINT NULL,
    AssessmentResult NVARCHAR(10) NULL,
    SkillLevel NVARCHAR(50) NULL,
    CertificateCode NVARCHAR(20) NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Enrollments_Version DEFAULT 1
);

CREATE INDEX IX_Enrollments_CohortId_Status ON Enrollments (CohortId, Status);
CREATE INDEX IX_Enrollments_PersonId ON Enrollments (PersonId);
-- One active enrollment per person and cohort.
CREATE UNIQUE INDEX UX_Enrollments_Active ON Enrollments (CohortId, PersonId) WHERE Status = N'Enrolled';

CREATE TABLE AttendanceMarks (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_AttendanceMarks PRIMARY KEY,
    SessionId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarks_Sessions REFERENCES Sessions (Id),
    EnrollmentId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarks_Enrollments REFERENCES Enrollments (Id),
    Mark NVARCHAR(10) NOT NULL CONSTRAINT CK_AttendanceMarks_Mark CHECK (Mark IN (N'Present', N'Late', N'Excused', N'Absent')),
    Note NVARCHAR(500) NULL,
    RecordedByUserId BIGINT NOT NULL CONSTRAINT FK_AttendanceMarks_Users REFERENCES Users (Id),
    RecordedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_AttendanceMarks_Version DEFAULT 1,
    CONSTRAINT UQ_AttendanceMarks_Session_Enrollment UNIQUE (SessionId, EnrollmentId)
);

CREATE INDEX IX_AttendanceMarks_EnrollmentId ON AttendanceMarks (EnrollmentId);
