-- Users sign in with email and password; each has one role. Scopes say which cohorts a trainer and which
-- producer group a recorder may see (the cohort and group tables arrive with their features).
CREATE TABLE Roles (
    Code NVARCHAR(30) NOT NULL CONSTRAINT PK_Roles PRIMARY KEY,
    SortOrder INT NOT NULL
);

INSERT INTO Roles (Code, SortOrder) VALUES
    (N'Admin', 1), (N'Manager', 2), (N'FieldOfficer', 3), (N'Trainer', 4), (N'GroupRecorder', 5);

CREATE TABLE Users (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Users PRIMARY KEY,
    Email NVARCHAR(256) NOT NULL,
    DisplayName NVARCHAR(200) NOT NULL,
    PasswordHash NVARCHAR(500) NOT NULL,
    Role NVARCHAR(30) NOT NULL CONSTRAINT FK_Users_Roles REFERENCES Roles (Code),
    IsActive BIT NOT NULL CONSTRAINT DF_Users_IsActive DEFAULT 1,
    FailedSignIns INT NOT NULL CONSTRAINT DF_Users_FailedSignIns DEFAULT 0,
    LockedOutUntil DATETIME2 NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Users_Version DEFAULT 1,
    CONSTRAINT UQ_Users_Email UNIQUE (Email)
);

CREATE TABLE UserScopes (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_UserScopes PRIMARY KEY,
    UserId BIGINT NOT NULL CONSTRAINT FK_UserScopes_Users REFERENCES Users (Id),
    ScopeKind NVARCHAR(20) NOT NULL CONSTRAINT CK_UserScopes_ScopeKind CHECK (ScopeKind IN (N'Cohort', N'ProducerGroup')),
    ScopeId BIGINT NOT NULL,
    CONSTRAINT UQ_UserScopes UNIQUE (UserId, ScopeKind, ScopeId)
);
