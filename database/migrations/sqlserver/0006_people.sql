-- The people registry (participants) and their consents. ID number, vulnerability flags and ethnicity are
-- sensitive: the app masks them for roles that may not see them. Age is never stored: it is derived from
-- BirthDate, or from BirthYear where only the year is known (BirthYear always holds the year).
CREATE TABLE People (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_People PRIMARY KEY,
    FullNameTh NVARCHAR(200) NOT NULL,
    FullNameLatin NVARCHAR(200) NULL,
    Nickname NVARCHAR(100) NULL,
    Sex NVARCHAR(10) NOT NULL CONSTRAINT CK_People_Sex CHECK (Sex IN (N'Female', N'Male')),
    BirthDate DATE NULL,
    BirthYear INT NOT NULL,
    VillageId BIGINT NOT NULL CONSTRAINT FK_People_Villages REFERENCES Villages (Id),
    Phone NVARCHAR(30) NULL,
    CitizenshipStatus NVARCHAR(20) NOT NULL CONSTRAINT CK_People_CitizenshipStatus CHECK (CitizenshipStatus IN (N'ThaiId', N'HighlandCard', N'None')),
    IdNumber NVARCHAR(30) NULL,
    Education NVARCHAR(30) NULL,
    Ethnicity NVARCHAR(100) NULL,
    VulnerabilityFlags NVARCHAR(400) NULL,
    GuardianName NVARCHAR(200) NULL,
    GuardianRelation NVARCHAR(50) NULL,
    GuardianPhone NVARCHAR(30) NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT DF_People_Status DEFAULT N'Active' CONSTRAINT CK_People_Status CHECK (Status IN (N'Active', N'Inactive')),
    RegisteredByUserId BIGINT NOT NULL CONSTRAINT FK_People_Users REFERENCES Users (Id),
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_People_Version DEFAULT 1
);

CREATE INDEX IX_People_FullNameTh ON People (FullNameTh, Id);
CREATE INDEX IX_People_VillageId ON People (VillageId);
CREATE INDEX IX_People_Phone ON People (Phone);
CREATE INDEX IX_People_IdNumber ON People (IdNumber);
CREATE INDEX IX_People_RegisteredByUserId ON People (RegisteredByUserId);

CREATE TABLE Consents (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Consents PRIMARY KEY,
    PersonId BIGINT NOT NULL CONSTRAINT FK_Consents_People REFERENCES People (Id),
    GivenBy NVARCHAR(10) NOT NULL CONSTRAINT CK_Consents_GivenBy CHECK (GivenBy IN (N'Person', N'Guardian')),
    GivenByName NVARCHAR(200) NULL,
    GivenOn DATE NOT NULL,
    DataProcessing BIT NOT NULL,
    Photos BIT NOT NULL,
    SharingWithPartners BIT NOT NULL,
    WithdrawnOn DATE NULL,
    WithdrawnNote NVARCHAR(500) NULL,
    RecordedByUserId BIGINT NOT NULL CONSTRAINT FK_Consents_Users REFERENCES Users (Id),
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Consents_Version DEFAULT 1
);

CREATE INDEX IX_Consents_PersonId ON Consents (PersonId);
