using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Ledger;

/// <summary>A recorder keeps their group's ledger through the real pages: record, refuse, void, export, print.</summary>
public sealed partial class LedgerPagesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private LedgerData.Group _group = null!;
    private HttpClient _recorder = null!;

    [SetUp]
    public async Task AGroupAndItsRecorder()
    {
        await App.CreateUserAsync(Roles.Admin);
        _group = await LedgerData.GroupAsync(App);
        _recorder = await LedgerData.RecorderAsync(App, _group.Id);
    }

    private string RecordPage => $"/Ledger/Record/{_group.Id}";

    private static string SubmissionId(string page) => SubmissionIdField().Match(page).Groups[1].Value;

    private async Task<HttpResponseMessage> RecordAsync(Dictionary<string, string> fields, string? kind = null)
    {
        var form = await _recorder.GetStringAsync(RecordPage + (kind is null ? "" : $"?kind={kind}"));
        fields.TryAdd("Entry.SubmissionId", SubmissionId(form));
        fields.TryAdd("Entry.EntryDate", "2026-11-29");
        return await _recorder.PostFormAsync(RecordPage, fields);
    }

    private Dictionary<string, string> Sale(string quantity = "2", string price = "450", string amount = "") => new()
    {
        ["Entry.Kind"] = "Sale", ["Entry.ProductId"] = _group.ProductId.ToString(CultureInfo.InvariantCulture),
        ["Entry.Quantity"] = quantity, ["Entry.UnitPrice"] = price, ["Entry.Amount"] = amount, ["Entry.Channel"] = "Fair", ["Entry.Note"] = "งานวัด",
    };

    private Task<int> CountAsync(string where = "1 = 1") => App.QueryAsync(db => db.ExecuteScalarAsync<int>($"SELECT COUNT(1) FROM LedgerEntries WHERE {where}"));

    [Test]
    public async Task A_sale_is_recorded_in_satang_and_the_next_form_remembers_its_product_and_channel()
    {
        await App.QueryAsync(db => db.ExecuteAsync("INSERT INTO Products (GroupId, Name, Unit, UsualPrice, CreatedAt) VALUES (@Id, 'ย่าม', 'ใบ', 12000, @now)",
            new { _group.Id, now = App.Clock.Now.UtcDateTime }));

        var saved = await RecordAsync(Sale(quantity: "1.5", price: "33.33"));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var row = await App.QueryAsync(db => db.QuerySingleAsync<(long Amount, long UnitPrice, string Channel)>("SELECT Amount, UnitPrice, Channel FROM LedgerEntries"));
        Assert.That(row, Is.EqualTo((5000L, 3333L, "Fair")));
        var next = await _recorder.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.That(next, Does.Contain("บันทึกแล้ว").And.Contain("50.00"));
        Assert.That(next, Does.Match($"<option value=\"{_group.ProductId}\"[^>]*selected"));
        Assert.That(next, Does.Match("id=\"channel-Fair\" value=\"Fair\" checked"));
    }

    [Test]
    public async Task The_same_form_posted_twice_records_one_sale()
    {
        var form = await _recorder.GetStringAsync(RecordPage);
        var fields = Sale();
        fields["Entry.SubmissionId"] = SubmissionId(form);
        fields["Entry.EntryDate"] = "2026-11-29";

        var first = await _recorder.PostFormAsync(RecordPage, new(fields));
        var second = await _recorder.PostFormAsync(RecordPage, new(fields));

        Assert.That(await CountAsync(), Is.EqualTo(1));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location), "the second tap shows the entry the first one saved");
    }

    [Test]
    public async Task A_wrong_entry_is_refused_next_to_its_field_keeping_the_rest_and_saving_nothing()
    {
        var negative = await RecordAsync(Sale(quantity: "-2"));
        var mismatch = await RecordAsync(Sale(amount: "899"));
        var future = await RecordAsync(new(Sale()) { ["Entry.EntryDate"] = "2026-12-01" });
        var payout = await RecordAsync(new()
        {
            ["Entry.Kind"] = "Payout", ["Entry.MemberId"] = _group.FormerMemberId.ToString(CultureInfo.InvariantCulture),
            ["Entry.PayoutKind"] = "PieceworkWage", ["Entry.Amount"] = "300",
        }, kind: "Payout");

        var negativePage = await negative.Content.ReadAsStringAsync();
        Assert.That(negativePage, Does.Contain("จำนวนต้องมากกว่า 0").And.Contain("value=\"งานวัด\""));
        Assert.That(negativePage, Does.Match("data-valmsg-for=\"Entry.Quantity\"[^>]*>[^<]*จำนวนต้องมากกว่า 0"));
        Assert.That(await mismatch.Content.ReadAsStringAsync(), Does.Contain("900.00"));
        Assert.That(await future.Content.ReadAsStringAsync(), Does.Contain("ล่วงหน้าได้ไม่เกินหนึ่งวัน"));
        Assert.That(await payout.Content.ReadAsStringAsync(), Does.Contain("ไม่ได้เป็นสมาชิกกลุ่มในวันนั้น"));
        Assert.That(await CountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_voided_expense_is_struck_through_leaves_the_totals_and_is_audited()
    {
        var saved = await RecordAsync(new() { ["Entry.Kind"] = "Expense", ["Entry.Category"] = "Transport", ["Entry.Amount"] = "120.50" }, kind: "Expense");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = await App.QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM LedgerEntries"));
        Assert.That(await _recorder.GetStringAsync($"/Groups/Details/{_group.Id}"), Does.Contain("data-figure=\"expenses\">120.50"));

        var noReason = await _recorder.PostFormAsync($"/Ledger/Void/{id}", new() { ["Reason"] = " " });
        var voided = await _recorder.PostFormAsync($"/Ledger/Void/{id}", new() { ["Reason"] = "ลงซ้ำ" });
        var again = await _recorder.PostFormAsync($"/Ledger/Void/{id}", new() { ["Reason"] = "อีกครั้ง" }, formPage: $"/Ledger/{_group.Id}");

        Assert.That(await noReason.Content.ReadAsStringAsync(), Does.Contain("บอกเหตุผลที่รายการนี้ผิด"));
        Assert.That(voided.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("รายการนี้ถูกยกเลิกไปแล้ว"));
        Assert.That(await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT VoidReason FROM LedgerEntries WHERE Id = @id", new { id })), Is.EqualTo("ลงซ้ำ"));
        var ledger = await _recorder.GetStringAsync($"/Ledger/{_group.Id}");
        Assert.That(ledger, Does.Contain("<del>").And.Contain("ลงซ้ำ"));
        Assert.That(await _recorder.GetStringAsync($"/Groups/Details/{_group.Id}"), Does.Contain("data-figure=\"expenses\">0.00"));
        var audit = await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT NewValues FROM AuditLog WHERE Action = 'Void' AND TableName = 'LedgerEntries' AND RowId = @id", new { id }));
        Assert.That(audit, Does.Contain("ลงซ้ำ").And.Contain("120.5"));
    }

    [Test]
    public async Task A_recorder_of_one_group_is_refused_every_page_and_post_of_another()
    {
        var other = await LedgerData.GroupAsync(App, "กลุ่มเพาะเห็ด");
        var theirs = await LedgerData.EntryAsync(App, other.Id, "Expense", "2026-11-01", 50m);
        var form = await _recorder.GetStringAsync(RecordPage);

        foreach (var page in new[] { $"/Groups/Details/{other.Id}", $"/Ledger/Record/{other.Id}", $"/Ledger/{other.Id}", $"/Ledger/Void/{theirs}",
                     $"/Ledger/Export/{other.Id}?format=csv", $"/Ledger/Statement/{other.Id}" })
            Assert.That((await _recorder.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), page);
        var post = await _recorder.PostFormAsync($"/Ledger/Record/{other.Id}", new(Sale()) { ["Entry.SubmissionId"] = SubmissionId(form), ["Entry.EntryDate"] = "2026-11-29" }, formPage: RecordPage);
        var voiding = await _recorder.PostFormAsync($"/Ledger/Void/{theirs}", new() { ["Reason"] = "ไม่ใช่ของเรา" }, formPage: RecordPage);

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(voiding.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await CountAsync("VoidedAt IS NULL"), Is.EqualTo(1));
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task The_export_holds_the_figures_the_page_shows(string format)
    {
        await LedgerData.EntryAsync(App, _group.Id, "Sale", "2026-11-02", 900m, productId: _group.ProductId, quantity: 2);
        await LedgerData.EntryAsync(App, _group.Id, "Sale", "2026-05-02", 1234.56m, productId: _group.ProductId, quantity: 3);
        await LedgerData.EntryAsync(App, _group.Id, "Expense", "2026-10-20", 300.10m);
        await LedgerData.EntryAsync(App, _group.Id, "Payout", "2026-10-31", 250m, memberId: _group.MemberId);

        var page = await _recorder.GetStringAsync($"/Groups/Details/{_group.Id}");
        var response = await _recorder.GetAsync($"/Ledger/Export/{_group.Id}?format={format}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = ImportFile.Read(await response.Content.ReadAsStreamAsync(), format).Rows.Select(r => r.Values).ToList();

        // Every month row of the page's table, number for number, in the same order.
        var pageMonths = MonthRow().Matches(page).Select(m => (m.Groups[1].Value, Numbers(m.Groups[2].Value))).ToList();
        var exportMonths = rows.Take(12).Select(r => (r[1], r.Skip(3).Take(5).Select(v => Decimal(v!)).ToArray())).ToList();
        Assert.That(pageMonths, Has.Count.EqualTo(12));
        Assert.That(exportMonths.Select(m => m.Item1), Is.EqualTo(pageMonths.Select(m => m.Item1)));
        Assert.That(exportMonths.Select(m => m.Item2), Is.EqualTo(pageMonths.Select(m => m.Item2)));
        Assert.That(exportMonths[0].Item2, Is.EqualTo(new[] { 900m, 0m, 900m, 0m, 1584.46m }));
        var product = rows.Single(r => r[0] == "สินค้า");
        Assert.That((product[1], Decimal(product[2]!), Decimal(product[3]!)), Is.EqualTo(("ผ้าซิ่น", 5m, 2134.56m)));
        Assert.That(page, Does.Contain("2,134.56"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AuditLog WHERE Action = 'Export' AND TableName = 'ProducerGroups'")), Is.EqualTo(1));
    }

    [Test]
    public async Task A_csv_escapes_text_a_spreadsheet_would_run_but_keeps_a_loss_a_number()
    {
        await App.QueryAsync(db => db.ExecuteAsync("UPDATE Products SET Name = '=HYPERLINK(1)' WHERE Id = @ProductId", new { _group.ProductId }));
        await LedgerData.EntryAsync(App, _group.Id, "Sale", "2026-11-02", 100m, productId: _group.ProductId, quantity: 1);
        await LedgerData.EntryAsync(App, _group.Id, "Expense", "2026-11-03", 300m);

        var csv = await _recorder.GetStringAsync($"/Ledger/Export/{_group.Id}?format=csv");

        Assert.That(csv, Does.Contain(",'=HYPERLINK(1),").And.Not.Contain(",=HYPERLINK"));
        Assert.That(csv, Does.Contain(",100,300,-200,"));
    }

    [Test]
    public async Task The_monthly_statement_is_in_Thai_with_the_fund_brought_and_carried_forward()
    {
        await LedgerData.EntryAsync(App, _group.Id, "Sale", "2026-10-02", 1000m, productId: _group.ProductId, quantity: 2);
        await LedgerData.EntryAsync(App, _group.Id, "Sale", "2026-11-02", 450m, productId: _group.ProductId, quantity: 1);
        await LedgerData.EntryAsync(App, _group.Id, "Expense", "2026-11-03", 50m, category: "StallFee");
        await LedgerData.EntryAsync(App, _group.Id, "Payout", "2026-11-04", 100m, memberId: _group.MemberId, payoutKind: "ProfitShare");
        _recorder.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var statement = await _recorder.GetStringAsync($"/Ledger/Statement/{_group.Id}?month=2026-11");

        Assert.That(statement, Does.Contain("พฤศจิกายน 2569").And.Contain("รายรับจากการขาย").And.Contain("ค่าแผง").And.Contain("นางคำ"));
        Assert.That(statement, Does.Match("เงินกองทุนยกมา</th><td>1,000.00"));
        Assert.That(statement, Does.Match("data-statement-closing>1,300.00"));
    }

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal[] Numbers(string cells) => Cell().Matches(cells).Select(c => Decimal(c.Groups[1].Value.Replace(",", ""))).ToArray();

    [GeneratedRegex("name=\"Entry.SubmissionId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex SubmissionIdField();

    [GeneratedRegex("<tr data-month=\"([0-9-]+)\"><th scope=\"row\">[^<]*</th>(.*?)</tr>")]
    private static partial Regex MonthRow();

    [GeneratedRegex("<td class=\"text-end\">([-0-9,.]+)</td>")]
    private static partial Regex Cell();
}
