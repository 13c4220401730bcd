using System.Net;
using System.Text.Json;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Tests.Features.Admin;

public sealed class UsersTests(DatabaseProvider provider) : AppFixture(provider)
{
    private sealed record AuditRow
    {
        public string Action { get; init; } = "";
        public string? UserEmail { get; init; }
        public long RowId { get; init; }
        public string? OldValues { get; init; }
        public string? NewValues { get; init; }
    }

    private async Task<(HttpClient Client, long UserId)> AdminWithNewUserAsync()
    {
        var admin = await App.SignedInAsync(Roles.Admin);
        var created = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "นิด ภาคสนาม",
            ["Input.Email"] = "nid@example.org",
            ["Input.Role"] = Roles.FieldOfficer,
            ["Input.Password"] = "first-password",
            ["Input.ConfirmPassword"] = "first-password",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = await App.QueryAsync(db => db.ExecuteScalarAsync<long>("SELECT Id FROM Users WHERE Email = 'nid@example.org'"));
        return (admin, id);
    }

    private Task<IReadOnlyList<AuditRow>> AuditOfAsync(long userId)
        => App.QueryAsync(db => db.QueryAsync<AuditRow>(
            "SELECT Action, UserEmail, RowId, OldValues, NewValues FROM AuditLog WHERE TableName = 'Users' AND RowId = @Id ORDER BY Id",
            new { Id = userId }));

    [Test]
    public async Task Creating_a_user_is_audited_with_who_and_the_new_values_but_never_the_password_hash()
    {
        var (_, id) = await AdminWithNewUserAsync();

        var audit = (await AuditOfAsync(id)).Single();
        Assert.That(audit.Action, Is.EqualTo("Insert"));
        Assert.That(audit.UserEmail, Does.StartWith("admin-"));
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(audit.NewValues!)!;
        Assert.That(values["Email"].GetString(), Is.EqualTo("nid@example.org"));
        Assert.That(values["Role"].GetString(), Is.EqualTo(Roles.FieldOfficer));
        Assert.That(values["PasswordHash"].GetString(), Is.EqualTo("(changed)"));
        Assert.That(audit.NewValues, Does.Contain("นิด ภาคสนาม"), "Thai stays readable in the log");
    }

