-- The absence-alert check's "last resolved alert of this enrollment": by enrollment, not by scanning every resolved
-- alert in date order (IX_AbsenceAlerts_Status_ResolvedOn, 0015), which SQLite chose for the MAX.
CREATE INDEX IX_AbsenceAlerts_EnrollmentId_Status_ResolvedOn ON AbsenceAlerts (EnrollmentId, Status, ResolvedOn);
