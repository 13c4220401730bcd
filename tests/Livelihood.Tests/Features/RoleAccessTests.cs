using System.Net;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features;

/// <summary>Each role reaches its pages and gets a 403 page (not a crash, not a redirect loop) for the others.</summary>
public sealed class RoleAccessTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly string[] AdminOnly = ["/Admin/Users", "/Admin/Users/Create", "/Admin/AuditLog", "/hangfire"];
    private static readonly string[] ManagerAndAdmin = ["/Settings"];
    private static readonly string[] WorkOnCohorts = ["/Attendance", "/Cohorts"];

    [TestCase(Roles.Admin)]
    [TestCase(Roles.Manager)]
    [TestCase(Roles.FieldOfficer)]
    [TestCase(Roles.Trainer)]
    [TestCase(Roles.GroupRecorder)]
    public async Task Each_role_reaches_its_pages_and_is_refused_the_others(string role)
    {
        var client = await App.SignedInAsync(role);

        var home = await client.GetAsync("/");
        if (role == Roles.Trainer)
            Assert.That(home.Headers.Location?.OriginalString, Is.EqualTo("/Attendance"), "a trainer's home is Today");
        else
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var page in WorkOnCohorts)
            await AssertAccess(client, page, role is Roles.Manager or Roles.Admin or Roles.Trainer);
        foreach (var page in ManagerAndAdmin)
            await AssertAccess(client, page, role is Roles.Manager or Roles.Admin);
        foreach (var page in AdminOnly)
            await AssertAccess(client, page, role == Roles.Admin);
    }

    [Test]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_with_the_page_to_come_back_to()
    {
        await App.CreateUserAsync(Roles.Admin); // past first-run setup
        var response = await App.Browser().GetAsync("/Admin/Users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.PathAndQuery, Is.EqualTo("/Account/SignIn?ReturnUrl=%2FAdmin%2FUsers"));
    }

    private static async Task AssertAccess(HttpClient client, string page, bool allowed)
    {
        var response = await client.GetAsync(page);
        if (allowed)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            return;
        }
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), page);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("คุณไม่มีสิทธิ์เข้าถึงหน้านี้"), page);
    }
}
