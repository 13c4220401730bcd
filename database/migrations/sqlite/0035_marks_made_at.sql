-- Issue 22: a mark carries when it was made on the phone (corrected by the phone's clock offset), not only when it
-- reached the server (RecordedAt): the mark made later wins, whatever order marks arrive in. NULL: made when recorded
-- (the marks from before this change, and rows written by tools that do not say). Source says how it came: from the
-- roster online, from a phone's offline queue, or typed in from a paper sheet (NULL: not known, before this change).
ALTER TABLE AttendanceMarks ADD COLUMN MarkedAt TEXT NULL;
ALTER TABLE AttendanceMarks ADD COLUMN Source TEXT NULL CHECK (Source IN ('Online', 'Offline', 'Paper'));

-- How far behind the server's clock the sending phone's clock was (negative: ahead), measured as a save arrived.
ALTER TABLE AttendanceSubmissions ADD COLUMN ClockOffsetSeconds INTEGER NULL;
