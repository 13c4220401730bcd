using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Cohorts;

public sealed class CompletionRuleTests
{
    // held, excused, attended minutes → rate
    [TestCase(600, 0, 480, 80.0)]
    [TestCase(600, 120, 384, 80.0, TestName = "Excused hours leave the denominator")]
    [TestCase(600, 0, 0, 0.0)]
    [TestCase(540, 0, 180, 33.3)]
    [TestCase(0, 0, 0, null, TestName = "No held session: no rate")]
    [TestCase(180, 180, 0, null, TestName = "All excused: no rate")]
    public void The_rate_is_attended_over_held_minus_excused(int held, int excused, int attended, double? rate)
        => Assert.That(Completion.RatePercent(new(held, excused, attended)), Is.EqualTo(rate is null ? null : (decimal?)(decimal)rate.Value));

    [TestCase(600, 0, 480, 80, false, null, true, null)]
    [TestCase(600, 0, 479, 80, false, null, false, "Attendance is below the course threshold.", TestName = "One minute short")]
    [TestCase(600, 120, 384, 80, false, null, true, null, TestName = "Excused minutes do not count against")]
    [TestCase(600, 0, 600, 80, true, null, false, "The assessment is not recorded yet.")]
    [TestCase(600, 0, 600, 80, true, "Fail", false, "The assessment was not passed.")]
    [TestCase(600, 0, 600, 80, true, "Pass", true, null)]
    [TestCase(0, 0, 0, 80, false, null, false, "No held session counts yet.", TestName = "Zero held sessions never complete")]
    public void Completion_needs_the_threshold_and_a_passed_assessment_where_required(
        int held, int excused, int attended, int threshold, bool assessmentRequired, string? result, bool completes, string? why)
        => Assert.That(Completion.Decide(new(held, excused, attended), threshold, assessmentRequired, result), Is.EqualTo((completes, why)));
}

/// <summary>The minutes behind the rate, summed in SQL over a small hand-built cohort.</summary>
public sealed class AttendanceMinutesTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Minutes_count_only_held_sessions_in_each_enrollments_span_and_unmarked_ones_as_absent()
    {
        var now = App.Clock.Now.UtcDateTime;
        await App.CreateUserAsync(Livelihood.Web.Platform.Auth.Roles.Trainer);
        var ids = await App.QueryAsync(async db =>
        {
            var village = await db.InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, 1, 'บ้าน', @now)", new { now });
            var course = await db.InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('เห็ด', 'เกษตร', 12, 0, @now)", new { now });
            var cohort = await db.InsertAsync("INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES ('C1', @course, '2026-11-01', '2026-11-30', 9, 'Running', @now)", new { course, now });
            async Task<long> Person() => await db.InsertAsync(
                "INSERT INTO People (FullNameTh, Sex, BirthYear, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt) VALUES ('ค', 'Male', 1990, @village, 'None', 'Active', (SELECT MIN(Id) FROM Users), @now)", new { village, now });
            async Task<long> Enroll(string on, string status = "Enrolled", string? ended = null) => await db.InsertAsync(
                "INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CreatedAt) VALUES (@cohort, @person, @on, @status, @ended, @now)",
                new { cohort, person = await Person(), on = DateOnly.Parse(on), status, ended = ended is null ? (DateOnly?)null : DateOnly.Parse(ended), now });
            async Task<long> Session(string on, int minutes, string status = "Held") => await db.InsertAsync(
                "INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @on, '09:00', @minutes, @status, @now)",
                new { cohort, on = DateOnly.Parse(on), minutes, status, now });
            async Task Mark(long session, long enrollment, string mark) => await db.ExecuteAsync(
                "INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@session, @enrollment, @mark, (SELECT MIN(Id) FROM Users), @now)",
                new { session, enrollment, mark, now });

            var s1 = await Session("2026-11-02", 180);
            var s2 = await Session("2026-11-04", 120);
            var s3 = await Session("2026-11-06", 240);
            await Session("2026-11-09", 180, "Cancelled");
            await Session("2026-11-30", 180, "Scheduled");

            var whole = await Enroll("2026-11-01");
            await Mark(s1, whole, "Present"); await Mark(s2, whole, "Excused"); await Mark(s3, whole, "Late");
            var late = await Enroll("2026-11-03");           // joins after s1
            await Mark(s2, late, "Absent");                  // s3 unmarked → absent
            var dropped = await Enroll("2026-11-01", "DroppedOut", "2026-11-04"); // s2 and later not in span
            await Mark(s1, dropped, "Present");
            return (cohort, whole, late, dropped);
        });

        var minutes = (await App.WithServicesAsync(s => s.GetRequiredService<EnrollmentQueries>().AttendanceAsync(ids.cohort)))
            .ToDictionary(a => a.EnrollmentId, a => a.Minutes);

        Assert.That(minutes[ids.whole], Is.EqualTo(new Completion.Minutes(540, 120, 420)));
        Assert.That(minutes[ids.late], Is.EqualTo(new Completion.Minutes(360, 0, 0)));
        Assert.That(minutes[ids.dropped], Is.EqualTo(new Completion.Minutes(180, 0, 180)));
        Assert.That(Completion.RatePercent(minutes[ids.whole]), Is.EqualTo(100m));
    }
}
