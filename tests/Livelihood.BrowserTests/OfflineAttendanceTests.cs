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
}
