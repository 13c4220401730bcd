using Livelihood.Web.Platform.Export;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Livelihood.Tests.Features.People;

public sealed partial class ImportTests(DatabaseProvider provider) : AppFixture(provider)
{
    private long _village;

    [SetUp]
    public async Task AddVillage()
        => _village = await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (560504, 3, 'บ้านปินใต้', @Now)",
            new { Now = App.Clock.Now.UtcDateTime }));

    /// <summary>A valid Thai ID number: twelve digits and their checksum.</summary>
    public static string ThaiId(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (13 - i);
        return twelve + (11 - sum % 11) % 10;
    }

    private static readonly string MaliId = ThaiId("110170020703");
    private static readonly string SomchaiId = ThaiId("310050012345");
    private static readonly string FonId = ThaiId("156990012345");
    private static readonly string BadDateId = ThaiId("356990012345");
    private static readonly string UnknownVillageId = ThaiId("456990012345");
    private static readonly string MinorId = ThaiId("556990012345");

    private const string Header = "ชื่อ-นามสกุล,ชื่อเล่น,เพศ,วันเกิด,หมู่บ้าน,เบอร์โทร,เลขบัตรประชาชน,ผู้ปกครอง,ความเกี่ยวข้อง,เบอร์โทรผู้ปกครอง";

    /// <summary>
    /// Seven rows: three good (an adult with a Buddhist-era d/m/yyyy date and the village as text, an adult with the
    /// village id, a minor with a guardian) and four bad (a date that does not exist, an unknown village, a wrong ID
    /// checksum, a minor without a guardian).
    /// </summary>
    private string[][] Rows() =>
    [
        ["นางสาวมาลี ใจดี", "ลี", "หญิง", "17/05/2533", "หมู่ 3 บ้านปินใต้", "0812345678", MaliId, "", "", ""],
        ["นายสมชาย คำมา", "ชาย", "M", "1985-01-02", _village.ToString(CultureInfo.InvariantCulture), "0822222222", SomchaiId, "", "", ""],
        ["นางสาววันผิด ทดสอบ", "", "F", "31/02/2530", "หมู่ 3 บ้านปินใต้", "", BadDateId, "", "", ""],
        ["นายหลงทาง ทดสอบ", "", "ชาย", "1990-01-01", "หมู่ 9 บ้านไม่มี", "", UnknownVillageId, "", "", ""],
        ["นางบัตรผิด ทดสอบ", "", "Female", "1980-06-01", "หมู่ 3 บ้านปินใต้", "", "1101700207031", "", "", ""],
        ["เด็กชายเดี่ยว ทดสอบ", "", "ชาย", "2015-03-02", "หมู่ 3 บ้านปินใต้", "", MinorId, "", "", ""],
        ["เด็กหญิงฝน แก้วใส", "ฝน", "หญิง", "2012-06-01", "หมู่ 3 บ้านปินใต้", "", FonId, "นางบัว แก้วใส", "แม่", "0899999999"],
    ];

    private static readonly string[] GoodNames = ["นางสาวมาลี ใจดี", "นายสมชาย คำมา", "เด็กหญิงฝน แก้วใส"];

    private byte[] Csv(string separator = ",", bool bom = false, string? header = null, IEnumerable<string[]>? rows = null)
    {
        var lines = new[] { (header ?? Header).Replace(",", separator) }
            .Concat((rows ?? Rows()).Select(r => string.Join(separator, r.Select(v => v.Contains(separator) ? $"\"{v}\"" : v))));
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    // ---- helpers that drive the pages as a browser does ----

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetStringAsync("/People/Import");
        var token = AntiforgeryToken().Match(page);
        Assert.That(token.Success, Is.True, "no antiforgery token on the upload page");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? ExportFile.XlsxContentType : "text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/People/Import?handler=Upload", form);
    }

    public static async Task<long> UploadedAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await UploadAsync(client, content, fileName);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return long.Parse(ImportId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The mapping the page proposes: each field's selected column.</summary>
    public static Dictionary<string, string> SelectedMapping(string html)
        => MappingSelect().Matches(html).ToDictionary(
            m => $"Mapping[{m.Groups[1].Value}]",
            m => SelectedOption().Match(m.Groups[2].Value) is { Success: true } o ? o.Groups[1].Value : "-1");

    /// <summary>Accepts the guessed mapping as it stands, which checks every row.</summary>
    public static async Task MapAsGuessedAsync(HttpClient client, long id)
    {
        var fields = SelectedMapping(await client.GetStringAsync($"/People/Import/{id}"));
        var response = await client.PostFormAsync($"/People/Import/{id}?handler=Map", fields, $"/People/Import/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
    }

    public static async Task CommitAsync(HttpClient client, long id)
    {
        var response = await client.PostFormAsync($"/People/Import/{id}?handler=Commit", [], $"/People/Import/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private Task RunJobAsync(long id)
        => App.WithServicesAsync(async s => { await s.GetRequiredService<ImportPeopleJob>().RunAsync(id, null); return 0; });

    private async Task<long> StagedAndCheckedAsync(HttpClient client, byte[] content, string fileName)
    {
        var id = await UploadedAsync(client, content, fileName);
        await MapAsGuessedAsync(client, id);
        return id;
    }

    private Task<int> CountAsync(string sql, object? param = null) => App.QueryAsync(db => db.ExecuteScalarAsync<int>(sql, param));

    private static string RowHtml(string page, int rowNumber)
        => Regex.Match(page, $"<tr data-row=\"{rowNumber}\".*?</tr>", RegexOptions.Singleline).Value;

    // ---- the tests ----

    [Test]
    public async Task The_column_mapping_is_guessed_from_thai_and_english_headers()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var header = "ชื่อ-นามสกุล,เพศ,วันเกิด,หมู่บ้าน,เบอร์โทร,เลขบัตรประชาชน,Nickname,Guardian phone,Something else";
        var id = await UploadedAsync(officer, Csv(header: header, rows: [["นางสาวมาลี ใจดี", "หญิง", "1990-05-17", "หมู่ 3 บ้านปินใต้", "0812345678", MaliId, "ลี", "", "x"]]), "people.csv");

        var mapping = SelectedMapping(await officer.GetStringAsync($"/People/Import/{id}"));

        Assert.That(mapping["Mapping[FullNameTh]"], Is.EqualTo("0"));
        Assert.That(mapping["Mapping[Sex]"], Is.EqualTo("1"));
        Assert.That(mapping["Mapping[BirthDate]"], Is.EqualTo("2"));
        Assert.That(mapping["Mapping[VillageId]"], Is.EqualTo("3"));
        Assert.That(mapping["Mapping[Phone]"], Is.EqualTo("4"));
        Assert.That(mapping["Mapping[IdNumber]"], Is.EqualTo("5"));
        Assert.That(mapping["Mapping[Nickname]"], Is.EqualTo("6"));
        Assert.That(mapping["Mapping[GuardianPhone]"], Is.EqualTo("7"));
        Assert.That(mapping["Mapping[BirthYear]"], Is.EqualTo("-1"));
        Assert.That(mapping, Does.ContainKey("Mapping[Ethnicity]"), "the officer registers the imported people, so may write their sensitive fields");
    }

    [Test]
    public async Task The_preview_shows_why_each_bad_row_is_refused_and_counts_the_good_ones()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");

        var page = await officer.GetStringAsync($"/People/Import/{id}");

        Assert.That(page, Does.Contain("พร้อมนำเข้า 3 แถว").And.Contain("มี 4 แถวที่มีปัญหา"));
        Assert.That(RowHtml(page, 2), Does.Contain("นางสาวมาลี ใจดี").And.Contain("พร้อมนำเข้า"));
        Assert.That(RowHtml(page, 4), Does.Contain("วันเกิด: ไม่ใช่วันที่: &quot;31/02/2530&quot;"), "a date that does not exist");
        Assert.That(RowHtml(page, 5), Does.Contain("หมู่บ้าน: ไม่พบหมู่บ้าน &quot;หมู่ 9 บ้านไม่มี&quot;"), "an unknown village");
        Assert.That(RowHtml(page, 6), Does.Contain("เลขบัตรประจำตัว: เลขบัตรประชาชนไม่ถูกต้อง"), "a bad ID checksum");
        Assert.That(RowHtml(page, 7), Does.Contain("ผู้ที่อายุต่ำกว่า 18 ปีต้องมีผู้ปกครอง"), "a minor without a guardian");
        Assert.That(RowHtml(page, 8), Does.Contain("เด็กหญิงฝน แก้วใส").And.Not.Contain("text-danger"));

        var rejectedOnly = await officer.GetStringAsync($"/People/Import/{id}?rejected=true");
        Assert.That(rejectedOnly, Does.Contain("data-row=\"4\"").And.Not.Contain("data-row=\"2\""));
        Assert.That(await CountAsync("SELECT COUNT(1) FROM People"), Is.Zero, "nothing is imported before the commit");
    }

    [Test]
    public async Task The_preview_is_in_english_for_an_english_reader()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        await officer.PostFormAsync("/Language", new() { ["language"] = "en", ["returnUrl"] = "/People/Import" }, formPage: "/People/Import");
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");

        var page = await officer.GetStringAsync($"/People/Import/{id}");

        Assert.That(RowHtml(page, 6), Does.Contain("ID card number: This is not a valid Thai ID number"));
        Assert.That(RowHtml(page, 7), Does.Contain("A person under 18 needs a guardian"));
    }

    [Test]
    public async Task Committing_imports_exactly_the_good_rows_as_the_importer_and_audits_one_insert_per_person()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");

        await CommitAsync(officer, id);
        Assert.That(await officer.GetStringAsync($"/People/Import/{id}"), Does.Contain("import-progress"), "the page shows the progress while the job waits");
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<string>("SELECT JobId FROM PeopleImports WHERE Id = @id", new { id })), Is.Not.Null);
        await RunJobAsync(id);

        var people = await App.QueryAsync(db => db.QueryAsync<(string FullNameTh, string? BirthDate, long VillageId, string? IdNumber, string Status, long RegisteredByUserId)>(
            "SELECT FullNameTh, BirthDate, VillageId, IdNumber, Status, RegisteredByUserId FROM People ORDER BY Id"));
        Assert.That(people.Select(p => p.FullNameTh), Is.EqualTo(GoodNames));
        Assert.That(people[0].BirthDate, Does.StartWith("1990-05-17"), "a Buddhist-era date is stored in the common era");
        Assert.That(people.Select(p => p.VillageId), Is.All.EqualTo(_village));
        Assert.That(people[0].IdNumber, Is.EqualTo(MaliId));
        Assert.That(people.Select(p => p.Status), Is.All.EqualTo("Active"));
        var officerId = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT MAX(Id) FROM Users"));
        Assert.That(people.Select(p => p.RegisteredByUserId), Is.All.EqualTo(officerId));

        var audits = await App.QueryAsync(db => db.QueryAsync<(long RowId, long UserId, string NewValues)>(
            "SELECT RowId, UserId, NewValues FROM AuditLog WHERE TableName = 'People' AND Action = 'Insert' ORDER BY RowId"));
        var personIds = await App.QueryAsync(db => db.QueryAsync<long>("SELECT Id FROM People ORDER BY Id"));
        Assert.That(audits.Select(a => a.RowId), Is.EqualTo(personIds), "one Insert per imported person");
        Assert.That(audits.Select(a => a.UserId), Is.All.EqualTo(officerId));
        Assert.That(JsonDocument.Parse(audits[0].NewValues).RootElement.GetProperty("FullNameTh").GetString(), Is.EqualTo("นางสาวมาลี ใจดี"));
        Assert.That(JsonDocument.Parse(audits[0].NewValues).RootElement.GetProperty("BirthDate").GetString(), Is.EqualTo("1990-05-17"));

        var done = await officer.GetStringAsync($"/People/Import/{id}");
        Assert.That(done, Does.Contain("นำเข้าแล้ว 3 คน").And.Contain($"/People/Details/{personIds[0]}"));
        var progress = JsonDocument.Parse(await officer.GetStringAsync($"/People/Import/{id}?handler=Progress")).RootElement;
        Assert.That(progress.GetProperty("finished").GetBoolean(), Is.True);
        Assert.That(progress.GetProperty("done").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Running_the_commit_job_twice_inserts_nothing_more()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");
        await CommitAsync(officer, id);
        await CommitAsync(officer, id); // a second click queues nothing new

        await RunJobAsync(id);
        await RunJobAsync(id);
        Assert.That(await CountAsync("SELECT COUNT(1) FROM People"), Is.EqualTo(3));

        // Even if the import were queued again, the rows that already have their person are not imported twice.
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE PeopleImports SET Status = 'Queued' WHERE Id = @id", new { id }));
        await RunJobAsync(id);

        Assert.That(await CountAsync("SELECT COUNT(1) FROM People"), Is.EqualTo(3));
        Assert.That(await CountAsync("SELECT COUNT(1) FROM AuditLog WHERE TableName = 'People' AND Action = 'Insert'"), Is.EqualTo(3));
        Assert.That(await CountAsync("SELECT ImportedRows FROM PeopleImports WHERE Id = @id", new { id }), Is.EqualTo(3));
    }

    [Test]
    public async Task The_rejected_rows_download_with_the_original_columns_and_the_reason_of_each()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");

        var response = await officer.GetAsync($"/People/Import/{id}?handler=Rejected&format=csv");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Does.Contain("people-rejected.csv"));
        var file = ImportFile.Read(await response.Content.ReadAsStreamAsync(), "csv");

        Assert.That(file.Headers, Is.EqualTo(Header.Split(',').Append("เหตุผล")));
        var rows = file.Rows.Select(r => r.Values).ToList();
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "นางสาววันผิด ทดสอบ", "นายหลงทาง ทดสอบ", "นางบัตรผิด ทดสอบ", "เด็กชายเดี่ยว ทดสอบ" }));
        Assert.That(rows[0][3], Is.EqualTo("31/02/2530"), "the original values come back as they were");
        Assert.That(rows[0][^1], Does.Contain("ไม่ใช่วันที่"));
        Assert.That(rows[1][^1], Does.Contain("ไม่พบหมู่บ้าน"));
        Assert.That(rows[2][^1], Does.Contain("เลขบัตรประชาชนไม่ถูกต้อง"));
        Assert.That(rows[3][^1], Does.Contain("ต้องมีผู้ปกครอง"));

        var xlsx = await officer.GetAsync($"/People/Import/{id}?handler=Rejected&format=xlsx");
        var sheet = ImportFile.Read(await xlsx.Content.ReadAsStreamAsync(), "xlsx");
        Assert.That(sheet.Rows.Select(r => r.Values), Is.EqualTo(rows), "the Excel file holds the same rows");
    }

    [Test]
    public async Task An_xlsx_file_imports_the_same_as_the_csv()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var csv = await StagedAndCheckedAsync(officer, Csv(), "people.csv");
        var xlsx = await StagedAndCheckedAsync(officer, Xlsx(Header.Split(','), Rows()), "people.xlsx");

        async Task<List<(int, string?, string?)>> Checked(long id) => (await App.QueryAsync(db => db.QueryAsync<(int, string?, string?)>(
            "SELECT RowNumber, MappedValues, Errors FROM PeopleImportRows WHERE ImportId = @id ORDER BY RowNumber", new { id }))).ToList();
        Assert.That(await Checked(xlsx), Is.EqualTo(await Checked(csv)), "the same values and the same reasons, row by row");

        await CommitAsync(officer, xlsx);
        await RunJobAsync(xlsx);
        var people = await App.QueryAsync(db => db.QueryAsync<(string, string?, string?, string?)>(
            "SELECT FullNameTh, BirthDate, Phone, IdNumber FROM People ORDER BY Id"));
        Assert.That(people.Select(p => p.Item1), Is.EqualTo(GoodNames));
        Assert.That(people[0].Item2, Does.StartWith("1990-05-17"), "a real Excel date cell");
        Assert.That(people[0].Item3, Is.EqualTo("0812345678"), "a phone stored as a number gets its leading 0 back");
        Assert.That(people[0].Item4, Is.EqualTo(MaliId), "an ID number stored as a number keeps all 13 digits");
    }

    /// <summary>
    /// An Excel workbook as people make them: shared strings, a real date cell for the Buddhist-era date of the CSV, and
    /// phone and ID numbers typed as numbers.
    /// </summary>
    private static byte[] Xlsx(string[] headers, string[][] rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new List<string>();
            Cell Text(string value)
            {
                var index = strings.IndexOf(value);
                if (index < 0) { strings.Add(value); index = strings.Count - 1; }
                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            }
            var data = new SheetData(new Row(headers.Select(Text)) { RowIndex = 1 });
            uint rowIndex = 1;
            foreach (var row in rows)
            {
                var cells = new List<Cell>();
                for (var c = 0; c < row.Length; c++)
                {
                    var value = row[c];
                    Cell cell;
                    if (value == "") continue;
                    if (c == 3 && ImportFields.TryDate(value, out var date) && !value.Contains('-'))
                        cell = new Cell { StyleIndex = 1, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) };
                    else if ((c == 5 || c == 6) && value.All(char.IsAsciiDigit))
                        cell = new Cell { CellValue = new CellValue(long.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)) };
                    else cell = Text(value);
                    cell.CellReference = ExportFile.ColumnLetter(c) + (rowIndex + 1).ToString(CultureInfo.InvariantCulture);
                    cells.Add(cell);
                }
                data.Append(new Row(cells) { RowIndex = ++rowIndex });
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            var sst = workbook.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "รายชื่อ" }));
        }
        return memory.ToArray();
    }

    [Test]
    public async Task A_semicolon_csv_with_a_bom_matches_villages_by_name_with_the_subdistrict_and_district_columns()
    {
        // The same number and name in another subdistrict: only the subdistrict and district columns tell them apart.
        await App.QueryAsync(db => db.InsertAsync(
            "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (570101, 3, 'บ้านปินใต้', @Now)", new { Now = App.Clock.Now.UtcDateTime }));
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        const string header = "Full name;Sex;Birth year;Village;Subdistrict;District;Citizenship;ID number";
        string[][] rows =
        [
            ["นายบุญมี ทดสอบ", "Male", "2520", "บ้านปินใต้ หมู่ 3", "ต.บ้านปิน", "อ.ดอกคำใต้", "ไม่มีบัตร", ""],
            ["นายบุญมา ทดสอบ", "Male", "1978", "หมู่ 3 บ้านปินใต้", "", "", "None", ""],
        ];
        var id = await StagedAndCheckedAsync(officer, Csv(";", bom: true, header: header, rows: rows), "people.csv");

        var page = await officer.GetStringAsync($"/People/Import/{id}");
        Assert.That(RowHtml(page, 2), Does.Contain("พร้อมนำเข้า"));
        Assert.That(RowHtml(page, 3), Does.Contain("มีหลายหมู่บ้านที่ตรงกับ"));
        var input = await App.QueryAsync(db => db.QuerySingleAsync<string>(
            "SELECT MappedValues FROM PeopleImportRows WHERE ImportId = @id AND RowNumber = 2", new { id }));
        var person = JsonDocument.Parse(input).RootElement;
        Assert.That(person.GetProperty("VillageId").GetInt64(), Is.EqualTo(_village));
        Assert.That(person.GetProperty("StoredBirthYear").GetInt32(), Is.EqualTo(1977), "a Buddhist-era birth year");
        Assert.That(person.GetProperty("CitizenshipStatus").GetString(), Is.EqualTo("None"));
    }

    [Test]
    public async Task An_id_number_already_registered_or_twice_in_the_file_is_refused()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var first = await StagedAndCheckedAsync(officer, Csv(), "first.csv");
        await CommitAsync(officer, first);
        await RunJobAsync(first);

        var again = Rows().Take(2).Append(Rows()[0]).ToArray();
        again[2][0] = "นางสาวมาลี ใจดี (ซ้ำ)";
        var second = await StagedAndCheckedAsync(officer, Csv(rows: [.. again, ["นายใหม่ ทดสอบ", "", "ชาย", "1991-01-01", "หมู่ 3 บ้านปินใต้", "", ThaiId("199900012345"), "", "", ""],
            ["นายใหม่ ซ้ำ", "", "ชาย", "1991-01-01", "หมู่ 3 บ้านปินใต้", "", ThaiId("199900012345"), "", "", ""]]), "second.csv");

        var page = await officer.GetStringAsync($"/People/Import/{second}");
        Assert.That(RowHtml(page, 2), Does.Contain("มีบุคคลที่ใช้เลขบัตรนี้ลงทะเบียนไว้แล้ว"));
        Assert.That(RowHtml(page, 4), Does.Contain("มีบุคคลที่ใช้เลขบัตรนี้ลงทะเบียนไว้แล้ว"));
        Assert.That(RowHtml(page, 5), Does.Contain("พร้อมนำเข้า"));
        Assert.That(RowHtml(page, 6), Does.Contain("เลขบัตรนี้ซ้ำกับแถวที่ 5 ของไฟล์นี้"));
    }

    [Test]
    public async Task A_person_registered_between_the_preview_and_the_commit_is_not_imported_twice()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");
        var form = new Dictionary<string, string>
        {
            ["Input.FullNameTh"] = "นางสาวมาลี ใจดี", ["Input.Sex"] = "Female", ["Input.BirthDate"] = "1990-05-17",
            ["Input.VillageId"] = _village.ToString(CultureInfo.InvariantCulture), ["Input.CitizenshipStatus"] = "ThaiId", ["Input.IdNumber"] = MaliId,
        };
        Assert.That((await officer.PostFormAsync("/People/Edit", form)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        await CommitAsync(officer, id);
        await RunJobAsync(id);

        Assert.That(await CountAsync("SELECT COUNT(1) FROM People WHERE IdNumber = @MaliId", new { MaliId }), Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT ImportedRows FROM PeopleImports WHERE Id = @id", new { id }), Is.EqualTo(2));
        Assert.That(await CountAsync("SELECT RejectedRows FROM PeopleImports WHERE Id = @id", new { id }), Is.EqualTo(5));
    }

    [TestCase("people.txt", "นำเข้าได้เฉพาะไฟล์ CSV (.csv) และ Excel (.xlsx)", TestName = "Another type of file is refused next to the field")]
    [TestCase("people.xlsx", "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)", TestName = "A file named xlsx that is not a workbook is refused")]
    [TestCase("big.csv", "ไฟล์มีขนาดเกิน 10 MB", TestName = "A file over 10 MB is refused next to the field")]
    public async Task A_file_that_cannot_be_imported_is_refused_next_to_the_field(string fileName, string message)
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var content = fileName == "big.csv" ? new byte[ImportFile.MaxBytes + 1].Select(_ => (byte)'a').ToArray() : Csv();

        var response = await UploadAsync(officer, content, fileName);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Match($"data-valmsg-for=\"Upload\"[^>]*>{Regex.Escape(message)}"));
        Assert.That(await CountAsync("SELECT COUNT(1) FROM PeopleImports"), Is.Zero);
    }

    [Test]
    public async Task An_import_is_seen_only_by_the_user_who_uploaded_it()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await UploadedAsync(officer, Csv(), "people.csv");
        var other = await App.SignedInAsync(Roles.FieldOfficer);
        var trainer = await App.SignedInAsync(Roles.Trainer);

        Assert.That((await other.GetAsync($"/People/Import/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await other.GetAsync($"/People/Import/{id}?handler=Rejected&format=csv")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await trainer.GetAsync("/People/Import")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_mapping_without_the_required_columns_is_refused_before_any_row_is_checked()
    {
        var officer = await App.SignedInAsync(Roles.FieldOfficer);
        var id = await UploadedAsync(officer, Csv(), "people.csv");

        var response = await officer.PostFormAsync($"/People/Import/{id}?handler=Map", new() { ["Mapping[FullNameTh]"] = "0" }, $"/People/Import/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("กรุณาเลือกคอลัมน์ที่มีข้อมูลนี้").And.Contain("กรุณาเลือกคอลัมน์วันเกิดหรือปีเกิด"));
        Assert.That(await CountAsync("SELECT COUNT(1) FROM PeopleImportRows WHERE ImportId = @id AND MappedValues IS NOT NULL", new { id }), Is.Zero);
    }

    [Test]
    public async Task A_committed_import_runs_as_a_background_job_and_reports_its_progress_until_done()
    {
        if (Provider != DatabaseProvider.Sqlite) Assert.Ignore("one engine is enough to see the job server pick the import up");
        using var app = new TestApp(App.Database, hangfireServer: true);
        var officer = await app.SignedInAsync(Roles.FieldOfficer);
        var id = await StagedAndCheckedAsync(officer, Csv(), "people.csv");

        await CommitAsync(officer, id);
        JsonElement progress = default;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            progress = JsonDocument.Parse(await officer.GetStringAsync($"/People/Import/{id}?handler=Progress")).RootElement;
            Assert.That(progress.GetProperty("total").GetInt32(), Is.EqualTo(3));
            if (progress.GetProperty("finished").GetBoolean()) break;
            await Task.Delay(250);
        }

        Assert.That(progress.GetProperty("finished").GetBoolean(), Is.True, "the job server imported the rows");
        Assert.That(progress.GetProperty("done").GetInt32(), Is.EqualTo(3));
        Assert.That(await app.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM People")), Is.EqualTo(3));
    }

    [Test]
    public async Task Every_label_and_reason_an_import_shows_has_a_thai_translation()
    {
        var missing = await App.WithServicesAsync(services =>
        {
            var people = services.GetRequiredService<IStringLocalizer<PeopleText>>();
            var shared = services.GetRequiredService<IStringLocalizer<SharedText>>();
            var current = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Thai);
            try
            {
                var keys = ImportFields.All.Select(f => f.Label)
                    .Concat(["import Uploaded", "import Mapped", "import Queued", "import Importing", "import Done"])
                    .Concat(SourceMessages());
                return Task.FromResult(keys.Distinct().Where(k => people[k].ResourceNotFound && shared[k].ResourceNotFound).ToList());
            }
            finally
            {
                CultureInfo.CurrentUICulture = current;
            }
        });
        Assert.That(missing, Is.Empty);
    }

    /// <summary>The English messages the import code gives as ImportError or Refused texts, read from its source files.</summary>
    private static List<string> SourceMessages()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Livelihood.sln"))) folder = folder.Parent;
        var people = Path.Combine(folder!.FullName, "src", "Livelihood.Web", "Features", "People");
        return Directory.EnumerateFiles(people, "Import*.cs")
            .SelectMany(f => MessageLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .ToList();
    }

    [GeneratedRegex(@"(?:new Refused\(|nameof\(PersonInput\.\w+\),\s*)""((?:[^""\\]|\\.)+)""")]
    private static partial Regex MessageLiteral();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"/People/Import/(\d+)")]
    private static partial Regex ImportId();

    [GeneratedRegex("""<select id="map-(\w+)" name="Mapping\[\w+\]"[^>]*>(.*?)</select>""", RegexOptions.Singleline)]
    private static partial Regex MappingSelect();

    [GeneratedRegex("""<option value="(-?\d+)" selected="selected">""")]
    private static partial Regex SelectedOption();
}
