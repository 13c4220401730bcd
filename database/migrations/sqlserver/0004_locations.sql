-- Locations: Thailand's provinces, districts and subdistricts (official codes as keys; reference data loaded by
-- 0005_thai_location_data) and the villages (หมู่บ้าน) users add under a subdistrict.

CREATE TABLE Provinces (
    Id INT NOT NULL CONSTRAINT PK_Provinces PRIMARY KEY,
    NameTh NVARCHAR(100) NOT NULL,
    NameEn NVARCHAR(100) NULL
);

CREATE TABLE Districts (
    Id INT NOT NULL CONSTRAINT PK_Districts PRIMARY KEY,
    ProvinceId INT NOT NULL CONSTRAINT FK_Districts_Provinces REFERENCES Provinces (Id),
    NameTh NVARCHAR(100) NOT NULL,
    NameEn NVARCHAR(100) NULL
);

CREATE INDEX IX_Districts_ProvinceId ON Districts (ProvinceId);

CREATE TABLE Subdistricts (
    Id INT NOT NULL CONSTRAINT PK_Subdistricts PRIMARY KEY,
    DistrictId INT NOT NULL CONSTRAINT FK_Subdistricts_Districts REFERENCES Districts (Id),
    NameTh NVARCHAR(100) NOT NULL,
    NameEn NVARCHAR(100) NULL,
    Postcode NVARCHAR(5) NOT NULL
);

CREATE INDEX IX_Subdistricts_DistrictId ON Subdistricts (DistrictId);

CREATE TABLE Villages (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Villages PRIMARY KEY,
    SubdistrictId INT NOT NULL CONSTRAINT FK_Villages_Subdistricts REFERENCES Subdistricts (Id),
    VillageNumber INT NOT NULL,
    NameTh NVARCHAR(150) NOT NULL,
    NameEn NVARCHAR(150) NULL,
    CreatedAt DATETIME2 NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Villages_Version DEFAULT 1,
    CONSTRAINT UQ_Villages_SubdistrictId_VillageNumber UNIQUE (SubdistrictId, VillageNumber)
);
