using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>
/// A small data set built by hand, with the figures it must give for the fiscal year 1 Oct 2025 – 30 Sep 2026 worked out
/// in <see cref="IndicatorTests"/>. Six people in two districts; rows on both sides of 30 Sep / 1 Oct.
///   Ann  F born 2008-10-15 village V1 (district 5605) Thai ID    C1 2025-10-01 completed 2026-01-31; C2 2026-09-01 enrolled
///   Bee  F born 2000       V1                         highland  C1 2025-09-30 dropped out 2025-10-01
///   Cid  M born 1980       V2 (district 5701)         Thai ID    C1 2026-09-30 completed 2026-10-01
///   Dao  F born 2012       V2                         none       C2 2026-09-15 dropped out 2026-09-30
///   Eve  M born 1990       V2                         Thai ID    C0 2025-06-01 completed 2025-09-30; C3 (cancelled), C4 (starts 2026-10-01)
///   Fon  F born 1995       V1                         Thai ID    C0 2025-06-01 completed 2025-09-30
/// Courses: A (C0, C1, programme P1), B (C2, C3, C4, no programme).
/// </summary>
public sealed class DashboardData
{
    public const long District1 = 5605; // ดอกคำใต้
    public const long District2 = 5701; // เมืองเชียงราย
    private const long Subdistrict1 = 560501;
    private const long Subdistrict2 = 570101;

    private readonly TestApp _app;
    private DashboardData(TestApp app) => _app = app;

    public long V1, V2, CourseA, CourseB, P1, C0, C1, C2, C3, C4;
    public long Ann, Bee, Cid, Dao, Eve, Fon;
    public long AnnC1, AnnC2, BeeC1, CidC1, DaoC2, EveC0, FonC0;
    public long G1, G2, G3;

    public static readonly DateOnly From = new(2025, 10, 1);
    public static readonly DateOnly To = new(2026, 9, 30);

    private DateTime Now => _app.Clock.Now.UtcDateTime;
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static DateOnly? MaybeDay(string? iso) => iso is null ? null : Day(iso);

    public static async Task<DashboardData> CreateAsync(TestApp app)
    {
        await app.CreateUserAsync(Roles.Admin);
        var d = new DashboardData(app);
        await d.BuildAsync();
        return d;
    }

    private Task<long> InsertAsync(string sql, object param) => _app.QueryAsync(db => db.InsertAsync(sql, param));

    private async Task BuildAsync()
    {
        V1 = await InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@Subdistrict1, 1, 'บ้านหนึ่ง', @Now)", new { Subdistrict1, Now });
        V2 = await InsertAsync("INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@Subdistrict2, 2, 'บ้านสอง', @Now)", new { Subdistrict2, Now });
        CourseA = await CourseAsync("ตัดเย็บ");
        CourseB = await CourseAsync("เบเกอรี่");
        P1 = await InsertAsync("INSERT INTO Programmes (NameTh, StartDate, CreatedAt) VALUES ('โครงการหนึ่ง', @start, @Now)", new { start = Day("2025-01-01"), Now });
        C0 = await CohortAsync("C0", CourseA, P1, "2025-06-01", "2025-09-30", "Completed");
        C1 = await CohortAsync("C1", CourseA, P1, "2025-10-01", "2026-01-31", "Completed");
        C2 = await CohortAsync("C2", CourseB, null, "2026-09-01", "2026-12-15", "Running");
        C3 = await CohortAsync("C3", CourseB, null, "2026-03-01", "2026-05-31", "Cancelled");
        C4 = await CohortAsync("C4", CourseB, null, "2026-10-01", "2026-12-31", "Planned");

        Ann = await PersonAsync("Ann", "Female", 2008, "2008-10-15", V1, "ThaiId");
        Bee = await PersonAsync("Bee", "Female", 2000, null, V1, "HighlandCard");
        Cid = await PersonAsync("Cid", "Male", 1980, null, V2, "ThaiId");
        Dao = await PersonAsync("Dao", "Female", 2012, null, V2, "None");
        Eve = await PersonAsync("Eve", "Male", 1990, null, V2, "ThaiId");
        Fon = await PersonAsync("Fon", "Female", 1995, null, V1, "ThaiId");

