using Livelihood.Tests.Features.Alerts;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.FollowUps;

/// <summary>Builds people, enrollments, follow-ups and officers with their districts for the follow-up tests.</summary>
internal sealed class FollowUpData
{
    public const long DokKhamTaiDistrict = 5605;
    public const long MueangChiangRaiDistrict = 5701;

    private readonly TestApp _app;
    private FollowUpData(TestApp app, AlertData data) => (_app, Data) = (app, data);

    public AlertData Data { get; }

    public static async Task<FollowUpData> CreateAsync(TestApp app) => new(app, await AlertData.CreateAsync(app));

    private int _villages;

    /// <summary>
    /// A person in a new village of the subdistrict, enrolled in a new cohort (completed by default, so that the schedule
    /// keeps their 3-, 6- and 12-month follow-ups); returns (person, enrollment).
    /// </summary>
    public async Task<(long Person, long Enrollment)> EnrolledAsync(string name, long subdistrict = AlertData.DokKhamTai, string status = "Completed",
        string? endedOn = "2026-08-20", string code = "SEW-2569-01")
    {
        var village = await Data.VillageAsync(subdistrict, ++_villages, "บ้าน" + name);
        var person = await Data.PersonAsync(name, village, phone: "0812345678");
        var cohort = await Data.CohortAsync(code + "-" + Guid.NewGuid().ToString("N")[..6]);
        var enrollment = await Data.EnrollAsync(cohort, person);
        if (status != "Enrolled")
            await _app.QueryAsync(db => db.ExecuteAsync("UPDATE Enrollments SET Status = @status, EndedOn = @ended WHERE Id = @enrollment",
                new { status, ended = endedOn is null ? (DateOnly?)null : AlertData.Day(endedOn), enrollment }));
        return (person, enrollment);
    }

    /// <summary>A follow-up row written directly.</summary>
    public Task<long> FollowUpAsync(long enrollment, string kind, string dueOn, string status = "Due", long? totalSatang = null, string? work = null, string? doneOn = null)
        => _app.QueryAsync(db => db.InsertAsync(
            """
            INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, DoneOn, WorkStatus, SkillIncomeSatang, TotalIncomeSatang, UsesSkill, SavesRegularly, CreatedAt)
            SELECT e.Id, e.PersonId, @kind, @due, @status, @done, @work, @skill, @totalSatang, @uses, @saves, @now FROM Enrollments e WHERE e.Id = @enrollment
            """,
            new
            {
                enrollment, kind, due = AlertData.Day(dueOn), status, done = doneOn is null ? (DateOnly?)null : AlertData.Day(doneOn), work,
                skill = totalSatang is null ? (long?)null : totalSatang / 2, totalSatang, uses = status == "Done" ? true : (bool?)null,
                saves = status == "Done" ? false : (bool?)null, now = _app.Clock.Now.UtcDateTime,
            }));

    public sealed record Row
    {
        public long Id { get; init; }
        public long EnrollmentId { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public string Status { get; init; } = "";
        public long? TotalIncomeSatang { get; init; }
        public long? SkillIncomeSatang { get; init; }
        public DateOnly? DoneOn { get; init; }
        public string? MissedReason { get; init; }
    }

    public Task<IReadOnlyList<Row>> RowsAsync()
        => _app.QueryAsync(db => db.QueryAsync<Row>(
            "SELECT Id, EnrollmentId, Kind, DueOn, Status, TotalIncomeSatang, SkillIncomeSatang, DoneOn, MissedReason FROM FollowUps ORDER BY EnrollmentId, DueOn, Id"));

    /// <summary>A field officer with these districts, signed in; returns the client and the user id.</summary>
    public Task<(HttpClient Client, long UserId)> OfficerAsync(params long[] districts) => _app.SignedInOfficerAsync(districts);

    public Task<(int Added, int Removed)> ScheduleAsync(long? cohort = null)
        => _app.WithServicesAsync(s => s.GetRequiredService<ScheduleFollowUpsJob>().ScheduleAsync(cohort));

    public Task<int> NightlyAsync() => _app.WithServicesAsync(s => s.GetRequiredService<FollowUpsNightlyJob>().RunOnceAsync());
}
