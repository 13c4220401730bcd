using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Account;

public sealed class FirstRunTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task With_no_user_every_page_leads_to_setup_which_creates_the_first_admin_and_then_disappears()
    {
        var client = App.Browser();

        var home = await client.GetAsync("/");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(home.Headers.Location?.OriginalString, Is.EqualTo("/Account/Setup"));
        Assert.That((await client.GetAsync("/Admin/Users")).Headers.Location?.OriginalString, Is.EqualTo("/Account/Setup"));

        var created = await client.PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "สมชาย ผู้ดูแล",
            ["Input.Email"] = "First.Admin@Example.org",
            ["Input.Password"] = "a-long-password",
            ["Input.ConfirmPassword"] = "a-long-password",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new admin is signed in");

        var admin = await App.QueryAsync(db => db.QuerySingleAsync<UserAccounts.UserRow>(
            "SELECT Id, Email, DisplayName, PasswordHash, Role, IsActive, FailedSignIns, LockedOutUntil, Version FROM Users"));
        Assert.That(admin.Email, Is.EqualTo("first.admin@example.org"));
        Assert.That(admin.Role, Is.EqualTo(Roles.Admin));
        Assert.That(admin.PasswordHash, Does.Not.Contain("a-long-password"));

        Assert.That((await App.Browser().GetAsync("/Account/Setup")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await App.Browser().GetAsync("/")).Headers.Location?.AbsolutePath, Is.EqualTo("/Account/SignIn"));
    }

    [Test]
    public async Task Setup_with_mismatched_passwords_creates_nothing_and_keeps_the_other_input()
    {
        var response = await App.Browser().PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "มาลี ทดสอบ",
            ["Input.Email"] = "malee@example.org",
            ["Input.Password"] = "a-long-password",
            ["Input.ConfirmPassword"] = "another-password",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("malee@example.org").And.Contain("มาลี ทดสอบ"));
        Assert.That(html, Does.Contain("รหัสผ่านทั้งสองช่องไม่ตรงกัน"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Users")), Is.Zero);
    }
}

[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class BootstrapAdminTests(DatabaseProvider provider)
{
    [Test]
    public async Task Bootstrap_settings_create_the_first_admin_without_a_browser()
    {
        using var database = TestDatabase.Create(provider);
        using var app = new TestApp(database, settings: new Dictionary<string, string?>
        {
            ["Livelihood:Bootstrap:AdminEmail"] = "ops@example.org",
            ["Livelihood:Bootstrap:AdminPassword"] = "bootstrap-password",
        });

        var client = app.Browser();
        var signIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "ops@example.org", ["Input.Password"] = "bootstrap-password" });

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
