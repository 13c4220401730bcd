using System.Diagnostics;
using System.Globalization;
using System.Text;
using Livelihood.Data;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Features.People;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Platform.Auth;
using Microsoft.Data.Sqlite;

namespace Livelihood.Web.Platform.BenchData;

/// <summary>How much of everything one scale makes: 1.0 is the national network of issue 8.</summary>
public sealed record BenchSize(int People, int Villages, int Cohorts, int Groups, int LedgerEntries, int Officers)
{
    public static BenchSize For(double scale)
    {
        if (scale is <= 0 or > 10) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is a fraction of the national size, from just above 0 to 10.");
        int Of(int full, int least) => Math.Max(least, (int)Math.Round(full * scale));
        // The least sizes keep a tiny run meaningful: cohorts of up to 30 distinct people, every kind of row present.
        return new(Of(100_000, 60), Of(4_000, 8), Of(5_000, 3), Of(2_000, 3), Of(1_000_000, 300), Of(40, 2));
    }
}

/// <summary>
/// <c>seed-bench</c>: fills a fresh, migrated SQLite database with the national-scale data set of the benchmark
/// (issue 8), deterministically from a seed: people with consents, cohorts of 10–30 with sessions of 2–4 hours and
/// their attendance marks (about 10 % drop out), absence alerts, income follow-ups, producer groups of 5–40 members with products and a
/// ledger. It also creates the accounts the benchmark signs in as and writes the targets file its wrk scripts read.
/// <para>
/// The load is a bulk load: one connection, prepared INSERTs reused, batches of rows per transaction, no journal and
/// no fsync while loading, foreign keys unchecked (the generator makes them consistent), the secondary indexes and the
/// triggers dropped first and re-created afterwards from the very statements the migrations stored, with what the
/// triggers keep (the attendance totals, the people search index) computed once over the loaded rows. Then the
/// database is put back in WAL mode, as the app runs it.
/// </para>
/// </summary>
public sealed class BenchSeeder(ConnectionFactory factory, TimeProvider clock)
{
    public const string Password = "Bench-2569!";
    public const string ManagerEmail = "manager@bench.livelihood";
    public const string TrainerEmail = "trainer@bench.livelihood";
    public const string RecorderEmail = "recorder@bench.livelihood";
    public const int DefaultSeed = 8;

    /// <summary>Cohorts the benchmark's trainer teaches: up to half running, the rest recently completed.</summary>
    public const int TrainerCohorts = 12;

    /// <summary>Rows per transaction: big enough that commits cost nothing, small enough to keep the cache bounded.</summary>
    private const int RowsPerBatch = 200_000;

    private static readonly string[] LoadedTables =
    [
        "Users", "UserScopes", "Villages", "People", "Consents", "Programmes", "Courses", "Cohorts", "Sessions", "Enrollments",
        "AttendanceMarks", "AbsenceAlerts", "FollowUps", "ProducerGroups", "GroupCohorts", "GroupMembers", "Products", "LedgerEntries",
    ];

    public sealed record Report(BenchSize Size, IReadOnlyList<(string Table, long Rows)> Rows, IReadOnlyList<(string Step, TimeSpan Took)> Steps,
        TimeSpan Elapsed, string TargetsFile)
    {
        public override string ToString()
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Benchmark data loaded in {Elapsed.TotalSeconds:F1} s (");
            text.AppendJoin(", ", Steps.Select(s => $"{s.Step} {s.Took.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s")).AppendLine("):");
            foreach (var (table, rows) in Rows) text.AppendLine(CultureInfo.InvariantCulture, $"  {table,-16} {rows,10:N0}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Accounts (password {Password}): {ManagerEmail}, {TrainerEmail}, {RecorderEmail}");
            text.Append(CultureInfo.InvariantCulture, $"Targets for the wrk scripts: {TargetsFile}");
            return text.ToString();
        }
    }