        AnnC1 = await EnrollAsync(C1, Ann, "2025-10-01", "Completed", "2026-01-31");
        AnnC2 = await EnrollAsync(C2, Ann, "2026-09-01", "Enrolled", null);
        BeeC1 = await EnrollAsync(C1, Bee, "2025-09-30", "DroppedOut", "2025-10-01");
        CidC1 = await EnrollAsync(C1, Cid, "2026-09-30", "Completed", "2026-10-01");
        DaoC2 = await EnrollAsync(C2, Dao, "2026-09-15", "DroppedOut", "2026-09-30");
        EveC0 = await EnrollAsync(C0, Eve, "2025-06-01", "Completed", "2025-09-30");
        await EnrollAsync(C3, Eve, "2025-08-01", "Enrolled", null);
        await EnrollAsync(C4, Eve, "2025-08-02", "Enrolled", null);
        FonC0 = await EnrollAsync(C0, Fon, "2025-06-01", "Completed", "2025-09-30");

        // Attendance. C1: a session before the period, two held in it, one cancelled.
        var s1 = await SessionAsync(C1, "2025-09-30", 120);
        var s2 = await SessionAsync(C1, "2025-10-01", 120);
        var s3 = await SessionAsync(C1, "2026-01-10", 60);
        await SessionAsync(C1, "2026-01-20", 60, "Cancelled");
        await MarkAsync(s1, BeeC1, "Present");
        await MarkAsync(s2, AnnC1, "Present");   // Ann in C1: 120 of (180 − 60 excused) = 100 %
        await MarkAsync(s3, AnnC1, "Excused");
        // C2: two held in the period, one after it.
        var s5 = await SessionAsync(C2, "2026-09-15", 100);
        var s6 = await SessionAsync(C2, "2026-09-29", 100);
        var s7 = await SessionAsync(C2, "2026-10-02", 100);
        await MarkAsync(s5, AnnC2, "Absent");    // Ann in C2: s6 unmarked → 0 %
        await MarkAsync(s7, AnnC2, "Present");
        await MarkAsync(s5, DaoC2, "Late");      // Dao: 100 of 200 = 50 % (dropped out 30 Sep: s6 is before it)
        await MarkAsync(s6, DaoC2, "Absent");

