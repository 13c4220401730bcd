using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Platform.Auth;

/// <summary>
/// Two of each scoped thing, A and B, in two districts: trainer A teaches cohort A and trainer B cohort B, each with a
/// session today, a graduate (person, enrollment with certificate, follow-up, absence alert); recorder A keeps group A
/// and recorder B group B, each with a member, a product and a sale; officer A works in district A and officer B in
/// district B. Everyone who acts also has a dashboard export and a people import of their own. Each A or B thing has a
/// name no other row shares, so a page that shows it can be told from one that does not.
/// </summary>
public sealed class ScopeWorld
{
    public const long DistrictA = 5605; // Dok Khamtai, Phayao
    public const long DistrictB = 5701; // Mueang Chiang Rai

    /// <summary>A part of the names of B's person and group (what a search for them types).</summary>
    public const string NamePartOfB = "สโคปB";

    public sealed record Side(
        long Village, long Cohort, long Session, long Person, long Enrollment, long FollowUp, long Alert, long Group, long LedgerEntry,
        string PersonName, string CohortCode, string GroupName);

    public required Side A { get; init; }
    public required Side B { get; init; }

    /// <summary>The signed-in users the matrix acts as, by role (trainer, recorder and officer are A's).</summary>
    public required IReadOnlyDictionary<string, User> Acting { get; init; }

    public sealed record User(string Role, long Id, string Email, long Export, long Import);

