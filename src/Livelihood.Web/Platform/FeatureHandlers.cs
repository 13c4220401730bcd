namespace Livelihood.Web.Platform;

public static class FeatureHandlers
{
    /// <summary>
    /// Registers every page's nested <c>Handler</c> class (its SQL and Dapper calls), and every feature's shared
    /// <c>…Queries</c> and background <c>…Job</c> classes, as scoped services, so a new page or job needs no line here.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                        && ((t.Name == "Handler" && t.DeclaringType is not null) || (t.DeclaringType is null && (t.Name.EndsWith("Queries", StringComparison.Ordinal) || t.Name.EndsWith("Job", StringComparison.Ordinal))))
                        && t.Namespace?.StartsWith("Livelihood.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers) services.AddScoped(handler);
        return services;
    }
}
