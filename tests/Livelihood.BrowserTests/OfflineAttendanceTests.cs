using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>
/// A trainer with no signal in the village hall: Today was opened online, so its rosters are on the phone; the marks
/// saved offline wait in the phone's queue and reach the server by themselves when the connection returns.
/// </summary>
public sealed class OfflineAttendanceTests : BrowserTest
{
    [Test]
    public async Task Marks_saved_without_a_connection_are_sent_when_it_returns()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-07", [trainer], "คำแสง", "นวลจันทร์", "บัวเรียว");
        Task<IReadOnlyList<string>> MarksAsync() => Attendance.MarksAsync(App, session);

        // Online: signing in lands on Today; the service worker installs and keeps Today and the rosters it lists, in the
        // background: the test goes offline only once Today says the roster is kept, as a trainer can only rely on it then.
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-07");

        // No signal: the roster opens from the phone, and Save keeps the marks on it.
        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-07" }).ClickAsync();
        await Page.WaitForURLAsync($"**/Attendance/Roster/{session}");
        await Expect(Page.GetByText("เช็คแล้ว 0 จาก 3 คน")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByText("ขาด").TapAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();

        await Expect(Page.GetByText("บันทึกไว้ในโทรศัพท์เครื่องนี้แล้ว จะส่งให้เองเมื่อมีสัญญาณ")).ToBeVisibleAsync();
        var badge = Page.Locator("[data-offline-count]");
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");
        Assert.That(await MarksAsync(), Is.Empty, "nothing reached the server yet");

        // Still no signal, the page is reloaded: the kept roster comes back with the marks waiting on the phone.
        await Page.ReloadAsync();
        await Expect(Page.GetByText("เช็คแล้ว 3 จาก 3 คน")).ToBeVisibleAsync();
        await Expect(Page.GetByText("บันทึกไว้ในโทรศัพท์เครื่องนี้แล้ว จะส่งให้เองเมื่อมีสัญญาณ")).ToBeVisibleAsync();
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");
        await Expect(Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByLabel("ขาด")).ToBeCheckedAsync();
        Assert.That(await MarksAsync(), Is.Empty, "still nothing on the server");

        // The signal returns: the queue empties by itself and the trainer sees what the server did.
        await Page.Context.SetOfflineAsync(false);
        await Expect(badge).ToBeHiddenAsync();
        await Expect(Page.GetByText("ส่งจากโทรศัพท์เครื่องนี้แล้ว: WEA-07")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-offline-report]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-offline-report]")).ToContainTextAsync("บันทึกแล้ว 3 รายการ");
        var marks = await Attendance.MarksWhenAsync(App, session, ["คำแสง:Present", "นวลจันทร์:Absent", "บัวเรียว:Present"]);
        Assert.That(marks, Is.EqualTo(new[] { "คำแสง:Present", "นวลจันทร์:Absent", "บัวเรียว:Present" }));
        Assert.That(await App.WithDatabaseAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AttendanceSubmissions WHERE SessionId = @session", new { session })),
            Is.EqualTo(1), "one submission, sent once");
    }

    [Test]
    public async Task Without_a_signal_home_today_and_my_cohorts_open_and_a_saved_roster_reopens_with_its_notes()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-11", [trainer], "คำแสง", "นวลจันทร์", "บัวเรียว");
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-11");
        await Page.Context.SetOfflineAsync(true);

        // The roster's badges and count follow each tap.
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-11" }).ClickAsync();
        await Page.WaitForURLAsync($"**/Attendance/Roster/{session}");
        var notMarked = Page.Locator("[data-not-marked]:visible");
        await Expect(notMarked).ToHaveCountAsync(3);
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByText("ลา").TapAsync();
        await Expect(notMarked).ToHaveCountAsync(2);
        await Expect(Page.GetByText("เช็คแล้ว 1 จาก 3 คน")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        await Expect(notMarked).ToHaveCountAsync(0);
        var row = Page.Locator(".roster-row", new() { HasText = "นวลจันทร์" });
        await row.Locator("summary").TapAsync();
        await row.GetByLabel("หมายเหตุของ นวลจันทร์").FillAsync("ไปหาหมอ");
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();
        await Expect(Page.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");

        // Reopened without a signal, the roster has its marks and its note, shown.
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("หมายเหตุของ นวลจันทร์")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("หมายเหตุของ นวลจันทร์")).ToHaveValueAsync("ไปหาหมอ");
        await Expect(notMarked).ToHaveCountAsync(0);

        // Home (a trainer's is Today), Today and My cohorts open from the phone, saying so and what waits to be sent.
        foreach (var (path, shows) in new[] { ("/", "วันนี้"), ("/Attendance", "วันนี้"), ("/Cohorts", "รุ่นของฉัน") })
        {
            await Page.GotoAsync(App.Url(path));
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(shows);
            await Expect(Page.Locator("[data-offline-note]")).ToHaveTextAsync("ไม่มีสัญญาณ: หน้านี้เป็นสำเนาที่เก็บไว้ในโทรศัพท์เครื่องนี้ ใบเช็คชื่อรอส่ง 1 ใบ");
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "WEA-11" }).First).ToBeVisibleAsync();
        }
        await Page.GotoAsync(App.Url("/Attendance"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "WEA-11" }).GetByText("บันทึกในเครื่องแล้ว รอส่ง")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Signing_out_sends_what_waits_first_and_forgets_the_pages_kept_on_the_phone()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-12", [trainer], "คำแสง", "นวลจันทร์");
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-12");
        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-12" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();
        await Expect(Page.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");

        // Without a signal the phone cannot sign out (nor send first): it says so and stays signed in.
        var said = new List<string>();
        Page.Dialog += async (_, dialog) => { said.Add(dialog.Message); await dialog.AcceptAsync(); };
        await SignOutAsync();
        await UntilAsync(() => said.Count == 1);
        Assert.That(said, Is.EqualTo(new[] { "ต้องมีสัญญาณจึงจะออกจากระบบได้ กรุณาออกจากระบบเมื่อมีสัญญาณ เพื่อให้ส่งข้อมูลที่รออยู่ในโทรศัพท์เครื่องนี้ก่อน" }));
        await Expect(Page.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");

        // With the signal back, signing out sends the marks first, asks nothing, then forgets the kept pages.
        await Page.Context.SetOfflineAsync(false);
        await SignOutAsync();
        await Page.WaitForURLAsync("**/Account/SignIn");
        Assert.That(await Attendance.MarksWhenAsync(App, session, ["คำแสง:Present", "นวลจันทร์:Present"]), Is.EqualTo(new[] { "คำแสง:Present", "นวลจันทร์:Present" }));
        Assert.That(said, Has.Count.EqualTo(1), "nothing to discard, nothing asked");
        Assert.That(await Page.EvaluateAsync<string[]>("caches.keys()"), Has.None.StartsWith("livelihood-pages"));
    }

    [Test]
    public async Task Signing_out_asks_before_discarding_marks_that_cannot_be_sent()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-13", [trainer], "คำแสง");
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-13");
        // Marks the server handed back because the phone's clock was put back: they wait for the trainer, not the network.
        await Page.EvaluateAsync("""
            s => LivelihoodQueue.add({ submissionId: 'held-1', sessionId: s, markedAt: new Date().toISOString(), token: '', label: 'WEA-13',
                                       entries: [], held: 'clock' })
            """, session);
        await Page.ReloadAsync();
        await Expect(Page.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");

        var asked = new List<string>();
        var accept = false;
        Page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        await SignOutAsync();
        await UntilAsync(() => asked.Count == 1);
        await Expect(Page.Locator("[data-offline-count]")).ToHaveTextAsync("รอส่ง 1 รายการ");
        Assert.That(asked, Is.EqualTo(new[] { "มีใบเช็คชื่อ 1 ใบที่บันทึกไว้ในโทรศัพท์เครื่องนี้แต่ยังไม่ได้ส่ง ถ้าออกจากระบบ ใบเช็คชื่อเหล่านี้จะถูกลบจากเครื่องนี้ ออกจากระบบเลยหรือไม่" }));
        Assert.That(Page.Url, Does.Not.Contain("SignIn"), "the trainer said no: still signed in, the marks kept");

        accept = true;
        await SignOutAsync();
        await Page.WaitForURLAsync("**/Account/SignIn");
        Assert.That(await Page.EvaluateAsync<int>("""
            () => new Promise(resolve => { const open = indexedDB.open('livelihood-attendance');
              open.onsuccess = () => { const count = open.result.transaction('submissions').objectStore('submissions').count(); count.onsuccess = () => resolve(count.result); }; })
            """), Is.Zero, "discarded as the trainer agreed");
    }

    [Test]
    public async Task Marks_waiting_on_the_phone_outlive_a_new_service_worker()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword);
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-14", [trainer], "คำแสง", "นวลจันทร์");
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-14");
        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-14" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "มาครบทุกคน" }).TapAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();
        var badge = Page.Locator("[data-offline-count]");
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");

        // The sign-in has lapsed, so when the signal returns the marks cannot go yet; meanwhile a new version of the
        // service worker arrives and takes over the phone.
        await Page.Context.ClearCookiesAsync();
        await Page.Context.SetOfflineAsync(false);
        await Page.EvaluateAsync("""
            async () => {
                await navigator.serviceWorker.register('/service-worker.js?next-version', { scope: '/' });
                while (!(navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL.endsWith('?next-version')))
                    await new Promise(r => setTimeout(r, 100));
            }
            """);

        // The marks are still on the phone, and the roster still opens without a signal with them.
        await Page.Context.SetOfflineAsync(true);
        await Page.ReloadAsync();
        await Expect(Page.GetByText("เช็คแล้ว 2 จาก 2 คน")).ToBeVisibleAsync();
        await Expect(badge).ToHaveTextAsync("รอส่ง 1 รายการ");
        Assert.That(await Attendance.MarksAsync(App, session), Is.Empty);

        // Signed in again with a signal, they go.
        await Page.Context.SetOfflineAsync(false);
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-14");
        Assert.That(await Attendance.MarksWhenAsync(App, session, ["คำแสง:Present", "นวลจันทร์:Present"]), Is.EqualTo(new[] { "คำแสง:Present", "นวลจันทร์:Present" }));
    }

    /// <summary>Waits (up to 10 s) for what the page does after a tap, such as a dialog it opens once it has looked at the queue.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        for (var waited = 0; !done() && waited < 10_000; waited += 100) await Task.Delay(100);
    }

    private async Task SignOutAsync()
    {
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "ออกจากระบบ" });
        if (!await signOut.IsVisibleAsync()) await Page.GetByRole(AriaRole.Button, new() { Name = "เปิดเมนู" }).TapAsync();
        await signOut.TapAsync();
    }
}
