using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Features.Groups;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Admin.Users;

/// <summary>
/// An admin changes a user's name and role, resets their password, or deactivates them. Each form carries the row's
/// Version: a change made meanwhile by someone else is refused with a message and the form keeps what was typed.
/// </summary>
[Unscoped("admins only (the Admin folder's policy): user accounts")]
public sealed class EditModel(UserAccounts accounts, AuditedWrites audited, DbSession db, CurrentUser currentUser, IStringLocalizer<AdminText> text) : PageModel
{
    public const string StaleMessage =
        "Someone else changed this user while you were editing. Nothing was saved: check the details shown and save again.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = "";

        /// <summary>For a group recorder: the one producer group they keep (their scope).</summary>
        public long? GroupId { get; set; }

        /// <summary>For a field officer: the districts whose follow-ups they see (their scope).</summary>
        public List<long> DistrictIds { get; set; } = [];

        public int Version { get; set; }
    }

    public sealed record GroupChoice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    public IReadOnlyList<GroupChoice> GroupChoices { get; private set; } = [];

    public sealed record DistrictChoice
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string ProvinceName { get; init; } = "";
    }

    /// <summary>The districts of the provinces where the programme has villages (and any already assigned).</summary>
    public IReadOnlyList<DistrictChoice> DistrictChoices { get; private set; } = [];

    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public UserAccounts.UserRow Current { get; private set; } = new();
    public InputModel Input { get; private set; } = new();
    public NewPassword NewPassword { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = new InputModel { DisplayName = Current.DisplayName, Role = Current.Role, Version = Current.Version, GroupId = await GroupOfAsync(),
            DistrictIds = [.. await DistrictsOfAsync()] };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync([Bind(Prefix = "Input")] InputModel input)
    {
        if (!await LoadAsync()) return NotFound();
        Input = input;
        if (!Roles.All.Contains(input.Role)) ModelState.AddModelError("Input.Role", text["Choose a role."]);
        if (input.Role == Roles.GroupRecorder && (input.GroupId is not { } groupId || GroupChoices.All(g => g.Id != groupId)))
            ModelState.AddModelError("Input.GroupId", text["Choose the group this recorder keeps."]);
        if (input.DistrictIds.Any(id => DistrictChoices.All(d => d.Id != id)))
            ModelState.AddModelError("Input.DistrictIds", text["Choose districts from the list."]);
        if (ModelState.IsValid && input.Role != Roles.Admin && await IsLastActiveAdminAsync())
            ModelState.AddModelError("Input.Role", text["This is the last active admin: make someone else admin first."]);
        if (!ModelState.IsValid) return Page();

        var saved = await audited.UpdateAsync("Users", Id, input.Version, new { DisplayName = input.DisplayName.Trim(), input.Role });
        if (saved)
        {
            await SetGroupAsync(input.Role == Roles.GroupRecorder ? input.GroupId : null);
            await SetDistrictsAsync(input.Role == Roles.FieldOfficer ? input.DistrictIds : []);
        }
        return await SavedOrStale(Task.FromResult(saved));
    }

    public async Task<IActionResult> OnPostResetPasswordAsync([Bind(Prefix = "NewPassword")] NewPassword newPassword, int version)
    {
        if (!await LoadAsync()) return NotFound();
        NewPassword = newPassword;
        Input = new InputModel { DisplayName = Current.DisplayName, Role = Current.Role, Version = Current.Version };
        if (!ModelState.IsValid) return Page();

        return await SavedOrStale(audited.UpdateAsync("Users", Id, version,
            new { PasswordHash = UserAccounts.HashPassword(newPassword.Password), FailedSignIns = 0, LockedOutUntil = (DateTime?)null },
            "ResetPassword"));
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int version) => await SetActiveAsync(false, version);

    public async Task<IActionResult> OnPostReactivateAsync(int version) => await SetActiveAsync(true, version);

    private async Task<IActionResult> SetActiveAsync(bool active, int version)
    {
        if (!await LoadAsync()) return NotFound();
        Input = new InputModel { DisplayName = Current.DisplayName, Role = Current.Role, Version = Current.Version };
        if (!active && await IsLastActiveAdminAsync())
        {
            ModelState.AddModelError("", text["This is the last active admin and cannot be deactivated."]);
            return Page();
        }
        return await SavedOrStale(audited.UpdateAsync("Users", Id, version, new { IsActive = active }, active ? "Reactivate" : "Deactivate"));
    }

    private async Task<IActionResult> SavedOrStale(Task<bool> update)
    {
        if (await update)
        {
            // Saving bumps the row's Version, which ends the cookie of the user edited; an admin editing
            // themselves gets a fresh cookie instead of being signed out.
            if (Id == currentUser.Id && await accounts.FindByIdAsync(Id) is { IsActive: true } self)
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(self));
            return RedirectToPage("Edit", new { id = Id, saved = true });
        }

        await LoadAsync();
        Input.Version = ModelState.RefuseStaleEdit(text[StaleMessage], Current.Version);
        return Page();
    }

    /// <summary>A recorder keeps exactly one group: the scope rows are replaced, and the change is in the audit log.</summary>
    private async Task SetGroupAsync(long? groupId)
    {
        var before = await GroupOfAsync();
        if (before == groupId) return;
        await db.ExecuteAsync("DELETE FROM UserScopes WHERE UserId = @Id AND ScopeKind = @Kind", new { Id, Kind = GroupQueries.RecorderScope });
        if (groupId is not null)
            await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@Id, @Kind, @groupId)", new { Id, Kind = GroupQueries.RecorderScope, groupId });
        await audited.RecordAsync("Scope", "Users", Id, new { Before = before, After = groupId });
    }

    /// <summary>A field officer's districts: the scope rows are replaced, and the change is in the audit log.</summary>
    private async Task SetDistrictsAsync(IReadOnlyCollection<long> districtIds)
    {
        var before = await DistrictsOfAsync();
        var after = districtIds.Distinct().Order().ToList();
        if (before.SequenceEqual(after)) return;
        await db.ExecuteAsync("DELETE FROM UserScopes WHERE UserId = @Id AND ScopeKind = @Kind", new { Id, Kind = FollowUpQueries.DistrictScope });
        await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@Id, @Kind, @DistrictId)",
            after.Select(d => new { Id, Kind = FollowUpQueries.DistrictScope, DistrictId = d }));
        await audited.RecordAsync("Scope", "Users", Id, new { Before = string.Join(",", before), After = string.Join(",", after) });
    }

    private Task<IReadOnlyList<long>> DistrictsOfAsync()
        => db.QueryAsync<long>("SELECT ScopeId FROM UserScopes WHERE UserId = @Id AND ScopeKind = @Kind ORDER BY ScopeId", new { Id, Kind = FollowUpQueries.DistrictScope });

    private Task<long?> GroupOfAsync()
        => db.QuerySingleOrDefaultAsync<long?>("SELECT MIN(ScopeId) FROM UserScopes WHERE UserId = @Id AND ScopeKind = @Kind", new { Id, Kind = GroupQueries.RecorderScope });

    private async Task<bool> LoadAsync()
    {
        GroupChoices = await db.QueryAsync<GroupChoice>("SELECT Id, Name FROM ProducerGroups WHERE Status <> 'Closed' ORDER BY Name, Id");
        DistrictChoices = await db.QueryAsync<DistrictChoice>(
            """
            SELECT d.Id, d.NameTh AS Name, pr.NameTh AS ProvinceName
            FROM Districts d JOIN Provinces pr ON pr.Id = d.ProvinceId
            WHERE EXISTS (SELECT 1 FROM Districts vd JOIN Subdistricts vs ON vs.DistrictId = vd.Id JOIN Villages v ON v.SubdistrictId = vs.Id
                          WHERE vd.ProvinceId = d.ProvinceId)
               OR EXISTS (SELECT 1 FROM UserScopes us WHERE us.UserId = @Id AND us.ScopeKind = 'District' AND us.ScopeId = d.Id)
            ORDER BY pr.NameTh, d.NameTh, d.Id
            """, new { Id });
        var user = await accounts.FindByIdAsync(Id);
        if (user is null) return false;
        Current = user;
        return true;
    }

    private async Task<bool> IsLastActiveAdminAsync()
        => Current is { Role: Roles.Admin, IsActive: true }
           && await db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM Users WHERE Role = @Role AND IsActive = 1", new { Role = Roles.Admin }) <= 1;
}
