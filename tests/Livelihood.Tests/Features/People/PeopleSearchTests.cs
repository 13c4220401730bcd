using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.People;

/// <summary>
/// The people search served by an index (issue 8): for a text of 3 or more characters it finds exactly what a LIKE
/// '%text%' over the names, nickname, phone and village name found, and it follows every write at once.
/// </summary>
public sealed class PeopleSearchTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village, _otherVillage;

    [SetUp]
    public async Task AddPeople()
    {
        await App.CreateUserAsync(Roles.FieldOfficer); // who registers them
        _village = await VillageAsync(560504, 7, "บ้านดอยคำ");
        _otherVillage = await VillageAsync(570101, 8, "บ้านแม่ใส");
        await PersonAsync("นางสาวมาลี ใจดี", "Malee Jaidee", "ลี", "0812345678", _village);
        await PersonAsync("นางมาลีวรรณ คำมา", null, "วรรณ", "0899999999", _otherVillage);
        await PersonAsync("นายสมชาย ใจดี", "SOMCHAI JAIDEE", "ชาย", "0823451111", _otherVillage);
        await PersonAsync("เด็กหญิงลีลา แก้วใส", "Leela Kaewsai", "ลีน่า", null, _village);
        await PersonAsync("นายคำปัน ดอยสูง", "somchai-like", null, "053123456", _otherVillage);
    }

    private Task<long> VillageAsync(int subdistrict, int number, string name)
        => App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@subdistrict, @number, @name, @Now)",
            new { subdistrict, number, name, Now = App.Clock.Now.UtcDateTime }));

    private Task<long> PersonAsync(string name, string? latin, string? nickname, string? phone, long village)
        => App.QueryAsync(async db => await db.InsertAsync(
            """
            INSERT INTO People (FullNameTh, FullNameLatin, Nickname, Sex, BirthYear, VillageId, Phone, CitizenshipStatus, Status,
                                RegisteredByUserId, CreatedAt)
            VALUES (@name, @latin, @nickname, 'Female', 1990, @village, @phone, 'None', 'Active', (SELECT MIN(Id) FROM Users), @Now)
            """, new { name, latin, nickname, phone, village, Now = App.Clock.Now.UtcDateTime }));

    /// <summary>Who a page of the people list finds for a text, in its order, and its count (as a manager, who sees everyone).</summary>
    private Task<(List<string> Names, int Count)> ListAsync(string text, int pageNumber = 1)
        => App.AsUserAsync(Roles.Manager, 1, async services =>
        {
            var page = await services.GetRequiredService<Web.Features.People.IndexModel.Handler>()
                .ListAsync(new Web.Features.People.IndexModel.Filters { Search = text }, DateOnly.FromDateTime(App.Clock.Now.UtcDateTime), pageNumber);
            return (page.Rows.Select(r => r.FullNameTh).ToList(), page.TotalCount);
        });

    /// <summary>What the search found before the index: LIKE '%text%' over the same columns, in the list's order.</summary>
    private Task<List<string>> LikeAsync(string text)
        => App.QueryAsync(async db => (await db.QueryAsync<string>(
            """
            SELECT p.FullNameTh FROM People p JOIN Villages v ON v.Id = p.VillageId
            WHERE p.FullNameTh LIKE @Pattern OR p.FullNameLatin LIKE @Pattern OR p.Nickname LIKE @Pattern OR p.Phone LIKE @Pattern
               OR v.NameTh LIKE @Pattern
            ORDER BY p.FullNameTh, p.Id
            """, new { Pattern = $"%{text}%" })).ToList());

    [TestCase("มาลี", TestName = "Thai given name, also inside a longer name")]
    [TestCase("ใจดี", TestName = "Thai surname")]
    [TestCase("ลี ใจ", TestName = "across the space between given name and surname")]
    [TestCase("somchai", TestName = "Latin name, lower case")]
    [TestCase("SomChai", TestName = "Latin name, mixed case")]
    [TestCase("JAIDEE", TestName = "Latin name, upper case")]
    [TestCase("2345", TestName = "phone fragment")]
    [TestCase("วรรณ", TestName = "nickname and name")]
    [TestCase("ดอยคำ", TestName = "village name")]
    [TestCase("ดอย", TestName = "village name and surname")]
    [TestCase("บ้าน", TestName = "every village")]
    [TestCase("ไม่มีใคร", TestName = "no one")]
    public async Task A_search_of_three_or_more_characters_finds_exactly_what_like_found(string text)
    {
        var expected = await LikeAsync(text);
        var (names, count) = await ListAsync(text);

        Assert.That(names, Is.EqualTo(expected));
        Assert.That(count, Is.EqualTo(expected.Count));
        if (text != "ไม่มีใคร") Assert.That(expected, Is.Not.Empty, "the case must find someone to mean anything");
    }

    /// <summary>
    /// A search that finds many people may take its page from the people who come first in the list's order instead of
    /// sorting everyone found. A surname spread over the registry is found there; a given name clustered at the end of
    /// the order (after its title) is not, and is sorted after all. Every page must be what sorting everyone gives.
    /// </summary>
    [TestCase("ใจดี", TestName = "a surname spread over the registry")]
    [TestCase("สมชาย", TestName = "a given name clustered at the end of the order")]
    public async Task Every_page_of_a_search_that_finds_many_people_is_the_page_of_all_of_them_sorted(string text)
    {
        string[] givenNames = ["กานดา", "ขวัญใจ", "จันทร์", "ดวงดี", "บัวผัน", "ประภา"];
        for (var i = 0; i < 180; i++)
            await PersonAsync($"นาง{givenNames[i % 6]}{i:000} {(i % 6 == 5 ? "คำมา" : "ใจดี")}", null, null, null, _village);
        for (var i = 0; i < 120; i++)
            await PersonAsync($"นายสมชาย{i:000} ดอยสูง", null, null, null, _otherVillage);
        var expected = await LikeAsync(text);
        Assert.That(expected, Has.Count.GreaterThan(100), "enough people found to read the first in order for them");

        for (var page = 1; page <= (expected.Count + 24) / 25; page++)
        {
            var (names, count) = await ListAsync(text, page);
            Assert.That(names, Is.EqualTo(expected.Skip((page - 1) * 25).Take(25)), $"page {page}");
            Assert.That(count, Is.EqualTo(expected.Count));
        }
    }

    [Test]
    public async Task A_search_of_one_or_two_characters_finds_the_people_whose_nickname_begins_with_it()
    {
        Assert.That((await ListAsync("ลี")).Names, Is.EqualTo(new[] { "นางสาวมาลี ใจดี", "เด็กหญิงลีลา แก้วใส" }));
        Assert.That((await ListAsync("ช")).Names, Is.EqualTo(new[] { "นายสมชาย ใจดี" }));
        Assert.That((await ListAsync("มา")).Count, Is.Zero, "a name that holds it is not enough for so short a text");
    }

    [Test]
    public async Task A_typed_percent_or_underscore_is_a_character_not_a_wildcard()
    {
        await PersonAsync("นายทดสอบ 100%", "Test_One", null, null, _village);

        Assert.That((await ListAsync("100%")).Names, Is.EqualTo(new[] { "นายทดสอบ 100%" }));
        Assert.That((await ListAsync("t_o")).Names, Is.EqualTo(new[] { "นายทดสอบ 100%" }));
        Assert.That((await ListAsync("a_d")).Count, Is.Zero, "'_' would have matched any letter of 'Jaidee' as a wildcard");
    }

    [Test]
    public async Task An_edited_name_is_found_at_once_and_the_old_one_no_longer()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await App.QueryAsync(db => db.ExecuteScalarAsync<long>("SELECT Id FROM People WHERE FullNameTh = 'นายสมชาย ใจดี'"));
        var form = new Dictionary<string, string>
        {
            ["Input.FullNameTh"] = "นายสมศักดิ์ ใจงาม", ["Input.Nickname"] = "ศักดิ์", ["Input.Sex"] = "Male", ["Input.BirthDate"] = "1990-05-17",
            ["Input.VillageId"] = _village.ToString(), ["Input.Phone"] = "0823451111", ["Input.CitizenshipStatus"] = "None",
            ["Input.Version"] = "1",
        };

        var response = await officer.PostFormAsync($"/People/Edit/{id}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ListAsync("สมศักดิ์")).Names, Is.EqualTo(new[] { "นายสมศักดิ์ ใจงาม" }));
        Assert.That((await ListAsync("ดอยคำ")).Names, Does.Contain("นายสมศักดิ์ ใจงาม"), "moved to a village found by its name");
        Assert.That((await ListAsync("สมชาย")).Count, Is.Zero);
        Assert.That((await ListAsync("ศักดิ์")).Names, Is.EqualTo(await LikeAsync("ศักดิ์")));
    }

    [Test]
    public async Task A_renamed_village_is_found_by_its_new_name()
    {
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Villages SET NameTh = 'บ้านห้วยทราย' WHERE Id = @_otherVillage", new { _otherVillage }));

        Assert.That((await ListAsync("ห้วยทราย")).Names, Is.EqualTo(await LikeAsync("ห้วยทราย")).And.Count.EqualTo(3));
        Assert.That((await ListAsync("แม่ใส")).Count, Is.Zero);
    }

    [Test]
    public async Task A_person_merged_away_is_no_longer_found()
    {
        var survivor = await PersonAsync("นางสาวบัวคำ ซ้ำกัน", null, null, "0800000001", _village);
        var duplicate = await PersonAsync("นางสาวบัวคำ ซ้ำกันมั้ย", null, null, "0800000002", _village);
        var manager = await App.SignedInAsync(Roles.Manager);

        var merged = await manager.PostFormAsync("/People/Merge", new()
        {
            ["survivor"] = survivor.ToString(), ["duplicate"] = duplicate.ToString(), ["survivorVersion"] = "1", ["duplicateVersion"] = "1",
        }, formPage: $"/People/Merge?survivor={survivor}&duplicate={duplicate}");

        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ListAsync("ซ้ำกัน")).Names, Is.EqualTo(new[] { "นางสาวบัวคำ ซ้ำกัน" }));
        Assert.That((await ListAsync("0800000002")).Count, Is.Zero);
    }

    [Test]
    public async Task The_list_page_shows_what_the_search_finds_with_its_count()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var html = await manager.GetStringAsync("/People?Filter.Search=" + Uri.EscapeDataString("somchai"));

        Assert.That(html, Does.Contain("นายสมชาย ใจดี").And.Contain("นายคำปัน ดอยสูง").And.Not.Contain("มาลี"));
        Assert.That(html, Does.Contain("ทั้งหมด 2 รายการ"));
    }
}
