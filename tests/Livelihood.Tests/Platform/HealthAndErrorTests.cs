using System.Net;
using System.Text.Json;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Platform;

public sealed class HealthAndErrorTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Health_reports_the_app_and_its_database_at_the_latest_migration()
    {
        var response = await App.Browser().GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        var database = json.RootElement.GetProperty("database");
        Assert.That(database.GetProperty("provider").GetString(), Is.EqualTo(Provider.ToString()));
        Assert.That(database.GetProperty("migrationsApplied").GetInt32(), Is.EqualTo(DatabaseMigrator.Scripts(Provider).Count));
    }

    [Test]
    public async Task Health_is_unhealthy_when_the_database_is_behind_its_migrations()
    {
        await App.QueryAsync(db => db.ExecuteAsync("DELETE FROM SchemaVersions WHERE ScriptName = '0003_settings.sql'"));

        var response = await App.Browser().GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"Behind\""));
    }

    [Test]
    public async Task A_crash_shows_a_plain_message_with_a_reference_and_never_a_stack_trace()
    {
        var admin = await App.SignedInAsync(Roles.Admin);
        await App.QueryAsync(db => db.ExecuteAsync("DROP TABLE AuditLog"));

        var response = await admin.GetAsync("/Admin/AuditLog");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("เกิดข้อผิดพลาด").And.Contain("รหัสอ้างอิง"));
        Assert.That(html, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("AuditLog.Index"));
    }

    [Test]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        var client = await App.SignedInAsync(Roles.Trainer);

        var response = await client.GetAsync("/no/such/page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ไม่พบหน้านี้"));
    }
}
