-- The people registry (participants) and their consents. ID number, vulnerability flags and ethnicity are
-- sensitive: the app masks them for roles that may not see them. Age is never stored: it is derived from
-- BirthDate, or from BirthYear where only the year is known (BirthYear always holds the year).
CREATE TABLE People (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    FullNameTh TEXT NOT NULL,
    FullNameLatin TEXT NULL,
    Nickname TEXT NULL,
    Sex TEXT NOT NULL CHECK (Sex IN ('Female', 'Male')),
    BirthDate TEXT NULL,
    BirthYear INTEGER NOT NULL,
    VillageId INTEGER NOT NULL REFERENCES Villages (Id),
    Phone TEXT NULL,
    CitizenshipStatus TEXT NOT NULL CHECK (CitizenshipStatus IN ('ThaiId', 'HighlandCard', 'None')),
    IdNumber TEXT NULL,
    Education TEXT NULL,
    Ethnicity TEXT NULL,
    VulnerabilityFlags TEXT NULL,
    GuardianName TEXT NULL,
    GuardianRelation TEXT NULL,
    GuardianPhone TEXT NULL,
    Status TEXT NOT NULL DEFAULT 'Active' CHECK (Status IN ('Active', 'Inactive')),
    RegisteredByUserId INTEGER NOT NULL REFERENCES Users (Id),
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_People_FullNameTh ON People (FullNameTh, Id);
CREATE INDEX IX_People_VillageId ON People (VillageId);
CREATE INDEX IX_People_Phone ON People (Phone);
CREATE INDEX IX_People_IdNumber ON People (IdNumber);
CREATE INDEX IX_People_RegisteredByUserId ON People (RegisteredByUserId);

CREATE TABLE Consents (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    PersonId INTEGER NOT NULL REFERENCES People (Id),
    GivenBy TEXT NOT NULL CHECK (GivenBy IN ('Person', 'Guardian')),
    GivenByName TEXT NULL,
    GivenOn TEXT NOT NULL,
    DataProcessing INTEGER NOT NULL,
    Photos INTEGER NOT NULL,
    SharingWithPartners INTEGER NOT NULL,
    WithdrawnOn TEXT NULL,
    WithdrawnNote TEXT NULL,
    RecordedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX IX_Consents_PersonId ON Consents (PersonId);
