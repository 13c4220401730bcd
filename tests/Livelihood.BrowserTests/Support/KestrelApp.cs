using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.BrowserTests.Support;

/// <summary>
/// The real app on Kestrel (a browser cannot reach the in-memory TestServer), on a free loopback port, over a
/// fresh SQLite database in its own temp folder. The app creates and migrates livelihood.db there as it starts.
/// </summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@browser.livelihood";
    public const string AdminPassword = "correct-horse-42";
    public const string AdminName = "Administrator"; // the display name BootstrapAdmin gives the first admin

    private readonly bool _withAdmin;

    private KestrelApp(bool withAdmin)
    {
        _withAdmin = withAdmin;
        DataFolder = Directory.CreateTempSubdirectory("livelihood-browser-").FullName;
    }

    public string DataFolder { get; }

    /// <summary>The root address Kestrel listens on, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Starts the app. withAdmin: the bootstrap settings create an admin at start (the usual case); without it the
    /// database has no user and the app shows its first-run setup page.
    /// </summary>
    public static KestrelApp Start(bool withAdmin = true)
    {
        var app = new KestrelApp(withAdmin);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        app.BaseAddress = new Uri(addresses.Addresses.Single().TrimEnd('/') + "/");
        return app;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Runs SQL against the app's database through its own session (for test data the journey needs).</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<Livelihood.Data.DbSession, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Livelihood.Data.DbSession>());
    }

    /// <summary>
    /// Creates a user of the role (named <paramref name="name"/>, or "Browser {role}") through the app's own account code,
    /// a field officer working in the <paramref name="districts"/> given; returns the email.
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string password, string? name = null, IReadOnlyList<long>? districts = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@browser.livelihood";
        await using var scope = Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<Livelihood.Web.Platform.Auth.UserAccounts>()
            .CreateAsync(email, name ?? $"Browser {role}", password, role);
        await scope.ServiceProvider.GetRequiredService<Livelihood.Data.DbSession>().ExecuteAsync(
            "INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@id, 'District', @district)", (districts ?? []).Select(district => new { id, district }));
        return email;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Hangfire:Server", "false");
        if (_withAdmin)
        {
            builder.UseSetting("Livelihood:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("Livelihood:Bootstrap:AdminPassword", AdminPassword);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools(); // pooled connections keep livelihood.db open
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { /* a file still held open; the OS cleans its temp folder */ }
    }
}
