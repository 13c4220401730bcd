using Livelihood.BrowserTests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A field officer in a village registers a young person with their guardian and consent, on a phone.</summary>
public sealed class RegisterPersonTests : BrowserTest
{
    [Test]
    public async Task A_field_officer_registers_a_minor_with_guardian_and_consent_on_a_phone()
    {
        var email = await App.CreateUserAsync(Roles.FieldOfficer, KestrelApp.AdminPassword, districts: [5605]); // Dok Khamtai
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("อีเมล").FillAsync(email);
        await Page.GetByLabel("รหัสผ่าน").FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "ทะเบียนบุคคล" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "ลงทะเบียนบุคคล" }).ClickAsync();

        await Page.GetByLabel("ชื่อ-นามสกุล (ภาษาไทย)").FillAsync("เด็กหญิงฝน แก้วใส");
        await Page.GetByLabel("ชื่อเล่น").FillAsync("ฝน");
        await Page.GetByLabel("หญิง").CheckAsync();
        await Page.GetByLabel("วันเกิด", new() { Exact = true }).FillAsync("2011-03-02");

        // Province → district → subdistrict load one after another; then a village is added on the spot.
        await Page.GetByLabel("จังหวัด").SelectOptionAsync("56");
        await Expect(Page.GetByLabel("อำเภอ").Locator("option[value='5605']")).ToBeAttachedAsync();
        await Page.GetByLabel("อำเภอ").SelectOptionAsync("5605");
        await Expect(Page.GetByLabel("ตำบล").Locator("option[value='560504']")).ToBeAttachedAsync();
        await Page.GetByLabel("ตำบล").SelectOptionAsync("560504");
        await Page.GetByText("ไม่มีหมู่บ้านในรายการ: เพิ่มหมู่บ้าน").ClickAsync();
        await Page.GetByLabel("หมู่ที่").FillAsync("3");
        await Page.GetByLabel("ชื่อหมู่บ้าน").FillAsync("บ้านปินใต้");
        await Page.GetByRole(AriaRole.Button, new() { Name = "เพิ่มหมู่บ้าน" }).ClickAsync();
        await Expect(Page.GetByLabel("หมู่บ้าน", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("หมู่ 3 บ้านปินใต้");

        await Page.GetByLabel("เบอร์โทรศัพท์", new() { Exact = true }).FillAsync("0812345678");
        await Page.GetByLabel("เลขบัตรประจำตัว").FillAsync("1-1017-00207-03-0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();

        // Under 18 without a guardian: refused next to the field, everything typed is still there.
        await Expect(Page.GetByText("ผู้ที่อายุต่ำกว่า 18 ปีต้องมีผู้ปกครอง กรุณากรอกชื่อผู้ปกครอง")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("ชื่อ-นามสกุล (ภาษาไทย)")).ToHaveValueAsync("เด็กหญิงฝน แก้วใส");
        await Expect(Page.GetByLabel("หมู่บ้าน", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("หมู่ 3 บ้านปินใต้");

        await Page.GetByLabel("ชื่อผู้ปกครอง").FillAsync("นางบัวคำ แก้วใส");
        await Page.GetByLabel("ความเกี่ยวข้อง").FillAsync("แม่");
        await Page.GetByLabel("เบอร์โทรศัพท์ผู้ปกครอง").FillAsync("0899999999");
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("เด็กหญิงฝน แก้วใส");
        await Expect(Page.GetByText("ยังไม่ให้ความยินยอม")).ToBeVisibleAsync();

        // The consent form is open for someone without consent, with the guardian already filled in for a minor.
        await Expect(Page.GetByLabel("ผู้ปกครอง", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("ชื่อผู้ปกครอง")).ToHaveValueAsync("นางบัวคำ แก้วใส");
        await Page.GetByLabel("การถ่ายภาพ").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "บันทึกความยินยอม" }).ClickAsync();

        await Expect(Page.GetByText("บันทึกแล้ว")).ToBeVisibleAsync();
        await Expect(Page.GetByText("ยังไม่ให้ความยินยอม")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("โดยผู้ปกครอง นางบัวคำ แก้วใส")).ToBeVisibleAsync();
    }
}
