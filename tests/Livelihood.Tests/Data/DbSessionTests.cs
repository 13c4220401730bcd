using System.Globalization;
using Livelihood.Data;
using Livelihood.Tests.Support;

namespace Livelihood.Tests.Data;

[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DbSessionTests(DatabaseProvider provider)
{
    private TestDatabase? _database;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(provider);

    [TearDown]
    public void DropDatabase() => _database?.Dispose();

    [Test]
    public async Task Insert_returns_the_new_id_and_paging_returns_the_requested_window()
    {
        await using var db = new DbSession(_database!.Factory);
        var ids = new List<long>();
        for (var number = 1; number <= 5; number++)
            ids.Add(await db.InsertAsync(
                "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560501, @Number, @Name, @CreatedAt)",
                new { Number = number, Name = $"บ้านทดสอบ {number}", CreatedAt = DateTime.UtcNow }));

        Assert.That(ids, Is.Ordered.Ascending.And.Unique);
        var page = await db.QueryAsync<long>(
            db.Dialect.Page("SELECT VillageNumber FROM Villages WHERE SubdistrictId = 560501 ORDER BY VillageNumber"),
            new { Skip = 2, Take = 2 });
        Assert.That(page, Is.EqualTo(new long[] { 3, 4 }));
    }

    [Test]
    public async Task Work_that_throws_inside_a_transaction_leaves_nothing_behind()
    {
        await using var db = new DbSession(_database!.Factory);

        Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<int>(async () =>
        {
            await db.ExecuteAsync("UPDATE Settings SET Value = 'en' WHERE Name = 'DefaultLanguage'");
            throw new InvalidOperationException("half-way");
        }));

        Assert.That(await db.ExecuteScalarAsync<string>("SELECT Value FROM Settings WHERE Name = 'DefaultLanguage'"), Is.EqualTo("th"));
    }

    [Test]
    public async Task A_transaction_that_ends_any_way_lets_the_next_writer_begin_at_once()
    {
        await using (var abandoned = new DbSession(_database!.Factory))
        {
            await abandoned.BeginTransactionAsync();
            await abandoned.ExecuteAsync("UPDATE Settings SET Value = 'en' WHERE Name = 'DefaultLanguage'");
        }
        await using var db = new DbSession(_database.Factory);
        Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<int>(() => throw new InvalidOperationException("failed")));
        await db.BeginTransactionAsync();
        await db.RollbackAsync();

        // Each ended transaction gave its turn back: the next writer neither waits nor times out.
        await using var next = new DbSession(_database.Factory);
        var write = next.InTransactionAsync(() => next.ExecuteAsync("UPDATE Settings SET Value = 'th' WHERE Name = 'DefaultLanguage'"));
        Assert.That(await write.WaitAsync(TimeSpan.FromSeconds(2)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_second_writer_waits_for_the_first_and_then_writes()
    {
        await using var first = new DbSession(_database!.Factory);
        await using var second = new DbSession(_database.Factory);
        await first.BeginTransactionAsync();
        await first.ExecuteAsync("UPDATE Settings SET Value = 'en' WHERE Name = 'DefaultLanguage'");

        var secondWrite = Task.Run(() => second.InTransactionAsync(() => second.ExecuteAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560503, 1, 'บ้านคิว', @CreatedAt)",
            new { CreatedAt = DateTime.UtcNow })));
        await first.CommitAsync();

        Assert.That(await secondWrite.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(1));
        Assert.That(await first.ExecuteScalarAsync<string>("SELECT Value FROM Settings WHERE Name = 'DefaultLanguage'"), Is.EqualTo("en"));
    }

    [TestCase("th-TH")]
    [TestCase("en-GB")]
    public async Task Dates_and_timestamps_round_trip_as_iso_values_whatever_the_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var db = new DbSession(_database!.Factory);
            var createdAt = new DateTime(2026, 11, 29, 8, 30, 15, DateTimeKind.Utc);
            var id = await db.InsertAsync(
                "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560502, 9, 'บ้านวันที่', @CreatedAt)",
                new { CreatedAt = createdAt });

            var read = await db.QuerySingleAsync<DateTime>("SELECT CreatedAt FROM Villages WHERE Id = @Id", new { Id = id });
            Assert.That(read, Is.EqualTo(createdAt));
            Assert.That(read.Kind, Is.EqualTo(DateTimeKind.Utc));

            var day = new DateOnly(2026, 11, 29);
            var back = await db.QuerySingleAsync<DateOnly>("SELECT @Day", new { Day = day });
            Assert.That(back, Is.EqualTo(day), "a th-TH thread must not shift the year by 543");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase("0.01")]
    [TestCase("1234567.89")]
    [TestCase("-45.10")]
    public async Task Money_round_trips_exactly_as_satang(string baht)
    {
        await using var db = new DbSession(_database!.Factory);
        var amount = new Money(decimal.Parse(baht, CultureInfo.InvariantCulture));

        var stored = await db.QuerySingleAsync<long>("SELECT @Amount", new { Amount = amount });
        var back = await db.QuerySingleAsync<Money>("SELECT @Amount", new { Amount = amount });

        Assert.That(stored, Is.EqualTo(decimal.ToInt64(amount.Baht * 100)));
        Assert.That(back, Is.EqualTo(amount));
    }

    [Test]
    public async Task Many_rows_are_written_by_one_statement_a_part_each_part_within_the_engines_limits()
    {
        await using var db = new DbSession(_database!.Factory);
        var villages = Enumerable.Range(1, 450).Select(n => (Number: n, Name: $"บ้าน {n}")).ToList();

        var parts = ParameterRows.Of(villages, ["VillageNumber", "NameTh"], v => [v.Number, v.Name]).ToList();
        foreach (var part in parts)
        {
            part.Parameters.AddDynamicParams(new { CreatedAt = DateTime.UtcNow });
            await db.ExecuteAsync(
                $"INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) SELECT 560501, v.VillageNumber, v.NameTh, @CreatedAt FROM ({part.Rows}) v",
                part.Parameters);
        }

        Assert.That(parts.Select(p => p.Count), Is.EqualTo(new[] { 400, 50 }), "a compound SELECT of at most 400 rows");
        var written = await db.QueryAsync<string>("SELECT NameTh FROM Villages WHERE SubdistrictId = 560501 ORDER BY VillageNumber");
        Assert.That(written, Is.EqualTo(villages.Select(v => v.Name)));
    }

    [Test]
    public void A_column_name_that_is_not_a_plain_identifier_is_refused()
        => Assert.Throws<ArgumentException>(() => ParameterRows.Of([1], ["Id; DROP TABLE People"], n => [n]).ToList());
}
