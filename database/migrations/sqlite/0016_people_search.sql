-- The people search (issue 8): a substring search over 100 000 people with LIKE '%text%' read every row, twice a page.
-- PeopleSearch is an FTS5 index with the trigram tokenizer: it finds the people whose Thai name, Latin name, nickname,
-- phone or village name holds a text of 3 or more characters, case-insensitively, from the index alone. It keeps its
-- own copy of those values (the village name is the person's village's, so one MATCH answers the whole search), and
-- the triggers below keep it in step with every write to People and Villages: register, edit, import, merge.
CREATE VIRTUAL TABLE PeopleSearch USING fts5(FullNameTh, FullNameLatin, Nickname, Phone, VillageName, tokenize = 'trigram');

CREATE TRIGGER PeopleSearch_PersonAdded AFTER INSERT ON People
BEGIN
    INSERT INTO PeopleSearch (rowid, FullNameTh, FullNameLatin, Nickname, Phone, VillageName)
    SELECT new.Id, new.FullNameTh, new.FullNameLatin, new.Nickname, new.Phone, v.NameTh FROM Villages v WHERE v.Id = new.VillageId;
END;

CREATE TRIGGER PeopleSearch_PersonChanged AFTER UPDATE OF FullNameTh, FullNameLatin, Nickname, Phone, VillageId ON People
BEGIN
    UPDATE PeopleSearch
    SET FullNameTh = new.FullNameTh, FullNameLatin = new.FullNameLatin, Nickname = new.Nickname, Phone = new.Phone,
        VillageName = (SELECT v.NameTh FROM Villages v WHERE v.Id = new.VillageId)
    WHERE rowid = new.Id;
END;

CREATE TRIGGER PeopleSearch_PersonRemoved AFTER DELETE ON People
BEGIN
    DELETE FROM PeopleSearch WHERE rowid = old.Id;
END;

CREATE TRIGGER PeopleSearch_VillageRenamed AFTER UPDATE OF NameTh ON Villages
BEGIN
    UPDATE PeopleSearch SET VillageName = new.NameTh WHERE rowid IN (SELECT p.Id FROM People p WHERE p.VillageId = new.Id);
END;

INSERT INTO PeopleSearch (rowid, FullNameTh, FullNameLatin, Nickname, Phone, VillageName)
SELECT p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Phone, v.NameTh FROM People p JOIN Villages v ON v.Id = p.VillageId;

-- A search of 1 or 2 characters is too short for trigrams: it finds the people whose nickname begins with it (Thai
-- nicknames are often that short), from this index; NOCASE lets LIKE use it, FullNameTh sorts the page without the rows.
CREATE INDEX IX_People_Nickname ON People (Nickname COLLATE NOCASE, FullNameTh);
