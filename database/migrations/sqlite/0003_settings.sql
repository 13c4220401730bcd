-- Organisation-wide settings as key/value rows, edited by admins and managers.
CREATE TABLE Settings (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Name TEXT NOT NULL UNIQUE,
    Value TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

INSERT INTO Settings (Name, Value) VALUES ('DefaultLanguage', 'th');
INSERT INTO Settings (Name, Value) VALUES ('Housekeeping.LastRunUtc', '');
