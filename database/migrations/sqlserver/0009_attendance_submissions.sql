-- Each roster save carries an id made by the trainer's phone, so a save sent twice (a retry after a lost answer,
-- or an offline queue sent again) is applied once; the stored result is answered again to the repeat.
CREATE TABLE AttendanceSubmissions (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_AttendanceSubmissions PRIMARY KEY,
    ClientSubmissionId NVARCHAR(64) NOT NULL CONSTRAINT UQ_AttendanceSubmissions_Client UNIQUE,
    SessionId BIGINT NOT NULL CONSTRAINT FK_AttendanceSubmissions_Sessions REFERENCES Sessions (Id),
    SubmittedByUserId BIGINT NOT NULL CONSTRAINT FK_AttendanceSubmissions_Users REFERENCES Users (Id),
    ReceivedAt DATETIME2 NOT NULL,
    Result NVARCHAR(MAX) NOT NULL
);
