-- Each enrollment's attendance minutes (DESIGN.md "Attendance rate"), kept by triggers so the roster, the cohort page
-- and the save read three numbers instead of summing the cohort's sessions and marks on every view. The triggers run
-- on every write, whatever code makes it, so the totals always equal the live sum (EnrollmentQueries.AttendanceMinutes
-- over HeldInActiveSpan; a test holds them equal): held sessions from the enrollment date on and before a drop-out or transfer date; Excused and
-- Attended from the marks of those sessions; an unmarked held session counts as held only (absent).
CREATE TABLE EnrollmentAttendance (
    EnrollmentId BIGINT NOT NULL CONSTRAINT PK_EnrollmentAttendance PRIMARY KEY
        CONSTRAINT FK_EnrollmentAttendance_Enrollments REFERENCES Enrollments (Id) ON DELETE CASCADE,
    HeldMinutes INT NOT NULL,
    ExcusedMinutes INT NOT NULL,
    AttendedMinutes INT NOT NULL
);

INSERT INTO EnrollmentAttendance (EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
SELECT e.Id,
       COALESCE(SUM(s.DurationMinutes), 0),
       COALESCE(SUM(CASE WHEN m.Mark = N'Excused' THEN s.DurationMinutes ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN m.Mark IN (N'Present', N'Late') THEN s.DurationMinutes ELSE 0 END), 0)
FROM Enrollments e
LEFT JOIN Sessions s ON s.CohortId = e.CohortId AND s.Status = N'Held' AND s.SessionDate >= e.EnrolledOn
     AND (e.Status NOT IN (N'DroppedOut', N'Transferred') OR s.SessionDate < e.EndedOn)
LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
GROUP BY e.Id;
GO

-- An enrollment that is added, or whose dates, status or cohort change, is summed again (a few dozen sessions).
CREATE TRIGGER TR_Enrollments_Attendance ON Enrollments AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(CohortId) OR UPDATE(EnrolledOn) OR UPDATE(Status) OR UPDATE(EndedOn)) RETURN;
    DELETE FROM EnrollmentAttendance WHERE EnrollmentId IN (SELECT Id FROM inserted);
    INSERT INTO EnrollmentAttendance (EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
    SELECT e.Id,
           COALESCE(SUM(s.DurationMinutes), 0),
           COALESCE(SUM(CASE WHEN m.Mark = N'Excused' THEN s.DurationMinutes ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN m.Mark IN (N'Present', N'Late') THEN s.DurationMinutes ELSE 0 END), 0)
    FROM inserted e
    LEFT JOIN Sessions s ON s.CohortId = e.CohortId AND s.Status = N'Held' AND s.SessionDate >= e.EnrolledOn
         AND (e.Status NOT IN (N'DroppedOut', N'Transferred') OR s.SessionDate < e.EndedOn)
    LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
    GROUP BY e.Id;
END;
GO

-- A session that is added, held, cancelled, moved, resized or removed: its old minutes come off and its new ones go
-- on, for each enrollment of its cohort whose span holds it.
CREATE TRIGGER TR_Sessions_Attendance ON Sessions AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(CohortId) OR UPDATE(SessionDate) OR UPDATE(DurationMinutes) OR UPDATE(Status))
       AND EXISTS (SELECT 1 FROM inserted) RETURN;
    UPDATE t
    SET HeldMinutes = t.HeldMinutes + c.Held, ExcusedMinutes = t.ExcusedMinutes + c.Excused, AttendedMinutes = t.AttendedMinutes + c.Attended
    FROM EnrollmentAttendance t
    JOIN (SELECT e.Id AS EnrollmentId, SUM(x.Sign * x.DurationMinutes) AS Held,
                 SUM(CASE WHEN m.Mark = N'Excused' THEN x.Sign * x.DurationMinutes ELSE 0 END) AS Excused,
                 SUM(CASE WHEN m.Mark IN (N'Present', N'Late') THEN x.Sign * x.DurationMinutes ELSE 0 END) AS Attended
          FROM (SELECT Id, CohortId, SessionDate, DurationMinutes, -1 AS Sign FROM deleted WHERE Status = N'Held'
                UNION ALL
                SELECT Id, CohortId, SessionDate, DurationMinutes, 1 FROM inserted WHERE Status = N'Held') x
          JOIN Enrollments e ON e.CohortId = x.CohortId AND x.SessionDate >= e.EnrolledOn
               AND (e.Status NOT IN (N'DroppedOut', N'Transferred') OR x.SessionDate < e.EndedOn)
          LEFT JOIN AttendanceMarks m ON m.SessionId = x.Id AND m.EnrollmentId = e.Id
          GROUP BY e.Id) c ON c.EnrollmentId = t.EnrollmentId;
END;
GO

-- A mark that is taken, changed or removed moves its session's minutes between Excused, Attended and neither.
CREATE TRIGGER TR_AttendanceMarks_Attendance ON AttendanceMarks AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(SessionId) OR UPDATE(EnrollmentId) OR UPDATE(Mark)) AND EXISTS (SELECT 1 FROM inserted) RETURN;
    UPDATE t
    SET ExcusedMinutes = t.ExcusedMinutes + c.Excused, AttendedMinutes = t.AttendedMinutes + c.Attended
    FROM EnrollmentAttendance t
    JOIN (SELECT x.EnrollmentId,
                 SUM(CASE WHEN x.Mark = N'Excused' THEN x.Sign * s.DurationMinutes ELSE 0 END) AS Excused,
                 SUM(CASE WHEN x.Mark IN (N'Present', N'Late') THEN x.Sign * s.DurationMinutes ELSE 0 END) AS Attended
          FROM (SELECT SessionId, EnrollmentId, Mark, -1 AS Sign FROM deleted
                UNION ALL
                SELECT SessionId, EnrollmentId, Mark, 1 FROM inserted) x
          JOIN Enrollments e ON e.Id = x.EnrollmentId
          JOIN Sessions s ON s.Id = x.SessionId AND s.CohortId = e.CohortId AND s.Status = N'Held' AND s.SessionDate >= e.EnrolledOn
               AND (e.Status NOT IN (N'DroppedOut', N'Transferred') OR s.SessionDate < e.EndedOn)
          GROUP BY x.EnrollmentId) c ON c.EnrollmentId = t.EnrollmentId;
END;
