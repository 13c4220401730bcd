-- A cohort's held sessions from a date on, with their minutes, from the index alone: the attendance totals' triggers
-- and their live sum (migration 0017) and the dashboard's monthly refresh read them so, instead of every cohort's held
-- sessions by date (IX_Sessions_Status_SessionDate, 0015) filtered by cohort afterwards.
CREATE INDEX IX_Sessions_CohortId_Status_SessionDate ON Sessions (CohortId, Status, SessionDate) INCLUDE (DurationMinutes);