    [Test]
    public async Task Changing_a_role_is_audited_with_the_old_and_new_value_of_only_what_changed()
    {
        var (admin, id) = await AdminWithNewUserAsync();

        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Save", new()
        {
            ["Input.DisplayName"] = "นิด ภาคสนาม",
            ["Input.Role"] = Roles.Trainer,
            ["Input.Version"] = "1",
        }, formPage: $"/Admin/Users/Edit/{id}");

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var update = (await AuditOfAsync(id)).Last();
        Assert.That(update.Action, Is.EqualTo("Update"));
        Assert.That(update.OldValues, Is.EqualTo("""{"Role":"FieldOfficer"}"""));
        Assert.That(update.NewValues, Is.EqualTo("""{"Role":"Trainer"}"""));
    }

    [Test]
    public async Task A_stale_edit_is_refused_with_a_message_keeps_the_typed_input_and_changes_nothing()
    {
        var (admin, id) = await AdminWithNewUserAsync();
        var otherAdmin = await App.SignedInAsync(Roles.Admin);
        var first = await otherAdmin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Save", new()
        {
            ["Input.DisplayName"] = "นิด (แก้ก่อน)",
            ["Input.Role"] = Roles.FieldOfficer,
            ["Input.Version"] = "1",
        }, formPage: $"/Admin/Users/Edit/{id}");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var stale = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Save", new()
        {
            ["Input.DisplayName"] = "นิด (แก้ทีหลัง)",
            ["Input.Role"] = Roles.Manager,
            ["Input.Version"] = "1",
        }, formPage: $"/Admin/Users/Edit/{id}");

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("มีผู้อื่นแก้ไขผู้ใช้งานนี้"));
        Assert.That(html, Does.Contain("value=\"นิด (แก้ทีหลัง)\""), "the typed name is kept");
        var row = await App.QueryAsync(db => db.QuerySingleAsync<UserAccounts.UserRow>(
            "SELECT Id, Email, DisplayName, PasswordHash, Role, IsActive, FailedSignIns, LockedOutUntil, Version FROM Users WHERE Id = @Id", new { Id = id }));
        Assert.That(row.DisplayName, Is.EqualTo("นิด (แก้ก่อน)"));
        Assert.That(row.Role, Is.EqualTo(Roles.FieldOfficer));
    }

    [Test]
    public async Task A_duplicate_email_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var (admin, _) = await AdminWithNewUserAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "อีกคน",
            ["Input.Email"] = "NID@example.org",
            ["Input.Role"] = Roles.Trainer,
            ["Input.Password"] = "first-password",
            ["Input.ConfirmPassword"] = "first-password",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Match("data-valmsg-for=\"Input.Email\"[^>]*>มีผู้ใช้งานที่ใช้อีเมลนี้แล้ว"));
        Assert.That(html, Does.Contain("value=\"อีกคน\""));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Users WHERE DisplayName = 'อีกคน'")), Is.Zero);
    }

    [Test]
    public async Task A_deactivated_user_is_signed_out_at_the_next_request_and_cannot_sign_in()
    {
        var (admin, id) = await AdminWithNewUserAsync();
        var nid = App.Browser();
        await nid.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nid@example.org", ["Input.Password"] = "first-password" });
        Assert.That((await nid.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var deactivated = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Deactivate", new() { ["version"] = "1" },
            formPage: $"/Admin/Users/Edit/{id}");
        Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        Assert.That((await nid.GetAsync("/")).Headers.Location?.AbsolutePath, Is.EqualTo("/Account/SignIn"));
        var again = await App.Browser().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nid@example.org", ["Input.Password"] = "first-password" });
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("บัญชีนี้ถูกระงับการใช้งาน"));
        Assert.That((await AuditOfAsync(id)).Last().Action, Is.EqualTo("Deactivate"));
    }

    [Test]
    public async Task The_last_active_admin_cannot_be_deactivated()
    {
        var admin = await App.SignedInAsync(Roles.Admin);
        var id = await App.QueryAsync(db => db.ExecuteScalarAsync<long>("SELECT Id FROM Users WHERE Role = 'Admin'"));

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Deactivate", new() { ["version"] = "1" },
            formPage: $"/Admin/Users/Edit/{id}");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ผู้ดูแลระบบคนสุดท้าย"));
        Assert.That(await App.QueryAsync(db => db.ExecuteScalarAsync<bool>("SELECT IsActive FROM Users WHERE Id = @Id", new { Id = id })), Is.True);
    }

    [Test]
    public async Task A_password_reset_lets_the_user_in_with_the_new_password_only()
    {
        var (admin, id) = await AdminWithNewUserAsync();

        var reset = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=ResetPassword", new()
        {
            ["NewPassword.Password"] = "second-password",
            ["NewPassword.ConfirmPassword"] = "second-password",
            ["version"] = "1",
        }, formPage: $"/Admin/Users/Edit/{id}");
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var old = await App.Browser().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nid@example.org", ["Input.Password"] = "first-password" });
        var fresh = await App.Browser().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nid@example.org", ["Input.Password"] = "second-password" });
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task The_user_list_searches_and_pages_in_a_stable_order()
    {
        var admin = await App.SignedInAsync(Roles.Admin);
        for (var n = 1; n <= 30; n++) await App.CreateUserAsync(Roles.Trainer, $"trainer{n:00}@village.example");

        var first = await (await admin.GetAsync("/Admin/Users?search=village.example")).Content.ReadAsStringAsync();
        var second = await (await admin.GetAsync("/Admin/Users?search=village.example&page=2")).Content.ReadAsStringAsync();

        Assert.That(first, Does.Contain("ทั้งหมด 30 รายการ · หน้า 1 จาก 2"));
        Assert.That(first, Does.Contain("trainer01@village.example").And.Not.Contain("trainer30@village.example"));
        Assert.That(second, Does.Contain("trainer30@village.example").And.Not.Contain("trainer01@village.example"));
    }
}
