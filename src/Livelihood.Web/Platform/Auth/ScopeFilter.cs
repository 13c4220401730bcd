using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// Before any page handler runs, checks the rows its page or handler declares (<see cref="ScopeAttribute"/>) through the
/// resource handlers: 404 for a row that does not exist, 403 for one outside the user's scope. A page that declares
/// nothing is refused (403, logged): a new page is closed until it says what it works on.
/// </summary>
public sealed class ScopeFilter(IAuthorizationService authorization, ILogger<ScopeFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var declared = Declared(context.HandlerMethod?.MethodInfo, context.HandlerInstance.GetType());
        if (declared is null)
        {
            logger.LogError("Page {Page} declares no scope ([Scope], [Lists] or [Unscoped]): refused", context.ActionDescriptor.ViewEnginePath);
            context.Result = new ForbidResult();
            return;
        }
        foreach (var scope in declared)
        {
            if (await RefusalAsync(context, scope) is { } refusal)
            {
                context.Result = refusal;
                return;
            }
        }
        await next();
    }

    /// <summary>
    /// The rows a handler works on: the handler's own declarations, else its page's; empty for a page that declares it
    /// works on no row or lists through the scope's SQL; null when nothing is declared.
    /// </summary>
    public static IReadOnlyList<ScopeAttribute>? Declared(MethodInfo? handler, Type page)
    {
        foreach (var member in new MemberInfo?[] { handler, page })
        {
            if (member is null) continue;
            var scopes = member.GetCustomAttributes<ScopeAttribute>().ToList();
            if (scopes.Count > 0) return scopes;
            if (member.IsDefined(typeof(UnscopedAttribute)) || member.IsDefined(typeof(ListsAttribute))) return [];
        }
        return null;
    }

    private async Task<IActionResult?> RefusalAsync(PageHandlerExecutingContext context, ScopeAttribute scope)
        => await CheckAsync(authorization, context.HttpContext.User, scope, Value(context.HttpContext.Request, context.RouteData, scope.IdValue)) switch
        {
            ScopeOutcome.Missing => new NotFoundResult(),
            ScopeOutcome.OutOfScope => new ForbidResult(),
            _ => null,
        };

    /// <summary>What the rule says of the row whose id was sent as <paramref name="raw"/> (null or empty: none sent).</summary>
    public static async Task<ScopeOutcome> CheckAsync(IAuthorizationService authorization, ClaimsPrincipal user, ScopeAttribute scope, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return scope.Optional ? ScopeOutcome.Allowed : ScopeOutcome.Missing;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return ScopeOutcome.Missing;
        var result = await authorization.AuthorizeAsync(user, new ScopedRow(scope.Kind, id), new ScopeRequirement(scope.Access));
        if (result.Succeeded) return ScopeOutcome.Allowed;
        return result.Failure?.FailureReasons.Any(r => r.Message == ScopeHandler.Missing) == true ? ScopeOutcome.Missing : ScopeOutcome.OutOfScope;
    }

    private static string? Value(HttpRequest request, RouteData route, string name)
        => route.Values.TryGetValue(name, out var fromRoute) && fromRoute is not null ? Convert.ToString(fromRoute, CultureInfo.InvariantCulture)
            : request.Query.TryGetValue(name, out var fromQuery) ? fromQuery.ToString()
            : request.HasFormContentType && request.Form.TryGetValue(name, out var fromForm) ? fromForm.ToString()
            : null;
}

public enum ScopeOutcome { Allowed, Missing, OutOfScope }

/// <summary>
/// The same check for a minimal-API endpoint: <c>.WithScope(kind, "routeValue")</c> declares its row (as endpoint
/// metadata, which the scope test reads) and answers 404 or 403 before the endpoint runs.
/// </summary>
public static class EndpointScope
{
    public static RouteHandlerBuilder WithScope(this RouteHandlerBuilder endpoint, ResourceKind kind, string idValue, Access access = Access.Read)
    {
        var scope = new ScopeAttribute(kind, idValue, access);
        return endpoint.WithMetadata(scope).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var raw = http.Request.RouteValues.TryGetValue(idValue, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
            return await ScopeFilter.CheckAsync(http.RequestServices.GetRequiredService<IAuthorizationService>(), http.User, scope, raw) switch
            {
                ScopeOutcome.Missing => Results.NotFound(),
                ScopeOutcome.OutOfScope => Results.Forbid(),
                _ => await next(context),
            };
        });
    }
}
