using Dapper;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.FollowUps;

namespace Livelihood.Tests.Features.FollowUps;

/// <summary>DESIGN.md "Self-reliant", through the one SQL definition, on each engine.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SelfRelianceTests(DatabaseProvider provider)
{
    private TestDatabase? _database;

    [OneTimeSetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(provider);

    [OneTimeTearDown]
    public void DropDatabase() => _database?.Dispose();

    // line 3 000 THB = 300 000 satang
    [TestCase("Done", "WageJob", 300_000L, 1, TestName = "at the line with a wage job: yes")]
    [TestCase("Done", "SelfEmployed", 450_050L, 1, TestName = "above the line self-employed: yes")]
    [TestCase("Done", "GroupMember", 300_000L, 1, TestName = "at the line as a group member: yes")]
    [TestCase("Done", "WageJob", 299_999L, 0, TestName = "one satang below the line: no")]
    [TestCase("Done", "Studying", 900_000L, 0, TestName = "studying, whatever the income: no")]
    [TestCase("Done", "Unemployed", 900_000L, 0, TestName = "unemployed with other income: no")]
    [TestCase("Done", "Migrated", 900_000L, 0, TestName = "migrated for work: no")]
    [TestCase("Done", "WageJob", null, null, TestName = "no income given: nothing to judge")]
    [TestCase("Missed", null, null, null, TestName = "missed: nothing to judge")]
    [TestCase("Due", null, null, null, TestName = "not yet done: nothing to judge")]
    public async Task Self_reliant_needs_income_at_the_line_and_earning_work(string status, string? work, long? totalSatang, int? expected)
    {
        await using var connection = await _database!.Factory.OpenAsync();
        var judged = await connection.QuerySingleAsync<int?>(
            $"SELECT {SelfReliance.Sql("f")} FROM (SELECT @status AS Status, @work AS WorkStatus, @totalSatang AS TotalIncomeSatang) f",
            new { status, work, totalSatang, SelfRelianceLineSatang = 300_000L });
        Assert.That(judged, Is.EqualTo(expected));
    }
}
