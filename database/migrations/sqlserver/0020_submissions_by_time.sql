-- The absence-alert check after a burst of saves looks for the cohorts whose attendance was saved lately.
CREATE INDEX IX_AttendanceSubmissions_ReceivedAt ON AttendanceSubmissions (ReceivedAt, SessionId);
