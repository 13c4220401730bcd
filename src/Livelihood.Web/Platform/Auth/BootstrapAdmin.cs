using Livelihood.Data;

namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// Creates the first admin from Livelihood:Bootstrap:AdminEmail and :AdminPassword (environment variables
/// Livelihood__Bootstrap__AdminEmail/AdminPassword) when the database has no user: first run without a browser.
/// </summary>
public static class BootstrapAdmin
{
    public static async Task CreateIfConfiguredAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Livelihood:Bootstrap:AdminEmail"];
        var password = configuration["Livelihood:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        if (!await scope.ServiceProvider.GetRequiredService<FirstRunState>().NeedsSetupAsync(db)) return;

        if (password.Length < UserAccounts.MinimumPasswordLength)
            throw new InvalidOperationException(
                $"Livelihood:Bootstrap:AdminPassword must be at least {UserAccounts.MinimumPasswordLength} characters.");
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "Administrator", password, Roles.Admin);
        logger.LogInformation("Created the first admin {Email} from the bootstrap settings", email);
    }
}
