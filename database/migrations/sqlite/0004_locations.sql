-- Locations: Thailand's provinces, districts and subdistricts (official codes as keys; reference data loaded by
-- 0005_thai_location_data) and the villages (หมู่บ้าน) users add under a subdistrict.

CREATE TABLE Provinces (
    Id INTEGER NOT NULL PRIMARY KEY,
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL
);

CREATE TABLE Districts (
    Id INTEGER NOT NULL PRIMARY KEY,
    ProvinceId INTEGER NOT NULL REFERENCES Provinces (Id),
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL
);

CREATE INDEX IX_Districts_ProvinceId ON Districts (ProvinceId);

CREATE TABLE Subdistricts (
    Id INTEGER NOT NULL PRIMARY KEY,
    DistrictId INTEGER NOT NULL REFERENCES Districts (Id),
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL,
    Postcode TEXT NOT NULL
);

CREATE INDEX IX_Subdistricts_DistrictId ON Subdistricts (DistrictId);

CREATE TABLE Villages (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    SubdistrictId INTEGER NOT NULL REFERENCES Subdistricts (Id),
    VillageNumber INTEGER NOT NULL,
    NameTh TEXT NOT NULL,
    NameEn TEXT NULL,
    CreatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (SubdistrictId, VillageNumber)
);
