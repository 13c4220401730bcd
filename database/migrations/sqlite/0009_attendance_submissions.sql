-- Each roster save carries an id made by the trainer's phone, so a save sent twice (a retry after a lost answer,
-- or an offline queue sent again) is applied once; the stored result is answered again to the repeat.
CREATE TABLE AttendanceSubmissions (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ClientSubmissionId TEXT NOT NULL UNIQUE,
    SessionId INTEGER NOT NULL REFERENCES Sessions (Id),
    SubmittedByUserId INTEGER NOT NULL REFERENCES Users (Id),
    ReceivedAt TEXT NOT NULL,
    Result TEXT NOT NULL
);
