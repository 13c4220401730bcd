-- Village producer groups, their members (people of the registry) and products. Money is BIGINT satang.
-- A group recorder's scope (which group they keep) is a UserScopes row of kind 'ProducerGroup'.
CREATE TABLE ProducerGroups (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_ProducerGroups PRIMARY KEY,
    Name NVARCHAR(200) NOT NULL,
    VillageId BIGINT NOT NULL CONSTRAINT FK_ProducerGroups_Villages REFERENCES Villages (Id),
    Trade NVARCHAR(100) NOT NULL,
    FoundedOn DATE NULL,
    RegistrationNumber NVARCHAR(50) NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_ProducerGroups_Status CHECK (Status IN (N'Forming', N'Active', N'Dormant', N'Closed')),
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_ProducerGroups_Version DEFAULT 1
);

CREATE INDEX IX_ProducerGroups_VillageId ON ProducerGroups (VillageId);
CREATE INDEX IX_ProducerGroups_Status_Name ON ProducerGroups (Status, Name);

CREATE TABLE GroupCohorts (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_GroupCohorts PRIMARY KEY,
    GroupId BIGINT NOT NULL CONSTRAINT FK_GroupCohorts_ProducerGroups REFERENCES ProducerGroups (Id),
    CohortId BIGINT NOT NULL CONSTRAINT FK_GroupCohorts_Cohorts REFERENCES Cohorts (Id),
    CONSTRAINT UQ_GroupCohorts UNIQUE (GroupId, CohortId)
);

CREATE TABLE GroupMembers (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_GroupMembers PRIMARY KEY,
    GroupId BIGINT NOT NULL CONSTRAINT FK_GroupMembers_ProducerGroups REFERENCES ProducerGroups (Id),
    PersonId BIGINT NOT NULL CONSTRAINT FK_GroupMembers_People REFERENCES People (Id),
    Role NVARCHAR(20) NOT NULL CONSTRAINT CK_GroupMembers_Role CHECK (Role IN (N'Chair', N'Treasurer', N'Secretary', N'Member')),
    JoinedOn DATE NOT NULL,
    LeftOn DATE NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_GroupMembers_Version DEFAULT 1
);

CREATE INDEX IX_GroupMembers_GroupId ON GroupMembers (GroupId);
CREATE INDEX IX_GroupMembers_PersonId ON GroupMembers (PersonId);
-- A person is a current member of a group at most once.
CREATE UNIQUE INDEX UX_GroupMembers_Current ON GroupMembers (GroupId, PersonId) WHERE LeftOn IS NULL;

CREATE TABLE Products (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Products PRIMARY KEY,
    GroupId BIGINT NOT NULL CONSTRAINT FK_Products_ProducerGroups REFERENCES ProducerGroups (Id),
    Name NVARCHAR(200) NOT NULL,
    Unit NVARCHAR(50) NOT NULL,
    UsualPrice BIGINT NOT NULL,
    IsRetired BIT NOT NULL CONSTRAINT DF_Products_IsRetired DEFAULT 0,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Products_Version DEFAULT 1
);

CREATE INDEX IX_Products_GroupId ON Products (GroupId);
