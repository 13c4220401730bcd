using System.Net;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Livelihood.Tests.Support;

/// <summary>
/// The real app (real pipeline, real Dapper, real migrations) over a test database, with a clock the test moves.
/// </summary>
public sealed partial class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "correct-horse-42";

    private readonly Dictionary<string, string?> _settings;

    public TestApp(TestDatabase database, bool hangfireServer = false, IDictionary<string, string?>? settings = null)
    {
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.Factory.ConnectionString,
            ["Database:DataFolder"] = database.DataFolder,
            ["Hangfire:Server"] = hangfireServer ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient Browser()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Creates a user of the role directly in the database and returns its email. A field officer works in the
    /// <paramref name="districts"/> given, or in every district when none are given (tests not about scope).
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string? email = null, IReadOnlyList<long>? districts = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.livelihood";
        await using var scope = Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, $"Test {role}", Password, role);
        if (role == Roles.FieldOfficer)
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            if (districts is null)
                await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) SELECT @id, 'District', Id FROM Districts", new { id });
            else
                await db.ExecuteAsync("INSERT INTO UserScopes (UserId, ScopeKind, ScopeId) VALUES (@id, 'District', @district)",
                    districts.Select(district => new { id, district }));
        }
        return email;
    }

    /// <summary>A client signed in through the real sign-in form as a new user of the role.</summary>
    public async Task<HttpClient> SignedInAsync(string role) => (await SignedInAsync(role, districts: null)).Client;

    /// <summary>A field officer who works only in these districts (none: no district at all), signed in; with their user id.</summary>
    public Task<(HttpClient Client, long UserId)> SignedInOfficerAsync(params long[] districts) => SignedInAsync(Roles.FieldOfficer, districts);

    private async Task<(HttpClient Client, long UserId)> SignedInAsync(string role, IReadOnlyList<long>? districts)
    {
        var email = await CreateUserAsync(role, districts: districts);
        var client = await SignInAsync(email);
        return (client, await QueryAsync(db => db.QuerySingleAsync<long>("SELECT Id FROM Users WHERE Email = @email", new { email })));
    }

    /// <summary>A client signed in as an existing user, through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = Browser();
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in should redirect");
        return client;
    }

    /// <summary>Runs work with the app's own services (its DbSession on the test database) in a scope.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Runs work with the app's services as a signed-in user of the role would (no request: the claims are set on the
    /// context accessor), for queries that answer within the user's scope.
    /// </summary>
    public Task<T> AsUserAsync<T>(string role, long userId, Func<IServiceProvider, Task<T>> work)
        => WithServicesAsync(services =>
        {
            services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
            {
                User = AuthSetup.PrincipalFor(new UserAccounts.UserRow { Id = userId, Role = role }),
                RequestServices = services,
            };
            return work(services);
        });

    public Task<T> QueryAsync<T>(Func<DbSession, Task<T>> query)
        => WithServicesAsync(services => query(services.GetRequiredService<DbSession>()));
}

public static partial class HttpClientForms
{
    /// <summary>
    /// Posts a form the way a browser does: loads the page first for its antiforgery token, then posts the fields.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        Assert.That(token.Success, Is.True, $"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
