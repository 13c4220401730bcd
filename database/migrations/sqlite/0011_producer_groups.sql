-- Village producer groups, their members (people of the registry) and products. Money is INTEGER satang.
-- A group recorder's scope (which group they keep) is a UserScopes row of kind 'ProducerGroup'.
CREATE TABLE ProducerGroups (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Name TEXT NOT NULL,
    VillageId INTEGER NOT NULL REFERENCES Villages (Id),
    Trade TEXT NOT NULL,
    FoundedOn TEXT NULL,
    RegistrationNumber TEXT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Forming', 'Active', 'Dormant', 'Closed')),
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_ProducerGroups_VillageId ON ProducerGroups (VillageId);
CREATE INDEX IX_ProducerGroups_Status_Name ON ProducerGroups (Status, Name);

CREATE TABLE GroupCohorts (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    GroupId INTEGER NOT NULL REFERENCES ProducerGroups (Id),
    CohortId INTEGER NOT NULL REFERENCES Cohorts (Id),
    UNIQUE (GroupId, CohortId)
);

CREATE TABLE GroupMembers (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    GroupId INTEGER NOT NULL REFERENCES ProducerGroups (Id),
    PersonId INTEGER NOT NULL REFERENCES People (Id),
    Role TEXT NOT NULL CHECK (Role IN ('Chair', 'Treasurer', 'Secretary', 'Member')),
    JoinedOn TEXT NOT NULL,
    LeftOn TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_GroupMembers_GroupId ON GroupMembers (GroupId);
CREATE INDEX IX_GroupMembers_PersonId ON GroupMembers (PersonId);
-- A person is a current member of a group at most once.
CREATE UNIQUE INDEX UX_GroupMembers_Current ON GroupMembers (GroupId, PersonId) WHERE LeftOn IS NULL;

CREATE TABLE Products (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    GroupId INTEGER NOT NULL REFERENCES ProducerGroups (Id),
    Name TEXT NOT NULL,
    Unit TEXT NOT NULL,
    UsualPrice INTEGER NOT NULL,
    IsRetired INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_Products_GroupId ON Products (GroupId);
