-- Issue 22: marks typed in from a paper sign-in sheet (Source = 'Paper') keep the date written on the sheet. Who typed
-- them in is the mark's RecordedByUserId, and when, its MarkedAt.
ALTER TABLE AttendanceMarks ADD PaperDate DATE NULL;
ALTER TABLE AttendanceMarkVersions ADD PaperDate DATE NULL;
