-- Each enrollment's attendance minutes (DESIGN.md "Attendance rate"), kept by triggers so the roster, the cohort page
-- and the save read three numbers instead of summing the cohort's sessions and marks on every view. The triggers run
-- on every write, whatever code makes it, so the totals always equal the live sum (EnrollmentQueries.AttendanceMinutes
-- over HeldInActiveSpan; a test holds them equal): held sessions from the enrollment date on and before a drop-out or transfer date; Excused and
-- Attended from the marks of those sessions; an unmarked held session counts as held only (absent).
CREATE TABLE EnrollmentAttendance (
    EnrollmentId INTEGER NOT NULL PRIMARY KEY REFERENCES Enrollments (Id) ON DELETE CASCADE,
    HeldMinutes INTEGER NOT NULL,
    ExcusedMinutes INTEGER NOT NULL,
    AttendedMinutes INTEGER NOT NULL
);

INSERT INTO EnrollmentAttendance (EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
SELECT e.Id,
       COALESCE(SUM(s.DurationMinutes), 0),
       COALESCE(SUM(CASE WHEN m.Mark = 'Excused' THEN s.DurationMinutes ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN m.Mark IN ('Present', 'Late') THEN s.DurationMinutes ELSE 0 END), 0)
FROM Enrollments e
LEFT JOIN Sessions s ON s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
     AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)
LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = e.Id
GROUP BY e.Id;

-- An enrollment whose dates, status or cohort change is summed again (a few dozen sessions).
CREATE TRIGGER TR_Enrollments_AttendanceInsert AFTER INSERT ON Enrollments
BEGIN
    INSERT INTO EnrollmentAttendance (EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
    SELECT NEW.Id,
           COALESCE(SUM(s.DurationMinutes), 0),
           COALESCE(SUM(CASE WHEN m.Mark = 'Excused' THEN s.DurationMinutes ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN m.Mark IN ('Present', 'Late') THEN s.DurationMinutes ELSE 0 END), 0)
    FROM Sessions s
    LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = NEW.Id
    WHERE s.CohortId = NEW.CohortId AND s.Status = 'Held' AND s.SessionDate >= NEW.EnrolledOn
      AND (NEW.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < NEW.EndedOn);
END;

CREATE TRIGGER TR_Enrollments_AttendanceUpdate AFTER UPDATE OF CohortId, EnrolledOn, Status, EndedOn ON Enrollments
BEGIN
    UPDATE EnrollmentAttendance
    SET (HeldMinutes, ExcusedMinutes, AttendedMinutes) = (
        SELECT COALESCE(SUM(s.DurationMinutes), 0),
               COALESCE(SUM(CASE WHEN m.Mark = 'Excused' THEN s.DurationMinutes ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN m.Mark IN ('Present', 'Late') THEN s.DurationMinutes ELSE 0 END), 0)
        FROM Sessions s
        LEFT JOIN AttendanceMarks m ON m.SessionId = s.Id AND m.EnrollmentId = NEW.Id
        WHERE s.CohortId = NEW.CohortId AND s.Status = 'Held' AND s.SessionDate >= NEW.EnrolledOn
          AND (NEW.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < NEW.EndedOn))
    WHERE EnrollmentId = NEW.Id;
END;

-- A session that is added, held, cancelled, moved or resized: its old minutes come off and its new ones go on, for
-- each enrollment of its cohort whose span holds it.
CREATE TRIGGER TR_Sessions_AttendanceInsert AFTER INSERT ON Sessions WHEN NEW.Status = 'Held'
BEGIN
    UPDATE EnrollmentAttendance
    SET HeldMinutes = HeldMinutes + c.Held, ExcusedMinutes = ExcusedMinutes + c.Excused, AttendedMinutes = AttendedMinutes + c.Attended
    FROM (SELECT e.Id AS EnrollmentId, NEW.DurationMinutes AS Held,
                 CASE WHEN m.Mark = 'Excused' THEN NEW.DurationMinutes ELSE 0 END AS Excused,
                 CASE WHEN m.Mark IN ('Present', 'Late') THEN NEW.DurationMinutes ELSE 0 END AS Attended
          FROM Enrollments e LEFT JOIN AttendanceMarks m ON m.SessionId = NEW.Id AND m.EnrollmentId = e.Id
          WHERE e.CohortId = NEW.CohortId AND NEW.SessionDate >= e.EnrolledOn
            AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR NEW.SessionDate < e.EndedOn)) c
    WHERE EnrollmentAttendance.EnrollmentId = c.EnrollmentId;
END;

