-- A cohort's held sessions from a date on, with their minutes, from the index alone: the attendance totals' triggers
-- and their live sum (migration 0017) and the dashboard's monthly refresh read them so. Without it SQLite may answer
-- "held sessions after the enrollment date" from IX_Sessions_Status_SessionDate (0015, held sessions of every cohort
-- by date) and filter by cohort afterwards: every enrollment then reads every held session since it began.
CREATE INDEX IX_Sessions_CohortId_Status_SessionDate ON Sessions (CohortId, Status, SessionDate, DurationMinutes);
