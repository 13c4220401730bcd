using System.Security.Claims;
using Livelihood.Data;
using Microsoft.AspNetCore.Authorization;

namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// The signed-in user's scope for lists and searches: the same rule <see cref="ScopeFilter"/> applies to a page's row,
/// as a SQL condition, so a list never shows a row whose page would be refused. Bind <see cref="UserId"/> as @ScopeUserId.
/// </summary>
public sealed class Scope(CurrentUser user)
{
    public long UserId => user.Id ?? 0;

    /// <summary>A SQL condition: the row whose id is <paramref name="idColumn"/> is within the user's scope.</summary>
    public string Condition(ResourceKind kind, string idColumn, Access access = Access.Read)
        => ScopeRules.Condition(kind, user.Role, access, idColumn);

    /// <summary>A SQL condition: the village whose id is <paramref name="idColumn"/> is one the user may register people or groups in.</summary>
    public string VillageCondition(string idColumn) => ScopeRules.InCondition(idColumn, ScopeRules.VillageIds(user.Role));

    /// <summary>A SQL condition: the district whose id is <paramref name="idColumn"/> is one the user may register people, groups and villages in.</summary>
    public string DistrictCondition(string idColumn) => ScopeRules.InCondition(idColumn, ScopeRules.DistrictIds(user.Role));

    /// <summary>Whether the user may do this to some rows of the kind (to show or hide a link or a form).</summary>
    public bool Reaches(ResourceKind kind, Access access) => ScopeRules.Ids(kind, user.Role, access) != ScopeRules.Nothing;

    /// <summary>Whether the user may do this to every row of the kind (managers and admins, mostly).</summary>
    public bool ReachesAll(ResourceKind kind, Access access) => ScopeRules.Ids(kind, user.Role, access) == ScopeRules.Everything;
}

/// <summary>One row a page works on, as an authorization resource.</summary>
public sealed record ScopedRow(ResourceKind Kind, long Id);

/// <summary>The requirement a page declares for its row (<see cref="ScopeAttribute"/>).</summary>
public sealed record ScopeRequirement(Access Access) : IAuthorizationRequirement;

/// <summary>
/// The resource authorization handler of one kind of row (one instance is registered per kind): succeeds when the row
/// exists and <see cref="ScopeRules"/> lets the user reach it; otherwise fails, saying whether the row is missing.
/// </summary>
public sealed class ScopeHandler(ResourceKind kind, DbSession db) : AuthorizationHandler<ScopeRequirement, ScopedRow>
{
    public const string Missing = "missing";
    public const string OutOfScope = "out of scope";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement, ScopedRow row)
    {
        if (row.Kind != kind) return;
        var role = context.User.FindFirstValue(ClaimTypes.Role);
        var userId = long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : 0;
        var found = await db.ExecuteScalarAsync<int>(
            $"""
            SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM {ScopeRules.Table(kind)} WHERE Id = @Id) THEN 0
                        WHEN {ScopeRules.Condition(kind, role, requirement.Access, "@Id")} THEN 2
                        ELSE 1 END
            """, new { row.Id, ScopeUserId = userId });
        if (found == 2) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, found == 0 ? Missing : OutOfScope));
    }
}