CREATE TRIGGER TR_Sessions_AttendanceUpdate AFTER UPDATE OF CohortId, SessionDate, DurationMinutes, Status ON Sessions
WHEN OLD.Status = 'Held' OR NEW.Status = 'Held'
BEGIN
    UPDATE EnrollmentAttendance
    SET HeldMinutes = HeldMinutes + c.Held, ExcusedMinutes = ExcusedMinutes + c.Excused, AttendedMinutes = AttendedMinutes + c.Attended
    FROM (SELECT e.Id AS EnrollmentId, SUM(x.Sign * x.DurationMinutes) AS Held,
                 SUM(CASE WHEN m.Mark = 'Excused' THEN x.Sign * x.DurationMinutes ELSE 0 END) AS Excused,
                 SUM(CASE WHEN m.Mark IN ('Present', 'Late') THEN x.Sign * x.DurationMinutes ELSE 0 END) AS Attended
          FROM (SELECT OLD.CohortId AS CohortId, OLD.SessionDate AS SessionDate, OLD.DurationMinutes AS DurationMinutes, -1 AS Sign
                WHERE OLD.Status = 'Held'
                UNION ALL
                SELECT NEW.CohortId, NEW.SessionDate, NEW.DurationMinutes, 1 WHERE NEW.Status = 'Held') x
          JOIN Enrollments e ON e.CohortId = x.CohortId AND x.SessionDate >= e.EnrolledOn
               AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR x.SessionDate < e.EndedOn)
          LEFT JOIN AttendanceMarks m ON m.SessionId = NEW.Id AND m.EnrollmentId = e.Id
          GROUP BY e.Id) c
    WHERE EnrollmentAttendance.EnrollmentId = c.EnrollmentId;
END;

CREATE TRIGGER TR_Sessions_AttendanceDelete AFTER DELETE ON Sessions WHEN OLD.Status = 'Held'
BEGIN
    UPDATE EnrollmentAttendance
    SET HeldMinutes = HeldMinutes - OLD.DurationMinutes
    WHERE EnrollmentId IN (SELECT e.Id FROM Enrollments e
                           WHERE e.CohortId = OLD.CohortId AND OLD.SessionDate >= e.EnrolledOn
                             AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR OLD.SessionDate < e.EndedOn));
END;

-- A mark that is taken, changed or removed moves its session's minutes between Excused, Attended and neither.
CREATE TRIGGER TR_AttendanceMarks_Insert AFTER INSERT ON AttendanceMarks
BEGIN
    UPDATE EnrollmentAttendance
    SET ExcusedMinutes = ExcusedMinutes + CASE WHEN NEW.Mark = 'Excused' THEN c.Minutes ELSE 0 END,
        AttendedMinutes = AttendedMinutes + CASE WHEN NEW.Mark IN ('Present', 'Late') THEN c.Minutes ELSE 0 END
    FROM (SELECT s.DurationMinutes AS Minutes FROM Sessions s JOIN Enrollments e ON e.Id = NEW.EnrollmentId
          WHERE s.Id = NEW.SessionId AND s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
            AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)) c
    WHERE EnrollmentAttendance.EnrollmentId = NEW.EnrollmentId;
END;

CREATE TRIGGER TR_AttendanceMarks_Update AFTER UPDATE OF SessionId, EnrollmentId, Mark ON AttendanceMarks
BEGIN
    UPDATE EnrollmentAttendance
    SET ExcusedMinutes = ExcusedMinutes - CASE WHEN OLD.Mark = 'Excused' THEN c.Minutes ELSE 0 END,
        AttendedMinutes = AttendedMinutes - CASE WHEN OLD.Mark IN ('Present', 'Late') THEN c.Minutes ELSE 0 END
    FROM (SELECT s.DurationMinutes AS Minutes FROM Sessions s JOIN Enrollments e ON e.Id = OLD.EnrollmentId
          WHERE s.Id = OLD.SessionId AND s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
            AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)) c
    WHERE EnrollmentAttendance.EnrollmentId = OLD.EnrollmentId;
    UPDATE EnrollmentAttendance
    SET ExcusedMinutes = ExcusedMinutes + CASE WHEN NEW.Mark = 'Excused' THEN c.Minutes ELSE 0 END,
        AttendedMinutes = AttendedMinutes + CASE WHEN NEW.Mark IN ('Present', 'Late') THEN c.Minutes ELSE 0 END
    FROM (SELECT s.DurationMinutes AS Minutes FROM Sessions s JOIN Enrollments e ON e.Id = NEW.EnrollmentId
          WHERE s.Id = NEW.SessionId AND s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
            AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)) c
    WHERE EnrollmentAttendance.EnrollmentId = NEW.EnrollmentId;
END;

CREATE TRIGGER TR_AttendanceMarks_Delete AFTER DELETE ON AttendanceMarks
BEGIN
    UPDATE EnrollmentAttendance
    SET ExcusedMinutes = ExcusedMinutes - CASE WHEN OLD.Mark = 'Excused' THEN c.Minutes ELSE 0 END,
        AttendedMinutes = AttendedMinutes - CASE WHEN OLD.Mark IN ('Present', 'Late') THEN c.Minutes ELSE 0 END
    FROM (SELECT s.DurationMinutes AS Minutes FROM Sessions s JOIN Enrollments e ON e.Id = OLD.EnrollmentId
          WHERE s.Id = OLD.SessionId AND s.CohortId = e.CohortId AND s.Status = 'Held' AND s.SessionDate >= e.EnrolledOn
            AND (e.Status NOT IN ('DroppedOut', 'Transferred') OR s.SessionDate < e.EndedOn)) c
    WHERE EnrollmentAttendance.EnrollmentId = OLD.EnrollmentId;
END;
