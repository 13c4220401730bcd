-- Users sign in with email and password; each has one role. Scopes say which cohorts a trainer and which
-- producer group a recorder may see (the cohort and group tables arrive with their features).
CREATE TABLE Roles (
    Code TEXT NOT NULL PRIMARY KEY,
    SortOrder INTEGER NOT NULL
);

INSERT INTO Roles (Code, SortOrder) VALUES
    ('Admin', 1), ('Manager', 2), ('FieldOfficer', 3), ('Trainer', 4), ('GroupRecorder', 5);

CREATE TABLE Users (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    DisplayName TEXT NOT NULL,
    PasswordHash TEXT NOT NULL,
    Role TEXT NOT NULL REFERENCES Roles (Code),
    IsActive INTEGER NOT NULL DEFAULT 1,
    FailedSignIns INTEGER NOT NULL DEFAULT 0,
    LockedOutUntil TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE UserScopes (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId INTEGER NOT NULL REFERENCES Users (Id),
    ScopeKind TEXT NOT NULL CHECK (ScopeKind IN ('Cohort', 'ProducerGroup')),
    ScopeId INTEGER NOT NULL,
    UNIQUE (UserId, ScopeKind, ScopeId)
);
