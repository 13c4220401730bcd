using Livelihood.Web.Platform.Export;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.People;

public sealed partial class ExportTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village;
    private long _otherVillage;

    [SetUp]
    public async Task AddPeople()
    {
        await App.CreateUserAsync(Roles.Admin);
        _village = await VillageAsync(560504, 3, "บ้านปินใต้");
        _otherVillage = await VillageAsync(570101, 1, "บ้านเวียง");
        // 30 women in one village (more than a page of the list), and men and another village the filter leaves out.
        for (var n = 1; n <= 30; n++) await PersonAsync($"นางสาวคนที่ {n:00}", "Female", _village, ImportTests.ThaiId($"1101700{n:00}000"));
        await PersonAsync("นายชาย ทดสอบ", "Male", _village, ImportTests.ThaiId("310050012345"));
        await PersonAsync("นางสาวเวียง ทดสอบ", "Female", _otherVillage, ImportTests.ThaiId("310050054321"));
    }

    private Task<long> VillageAsync(int subdistrict, int number, string name)
        => App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@subdistrict, @number, @name, @Now)",
            new { subdistrict, number, name, Now = App.Clock.Now.UtcDateTime }));

    private Task<long> PersonAsync(string name, string sex, long village, string idNumber)
        => App.QueryAsync(async db =>
        {
            var user = await db.QuerySingleAsync<long>("SELECT MIN(Id) FROM Users");
            return await db.InsertAsync(
                """
                INSERT INTO People (FullNameTh, Sex, BirthDate, BirthYear, VillageId, Phone, CitizenshipStatus, IdNumber, Ethnicity,
                                    VulnerabilityFlags, Status, RegisteredByUserId, CreatedAt)
                VALUES (@name, @sex, @BirthDate, 1990, @village, '0811111111', 'ThaiId', @idNumber, 'ไทใหญ่', 'Poverty', 'Active', @user, @Now)
                """,
                new { name, sex, village, idNumber, user, BirthDate = new DateOnly(1990, 5, 17), Now = App.Clock.Now.UtcDateTime });
        });

    private static async Task<ImportFile.Table> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/People/Export?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var format = query.Contains("format=xlsx") ? "xlsx" : "csv";
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(format == "csv" ? "text/csv" : ExportFile.XlsxContentType));
        return ImportFile.Read(await response.Content.ReadAsStreamAsync(), format);
    }

    /// <summary>The names the list pages show, page after page, in their order.</summary>
    private static async Task<List<string>> ListedNamesAsync(HttpClient client, string query)
    {
        var names = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = await client.GetStringAsync($"/People?{query}&page={page}");
            var found = ListedName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            if (found.Count == 0) return names;
            names.AddRange(found);
        }
    }

    [Test]
    public async Task The_export_holds_exactly_the_filtered_list_in_its_order_on_every_page()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        const string filter = "Filter.Sex=Female&Filter.DistrictId=5605";

        var listed = await ListedNamesAsync(officer, filter);
        var csv = await ExportAsync(officer, filter + "&format=csv");
        var xlsx = await ExportAsync(officer, filter + "&format=xlsx");

        Assert.That(listed, Has.Count.EqualTo(30), "the filter leaves out the man and the other district");
        var nameColumn = csv.Headers.ToList().IndexOf("ชื่อ-นามสกุล (ภาษาไทย)");
        Assert.That(csv.Rows.Select(r => r.Values[nameColumn]), Is.EqualTo(listed));
        Assert.That(xlsx.Headers, Is.EqualTo(csv.Headers));
        Assert.That(xlsx.Rows.Select(r => r.Values), Is.EqualTo(csv.Rows.Select(r => r.Values)), "the Excel file holds the same rows as the CSV");
        var first = csv.Rows[0].Values;
        Assert.That(first, Does.Contain("หญิง").And.Contain("1990-05-17").And.Contain("หมู่ 3 บ้านปินใต้").And.Contain("บ้านปิน").And.Contain("ดอกคำใต้"));
    }

    [Test]
    public async Task A_field_officers_export_never_has_the_sensitive_fields_even_when_asked()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);

        Assert.That(await officer.GetStringAsync("/People"), Does.Not.Contain("name=\"sensitive\""), "no tick box for a field officer");
        var export = await ExportAsync(officer, "format=csv&sensitive=true");

        Assert.That(export.Rows, Has.Count.EqualTo(32));
        var everything = string.Join(",", export.Headers.Concat(export.Rows.SelectMany(r => r.Values).Select(v => v ?? "")));
        Assert.That(everything, Does.Not.Contain(ImportTests.ThaiId("310050012345")).And.Not.Contain("ไทใหญ่").And.Not.Contain("ครัวเรือนต่ำกว่าเส้นความยากจน"));
        Assert.That(export.Headers, Does.Not.Contain("เลขบัตรประจำตัว"));
        var audit = await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT NewValues FROM AuditLog WHERE Action = 'Export'"));
        Assert.That(JsonDocument.Parse(audit).RootElement.GetProperty("Sensitive").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_managers_export_has_the_sensitive_fields_only_when_ticked_and_the_audit_log_says_who_and_which_filters()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        Assert.That(await manager.GetStringAsync("/People"), Does.Contain("name=\"sensitive\""));

        var plain = await ExportAsync(manager, "format=csv&Filter.Sex=Male");
        Assert.That(plain.Headers, Does.Not.Contain("เลขบัตรประจำตัว"));

        var sensitive = await ExportAsync(manager, "format=xlsx&Filter.Sex=Male&sensitive=true");
        Assert.That(sensitive.Rows, Has.Count.EqualTo(1));
        var row = sensitive.Headers.Zip(sensitive.Rows[0].Values).ToDictionary(p => p.First, p => p.Second);
        Assert.That(row["เลขบัตรประจำตัว"], Is.EqualTo(ImportTests.ThaiId("310050012345")));
        Assert.That(row["กลุ่มชาติพันธุ์"], Is.EqualTo("ไทใหญ่"));
        Assert.That(row["ความเปราะบาง"], Is.EqualTo("ครัวเรือนต่ำกว่าเส้นความยากจน"));

        var audits = await App.QueryAsync(db => db.QueryAsync<(string? UserEmail, string TableName, long RowId, string NewValues)>(
            "SELECT UserEmail, TableName, RowId, NewValues FROM AuditLog WHERE Action = 'Export' ORDER BY Id"));
        Assert.That(audits, Has.Count.EqualTo(2), "every export is in the audit log");
        var last = audits[^1];
        Assert.That(last.UserEmail, Does.StartWith("manager-"));
        Assert.That((last.TableName, last.RowId), Is.EqualTo(("People", 0L)));
        var details = JsonDocument.Parse(last.NewValues).RootElement;
        Assert.That(details.GetProperty("Sensitive").GetBoolean(), Is.True);
        Assert.That(details.GetProperty("Format").GetString(), Is.EqualTo("xlsx"));
        Assert.That(details.GetProperty("Filters").GetProperty("Sex").GetString(), Is.EqualTo("Male"));
    }

    [Test]
    public async Task An_exported_file_reads_back_through_the_import_with_every_column_recognised()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var response = await manager.GetAsync("/People/Export?format=xlsx&sensitive=true&Filter.Sex=Male");
        var id = await ImportTests.UploadedAsync(manager, await response.Content.ReadAsByteArrayAsync(), "people.xlsx");
        await ImportTests.MapAsGuessedAsync(manager, id);

        // The one person is already registered, so the only reason to refuse the row is that: every value was understood.
        var row = await App.QueryAsync(db => db.QuerySingleAsync<(string MappedValues, string Errors)>(
            "SELECT MappedValues, Errors FROM PeopleImportRows WHERE ImportId = @id", new { id }));
        Assert.That(JsonSerializer.Deserialize<List<ImportError>>(row.Errors), Is.EqualTo(new[] { ImportQueries.AlreadyRegistered }));
        var person = JsonSerializer.Deserialize<PersonInput>(row.MappedValues)!;
        Assert.That((person.FullNameTh, person.Sex, person.BirthDate, person.VillageId, person.CitizenshipStatus, person.Ethnicity),
            Is.EqualTo(("นายชาย ทดสอบ", "Male", new DateOnly(1990, 5, 17), (long?)_village, "ThaiId", "ไทใหญ่")));
        Assert.That(person.Vulnerabilities, Is.EqualTo(new[] { "Poverty" }));
    }

    [Test]
    public async Task The_list_links_its_export_with_the_current_filters()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);

        var html = await officer.GetStringAsync("/People?Filter.Sex=Female&Filter.Search=" + Uri.EscapeDataString("คนที่"));

        Assert.That(html, Does.Contain("action=\"/People/Export\""));
        Assert.That(html, Does.Contain("name=\"Filter.Sex\" value=\"Female\"").And.Contain("name=\"Filter.Search\" value=\"คนที่\""));
        Assert.That(html, Does.Contain("name=\"format\" value=\"csv\"").And.Contain("name=\"format\" value=\"xlsx\""));
        Assert.That((await officer.GetAsync("/People/Export?format=pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [GeneratedRegex("""<a href="/People/Details/\d+">([^<]+)</a>""")]
    private static partial Regex ListedName();
}
