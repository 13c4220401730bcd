-- Absence alerts (DESIGN.md "Absence alert"): raised by a background job for an active enrollment with 3 consecutive
-- unexcused absences, or a rate below 60 % after at least 4 held sessions; followed up by staff (never addressed to
-- a guardian: the home can be the source of the risk) and resolved with a note. At most one alert per enrollment is
-- open at a time (one episode); after a resolution only sessions held after ResolvedOn can raise the next one.
-- ResolvedOn is the Thai-time date of ResolvedAt, kept as a date so the job compares it with session dates directly.
CREATE TABLE AbsenceAlerts (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_AbsenceAlerts PRIMARY KEY,
    EnrollmentId BIGINT NOT NULL CONSTRAINT FK_AbsenceAlerts_Enrollments REFERENCES Enrollments (Id),
    PersonId BIGINT NOT NULL CONSTRAINT FK_AbsenceAlerts_People REFERENCES People (Id),
    CohortId BIGINT NOT NULL CONSTRAINT FK_AbsenceAlerts_Cohorts REFERENCES Cohorts (Id),
    Reason NVARCHAR(30) NOT NULL CONSTRAINT CK_AbsenceAlerts_Reason CHECK (Reason IN (N'ConsecutiveAbsences', N'LowRate')),
    RatePercentTenths INT NULL,
    HeldSessions INT NOT NULL,
    RaisedAt DATETIME2 NOT NULL,
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_AbsenceAlerts_Status CHECK (Status IN (N'Open', N'Resolved')),
    ContactedAt DATETIME2 NULL,
    ContactNote NVARCHAR(1000) NULL,
    ContactedByUserId BIGINT NULL CONSTRAINT FK_AbsenceAlerts_ContactedBy REFERENCES Users (Id),
    ResolvedAt DATETIME2 NULL,
    ResolvedOn DATE NULL,
    ResolvedByUserId BIGINT NULL CONSTRAINT FK_AbsenceAlerts_ResolvedBy REFERENCES Users (Id),
    ResolutionNote NVARCHAR(1000) NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_AbsenceAlerts_Version DEFAULT 1
);

-- The queue (open alerts, newest first) and the menu's open count.
CREATE INDEX IX_AbsenceAlerts_Status_RaisedAt ON AbsenceAlerts (Status, RaisedAt, Id);
-- A person's page lists their alerts.
CREATE INDEX IX_AbsenceAlerts_PersonId ON AbsenceAlerts (PersonId, RaisedAt);
-- The job looks up each enrollment's open alert and last resolution.
CREATE INDEX IX_AbsenceAlerts_EnrollmentId_Status ON AbsenceAlerts (EnrollmentId, Status);
CREATE INDEX IX_AbsenceAlerts_CohortId ON AbsenceAlerts (CohortId);
-- One open alert per enrollment: a second run of the job cannot raise a duplicate.
CREATE UNIQUE INDEX UX_AbsenceAlerts_OpenPerEnrollment ON AbsenceAlerts (EnrollmentId) WHERE Status = N'Open';
