-- Absence alerts (DESIGN.md "Absence alert"): raised by a background job for an active enrollment with 3 consecutive
-- unexcused absences, or a rate below 60 % after at least 4 held sessions; followed up by staff (never addressed to
-- a guardian: the home can be the source of the risk) and resolved with a note. At most one alert per enrollment is
-- open at a time (one episode); after a resolution only sessions held after ResolvedOn can raise the next one.
-- ResolvedOn is the Thai-time date of ResolvedAt, kept as a date so the job compares it with session dates directly.
CREATE TABLE AbsenceAlerts (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    EnrollmentId INTEGER NOT NULL REFERENCES Enrollments (Id),
    PersonId INTEGER NOT NULL REFERENCES People (Id),
    CohortId INTEGER NOT NULL REFERENCES Cohorts (Id),
    Reason TEXT NOT NULL CHECK (Reason IN ('ConsecutiveAbsences', 'LowRate')),
    RatePercentTenths INTEGER NULL,
    HeldSessions INTEGER NOT NULL,
    RaisedAt TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Open', 'Resolved')),
    ContactedAt TEXT NULL,
    ContactNote TEXT NULL,
    ContactedByUserId INTEGER NULL REFERENCES Users (Id),
    ResolvedAt TEXT NULL,
    ResolvedOn TEXT NULL,
    ResolvedByUserId INTEGER NULL REFERENCES Users (Id),
    ResolutionNote TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

-- The queue (open alerts, newest first) and the menu's open count.
CREATE INDEX IX_AbsenceAlerts_Status_RaisedAt ON AbsenceAlerts (Status, RaisedAt, Id);
-- A person's page lists their alerts.
CREATE INDEX IX_AbsenceAlerts_PersonId ON AbsenceAlerts (PersonId, RaisedAt);
-- The job looks up each enrollment's open alert and last resolution.
CREATE INDEX IX_AbsenceAlerts_EnrollmentId_Status ON AbsenceAlerts (EnrollmentId, Status);
CREATE INDEX IX_AbsenceAlerts_CohortId ON AbsenceAlerts (CohortId);
-- One open alert per enrollment: a second run of the job cannot raise a duplicate.
CREATE UNIQUE INDEX UX_AbsenceAlerts_OpenPerEnrollment ON AbsenceAlerts (EnrollmentId) WHERE Status = 'Open';
