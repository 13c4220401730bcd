using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.People;

public sealed class PeopleListAndConsentTests(DatabaseProvider provider) : AppFixture(provider)
{
    private async Task<long> VillageAsync(int subdistrict, int number, string name)
        => await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@subdistrict, @number, @name, @Now)",
            new { subdistrict, number, name, Now = App.Clock.Now.UtcDateTime }));

    private async Task<long> PersonAsync(string name, string sex, string? birthDate, int birthYear, long village, string? nickname = null,
        string? phone = null, string? guardian = null)
        => await App.QueryAsync(async db =>
        {
            var officer = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Users");
            return await db.InsertAsync(
                """
                INSERT INTO People (FullNameTh, Nickname, Sex, BirthDate, BirthYear, VillageId, Phone, CitizenshipStatus, GuardianName,
                                    GuardianRelation, GuardianPhone, Status, RegisteredByUserId, CreatedAt)
                VALUES (@name, @nickname, @sex, @BirthDate, @birthYear, @village, @phone, 'None', @guardian, @Relation, @GuardianPhone, 'Active', @officer, @Now)
                """,
                new
                {
                    name, nickname, sex, birthYear, village, phone, guardian, officer,
                    BirthDate = birthDate is null ? (DateOnly?)null : DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture),
                    Relation = guardian is null ? null : "แม่",
                    GuardianPhone = guardian is null ? null : "0800000000",
                    Now = App.Clock.Now.UtcDateTime,
                });
        });

    [Test]
    public async Task The_list_searches_name_nickname_phone_and_village_and_filters_by_district_sex_and_age_band()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var dokKhamtai = await VillageAsync(560504, 1, "บ้านปิน");
        var chiangRai = await VillageAsync(570101, 2, "บ้านเวียง");
        await PersonAsync("นางสาวมาลี ใจดี", "Female", "2000-01-01", 2000, dokKhamtai, nickname: "ลี", phone: "0811111111");
        await PersonAsync("นายสมชาย คำมา", "Male", null, 1970, chiangRai, nickname: "ชาย", phone: "0822222222");
        await PersonAsync("เด็กหญิงฝน แก้วใส", "Female", "2012-06-01", 2012, chiangRai, nickname: "ฝน", guardian: "นางบัว แก้วใส");

        async Task<string> List(string query) => await officer.GetStringAsync("/People?" + query);

        Assert.That(await List("Filter.Search=ลี"), Does.Contain("มาลี ใจดี").And.Not.Contain("สมชาย"));
        Assert.That(await List("Filter.Search=0822222222"), Does.Contain("สมชาย").And.Not.Contain("มาลี"));
        Assert.That(await List("Filter.Search=บ้านเวียง"), Does.Contain("สมชาย").And.Contain("ฝน แก้วใส").And.Not.Contain("มาลี"));
        Assert.That(await List("Filter.DistrictId=5605"), Does.Contain("มาลี").And.Not.Contain("สมชาย"));
        Assert.That(await List("Filter.Sex=Male"), Does.Contain("สมชาย").And.Not.Contain("มาลี"));
        Assert.That(await List("Filter.AgeBand=under15"), Does.Contain("ฝน แก้วใส").And.Not.Contain("มาลี").And.Not.Contain("สมชาย"));
        Assert.That(await List("Filter.AgeBand=36%2B"), Does.Contain("สมชาย").And.Not.Contain("ฝน แก้วใส"), "birth-year-only people fall in their band");
        Assert.That(await List("Filter.AgeBand=25-35"), Does.Contain("มาลี").And.Not.Contain("สมชาย"));
    }

    [Test]
    public async Task The_list_pages_in_a_stable_order_by_thai_name()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var village = await VillageAsync(560501, 1, "บ้านดอกคำใต้");
        for (var n = 1; n <= 30; n++) await PersonAsync($"คนที่ {n:00}", "Female", "1995-01-01", 1995, village);

        var first = await officer.GetStringAsync("/People");
        var second = await officer.GetStringAsync("/People?page=2");

        Assert.That(first, Does.Contain("คนที่ 01").And.Contain("คนที่ 25").And.Not.Contain("คนที่ 26"));
        Assert.That(second, Does.Contain("คนที่ 26").And.Contain("คนที่ 30").And.Not.Contain("คนที่ 25"));
        Assert.That(second, Does.Contain("ทั้งหมด 30 รายการ · หน้า 2 จาก 2"));
    }

    [Test]
    public async Task A_person_without_data_consent_is_flagged_until_consent_is_recorded_and_again_after_it_is_withdrawn()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var village = await VillageAsync(560501, 1, "บ้านดอกคำใต้");
        var id = await PersonAsync("นางสาวมาลี ใจดี", "Female", "2000-01-01", 2000, village);
        const string flag = "ยังไม่ให้ความยินยอม";
        Assert.That(await officer.GetStringAsync("/People"), Does.Contain(flag));
        Assert.That(await officer.GetStringAsync($"/People/Details/{id}"), Does.Contain(flag));

        var recorded = await officer.PostFormAsync($"/People/Details/{id}?handler=Consent", new()
        {
            ["NewConsent.GivenBy"] = "Person",
            ["NewConsent.GivenOn"] = "2026-11-20",
            ["NewConsent.DataProcessing"] = "true",
        }, formPage: $"/People/Details/{id}");
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await officer.GetStringAsync("/People"), Does.Not.Contain(flag));
        Assert.That(await officer.GetStringAsync($"/People/Details/{id}"), Does.Not.Contain(flag));

        var consent = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Consents WHERE PersonId = @id", new { id }));
        var withdrawn = await officer.PostFormAsync($"/People/Details/{id}?handler=Withdraw", new()
        {
            ["consentId"] = consent.ToString(), ["version"] = "1", ["note"] = "ย้ายออกจากโครงการ",
        }, formPage: $"/People/Details/{id}");
        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await officer.GetStringAsync($"/People/Details/{id}"), Does.Contain(flag).And.Contain("ย้ายออกจากโครงการ"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM AuditLog WHERE TableName = 'Consents' AND Action = 'Withdraw'")), Is.EqualTo(1));
    }

    [Test]
    public async Task For_a_minor_only_the_guardian_can_give_consent()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var village = await VillageAsync(560501, 1, "บ้านดอกคำใต้");
        var id = await PersonAsync("เด็กหญิงฝน แก้วใส", "Female", "2012-06-01", 2012, village, guardian: "นางบัว แก้วใส");

        var byChild = await officer.PostFormAsync($"/People/Details/{id}?handler=Consent", new()
        {
            ["NewConsent.GivenBy"] = "Person", ["NewConsent.GivenOn"] = "2026-11-20", ["NewConsent.DataProcessing"] = "true",
        }, formPage: $"/People/Details/{id}");
        Assert.That(await byChild.Content.ReadAsStringAsync(), Does.Match("data-valmsg-for=\"NewConsent.GivenBy\"[^>]*>ผู้ที่อายุต่ำกว่า 18 ปี ผู้ปกครองต้องเป็นผู้ให้ความยินยอม"));

        var byGuardian = await officer.PostFormAsync($"/People/Details/{id}?handler=Consent", new()
        {
            ["NewConsent.GivenBy"] = "Guardian", ["NewConsent.GivenByName"] = "นางบัว แก้วใส",
            ["NewConsent.GivenOn"] = "2026-11-20", ["NewConsent.DataProcessing"] = "true", ["NewConsent.Photos"] = "true",
        }, formPage: $"/People/Details/{id}");
        Assert.That(byGuardian.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT GivenByName FROM Consents WHERE PersonId = @id", new { id })),
            Is.EqualTo("นางบัว แก้วใส"));
    }

    [Test]
    public async Task A_consent_dated_in_the_future_or_covering_nothing_is_refused()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await PersonAsync("นางสาวมาลี ใจดี", "Female", "2000-01-01", 2000, await VillageAsync(560501, 1, "บ้านดอกคำใต้"));

        var html = await (await officer.PostFormAsync($"/People/Details/{id}?handler=Consent", new()
        {
            ["NewConsent.GivenBy"] = "Person", ["NewConsent.GivenOn"] = "2026-12-25", ["NewConsent.DataProcessing"] = "false",
        }, formPage: $"/People/Details/{id}")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("วันที่ให้ความยินยอมต้องไม่เป็นวันในอนาคต").And.Contain("กรุณาเลือกอย่างน้อยหนึ่งเรื่อง"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Consents")), Is.Zero);
    }

    [Test]
    public async Task The_picker_lists_the_places_below_a_choice_and_adds_a_village_once_per_number()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);

        var districts = await officer.GetStringAsync("/Locations?handler=Districts&provinceId=56");
        Assert.That(districts, Does.Contain("ดอกคำใต้").And.Contain("5605"));
        var subdistricts = await officer.GetStringAsync("/Locations?handler=Subdistricts&districtId=5605");
        Assert.That(subdistricts, Does.Contain("บ้านปิน"));

        var added = await officer.PostFormAsync("/Locations?handler=Village",
            new() { ["SubdistrictId"] = "560504", ["VillageNumber"] = "7", ["NameTh"] = "บ้านปินเหนือ" }, formPage: "/People/Edit");
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await added.Content.ReadAsStringAsync(), Does.Contain("หมู่ 7 บ้านปินเหนือ"));
        Assert.That(await officer.GetStringAsync("/Locations?handler=Villages&subdistrictId=560504"), Does.Contain("หมู่ 7 บ้านปินเหนือ"));

        var again = await officer.PostFormAsync("/Locations?handler=Village",
            new() { ["SubdistrictId"] = "560504", ["VillageNumber"] = "7", ["NameTh"] = "ซ้ำ" }, formPage: "/People/Edit");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("ตำบลนี้มีหมู่บ้านเลขหมู่นี้แล้ว"));
    }

    [Test]
    public async Task An_officers_picker_offers_only_their_districts_and_adds_villages_only_there()
    {
        var (officer, _) = await App.SignedInOfficerAsync(5605); // Dok Khamtai, Phayao

        var provinces = await officer.GetStringAsync("/People/Edit");
        Assert.That(provinces, Does.Contain("พะเยา").And.Not.Contain("เชียงราย"), "only the province of their district");
        var districts = await officer.GetStringAsync("/Locations?handler=Districts&provinceId=56");
        Assert.That(districts, Does.Contain("5605").And.Not.Contain("5601"), "only their district of Phayao");

        var outside = await officer.PostFormAsync("/Locations?handler=Village",
            new() { ["SubdistrictId"] = "570101", ["VillageNumber"] = "7", ["NameTh"] = "บ้านนอกเขต" }, formPage: "/People/Edit");
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await outside.Content.ReadAsStringAsync(), Does.Contain("เพิ่มหมู่บ้านได้เฉพาะในอำเภอที่คุณดูแล"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Villages WHERE NameTh = 'บ้านนอกเขต'")), Is.EqualTo(0));
    }
}
