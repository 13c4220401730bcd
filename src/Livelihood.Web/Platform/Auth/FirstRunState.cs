using Livelihood.Data;

namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// Until the first admin exists, every page leads to the setup page. Once a user exists that stays true,
/// so the check costs one query per process.
/// </summary>
public sealed class FirstRunState
{
    private volatile bool _hasUsers;

    public async Task<bool> NeedsSetupAsync(DbSession db)
    {
        if (_hasUsers) return false;
        _hasUsers = await db.ExecuteScalarAsync<bool>("SELECT CASE WHEN EXISTS (SELECT 1 FROM Users) THEN 1 ELSE 0 END");
        return !_hasUsers;
    }

    public const string SetupPath = "/Account/Setup";

    /// <summary>Middleware: sends every request except the setup page, health and static files to setup.</summary>
    public static async Task GateAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
                     || path.StartsWithSegments("/health") || path.StartsWithSegments("/Error")
                     || path.StartsWithSegments("/Language") || path.StartsWithSegments("/lib")
                     || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
        if (!exempt)
        {
            var state = context.RequestServices.GetRequiredService<FirstRunState>();
            if (await state.NeedsSetupAsync(context.RequestServices.GetRequiredService<DbSession>()))
            {
                context.Response.Redirect(SetupPath);
                return;
            }
        }
        await next();
    }
}
