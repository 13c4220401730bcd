-- The people search (issue 8). On SQLite this migration adds a trigram full-text index; SQL Server's image has no
-- full-text search installed, so a search of 3 or more characters stays a LIKE '%text%' scan here (see PeopleSearch.cs).
-- A search of 1 or 2 characters finds the people whose nickname begins with it, from this index, on both engines.
CREATE INDEX IX_People_Nickname ON People (Nickname) INCLUDE (FullNameTh);
