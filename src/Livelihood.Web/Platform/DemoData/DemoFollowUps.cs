using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.FollowUps;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// A year of income follow-ups: two cohorts of earlier graduates (bakery, ended 13 months ago; hairdressing, ended
/// 8 months ago), a baseline for every enrollment, and the 3-, 6- and 12-month follow-ups of every graduate: most done
/// with incomes that rise after training, some missed, some overdue, the rest still to come. The demo field officer
/// works in every district with demo villages. Deterministic.
/// </summary>
public static class DemoFollowUps
{
    public static async Task<string> SeedAsync(DbSession db, long officerUserId, long trainerUserId, DateTime now)
    {
        var random = new Random(2571);
        var today = DateOnly.FromDateTime(now.Add(Localization.DisplayDates.ThailandOffset));
        await EarlierGraduatesAsync(db, trainerUserId, today, random, now);

        await db.ExecuteAsync(
            """
            INSERT INTO UserScopes (UserId, ScopeKind, ScopeId)
            SELECT DISTINCT @officerUserId, 'District', s.DistrictId FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId
            """, new { officerUserId });

        var enrollments = await db.QueryAsync<Enrollment>("SELECT Id, PersonId, EnrolledOn, Status, EndedOn FROM Enrollments ORDER BY Id");
        var done = 0;
        var all = 0;
        foreach (var e in enrollments)
        {
            // Before training: mostly no work or low wages, no income from the skill yet.
            var baseIncome = random.Next(0, 9) * 500m;
            var baseline = Answer(random, e.EnrolledOn, today, missedShare: 0.05, overdueShare: 0.08);
            await InsertAsync(db, e, FollowUpQueries.Baseline, e.EnrolledOn, baseline, officerUserId, now,
                work: baseIncome == 0 ? Pick(random, "Unemployed", "Studying") : Pick(random, "WageJob", "Unemployed", "Migrated"),
                skill: 0, total: baseIncome, usesSkill: false);
            all++;
            if (baseline.Status == FollowUpQueries.Done) done++;
            if (e.Status != EnrollmentQueries.Completed || e.EndedOn is not { } ended) continue;

            var income = baseIncome;
            foreach (var (kind, months) in new[] { (FollowUpQueries.ThreeMonths, 3), (FollowUpQueries.SixMonths, 6), (FollowUpQueries.TwelveMonths, 12) })
            {
                var due = ended.AddMonths(months);
                var outcome = Answer(random, due, today, missedShare: 0.12, overdueShare: 0.12);
                var work = Pick(random, "SelfEmployed", "SelfEmployed", "GroupMember", "WageJob", "WageJob", "Unemployed", "Studying", "Migrated");
                var skill = work is "SelfEmployed" or "GroupMember" or "WageJob" ? random.Next(2, 13) * 500m : 0m;
                income = Math.Max(income, baseIncome + skill) + random.Next(-2, 4) * 250m;
                await InsertAsync(db, e, kind, due, outcome, officerUserId, now, work, skill, Math.Max(skill, income), usesSkill: skill > 0);
                all++;
                if (outcome.Status == FollowUpQueries.Done) done++;
            }
        }
        return $"Follow-ups: {all} ({done} done), the earliest {DisplayDay(enrollments.Min(e => e.EnrolledOn))}.";
    }

    private static string DisplayDay(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bakery graduates of 13 months ago and hairdressing graduates of 8 months ago, with their sessions and marks.</summary>
    private static async Task EarlierGraduatesAsync(DbSession db, long trainerUserId, DateOnly today, Random random, DateTime now)
    {
        var people = await db.QueryAsync<long>("SELECT Id FROM People ORDER BY Id");
        var programme = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Programmes");
        var village = await db.QuerySingleAsync<long>("SELECT MAX(Id) FROM Villages");
        foreach (var (code, category, endedMonthsAgo, firstPerson) in new[] { ("BAK-2568-01", "Bakery", 13, 100), ("HAI-2569-01", "Hairdressing", 8, 130) })
        {
            var course = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Courses WHERE Category = @category", new { category });
            var start = today.AddMonths(-endedMonthsAgo - 3);
            var end = today.AddMonths(-endedMonthsAgo);
            var cohort = await DemoCohorts.CohortAsync(db, code, course, programme, village, start, end, 15, CohortStatus.Completed, now);
            var sessions = await DemoCohorts.SessionsAsync(db, cohort, start, end, [DayOfWeek.Tuesday, DayOfWeek.Thursday], "Held", now);
            foreach (var (person, i) in people.Skip(firstPerson).Take(12).Select((p, i) => (p, i)))
            {
                var enrollment = await DemoCohorts.EnrollAsync(db, cohort, person, start, EnrollmentQueries.Completed, end, null, $"DEMO{i:000}{code[..3]}", now);
                await DemoCohorts.MarksAsync(db, sessions, enrollment, trainerUserId, random, now, absentChance: 0.06);
            }
        }
    }

    private sealed record Enrollment
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public DateOnly EnrolledOn { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? EndedOn { get; init; }
    }

    private sealed record Outcome(string Status, DateOnly? DoneOn, string? Method, string? MissedReason);

    /// <summary>What became of a follow-up due on the day: still to come, done (within two weeks), missed, or overdue.</summary>
    private static Outcome Answer(Random random, DateOnly due, DateOnly today, double missedShare, double overdueShare)
    {
        if (due > today) return new(FollowUpQueries.Due, null, null, null);
        var roll = random.NextDouble();
        var on = due.AddDays(random.Next(0, 15));
        if (on > today) on = today;
        if (roll < missedShare) return new(FollowUpQueries.Missed, on, null, Pick(random, "CouldNotReach", "CouldNotReach", "MovedAway", "Refused"));
        if (roll < missedShare + overdueShare) return new(FollowUpQueries.Due, null, null, null);
        return new(FollowUpQueries.Done, on, Pick(random, FollowUpQueries.Visit, FollowUpQueries.Phone), null);
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static Task InsertAsync(DbSession db, Enrollment e, string kind, DateOnly due, Outcome outcome, long officer, DateTime now,
        string work, decimal skill, decimal total, bool usesSkill)
    {
        var done = outcome.Status == FollowUpQueries.Done;
        return db.ExecuteAsync(
            """
            INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, DoneOn, DoneByUserId, Method, WorkStatus, SkillIncomeSatang,
                                   TotalIncomeSatang, UsesSkill, SavesRegularly, MissedReason, RecordedAt, CreatedAt)
            VALUES (@EnrollmentId, @PersonId, @kind, @due, @Status, @DoneOn, @DoneBy, @Method, @Work, @Skill, @Total, @UsesSkill, @Saves,
                    @MissedReason, @RecordedAt, @now)
            """,
            new
            {
                EnrollmentId = e.Id, e.PersonId, kind, due, outcome.Status, outcome.DoneOn, DoneBy = outcome.DoneOn is null ? (long?)null : officer,
                outcome.Method, Work = done ? work : null, Skill = done ? new Money(skill).Satang : (long?)null,
                Total = done ? new Money(total).Satang : (long?)null, UsesSkill = done ? usesSkill : (bool?)null,
                Saves = done ? total >= 3000m : (bool?)null, outcome.MissedReason, RecordedAt = outcome.DoneOn is null ? (DateTime?)null : now, now,
            });
    }
}
