namespace Livelihood.Web.Platform;

public static class FeatureHandlers
{
    /// <summary>
    /// Registers every page's nested <c>Handler</c> class (its SQL and Dapper calls) as a scoped service, so a new
    /// page needs no line here.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureHandlers).Assembly.GetTypes()
            .Where(t => t is { Name: "Handler", IsClass: true, IsAbstract: false, DeclaringType: not null }
                        && t.Namespace?.StartsWith("Livelihood.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers) services.AddScoped(handler);
        return services;
    }
}
