using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Account;

public sealed class SignInTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static Dictionary<string, string> Form(string email, string password)
        => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Test]
    public async Task A_wrong_password_is_refused_with_a_message_and_counted()
    {
        var email = await App.CreateUserAsync(Roles.Trainer);

        var response = await App.Browser().PostFormAsync("/Account/SignIn", Form(email, "not-the-password"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("อีเมลหรือรหัสผ่านไม่ถูกต้อง"));
        Assert.That(await FailedSignInsAsync(email), Is.EqualTo(1));
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        var email = await App.CreateUserAsync(Roles.FieldOfficer);
        var client = App.Browser();
        for (var attempt = 1; attempt <= UserAccounts.FailedSignInsBeforeLockout; attempt++)
            await client.PostFormAsync("/Account/SignIn", Form(email, $"wrong-{attempt}"));

        var locked = await client.PostFormAsync("/Account/SignIn", Form(email, TestApp.Password));
        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the right password is refused while locked");
        Assert.That(await locked.Content.ReadAsStringAsync(), Does.Contain("ถูกล็อก"));

        App.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That((await client.PostFormAsync("/Account/SignIn", Form(email, TestApp.Password))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await client.PostFormAsync("/Account/SignIn", Form(email, TestApp.Password));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signs in once the 15 minutes are over");
        Assert.That(await FailedSignInsAsync(email), Is.Zero);
    }

    [Test]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in_and_resets_the_count()
    {
        var email = await App.CreateUserAsync(Roles.Manager);
        var client = App.Browser();
        for (var attempt = 1; attempt < UserAccounts.FailedSignInsBeforeLockout; attempt++)
            await client.PostFormAsync("/Account/SignIn", Form(email, "wrong"));

        Assert.That((await client.PostFormAsync("/Account/SignIn", Form(email, TestApp.Password))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await FailedSignInsAsync(email), Is.Zero);
    }

    [Test]
    public async Task Sign_out_ends_the_session()
    {
        var client = await App.SignedInAsync(Roles.Manager);
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var signOut = await client.PostFormAsync("/Account/SignOut", [], formPage: "/");

        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.GetAsync("/")).Headers.Location?.AbsolutePath, Is.EqualTo("/Account/SignIn"));
    }

    [Test]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var email = await App.CreateUserAsync(Roles.Manager);

        var response = await App.Browser().PostAsync("/Account/SignIn", new FormUrlEncodedContent(Form(email, TestApp.Password)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("livelihood.auth")), Is.False);
    }

    private Task<int> FailedSignInsAsync(string email)
        => App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT FailedSignIns FROM Users WHERE Email = @Email", new { Email = email }));
}