    public Report Seed(double scale, int seed, string targetsFile)
    {
        if (factory.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("seed-bench loads the embedded SQLite database only.");
        var watch = Stopwatch.StartNew();
        // Leaving WAL mode needs the only connection to the file: close the pooled ones (the migrator's).
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(factory.ConnectionString);
        connection.Open();
        if (Scalar(connection, "SELECT COUNT(1) FROM Users") + Scalar(connection, "SELECT COUNT(1) FROM People") > 0)
            throw new InvalidOperationException("seed-bench fills a fresh database only; this one already has users or people. Nothing was changed.");

        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;");
        var indexesAndTriggers = DropIndexesAndTriggers(connection);

        var load = new Load(connection, BenchSize.For(scale), new Random(seed), clock.GetUtcNow().UtcDateTime);
        var targets = load.Run();

        var indexing = Stopwatch.StartNew();
        foreach (var (_, sql) in indexesAndTriggers.Where(s => s.Type == "index")) Execute(connection, sql);
        load.Steps.Add(("indexes", indexing.Elapsed));
        // What the triggers keep, computed once over the loaded rows: the attendance totals and the people search index.
        var deriving = Stopwatch.StartNew();
        Execute(connection, $"""
            INSERT INTO EnrollmentAttendance (EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes)
            SELECT EnrollmentId, HeldMinutes, ExcusedMinutes, AttendedMinutes FROM ({EnrollmentQueries.LiveAttendanceSql}) t
            """);
        Execute(connection, PeopleSearch.FillSqliteIndexSql);
        Execute(connection, PeopleSearch.MergeSqliteIndexSql);
        foreach (var (_, sql) in indexesAndTriggers.Where(s => s.Type == "trigger")) Execute(connection, sql);
        load.Steps.Add(("kept by triggers", deriving.Elapsed));
        // The dashboard reads its pre-aggregates: built here as the nightly job builds them, so the benchmark measures them.
        var aggregating = Stopwatch.StartNew();
        Execute(connection, DashboardAggregatesJob.BuildSql(SqliteDialect.Instance), ("@now", clock.GetUtcNow().UtcDateTime));
        load.Steps.Add(("dashboard aggregates", aggregating.Elapsed));
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        var rows = LoadedTables.Select(t => (t, Scalar(connection, $"SELECT COUNT(1) FROM {t}"))).ToList();
        connection.Close();
        SqliteConnection.ClearAllPools();

        var folder = Path.GetDirectoryName(Path.GetFullPath(targetsFile));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(targetsFile, targets);
        return new Report(load.Size, rows, load.Steps, watch.Elapsed, targetsFile);
    }

    /// <summary>The default targets file: beside the database file.</summary>
    public static string DefaultTargetsFile(ConnectionFactory factory)
        => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource)) ?? ".", "bench-targets.txt");

    /// <summary>
    /// Drops the indexes the migrations created on the loaded tables (not the ones behind UNIQUE constraints, which
    /// cannot be dropped) and the triggers on them, and returns their CREATE statements as SQLite stored them, to run
    /// again after the load.
    /// </summary>
    private static List<(string Type, string Sql)> DropIndexesAndTriggers(SqliteConnection connection)
    {
        var found = new List<(string Type, string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", LoadedTables.Select(t => $"'{t}'"))}) ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read()) found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (type, name, _) in found) Execute(connection, $"DROP {type.ToUpperInvariant()} \"{name}\"");
        return [.. found.Select(f => (f.Type, f.Sql))];
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>One load: the generator's state (one seeded Random consumed in a fixed order) and the row writers.</summary>
    private sealed class Load(SqliteConnection connection, BenchSize size, Random random, DateTime now)
    {
        public BenchSize Size => size;

        private readonly DateOnly _today = DateOnly.FromDateTime(now.Add(Localization.DisplayDates.ThailandOffset));
        private readonly string _createdAt = Timestamp(now);
        private long _rowsInBatch;

        private long _nextUser = 1;
        private long _trainerId, _recorderId;
        private string _passwordHash = "";

        // Every table the load writes, one prepared multi-row INSERT each (see BulkInsert).
        private readonly List<BulkInsert> _tables = [];
        private BulkInsert Table(string name, params string[] columns)
        {
            var table = new BulkInsert(connection, name, columns);
            _tables.Add(table);
            return table;
        }

        private BulkInsert _users = null!, _scopes = null!;

        private readonly List<long> _officers = [];
        private readonly List<long> _trainers = [];
        private long[] _villages = [];
        private readonly List<long> _people = [];
        private readonly List<(long Id, int Hours, bool Assessment, string Prefix)> _courses = [];
        private readonly List<long> _programmes = [];
        private readonly List<long> _completedCohorts = [];
        private readonly StringBuilder _targets = new();

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        private string Stamp(DateOnly date, int hour) => Timestamp(date.ToDateTime(new TimeOnly(hour, random.Next(60))).AddHours(-7));

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        private bool Chance(double p) => random.NextDouble() < p;

        public string Run()
        {
            _targets.AppendLine("# Targets of the wrk scripts (scripts/bench), written by seed-bench. One record a line:");
            _targets.AppendLine("# session <id> <enrollment ids>   a session of the bench trainer, on or before today, and who is on its roster");
            _targets.AppendLine("# group <id>                      a producer group for the manager's group page");
            _targets.AppendLine("# ledger <group id> <product id:price satang,...> <member id,...>   the bench recorder's group");
            _targets.AppendLine("# search <text>                   a people-list search");
            Exec("BEGIN");
            Timed("users", Users);
            Timed("villages", Villages);
            Timed("people", People);
            Timed("courses", Courses);
            Timed("cohorts", Cohorts);
            Timed("groups", Groups);
            Timed("ledger", Ledger);
            Commit();
            foreach (var table in _tables) table.Dispose();
            return _targets.ToString();
        }

        public List<(string Step, TimeSpan Took)> Steps { get; } = [];

        private void Timed(string step, Action work)
        {
            var watch = Stopwatch.StartNew();
            work();
            Steps.Add((step, watch.Elapsed));
        }

        private void Exec(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        /// <summary>Counts rows; commits and begins the next batch when the batch is full.</summary>
        private void Counted(long rows = 1)
        {
            _rowsInBatch += rows;
            if (_rowsInBatch < RowsPerBatch) return;
            Commit();
            Exec("BEGIN");
            _rowsInBatch = 0;
        }

        private void Commit()
        {
            foreach (var table in _tables) table.Flush();
            Exec("COMMIT");
        }

        private void Users()
        {
            _users = Table("Users", "Id", "Email", "DisplayName", "PasswordHash", "Role", "CreatedAt");
            _scopes = Table("UserScopes", "UserId", "ScopeKind", "ScopeId");
            // One hash for every bench account: PBKDF2 is slow on purpose, and these accounts share one password.
            _passwordHash = UserAccounts.HashPassword(Password);
            Add("admin@bench.livelihood", "Bench admin", Roles.Admin);
            Add(ManagerEmail, "Bench manager", Roles.Manager);
            _trainerId = Add(TrainerEmail, "Bench trainer", Roles.Trainer);
            _recorderId = Add(RecorderEmail, "Bench recorder", Roles.GroupRecorder);
            for (var i = 1; i <= size.Officers; i++) _officers.Add(Add($"officer{i}@bench.livelihood", $"Field officer {i}", Roles.FieldOfficer));
            // A trainer teaches about ten cohorts over the years.
            for (var i = 1; i <= Math.Max(1, size.Cohorts / 10); i++) _trainers.Add(Add($"trainer{i}@bench.livelihood", $"Trainer {i}", Roles.Trainer));
            // Group recorders get their accounts with their groups (Groups()).
        }

        private long Add(string email, string name, string role)
        {
            var id = _nextUser++;
            _users.Add(id, email, name, _passwordHash, role, _createdAt);
            return id;
        }

        private void Villages()
        {
            // Villages of the nine northern provinces (Chiang Mai … Mae Hong Son, codes 50–58), numbered per subdistrict.
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT s.Id, s.DistrictId FROM Subdistricts s JOIN Districts d ON d.Id = s.DistrictId WHERE d.ProvinceId BETWEEN 50 AND 58 ORDER BY s.Id";
            var subdistricts = new List<(long Id, long District)>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) subdistricts.Add((reader.GetInt64(0), reader.GetInt64(1)));
            var villages = Table("Villages", "Id", "SubdistrictId", "VillageNumber", "NameTh", "CreatedAt");
            _villages = new long[size.Villages];
            for (var i = 0; i < size.Villages; i++)
            {
                _villages[i] = i + 1;
                villages.Add(i + 1, subdistricts[i % subdistricts.Count].Id, i / subdistricts.Count + 1, "บ้าน" + Pick(BenchWords.VillageNames), _createdAt);
            }
            // Each district with villages has a field officer (an officer covers several districts).
            var districts = subdistricts.Take(size.Villages).Select(s => s.District).Distinct().ToList();
            for (var d = 0; d < districts.Count; d++) _scopes.Add(_officers[d % _officers.Count], "District", districts[d]);
        }

        private void People()
        {
            var people = Table("People",
                "Id", "FullNameTh", "Nickname", "Sex", "BirthDate", "BirthYear", "VillageId", "Phone", "CitizenshipStatus", "IdNumber",
                "Education", "GuardianName", "GuardianRelation", "GuardianPhone", "Status", "RegisteredByUserId", "CreatedAt");
            var consents = Table("Consents",
                "PersonId", "GivenBy", "GivenByName", "GivenOn", "DataProcessing", "Photos", "SharingWithPartners", "WithdrawnOn", "RecordedByUserId", "CreatedAt");
            for (long id = 1; id <= size.People; id++)
            {
                var female = Chance(0.65);
                // Mostly young people (13–24) and women of their families (25–55).
                var age = Chance(0.6) ? random.Next(13, 25) : random.Next(25, 56);
                var birthDate = _today.AddYears(-age).AddDays(-random.Next(0, 365));
                var yearOnly = age > 30 && Chance(0.3);
                var minor = age < 18;
                var citizenship = random.NextDouble() switch { < 0.8 => "ThaiId", < 0.95 => "HighlandCard", _ => "None" };
                var registered = _today.AddDays(-random.Next(0, 4 * 365));
                var officer = Pick(_officers);
                people.Add(id,
                    $"{(female ? (minor ? "เด็กหญิง" : "นางสาว") : (minor ? "เด็กชาย" : "นาย"))}{Pick(female ? BenchWords.WomenNames : BenchWords.MenNames)} {Pick(BenchWords.Surnames)}",
                    Pick(BenchWords.Nicknames), female ? "Female" : "Male", yearOnly ? null : Date(birthDate), birthDate.Year, Pick(_villages),
                    Phone(), citizenship,
                    citizenship switch { "ThaiId" => ThaiId(), "HighlandCard" => $"0-{random.Next(5000, 5899)}-{random.Next(10000, 99999)}-{random.Next(10, 99)}-{random.Next(10)}", _ => null },
                    Pick(BenchWords.Educations),
                    minor ? $"นาง{Pick(BenchWords.WomenNames)} {Pick(BenchWords.Surnames)}" : null, minor ? "แม่" : null, minor ? Phone() : null,
                    Chance(0.03) ? "Inactive" : "Active", officer, Stamp(registered, 10));
                if (Chance(0.95))
                    consents.Add(id, minor ? "Guardian" : "Person", minor ? "ผู้ปกครอง" : null, Date(registered), 1, Chance(0.5) ? 1 : 0, Chance(0.2) ? 1 : 0,
                        Chance(0.02) ? Date(registered.AddDays(random.Next(30, 300))) : null, officer, Stamp(registered, 10));
                _people.Add(id);
                Counted(2);
            }
        }

        private string Phone() => $"08{random.Next(10_000_000, 100_000_000)}";

        private string ThaiId()
        {
            Span<char> digits = stackalloc char[13];
            digits[0] = (char)('1' + random.Next(8));
            var sum = (digits[0] - '0') * 13;
            for (var i = 1; i < 12; i++)
            {
                digits[i] = (char)('0' + random.Next(10));
                sum += (digits[i] - '0') * (13 - i);
            }
            digits[12] = (char)('0' + (11 - sum % 11) % 10);
            return new string(digits);
        }

        private void Courses()
        {
            var courses = Table("Courses", "Id", "NameTh", "NameEn", "Category", "StandardHours", "CompletionThresholdPercent", "AssessmentRequired", "CreatedAt");
            foreach (var (c, i) in BenchWords.Courses.Select((c, i) => (c, i + 1)))
            {
                courses.Add(i, c.Th, c.En, c.Category, c.Hours, 80, c.Assessment ? 1 : 0, _createdAt);
                _courses.Add((i, c.Hours, c.Assessment, c.Prefix));
            }
            var programmes = Table("Programmes", "Id", "NameTh", "NameEn", "Donor", "StartDate", "EndDate", "CreatedAt");
            for (var i = 1; i <= 6; i++)
            {
                var start = _today.AddMonths(-54 + 9 * i);
                programmes.Add(i, $"โครงการอาชีพเยาวชนและครอบครัว ระยะที่ {i}", $"Youth and family livelihoods, phase {i}", $"Donor {(char)('A' + i - 1)}",
                    Date(start), Date(start.AddMonths(24)), _createdAt);
                _programmes.Add(i);
            }
        }

        /// <summary>A cohort as planned before any row is written: its schedule decides its status and its trainer.</summary>
        private sealed record PlannedCohort(long Id, (long Id, int Hours, bool Assessment, string Prefix) Course, DateOnly Start, List<DateOnly> Dates, int[] Minutes, string StartTime, string Status, int Held);

        private PlannedCohort Plan(long id)
        {
            var course = Pick(_courses);
            var start = _today.AddDays(-48 * 30 + random.Next(50 * 30));
            // Two or three days a week (never Sunday), 48–75 sessions of 2–4 hours.
            var days = Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Select(d => (DayOfWeek)d).ToHashSet();
            var count = random.Next(48, 76);
            var dates = new List<DateOnly>(count);
            for (var d = start; dates.Count < count; d = d.AddDays(1))
                if (days.Contains(d.DayOfWeek)) dates.Add(d);
            var minutes = dates.Select(_ => random.NextDouble() switch { < 0.15 => 120, < 0.3 => 150, < 0.7 => 180, < 0.85 => 210, _ => 240 }).ToArray();
            var held = dates.Count(d => d < _today);
            var status = Chance(0.03) ? "Cancelled"
                : held == 0 ? (dates[0] > _today.AddDays(30) ? "Planned" : "Enrolling")
                : held == dates.Count ? "Completed" : "Running";
            return new PlannedCohort(id, course, start, dates, minutes, Pick(["08:30", "09:00", "13:00", "17:30"]), status, held);
        }

        private void Cohorts()
        {
            var planned = Enumerable.Range(1, size.Cohorts).Select(i => Plan(i)).ToList();
            // The bench trainer teaches running cohorts (sessions today and attendance still to take) and recently
            // completed ones (long rosters of marks), like a trainer at work for a few years.
            var benchCohorts = planned.Where(c => c.Status == "Running").OrderByDescending(c => c.Held).Take(TrainerCohorts / 2)
                .Concat(planned.Where(c => c.Status == "Completed").OrderByDescending(c => c.Dates[^1]).Take(TrainerCohorts / 2))
                .Select(c => c.Id).ToHashSet();

            var cohorts = Table("Cohorts", "Id", "Code", "CourseId", "ProgrammeId", "VenueVillageId", "StartDate", "EndDate", "Capacity", "Status", "CreatedAt");
            var scopes = _scopes;
            var sessions = Table("Sessions", "Id", "CohortId", "SessionDate", "StartTime", "DurationMinutes", "Topic", "Status", "CreatedAt");
            var enrollments = Table("Enrollments",
                "Id", "CohortId", "PersonId", "EnrolledOn", "Status", "EndedOn", "DropoutReason", "AssessmentResult", "CertificateCode", "CreatedAt");
            var marks = Table("AttendanceMarks", "SessionId", "EnrollmentId", "Mark", "RecordedByUserId", "RecordedAt");
            var alerts = Table("AbsenceAlerts",
                "EnrollmentId", "PersonId", "CohortId", "Reason", "HeldSessions", "RaisedAt", "Status", "ResolvedAt", "ResolvedOn", "ResolvedByUserId", "ResolutionNote", "CreatedAt");

            var followUps = Table("FollowUps",
                "EnrollmentId", "PersonId", "Kind", "DueOn", "Status", "DoneOn", "DoneByUserId", "Method", "WorkStatus", "SkillIncomeSatang",
                "TotalIncomeSatang", "UsesSkill", "SavesRegularly", "MissedReason", "RecordedAt", "CreatedAt");

            // People join cohorts in the order of a shuffled list, so most have one enrollment and some two.
            var order = _people.OrderBy(_ => random.Next()).ToArray();
            var cursor = 0;
            long sessionId = 0, enrollmentId = 0;
            var benchSessions = new List<string>();
            foreach (var cohort in planned)
            {
                var trainer = benchCohorts.Contains(cohort.Id) ? _trainerId : _trainers[(int)(cohort.Id % _trainers.Count)];
                var size = random.Next(10, 31);
                var beYear = cohort.Start.Year + 543;
                cohorts.Add(cohort.Id, $"{cohort.Course.Prefix}-{beYear}-{cohort.Id:D5}", cohort.Course.Id, Pick(_programmes), Pick(_villages),
                    Date(cohort.Start), Date(cohort.Dates[^1]), size, cohort.Status, _createdAt);
                scopes.Add(trainer, "Cohort", cohort.Id);

                // Sessions: held before today (2 % cancelled; now and then the last one still waits for its marks),
                // scheduled from today on; all cancelled in a cancelled cohort.
                var firstId = sessionId + 1;
                var status = new string[cohort.Dates.Count];
                var leftUnmarked = cohort.Status == "Running" && Chance(0.05) ? cohort.Held - 1 : -1;
                for (var j = 0; j < cohort.Dates.Count; j++)
                {
                    status[j] = cohort.Status == "Cancelled" ? "Cancelled"
                        : j >= cohort.Held || j == leftUnmarked ? "Scheduled"
                        : Chance(0.02) ? "Cancelled" : "Held";
                    sessions.Add(++sessionId, cohort.Id, Date(cohort.Dates[j]), cohort.StartTime, cohort.Minutes[j],
                        Chance(0.5) ? $"บทที่ {j + 1}" : null, status[j], _createdAt);
                }
                Counted(cohort.Dates.Count + 2);
                if (cohort.Status is "Cancelled" or "Planned") continue;

                // Enrollments and their marks, session by session (the order of the marks' unique key).
                var roster = new List<(long Id, long Person, DateOnly EnrolledOn, int DropAt, double Attends, string?[] Last)>();
                for (var k = 0; k < size; k++)
                {
                    var person = order[cursor++ % order.Length];
                    var lateJoiner = cohort.Held > 12 && Chance(0.05);
                    var enrolledOn = cohort.Status == "Enrolling" ? _today.AddDays(-random.Next(0, 20))
                        : lateJoiner ? cohort.Dates[random.Next(3, 10)] : cohort.Start.AddDays(-random.Next(0, 15));
                    // About one in ten drops out, after a few sessions, having missed the last three before.
                    var dropAt = cohort.Held >= 6 && Chance(0.1) ? random.Next(4, cohort.Held) : -1;
                    var id = ++enrollmentId;
                    var completed = cohort.Status == "Completed" && dropAt < 0;
                    enrollments.Add(id, cohort.Id, person, Date(enrolledOn),
                        dropAt >= 0 ? "DroppedOut" : completed ? "Completed" : "Enrolled",
                        dropAt >= 0 ? Date(cohort.Dates[dropAt]) : completed ? Date(cohort.Dates[^1]) : null,
                        dropAt >= 0 ? Pick(BenchWords.DropoutReasons) : null,
                        completed && cohort.Course.Assessment ? "Pass" : null,
                        completed ? $"BN{id:D7}" : null, _createdAt);
                    roster.Add((id, person, enrolledOn, dropAt, 0.75 + random.NextDouble() * 0.23, new string?[3]));
                }
                Counted(size);
                if (cohort.Status == "Completed") _completedCohorts.Add(cohort.Id);

                for (var j = 0; j < cohort.Held; j++)
                {
                    var recordedAt = Stamp(cohort.Dates[j], 12); // the trainer saves the whole roster at once
                    var onRoster = new List<long>();
                    foreach (var e in roster)
                    {
                        if (e.EnrolledOn > cohort.Dates[j] || (e.DropAt >= 0 && j >= e.DropAt)) continue;
                        onRoster.Add(e.Id);
                        if (status[j] != "Held") continue;
                        if (Chance(0.003)) { Remember(e.Last, null); continue; } // a held session someone forgot to mark
                        var mark = e.DropAt >= 0 && j >= e.DropAt - 3 ? "Absent"
                            : random.NextDouble() < e.Attends ? (Chance(0.08) ? "Late" : "Present")
                            : Chance(0.3) ? "Excused" : "Absent";
                        marks.Add(firstId + j, e.Id, mark, trainer, recordedAt);
                        Remember(e.Last, mark);
                    }
                    Counted(onRoster.Count);
                    if (trainer == _trainerId && status[j] != "Cancelled")
                        benchSessions.Add($"session {firstId + j} {string.Join(',', onRoster)}");
                }
                if (trainer == _trainerId)
                    for (var j = cohort.Held; j < cohort.Dates.Count && cohort.Dates[j] == _today; j++)
                        benchSessions.Add($"session {firstId + j} {string.Join(',', roster.Where(e => e.DropAt < 0).Select(e => e.Id))}");

                foreach (var e in roster)
                {
                    if (e.DropAt >= 0)
                    {
                        // The office followed the absences up and closed the alert when the person dropped out.
                        var raised = cohort.Dates[e.DropAt - 1];
                        alerts.Add(e.Id, e.Person, cohort.Id, "ConsecutiveAbsences", e.DropAt, Stamp(raised, 20), "Resolved",
                            Stamp(cohort.Dates[e.DropAt], 11), Date(cohort.Dates[e.DropAt]), Pick(_officers), "ออกกลางคัน", Stamp(raised, 20));
                    }
                    else if (cohort.Status == "Running" && e.Last.All(m => m is "Absent" or "NotMarked"))
                        alerts.Add(e.Id, e.Person, cohort.Id, "ConsecutiveAbsences", cohort.Held, Stamp(_today.AddDays(-1), 20), "Open", null, null, null, null, Stamp(_today.AddDays(-1), 20));
                    var completed = cohort.Status == "Completed" && e.DropAt < 0;
                    FollowUps(followUps, e.Id, e.Person, e.EnrolledOn, completed ? cohort.Dates[^1] : null);
                }
                Counted(roster.Count * 2);
            }
            // Spread the trainer's sessions so consecutive requests hit different cohorts and dates.
            foreach (var line in benchSessions.OrderBy(_ => random.Next())) _targets.AppendLine(line);
        }

        private static readonly (string Kind, int Months)[] LaterFollowUps = [("ThreeMonths", 3), ("SixMonths", 6), ("TwelveMonths", 12)];

        /// <summary>
        /// An enrollment's income follow-ups: the baseline due at enrollment, and for a graduate 3, 6 and 12 months after
        /// completion. Those due more than a month ago are mostly done (incomes rising after training), some missed, a few
        /// still overdue; the rest are due.
        /// </summary>
        private void FollowUps(BulkInsert followUps, long enrollment, long person, DateOnly enrolledOn, DateOnly? completedOn)
        {
            var baseline = random.Next(1500, 6000) * 100L;
            void One(string kind, DateOnly dueOn, long income)
            {
                var settled = dueOn < _today.AddDays(-30) || (dueOn < _today && Chance(0.5));
                var roll = random.NextDouble();
                var status = !settled ? "Due" : roll < 0.85 ? "Done" : roll < 0.95 ? "Missed" : "Due";
                var doneOn = status == "Due" ? (DateOnly?)null : dueOn.AddDays(random.Next(0, 21));
                if (doneOn > _today) doneOn = _today;
                var done = status == "Done";
                var work = done ? Pick(["WageJob", "SelfEmployed", "GroupMember", "Unemployed", "Studying", "Migrated"]) : null;
                followUps.Add(enrollment, person, kind, Date(dueOn), status, doneOn is { } d ? Date(d) : null, doneOn is null ? null : Pick(_officers),
                    doneOn is null ? null : Pick(["Visit", "Phone"]), work, done ? income / 2 : null, done ? income : null,
                    done ? (Chance(0.7) ? 1 : 0) : null, done ? (Chance(0.4) ? 1 : 0) : null, status == "Missed" ? "CouldNotReach" : null,
                    doneOn is { } r ? Stamp(r, 15) : null, _createdAt);
            }
            One("Baseline", enrolledOn, baseline);
            if (completedOn is not { } end) return;
            foreach (var (kind, months) in LaterFollowUps)
                One(kind, end.AddMonths(months), (long)(baseline * (1 + months * 0.05 + random.NextDouble() * 0.3)));
        }

        /// <summary>Keeps the last three marks of an enrollment, newest first (null: held but not marked).</summary>
        private static void Remember(string?[] last, string? mark)
        {
            last[2] = last[1];
            last[1] = last[0];
            last[0] = mark ?? "NotMarked";
        }

        private void Groups()
        {
            var groups = Table("ProducerGroups", "Id", "Name", "VillageId", "Trade", "FoundedOn", "RegistrationNumber", "Status", "CreatedAt");
            var groupCohorts = Table("GroupCohorts", "GroupId", "CohortId");
            var members = Table("GroupMembers", "Id", "GroupId", "PersonId", "Role", "JoinedOn", "LeftOn", "CreatedAt");
            var products = Table("Products", "Id", "GroupId", "Name", "Unit", "UsualPrice", "IsRetired", "CreatedAt");
            var scopes = _scopes;

            var order = _people.OrderBy(_ => random.Next()).ToArray();
            var cursor = 0;
            long memberId = 0, productId = 0;
            var plans = new List<GroupPlan>();
            for (long id = 1; id <= size.Groups; id++)
            {
                var bench = id == 1;
                var (trade, tradeProducts) = Pick(BenchWords.GroupTrades);
                var village = Pick(_villages);
                var founded = _today.AddDays(-random.Next(90, 5 * 365));
                var status = bench ? "Active" : random.NextDouble() switch { < 0.8 => "Active", < 0.88 => "Forming", < 0.98 => "Dormant", _ => "Closed" };
                groups.Add(id, $"กลุ่ม{trade}บ้าน{Pick(BenchWords.VillageNames)}", village, trade, Date(founded),
                    Chance(0.6) ? $"{random.Next(1000, 9999)}-{random.Next(10000, 99999)}" : null, status, _createdAt);
                if (_completedCohorts.Count > 0 && Chance(0.5)) groupCohorts.Add(id, Pick(_completedCohorts));

                var recorder = bench ? _recorderId : Add($"recorder{id}@bench.livelihood", $"Recorder {id}", Roles.GroupRecorder);
                scopes.Add(recorder, "ProducerGroup", id);

                var current = new List<long>();
                var count = bench ? 25 : random.Next(5, 41);
                for (var k = 0; k < count; k++)
                {
                    var joined = founded.AddDays(random.Next(0, 60));
                    if (joined > _today) joined = _today;
                    var left = k >= 3 && Chance(0.1) ? joined.AddDays(random.Next(0, Math.Max(1, _today.DayNumber - joined.DayNumber))) : (DateOnly?)null;
                    members.Add(++memberId, id, order[cursor++ % order.Length], k switch { 0 => "Chair", 1 => "Treasurer", 2 => "Secretary", _ => "Member" },
                        Date(joined), left is { } l ? Date(l) : null, _createdAt);
                    if (left is null) current.Add(memberId);
                }

                var sold = new List<(long Id, long Satang, bool ByWeight)>();
                foreach (var p in tradeProducts.OrderBy(_ => random.Next()).Take(random.Next(2, tradeProducts.Length + 1)))
                {
                    var satang = (long)Math.Round(p.Baht * (0.8 + random.NextDouble() * 0.4)) * 100;
                    products.Add(++productId, id, p.Name, p.Unit, satang, 0, _createdAt);
                    sold.Add((productId, satang, p.Unit == "กิโลกรัม"));
                }
                Counted(count + sold.Count + 3);

                // How busy a group is varies a lot (log-normal); the bench recorder keeps one of the busiest.
                var weight = bench ? 6.0 : Math.Exp(Gaussian() * 0.8) * status switch { "Active" => 1.0, "Dormant" => 0.3, "Forming" => 0.2, _ => 0.5 };
                plans.Add(new GroupPlan(id, recorder, founded, status, sold, current, weight));
                if (bench)
                    _targets.AppendLine($"ledger {id} {string.Join(',', sold.Select(s => $"{s.Id}:{s.Satang}"))} {string.Join(',', current)}");
            }
            foreach (var g in plans.OrderBy(_ => random.Next()).Take(1000)) _targets.AppendLine($"group {g.Id}");
            foreach (var term in SearchTerms()) _targets.AppendLine($"search {term}");
            _groupPlans = plans;
        }

        private sealed record GroupPlan(long Id, long Recorder, DateOnly Founded, string Status, List<(long Id, long Satang, bool ByWeight)> Products, List<long> Members, double Weight);

        private double Gaussian()
        {
            // Box–Muller: one standard normal from two uniforms.
            var u = 1.0 - random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        /// <summary>What people type into the registry's search box: given names, surnames, nicknames, phone beginnings.</summary>
        private IEnumerable<string> SearchTerms()
        {
            for (var i = 0; i < 8; i++) yield return Pick(BenchWords.WomenNames);
            for (var i = 0; i < 6; i++) yield return Pick(BenchWords.MenNames);
            for (var i = 0; i < 8; i++) yield return Pick(BenchWords.Surnames);
            for (var i = 0; i < 4; i++) yield return Pick(BenchWords.Nicknames);
            for (var i = 0; i < 4; i++) yield return $"08{random.Next(10, 100)}{random.Next(10, 100)}";
        }

        private readonly record struct Entry(long GroupId, int Day, byte Kind, long ProductId, double Quantity, long UnitPrice, long Amount, byte Option, long MemberId, long Recorder);

        private List<GroupPlan> _groupPlans = [];

        private void Ledger()
        {
            var plans = _groupPlans;
            // Each group's share of the entries follows its weight; the rounding remainder goes to the bench group.
            var total = plans.Sum(p => p.Weight);
            var counts = plans.Select(p => (int)(size.LedgerEntries * p.Weight / total)).ToArray();
            counts[0] += size.LedgerEntries - counts.Sum();

            var entries = new List<Entry>(size.LedgerEntries);
            for (var g = 0; g < plans.Count; g++)
            {
                var plan = plans[g];
                var last = plan.Status is "Dormant" or "Closed" ? _today.AddDays(-90) : _today;
                var span = Math.Max(1, last.DayNumber - plan.Founded.DayNumber);
                for (var n = 0; n < counts[g]; n++)
                {
                    var day = plan.Founded.DayNumber + random.Next(span + 1);
                    var roll = random.NextDouble();
                    if (roll < 0.7 || plan.Members.Count == 0)
                    {
                        var product = Pick(plan.Products);
                        var quantity = product.ByWeight ? Math.Round(0.5 + random.NextDouble() * 20, 1) : random.Next(1, 30);
                        var price = Chance(0.9) ? product.Satang : (long)Math.Round(product.Satang * (0.9 + random.NextDouble() * 0.2));
                        entries.Add(new Entry(plan.Id, day, 0, product.Id, quantity, price, (long)Math.Round(quantity * price, MidpointRounding.AwayFromZero), (byte)random.Next(BenchWords.Channels.Length), 0, plan.Recorder));
                    }
                    else if (roll < 0.9)
                        entries.Add(new Entry(plan.Id, day, 1, 0, 0, 0, random.Next(50, 5000) * 100L, (byte)random.Next(BenchWords.ExpenseCategories.Length), 0, plan.Recorder));
                    else
                        entries.Add(new Entry(plan.Id, day, 2, 0, 0, 0, random.Next(100, 3000) * 100L, (byte)random.Next(BenchWords.PayoutKinds.Length), Pick(plan.Members), plan.Recorder));
                }
            }
            // Entries arrive in the order they happen, groups interleaved, as an append-only ledger grows.
            entries.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.GroupId.CompareTo(b.GroupId));

            var ledger = Table("LedgerEntries",
                "GroupId", "Kind", "EntryDate", "Amount", "ProductId", "Quantity", "UnitPrice", "Channel", "Category", "MemberId", "PayoutKind",
                "SubmissionId", "RecordedByUserId", "RecordedAt", "VoidedAt", "VoidedByUserId", "VoidReason");
            var number = 0;
            string dayText = "", recordedAt = "", voidedAt = "";
            var lastDay = -1;
            foreach (var e in entries)
            {
                if (e.Day != lastDay)
                {
                    lastDay = e.Day;
                    var date = DateOnly.FromDayNumber(e.Day);
                    dayText = Date(date);
                    recordedAt = Stamp(date, 17);
                    voidedAt = Stamp(date.AddDays(1), 9);
                }
                var voided = Chance(0.01);
                ledger.Add(e.GroupId, e.Kind switch { 0 => "Sale", 1 => "Expense", _ => "Payout" }, dayText, e.Amount,
                    e.Kind == 0 ? e.ProductId : null, e.Kind == 0 ? (e.Quantity % 1 == 0 ? (object)(long)e.Quantity : e.Quantity) : null,
                    e.Kind == 0 ? e.UnitPrice : null, e.Kind == 0 ? BenchWords.Channels[e.Option] : null,
                    e.Kind == 1 ? BenchWords.ExpenseCategories[e.Option] : null, e.Kind == 2 ? e.MemberId : null,
                    e.Kind == 2 ? BenchWords.PayoutKinds[e.Option] : null,
                    $"bench-{++number:D8}", e.Recorder, recordedAt,
                    voided ? voidedAt : null, voided ? e.Recorder : null, voided ? "บันทึกผิด" : null);
                Counted();
            }
        }
    }
}
