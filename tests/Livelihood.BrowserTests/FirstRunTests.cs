using System.Text.RegularExpressions;
using Livelihood.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Livelihood.BrowserTests;

/// <summary>A new installation without bootstrap settings: the first visitor creates the administrator.</summary>
public sealed class FirstRunTests : BrowserTest
{
    protected override bool WithAdmin => false;

    [Test]
    public async Task The_first_visitor_creates_the_administrator_and_is_signed_in()
    {
        await GoToAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Setup$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "ตั้งค่าระบบ Livelihood" })).ToBeVisibleAsync();

        await Page.GetByLabel("ชื่อของคุณ", new() { Exact = true }).FillAsync("Somchai");
        await Page.GetByLabel("อีเมล", new() { Exact = true }).FillAsync("somchai@browser.livelihood");
        await Page.GetByLabel("รหัสผ่าน", new() { Exact = true }).FillAsync("correct-horse-42");
        await Page.GetByLabel("รหัสผ่านอีกครั้ง", new() { Exact = true }).FillAsync("correct-horse-42");
        await Page.GetByRole(AriaRole.Button, new() { Name = "สร้างผู้ดูแลระบบ" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(App.Url("/"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("สวัสดี Somchai");

        // Once an admin exists the setup page is gone, so nobody can create a second one through it.
        var response = await Page.GotoAsync(App.Url("/Account/Setup"));
        Assert.That(response!.Status, Is.EqualTo(404));
    }
}
