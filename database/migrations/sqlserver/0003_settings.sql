-- Organisation-wide settings as key/value rows, edited by admins and managers.
CREATE TABLE Settings (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Settings PRIMARY KEY,
    Name NVARCHAR(100) NOT NULL CONSTRAINT UQ_Settings_Name UNIQUE,
    Value NVARCHAR(1000) NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Settings_Version DEFAULT 1
);

INSERT INTO Settings (Name, Value) VALUES (N'DefaultLanguage', N'th');
INSERT INTO Settings (Name, Value) VALUES (N'Housekeeping.LastRunUtc', N'');
