using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>
/// Two trainers of one cohort mark the same session on their phones without a signal: phone A first, phone B a few
/// seconds later, differently for two people. Whichever phone's marks reach the server first, B's are kept (made
/// later), the history keeps A's, and each trainer is told what happened in words that match it.
/// </summary>
public sealed class TwoPhonesAttendanceTests : BrowserTest
{
    private const string Somsri = "ครูสมศรี";
    private const string Boonmee = "ครูบุญมี";
    private static readonly string[] BsMarks = ["คำแสง:Late", "นวลจันทร์:Absent", "บัวเรียว:Present"];

    private long _session;
    private string _code = "";
    private IPage _phoneA = null!;
    private IPage _phoneB = null!;

    /// <summary>Both phones ready, offline; A marks everyone present with a note for คำแสง, then B marks three seconds later.</summary>
    private async Task BothMarkOfflineAsync(string code)
    {
        _code = code;
        var somsri = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword, Somsri);
        var boonmee = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword, Boonmee);
        _session = await Attendance.CohortWithSessionTodayAsync(App, _code, [somsri, boonmee], "คำแสง", "นวลจันทร์", "บัวเรียว");
        _phoneA = Page;
        _phoneB = await AnotherPhoneAsync();
        await Attendance.SignInUntilReadyOfflineAsync(App, _phoneA, somsri, _code);
        await Attendance.SignInUntilReadyOfflineAsync(App, _phoneB, boonmee, _code);
        await _phoneA.Context.SetOfflineAsync(true);
        await _phoneB.Context.SetOfflineAsync(true);

        await OpenRosterAsync(_phoneA);
        await _phoneA.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        var kamsaeng = Row(_phoneA, "คำแสง");
        await kamsaeng.Locator("summary").TapAsync();
        await kamsaeng.GetByLabel("หมายเหตุของ คำแสง").FillAsync("ปวดหัว");
        await SaveOfflineAsync(_phoneA);

        await Task.Delay(3000);
        await OpenRosterAsync(_phoneB);
        await Row(_phoneB, "คำแสง").GetByText("สาย").TapAsync();
        await Row(_phoneB, "นวลจันทร์").GetByText("ขาด").TapAsync();
        await Row(_phoneB, "บัวเรียว").GetByText("มา", new() { Exact = true }).TapAsync();
        await SaveOfflineAsync(_phoneB);
    }

    private async Task OpenRosterAsync(IPage phone)
    {
        await phone.GetByRole(AriaRole.Link, new() { Name = _code }).ClickAsync();
        await phone.WaitForURLAsync($"**/Attendance/Roster/{_session}");
        await Expect(phone.GetByText("เช็คแล้ว 0 จาก 3 คน")).ToBeVisibleAsync();
    }

    private static async Task SaveOfflineAsync(IPage phone)
    {
        await phone.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();
        await Expect(phone.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");
    }

    private static async Task SendAsync(IPage phone)
    {
        await phone.Context.SetOfflineAsync(false);
        await Expect(phone.Locator("[data-offline-count]")).ToBeHiddenAsync();
    }

    private static ILocator Row(IPage phone, string person) => phone.Locator(".roster-row", new() { HasText = person });

    private Task<IReadOnlyList<string>> SetAsideAsync()
        => App.WithDatabaseAsync(db => db.QueryAsync<string>(
            """
            SELECT p.FullNameTh || ':' || v.Mark || ' ' || v.Outcome || ' for ' || v.ReplacedByMark
            FROM AttendanceMarkVersions v JOIN AttendanceMarks m ON m.Id = v.MarkId JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId
            WHERE m.SessionId = @_session
            ORDER BY p.FullNameTh
            """, new { _session }));

    private Task<string?> NoteOfAsync(string person)
        => App.WithDatabaseAsync(db => db.QuerySingleAsync<string?>(
            "SELECT m.Note FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId WHERE p.FullNameTh = @person AND m.SessionId = @_session",
            new { person, _session }));

    [Test]
    public async Task The_earlier_phone_sends_first_the_later_marks_replace_its_own_and_its_trainer_is_told_on_the_next_visit()
    {
        await BothMarkOfflineAsync("WEA-09");

        // A reconnects first (the order that used to keep A's marks and drop B's), then B.
        await SendAsync(_phoneA);
        Assert.That(await Attendance.MarksWhenAsync(App, _session, ["คำแสง:Present", "นวลจันทร์:Present", "บัวเรียว:Present"]),
            Is.EqualTo(new[] { "คำแสง:Present", "นวลจันทร์:Present", "บัวเรียว:Present" }));
        await SendAsync(_phoneB);

        Assert.That(await Attendance.MarksWhenAsync(App, _session, BsMarks), Is.EqualTo(BsMarks), "B's marks were made later");
        Assert.That(await SetAsideAsync(), Is.EqualTo(new[] { "คำแสง:Present Replaced for Late", "นวลจันทร์:Present Replaced for Absent" }),
            "A's marks are kept in the history");
        Assert.That(await NoteOfAsync("คำแสง"), Is.EqualTo("ปวดหัว"), "A's note stays on the mark that replaced A's");

        // B is told that its marks replaced A's, made earlier: at the top, and beside each person.
        var report = _phoneB.Locator("[data-offline-report]");
        await Expect(report).ToContainTextAsync($"คำแสง: การเช็คชื่อของคุณ (สาย) แทนที่การเช็คของ {Somsri} (มา) ที่ทำไว้ก่อน");
        await Expect(report).ToContainTextAsync($"นวลจันทร์: การเช็คชื่อของคุณ (ขาด) แทนที่การเช็คของ {Somsri} (มา) ที่ทำไว้ก่อน");
        await Expect(Row(_phoneB, "คำแสง").Locator("[data-row-report]")).ToContainTextAsync($"แทนที่การเช็คของ {Somsri} (มา)");
        await Expect(Row(_phoneB, "บัวเรียว").Locator("[data-row-report]")).ToHaveCountAsync(0);

        // A's trainer, on the next visit, is told that later marks replaced theirs, and the roster shows the history.
        await _phoneA.GotoAsync(App.Url("/Attendance"));
        var told = _phoneA.Locator("[data-replaced-marks]");
        await Expect(told).ToContainTextAsync("มีการเช็คชื่อที่ทำภายหลังแทนที่การเช็คชื่อของคุณ");
        await Expect(told).ToContainTextAsync($"คำแสง: การเช็คชื่อของคุณ (มา เวลา");
        await Expect(told).ToContainTextAsync($"ถูกแทนที่ด้วยการเช็คของ {Boonmee} (สาย) ที่ทำภายหลัง");
        await _phoneA.GetByRole(AriaRole.Link, new() { Name = _code }).Last.ClickAsync();
        await Expect(Row(_phoneA, "คำแสง").Locator("[data-history]")).ToContainTextAsync($"มา โดย {Somsri}");
        await Expect(Row(_phoneA, "คำแสง").Locator("[data-history]")).ToContainTextAsync($"แล้วถูกแทนที่ด้วย สาย โดย {Boonmee}");
        await Expect(Row(_phoneA, "นวลจันทร์").GetByLabel("ขาด")).ToBeCheckedAsync();
    }

    [Test]
    public async Task The_later_phone_sends_first_the_earlier_marks_lose_and_that_phone_is_told_and_shows_the_servers_marks()
    {
        await BothMarkOfflineAsync("WEA-10");

        // B reconnects first; A, still on its roster, second.
        await SendAsync(_phoneB);
        Assert.That(await Attendance.MarksWhenAsync(App, _session, BsMarks), Is.EqualTo(BsMarks));
        await SendAsync(_phoneA);

        Assert.That(await Attendance.MarksWhenAsync(App, _session, BsMarks), Is.EqualTo(BsMarks), "A's marks were made earlier");
        Assert.That(await SetAsideAsync(), Is.EqualTo(new[] { "คำแสง:Present Outdated for Late", "นวลจันทร์:Present Outdated for Absent" }),
            "A's marks are kept in the history, not dropped");
        Assert.That(await NoteOfAsync("คำแสง"), Is.EqualTo("ปวดหัว"), "A's note is kept on B's mark");

        // A is told which of its marks were replaced by whose, made when: at the top, in view, and beside each person;
        // its screen now shows the server's marks.
        var report = _phoneA.Locator("[data-offline-report][role=alert]");
        await Expect(report).ToContainTextAsync($"คำแสง: การเช็คชื่อของคุณ (มา เวลา");
        await Expect(report).ToContainTextAsync($"ถูกแทนที่ด้วยการเช็คของ {Boonmee} (สาย) ที่ทำภายหลัง เวลา");
        await Expect(report).ToContainTextAsync($"นวลจันทร์: การเช็คชื่อของคุณ (มา เวลา");
        await Expect(report).ToBeInViewportAsync();
        await Expect(Row(_phoneA, "คำแสง").Locator("[data-row-report]")).ToContainTextAsync($"ถูกแทนที่ด้วยการเช็คของ {Boonmee} (สาย)");
        await Expect(Row(_phoneA, "คำแสง").GetByLabel("สาย")).ToBeCheckedAsync();
        await Expect(Row(_phoneA, "นวลจันทร์").GetByLabel("ขาด")).ToBeCheckedAsync();

        // B's trainer lost nothing: nothing to tell them on the next visit.
        await _phoneB.GotoAsync(App.Url("/Attendance"));
        await Expect(_phoneB.Locator("[data-replaced-marks]")).ToHaveCountAsync(0);
    }
}
