using System.Security.Claims;

namespace Livelihood.Web.Platform.Auth;

/// <summary>The signed-in user as the claims say (set at sign-in from the Users row).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string VersionClaim = "livelihood:user-version";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    public long? Id => long.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email);

    public string? Role => Principal?.FindFirstValue(ClaimTypes.Role);
}