    public static async Task<ScopeWorld> SeedAsync(TestApp app)
    {
        var admin = await UserAsync(app, Roles.Admin);
        var manager = await UserAsync(app, Roles.Manager);
        var trainerA = await UserAsync(app, Roles.Trainer);
        var trainerB = await UserAsync(app, Roles.Trainer);
        var recorderA = await UserAsync(app, Roles.GroupRecorder);
        var recorderB = await UserAsync(app, Roles.GroupRecorder);
        var officerA = await UserAsync(app, Roles.FieldOfficer, DistrictA);
        var officerB = await UserAsync(app, Roles.FieldOfficer, DistrictB);
        var today = DateOnly.FromDateTime(app.Clock.Now.UtcDateTime.AddHours(7));

        var course = await app.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Courses (NameTh, Category, StandardHours, AssessmentRequired, CreatedAt) VALUES ('ตัดเย็บ', 'ช่าง', 30, 0, @Now)",
            new { Now = app.Clock.Now.UtcDateTime }));

        async Task<Side> SideAsync(string letter, long subdistrict, long trainer, long recorder, long registeredBy) => await app.QueryAsync(async db =>
        {
            var now = app.Clock.Now.UtcDateTime;
            var village = await db.InsertAsync(
                "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@subdistrict, 9, @Name, @now)",
                new { subdistrict, Name = $"บ้านสโคป{letter}", now });
            var code = $"SCOPE-{letter}-01";
            var cohort = await db.InsertAsync(
                """
                INSERT INTO Cohorts (Code, CourseId, StartDate, EndDate, Capacity, Status, CreatedAt)
                VALUES (@code, @course, @Start, @End, 20, 'Running', @now)
                """, new { code, course, Start = today.AddDays(-30), End = today.AddDays(30), now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@trainer, 'Cohort', @cohort)", new { trainer, cohort });
            var session = await db.InsertAsync(
                """
                INSERT INTO Sessions (CohortId, SessionDate, StartTime, DurationMinutes, Status, CreatedAt)
                VALUES (@cohort, @today, '09:00', 180, 'Scheduled', @now)
                """, new { cohort, today, now });
            var name = $"นางสาวสโคป{letter} ทดสอบ";
            var person = await db.InsertAsync(
                """
                INSERT INTO People (FullNameTh, Nickname, Sex, BirthYear, VillageId, Phone, CitizenshipStatus, Status, RegisteredByUserId, CreatedAt)
                VALUES (@name, @letter, 'Female', 2009, @village, '0800000000', 'None', 'Active', @registeredBy, @now)
                """, new { name, letter, village, registeredBy, now });
            var enrollment = await db.InsertAsync(
                """
                INSERT INTO Enrollments (CohortId, PersonId, EnrolledOn, Status, EndedOn, CertificateCode, CreatedAt)
                VALUES (@cohort, @person, @Start, 'Completed', @today, @Certificate, @now)
                """, new { cohort, person, Start = today.AddDays(-30), today, Certificate = $"SCOPE{letter}CERT", now });
            var followUp = await db.InsertAsync(
                """
                INSERT INTO FollowUps (EnrollmentId, PersonId, Kind, DueOn, Status, CreatedAt)
                VALUES (@enrollment, @person, 'ThreeMonths', @Due, 'Due', @now)
                """, new { enrollment, person, Due = today.AddDays(-1), now });
            var alert = await db.InsertAsync(
                """
                INSERT INTO AbsenceAlerts (EnrollmentId, PersonId, CohortId, Reason, HeldSessions, RaisedAt, Status, CreatedAt)
                VALUES (@enrollment, @person, @cohort, 'ConsecutiveAbsences', 3, @now, 'Open', @now)
                """, new { enrollment, person, cohort, now });
            var groupName = $"กลุ่มสโคป{letter}";
            var group = await db.InsertAsync(
                "INSERT INTO ProducerGroups (Name, VillageId, Trade, Status, CreatedAt) VALUES (@groupName, @village, 'ทอผ้า', 'Active', @now)",
                new { groupName, village, now });
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@recorder, 'ProducerGroup', @group)", new { recorder, group });
            await db.ExecuteAsync(
                "INSERT INTO GroupMembers (GroupId, PersonId, Role, JoinedOn, CreatedAt) VALUES (@group, @person, 'Chair', @today, @now)",
                new { group, person, today, now });
            var product = await db.InsertAsync(
                "INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@group, 'ผ้าซิ่น', 'ผืน', 50000, @now)", new { group, now });
            var entry = await db.InsertAsync(
                """
                INSERT INTO LedgerEntries (GroupId, Kind, EntryDate, Amount, ProductId, Quantity, UnitPrice, Channel, SubmissionId, RecordedByUserId, RecordedAt)
                VALUES (@group, 'Sale', @today, 50000, @product, 1, 50000, 'VillageMarket', @Submission, @recorder, @now)
                """, new { group, today, product, Submission = $"scope-{letter}", recorder, now });
            return new Side(village, cohort, session, person, enrollment, followUp, alert, group, entry, name, code, groupName);
        });

        var a = await SideAsync("A", 560504, trainerA.Id, recorderA.Id, officerA.Id);
        var b = await SideAsync("B", 570101, trainerB.Id, recorderB.Id, officerB.Id);
        User[] acting = [admin, manager, trainerA, recorderA, officerA];
        return new ScopeWorld { A = a, B = b, Acting = acting.ToDictionary(u => u.Role) };
    }

    private static async Task<User> UserAsync(TestApp app, string role, params long[] districts)
    {
        var email = await app.CreateUserAsync(role, districts: districts);
        return await app.QueryAsync(async db =>
        {
            var id = await db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @email", new { email });
            var now = app.Clock.Now.UtcDateTime;
            var export = await db.InsertAsync(
                """
                INSERT INTO DashboardExports (RequestedByUserId, Indicator, Request, Format, Status, TotalRows, DoneRows, Content, CreatedAt)
                VALUES (@id, 'Enrolled', '{}', 'csv', 'Done', 0, 0, @Content, @now)
                """, new { id, Content = Array.Empty<byte>(), now });
            var import = await db.InsertAsync(
                """
                INSERT INTO PeopleImports (FileName, FileKind, Headers, Status, SensitiveAllowed, UploadedByUserId, CreatedAt)
                VALUES ('people.csv', 'csv', '[]', 'Uploaded', 0, @id, @now)
                """, new { id, now });
            return new User(role, id, email, export, import);
        });
    }
}