        // Absence alerts: 23:59 and 00:00 Thai time either side of the year's ends.
        await AlertAsync(AnnC2, Ann, C2, new DateTime(2026, 9, 30, 16, 59, 0, DateTimeKind.Utc), null);
        await AlertAsync(DaoC2, Dao, C2, new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc), null);
        await AlertAsync(BeeC1, Bee, C1, new DateTime(2025, 9, 30, 17, 0, 0, DateTimeKind.Utc), "2025-10-01");

        // Follow-ups (incomes in satang; the self-reliance line is 3 000 THB).
        await FollowUpAsync(AnnC1, "Baseline", "2025-10-01", "Done", "2025-10-05", 200_000, "Unemployed", false);
        await FollowUpAsync(AnnC1, "ThreeMonths", "2026-05-01", "Done", "2026-05-20", 250_000, "WageJob", true);
        await FollowUpAsync(AnnC1, "SixMonths", "2026-07-31", "Done", "2026-08-02", 400_000, "WageJob", true);
        await FollowUpAsync(AnnC1, "TwelveMonths", "2027-01-31", "Due", null, null, null, null);
        await FollowUpAsync(CidC1, "Baseline", "2026-09-30", "Missed", "2026-09-30", null, null, null);
        await FollowUpAsync(DaoC2, "Baseline", "2026-09-15", "Due", null, null, null, null);
        await FollowUpAsync(EveC0, "Baseline", "2025-06-01", "Missed", "2025-06-10", null, null, null);
        await FollowUpAsync(EveC0, "SixMonths", "2026-03-31", "Done", "2026-03-31", 100_000, "Unemployed", false);
        await FollowUpAsync(EveC0, "TwelveMonths", "2026-09-30", "Done", "2026-10-01", 500_000, "GroupMember", true);
        await FollowUpAsync(FonC0, "Baseline", "2025-06-01", "Done", "2025-06-01", 300_000, "Unemployed", false);
        await FollowUpAsync(FonC0, "SixMonths", "2026-03-31", "Done", "2026-04-01", 250_000, "SelfEmployed", true);
        await FollowUpAsync(FonC0, "TwelveMonths", "2026-09-30", "Done", "2026-09-30", 350_000, "SelfEmployed", true);

        // Producer groups: G1 (V1, out of C1), G2 (V2), G3 (V1, closed).
        G1 = await GroupAsync("กลุ่มหนึ่ง", V1, "Active");
        G2 = await GroupAsync("กลุ่มสอง", V2, "Active");
        G3 = await GroupAsync("กลุ่มสาม", V1, "Closed");
        await _app.QueryAsync(db => db.ExecuteAsync("INSERT INTO GroupCohorts (GroupId, CohortId) VALUES (@G1, @C1)", new { G1, C1 }));
        var m1 = await MemberAsync(G1, Ann);
        var m2 = await MemberAsync(G1, Fon);
        var m3 = await MemberAsync(G2, Cid);
        await LedgerAsync(G1, "Sale", "2025-10-01", 100_000);
        await LedgerAsync(G1, "Sale", "2025-09-30", 50_000);
        await LedgerAsync(G1, "Sale", "2026-09-30", 20_000);
        await LedgerAsync(G1, "Expense", "2026-01-15", 30_000);
        await LedgerAsync(G1, "Sale", "2026-02-01", 999_999, voided: true);
        await LedgerAsync(G1, "Payout", "2026-02-01", 10_000, m1);
        await LedgerAsync(G1, "Payout", "2026-02-02", 5_000, m2);
        await LedgerAsync(G1, "Payout", "2026-03-01", 7_000, m1);
        await LedgerAsync(G2, "Expense", "2026-05-05", 8_000);
        await LedgerAsync(G2, "Sale", "2026-10-01", 40_000);
        await LedgerAsync(G2, "Payout", "2026-05-06", 2_000, m3, voided: true);
        await LedgerAsync(G3, "Sale", "2026-01-01", 1_000);
    }

    private Task<long> CourseAsync(string name)
        => InsertAsync("INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES (@name, 'x', 60, 0, @Now)", new { name, Now });

    /// <summary>Cohorts X01, X02, ... of course A in the fiscal year, each with Bee enrolled: a long split by cohort.</summary>
    public async Task CohortsOfOneAsync(int count)
    {
        for (var i = 1; i <= count; i++)
            await EnrollAsync(await CohortAsync($"X{i:00}", CourseA, null, "2026-02-01", "2026-03-31", "Completed"), Bee, "2026-02-01", "Completed", "2026-03-31");
    }

    private Task<long> CohortAsync(string code, long course, long? programme, string start, string end, string status)
        => InsertAsync(
            "INSERT INTO Cohorts (Code, CourseId, ProgrammeId, StartDate, EndDate, Capacity, Status, CreatedAt) VALUES (@code, @course, @programme, @start, @end, 20, @status, @Now)",
            new { code, course, programme, start = Day(start), end = Day(end), status, Now });

    private Task<long> PersonAsync(string name, string sex, int birthYear, string? birthDate, long village, string citizenship)
        => InsertAsync(
            """
            INSERT INTO People (FullNameTh, Sex, BirthYear, BirthDate, VillageId, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
            VALUES (@name, @sex, @birthYear, @birthDate, @village, @citizenship, 'Active', (SELECT MIN(Id) FROM Users), @Now)
            """, new { name, sex, birthYear, birthDate = MaybeDay(birthDate), village, citizenship, Now });

    private Task<long> EnrollAsync(long cohort, long person, string on, string status, string? ended)
        => InsertAsync("INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CreatedAt) VALUES (@cohort, @person, @on, @status, @ended, @Now)",
            new { cohort, person, on = Day(on), status, ended = MaybeDay(ended), Now });

    private Task<long> SessionAsync(long cohort, string day, int minutes, string status = "Held")
        => InsertAsync("INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt) VALUES (@cohort, @day, '09:00', @minutes, @status, @Now)",
            new { cohort, day = Day(day), minutes, status, Now });

    private Task<long> MarkAsync(long session, long enrollment, string mark)
        => InsertAsync("INSERT INTO AttendanceMarks (SessionId, EnrollmentId, Mark, RecordedByUserId, RecordedAt) VALUES (@session, @enrollment, @mark, (SELECT MIN(Id) FROM Users), @Now)",
            new { session, enrollment, mark, Now });

    private Task<long> AlertAsync(long enrollment, long person, long cohort, DateTime raisedAt, string? resolvedOn)
        => InsertAsync(
            """
            INSERT INTO AbsenceAlerts (EnrollmentId, PersonId, CohortId, Reason, HeldSessions, RaisedAt, Status, ResolvedAt, ResolvedOn, CreatedAt)
            VALUES (@enrollment, @person, @cohort, 'ConsecutiveAbsences', 3, @raisedAt, @status, @resolvedAt, @resolvedOn, @Now)
            """,
            new { enrollment, person, cohort, raisedAt, status = resolvedOn is null ? "Open" : "Resolved", resolvedAt = resolvedOn is null ? (DateTime?)null : raisedAt.AddDays(1),
                  resolvedOn = MaybeDay(resolvedOn), Now });

    private Task<long> FollowUpAsync(long enrollment, string kind, string due, string status, string? done, long? total, string? work, bool? usesSkill)
        => InsertAsync(
            """
            INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, DoneOn, WorkStatus, TotalIncomeSatang, UsesSkill, CreatedAt)
            SELECT e.Id, e.PersonId, @kind, @due, @status, @done, @work, @total, @usesSkill, @Now FROM Enrollments e WHERE e.Id = @enrollment
            """, new { enrollment, kind, due = Day(due), status, done = MaybeDay(done), work, total, usesSkill, Now });

    private Task<long> GroupAsync(string name, long village, string status)
        => InsertAsync("INSERT INTO ProducerGroups (Name, VillageId, Trade, Status, CreatedAt) VALUES (@name, @village, 'x', @status, @Now)", new { name, village, status, Now });

    private Task<long> MemberAsync(long group, long person)
        => InsertAsync("INSERT INTO GroupMembers (GroupId, PersonId, Role, JoinedOn, CreatedAt) VALUES (@group, @person, 'Member', @joined, @Now)",
            new { group, person, joined = Day("2025-01-01"), Now });

    public Task<long> LedgerAsync(long group, string kind, string day, long amount, long? member = null, bool voided = false)
        => InsertAsync(
            """
            INSERT INTO LedgerEntries (GroupId, Kind, EntryDate, Amount, MemberId, PayoutKind, Category, SubmissionId, RecordedByUserId, RecordedAt, VoidedAt, VoidReason)
            VALUES (@group, @kind, @day, @amount, @member, @payoutKind, @category, @submission, (SELECT MIN(Id) FROM Users), @Now, @voidedAt, @reason)
            """,
            new
            {
                group, kind, day = Day(day), amount, member, payoutKind = kind == "Payout" ? "PieceworkWage" : null, category = kind == "Expense" ? "Materials" : null,
                submission = Guid.NewGuid().ToString("N"), Now, voidedAt = voided ? Now : (DateTime?)null, reason = voided ? "mistake" : null,
            });

    public Task<DashboardQueries.Figures> FiguresAsync(string dimension = DashboardQueries.Dimensions.None, DashboardQueries.Filter? filter = null,
        DateOnly? from = null, DateOnly? to = null)
        => _app.WithServicesAsync(s => s.GetRequiredService<DashboardQueries>().ComputeAsync(from ?? From, to ?? To, filter ?? new(), dimension));
}
