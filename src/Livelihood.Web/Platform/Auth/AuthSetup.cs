using System.Security.Claims;
using Livelihood.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;

namespace Livelihood.Web.Platform.Auth;

public static class AuthSetup
{
    public static void AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Scope>();
        foreach (var kind in Enum.GetValues<ResourceKind>())
            services.AddScoped<IAuthorizationHandler>(provider => new ScopeHandler(kind, provider.GetRequiredService<DbSession>()));
        services.AddScoped<UserAccounts>();
        services.AddSingleton<FirstRunState>();

        // Keys live with the app's data so sign-in cookies survive a restart.
        var dataFolder = Path.GetFullPath(builder.Configuration["Database:DataFolder"] ?? "App_Data", builder.Environment.ContentRootPath);
        services.AddDataProtection()
            .SetApplicationName("Livelihood")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/SignIn";
                options.LogoutPath = "/Account/SignOut";
                options.Cookie.Name = "livelihood.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    // A plain 403 (the status page explains it) rather than a redirect to yet another page.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ManagerOrAdmin, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.RegisterPeople, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.SeeGroups, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin, Roles.GroupRecorder))
            .AddPolicy(Policies.SeePeople, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin, Roles.Trainer))
            .AddPolicy(Policies.WorkOnCohorts, p => p.RequireRole(Roles.Trainer, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.FollowUpAlerts, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.DoFollowUps, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.SeeDashboard, p => p.RequireRole(Roles.FieldOfficer, Roles.Manager, Roles.Admin));
    }

    public static ClaimsPrincipal PrincipalFor(UserAccounts.UserRow user)
        => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(CurrentUser.VersionClaim, user.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>
    /// A deactivated user, or one whose role or password an admin changed (the row's Version moved on), is signed
    /// out at their next request instead of keeping the powers of their old cookie.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var version = context.Principal?.FindFirstValue(CurrentUser.VersionClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<DbSession>();
        var current = await db.QuerySingleOrDefaultAsync<int?>(
            "SELECT Version FROM Users WHERE Id = @Id AND IsActive = 1", new { Id = long.TryParse(id, out var value) ? value : 0 });
        if (current is null || current.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) != version)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
