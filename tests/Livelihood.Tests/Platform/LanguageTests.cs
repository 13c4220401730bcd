using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Platform;

public sealed class LanguageTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Thai_is_the_default_and_the_switch_to_english_is_remembered()
    {
        await App.CreateUserAsync(Roles.Admin);
        var client = App.Browser();
        Assert.That(await client.GetStringAsync("/Account/SignIn"), Does.Contain("<html lang=\"th\">").And.Contain("เข้าสู่ระบบ"));

        var switched = await client.PostFormAsync("/Language", new() { ["language"] = "en", ["returnUrl"] = "/Account/SignIn" }, formPage: "/Account/SignIn");
        Assert.That(switched.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(switched.Headers.Location?.OriginalString, Is.EqualTo("/Account/SignIn"));

        var english = await client.GetStringAsync("/Account/SignIn");
        Assert.That(english, Does.Contain("<html lang=\"en\">").And.Contain(">Sign in</h1>"));
    }

    [Test]
    public async Task The_language_switch_and_sign_out_in_every_page_carry_their_antiforgery_token()
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var page = await manager.GetStringAsync("/");

        var forms = System.Text.RegularExpressions.Regex.Matches(page, "<form method=\"post\" action=\"(?<action>[^\"]*)\".*?</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.That(forms.Select(f => f.Groups["action"].Value), Is.SupersetOf(new[] { "/Account/SignOut", "/Language" }));
        Assert.That(forms.Select(f => f.Value), Has.All.Contains("name=\"__RequestVerificationToken\""));
    }

    [Test]
    public async Task The_switch_never_redirects_off_the_site()
    {
        await App.CreateUserAsync(Roles.Admin);
        var response = await App.Browser().PostFormAsync("/Language", new() { ["language"] = "en", ["returnUrl"] = "https://evil.example/" }, formPage: "/Account/SignIn");
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task A_manager_sets_the_default_language_for_everyone_who_has_not_chosen()
    {
        var manager = await App.SignedInAsync(Roles.Manager);

        // The settings form also carries the outcome settings (unchanged here) and one version for all of them.
        var version = System.Text.RegularExpressions.Regex.Match(await manager.GetStringAsync("/Settings"), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await manager.PostFormAsync("/Settings", new()
        {
            ["Input.DefaultLanguage"] = "en", ["Input.SelfRelianceLine"] = "3000", ["Input.FiscalYearMonth"] = "10", ["Input.FiscalYearDay"] = "1",
            ["Input.AgeBands"] = "15, 18, 25, 36", ["Input.Version"] = version,
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        Assert.That(await App.Browser().GetStringAsync("/Account/SignIn"), Does.Contain("<html lang=\"en\">"));
        var audit = await App.QueryAsync(db => db.QuerySingleAsync<string>("SELECT NewValues FROM AuditLog WHERE TableName = 'Settings'"));
        Assert.That(audit, Is.EqualTo("""{"Value":"en"}"""));
    }
}
