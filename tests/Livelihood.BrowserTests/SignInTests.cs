using System.Text.RegularExpressions;
using Livelihood.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

public sealed class SignInTests : BrowserTest
{
    [Test]
    public async Task An_admin_signs_in_and_switches_the_language()
    {
        // Everything but the sign-in page needs a signed-in user, and Thai is the default language.
        await GoToAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/SignIn"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "เข้าสู่ระบบ" })).ToBeVisibleAsync();

        await Page.GetByLabel("อีเมล", new() { Exact = true }).FillAsync(KestrelApp.AdminEmail);
        await Page.GetByLabel("รหัสผ่าน", new() { Exact = true }).FillAsync(KestrelApp.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(App.Url("/"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"สวัสดี {KestrelApp.AdminName}");

        // The language control sits above the page on every screen size, outside the collapsed menu.
        await Page.Locator("select[name='language']").SelectOptionAsync("en");
        await Page.GetByRole(AriaRole.Button, new() { Name = "เปลี่ยนภาษา" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(App.Url("/"));
        await ExpectEnglishHomePage();

        // The choice is a cookie, so it outlives the page that made it.
        await Page.ReloadAsync();
        await ExpectEnglishHomePage();

        // On a phone the navigation, sign-out included, is behind the menu button.
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).Not.ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the menu" }).ClickAsync();
        // Wait until the menu has finished opening: Bootstrap marks it "show" at the end of its slide. A tap on a
        // half-open menu can land on whatever is still beneath the button, and then nothing is submitted.
        await Expect(Page.Locator("#main-menu")).ToHaveClassAsync(new Regex(@"\bshow\b"));
        await Expect(signOut).ToBeVisibleAsync();
        await signOut.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Account/SignIn$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Test]
    public async Task A_wrong_password_shows_a_message_and_keeps_the_email()
    {
        await GoToAsync("/Account/SignIn");
        var email = Page.GetByLabel("อีเมล", new() { Exact = true });
        var password = Page.GetByLabel("รหัสผ่าน", new() { Exact = true });
        await email.FillAsync(KestrelApp.AdminEmail);
        await password.FillAsync("not-the-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/SignIn"));
        // The user retypes only the password: the email stays, the wrong password is never sent back to the page.
        await Expect(email).ToHaveValueAsync(KestrelApp.AdminEmail);
        await Expect(password).ToHaveValueAsync("");
    }

    private async Task ExpectEnglishHomePage()
    {
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Welcome"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Open the menu" })).ToBeVisibleAsync();
        // The menu is collapsed on a phone, but its sign-out button is there, in English.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", IncludeHidden = true })).ToBeAttachedAsync();
        await Expect(Page.Locator("select[name='language']")).ToHaveValueAsync("en");
    }
}
