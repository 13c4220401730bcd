using System.Text;
using System.Text.RegularExpressions;
using Livelihood.BrowserTests.Support;
using Livelihood.Web.Features.Attendance;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>
/// No phone works in the village hall: the trainer prints the session's sign-in sheet beforehand, people tick and sign
/// it, and back at the office the trainer types it in from the roster, tapping only the exceptions.
/// </summary>
public sealed partial class PaperSheetTests : BrowserTest
{
    [Test]
    public async Task A_printed_sign_in_sheet_is_typed_back_in_tapping_only_the_exceptions()
    {
        var trainer = await App.CreateUserAsync(Roles.Trainer, KestrelApp.AdminPassword, "ครูสมศรี");
        var session = await Attendance.CohortWithSessionTodayAsync(App, "WEA-20", [trainer], "คำแสง", "นวลจันทร์", "บัวเรียว");
        await Attendance.SignInUntilReadyOfflineAsync(App, Page, trainer, "WEA-20");

        // The sheet: printed on one A4 page, without the page's links and buttons.
        await Page.GetByRole(AriaRole.Link, new() { Name = "WEA-20" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "พิมพ์ใบเซ็นชื่อ" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "ใบเซ็นชื่อเข้าเรียน" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "นวลจันทร์" })).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "พิมพ์" })).ToBeHiddenAsync();
        await Expect(Page.Locator("[data-session-code]")).ToHaveTextAsync(SessionCode.Of(session));
        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count, Is.EqualTo(1), "one A4 page");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Typed in: everyone starts present; นวลจันทร์ was absent; the sheet's code is typed from the paper.
        await Page.GetByRole(AriaRole.Link, new() { Name = "กลับไปหน้าเช็คชื่อ" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "บันทึกจากใบเซ็นชื่อ" }).ClickAsync();
        await Expect(Page.GetByText("เช็คแล้ว 3 จาก 3 คน")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "นวลจันทร์" }).GetByText("ขาด").TapAsync();
        await Page.GetByLabel("รหัสในใบเซ็นชื่อ").FillAsync(SessionCode.Of(session));
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).TapAsync();

        await Expect(Page.GetByText("บันทึกแล้ว 3 รายการ")).ToBeVisibleAsync();
        Assert.That(await App.WithDatabaseAsync(db => db.QueryAsync<string>(
                """
                SELECT p.FullNameTh || ':' || m.Mark || ':' || m.Source || ':' || m.PaperDate || ':' || u.DisplayName
                FROM AttendanceMarks m JOIN Enrollments e ON e.Id = m.EnrollmentId JOIN People p ON p.Id = e.PersonId JOIN Users u ON u.Id = m.RecordedByUserId
                WHERE m.SessionId = @session ORDER BY p.FullNameTh
                """, new { session })),
            Is.EqualTo(new[] { "คำแสง", "นวลจันทร์", "บัวเรียว" }.Select(n =>
                $"{n}:{(n == "นวลจันทร์" ? "Absent" : "Present")}:Paper:{Attendance.ThaiToday:yyyy-MM-dd}:ครูสมศรี")));
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();
}
