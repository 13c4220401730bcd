using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.BenchData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Platform.Auth;

/// <summary>
/// Who reaches which row, proven endpoint by endpoint: every page handler and endpoint the app maps (read from its own
/// endpoint list) is called as every role, for a row of its own (A), a row of someone else's (B) and a missing id, by
/// GET or POST as it answers, and the status is compared with what docs/scopes.md's table says (written out again
/// here, in <see cref="May"/>, not taken from the app). Pages that list or search rows are read as every role and must
/// never show B's row to a user who may not open it. One app and one seeded database serve the whole matrix.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed partial class ScopeMatrixTests(DatabaseProvider provider)
{
    private const long MissingId = 999_999_999;

    private TestDatabase? _database;
    private TestApp _app = null!;
    private ScopeWorld _world = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _tokens = [];

    [OneTimeSetUp]
    public async Task SeedTheWorld()
    {
        _database = TestDatabase.Create(provider);
        _app = new TestApp(_database, settings: new Dictionary<string, string?> { [BareEndpoints.Switch] = "true" });
        _world = await ScopeWorld.SeedAsync(_app);
        foreach (var user in _world.Acting.Values)
        {
            var client = await _app.SignInAsync(user.Email);
            _clients[user.Role] = client;
            _tokens[user.Role] = Token(await (await client.GetAsync("/Error?code=404")).Content.ReadAsStringAsync());
        }
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _app?.Dispose();
        _database?.Dispose();
    }

    /// <summary>
    /// docs/scopes.md's "Who sees what", as the test's own table: whether a user of the role may do this to a row of
    /// their own side (A) or of the other side (B). Exports and imports are their maker's alone.
    /// </summary>
    private static bool May(string role, ResourceKind kind, Access access, bool own)
    {
        if (kind is ResourceKind.ExportFile or ResourceKind.Import) return own;
        if (role is Roles.Admin or Roles.Manager) return true;
        if (!own) return false;
        var readOrChange = access is Access.Read or Access.Change;
        return (role, kind) switch
        {
            (Roles.Trainer, ResourceKind.Cohort or ResourceKind.Session or ResourceKind.Enrollment) => readOrChange,
            (Roles.Trainer, ResourceKind.Person) => access == Access.Read,
            (Roles.FieldOfficer, ResourceKind.Person or ResourceKind.FollowUp or ResourceKind.Alert or ResourceKind.LedgerEntry) => readOrChange,
            (Roles.FieldOfficer, ResourceKind.Group) => true,
            (Roles.GroupRecorder, ResourceKind.Group or ResourceKind.LedgerEntry) => readOrChange,
            _ => false,
        };
    }

    /// <summary>The id of a row of the kind on one side, as the acting user sees it (their own export or import, or someone else's).</summary>
    private long IdOf(ResourceKind kind, ScopeWorld.Side side, ScopeWorld.User user, bool own) => kind switch
    {
        ResourceKind.Person => side.Person,
        ResourceKind.Cohort => side.Cohort,
        ResourceKind.Session => side.Session,
        ResourceKind.Enrollment => side.Enrollment,
        ResourceKind.Group => side.Group,
        ResourceKind.LedgerEntry => side.LedgerEntry,
        ResourceKind.FollowUp => side.FollowUp,
        ResourceKind.Alert => side.Alert,
        ResourceKind.ExportFile => own ? user.Export : Other(user).Export,
        ResourceKind.Import => own ? user.Import : Other(user).Import,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private ScopeWorld.User Other(ScopeWorld.User user) => _world.Acting.Values.First(u => u != user);

    /// <summary>One way in: a page handler (or a mapped endpoint) with the method it answers and what it declares.</summary>
    private sealed record Way(string Template, string Method, string? Handler, IReadOnlyList<ScopeAttribute>? Scopes, ListsAttribute? Lists,
        IReadOnlyList<string> Roles, bool Anonymous)
    {
        public override string ToString() => $"{Method} /{Template}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    /// <summary>Every page handler and endpoint of the app, from its endpoint list, with its declarations and the roles its policy admits.</summary>
    private async Task<IReadOnlyList<Way>> WaysAsync()
    {
        var services = _app.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var ways = new List<Way>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var roles = await RolesAdmittedAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var model = compiled.HandlerTypeInfo.AsType();
                var handlers = compiled.HandlerMethods.Count > 0
                    ? compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name, (MethodInfo?)h.MethodInfo))
                    : [("GET", (string?)null, (MethodInfo?)null)];
                foreach (var (method, name, info) in handlers)
                    ways.Add(new Way(template, method, name, ScopeFilter.Declared(info, model),
                        info?.GetCustomAttribute<ListsAttribute>() ?? model.GetCustomAttribute<ListsAttribute>(), roles, anonymous));
            }
            else
            {
                var scopes = endpoint.Metadata.GetOrderedMetadata<ScopeAttribute>();
                var declared = scopes.Count > 0 ? scopes
                    : endpoint.Metadata.GetMetadata<UnscopedAttribute>() is not null || endpoint.Metadata.GetMetadata<ListsAttribute>() is not null ? []
                    : (IReadOnlyList<ScopeAttribute>?)null;
                var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
                ways.Add(new Way(template, method, null, declared, endpoint.Metadata.GetMetadata<ListsAttribute>(), roles, anonymous));
            }
        }
        return ways;
    }

    private static async Task<IReadOnlyList<string>> RolesAdmittedAsync(IAuthorizationPolicyProvider policies, IReadOnlyList<IAuthorizeData> authorize)
    {
        var admitted = Roles.All.ToList();
        foreach (var data in authorize)
        {
            var policy = data.Policy is { } name ? await policies.GetPolicyAsync(name) : null;
            foreach (var requirement in policy?.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>() ?? [])
                admitted.RemoveAll(role => !requirement.AllowedRoles.Contains(role));
            if (data.Roles is { } roles) admitted.RemoveAll(role => !roles.Split(',').Contains(role));
        }
        return admitted;
    }

    [Test]
    public async Task Every_page_and_endpoint_declares_what_it_works_on()
    {
        var undeclared = (await WaysAsync()).Where(w => w.Scopes is null).Select(w => w.ToString()).ToList();
        Assert.That(undeclared, Is.Empty, "each needs [Scope], [Lists] or [Unscoped] (or .WithScope / metadata for an endpoint)");
    }

    /// <summary>
    /// Ids a page binds that no declaration names, each checked by the page against a row it has already found in the
    /// user's scope (or not an id of anyone's record). A new id a page binds must be declared or added here with why.
    /// </summary>
    private static readonly Dictionary<string, string> CheckedByThePage = new Dictionary<string, string>
    {
        ["/Admin/Users/Edit.Id"] = "a user account, for admins only: not a programme record",
        ["/Cohorts/Courses/Edit.Id"] = "organisation set-up (a course), for managers only",
        ["/Cohorts/Programmes/Edit.Id"] = "organisation set-up (a programme), for managers only",
        ["/Cohorts/Enroll.personId"] = "one the user may see, or the walk-in whose ID number was searched (EnrollModel.CandidatesAsync)",
        ["/Groups/Details.memberId"] = "a member of the group the page found in scope",
        ["/Groups/Details.productId"] = "a product of the group the page found in scope",
        ["/People/Details.consentId"] = "a consent of the person the page found in scope",
        ["/Sessions/Index.sessionId"] = "a session of the cohort the page found in scope (SessionQueries.FindAsync)",
        ["/Alerts/Index.DistrictId"] = "a filter: the list holds only the alerts in scope, whatever it says",
        ["/FollowUps/Index.DistrictId"] = "a filter: the list holds only the follow-ups in scope, whatever it says",
        ["/FollowUps/Index.VillageId"] = "a filter: the list holds only the follow-ups in scope, whatever it says",
        ["/Locations/Index.provinceId"] = "the official list of places, no one's record",
        ["/Locations/Index.districtId"] = "the official list of places, no one's record",
        ["/Locations/Index.subdistrictId"] = "the official list of places, no one's record",
    }
    .Concat(
        from page in new[] { "Index", "Export", "Report", "Rows" }
        from filter in new[] { "DistrictId", "VillageId", "CourseId", "CohortId", "ProgrammeId" }
        select KeyValuePair.Create($"/Dashboard/{page}.{filter}", "a filter of counts: an officer's are limited to their districts whatever it says"))
    .ToDictionary();

    [Test]
    public async Task Every_id_a_page_binds_is_declared_or_checked_against_a_declared_row()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var undeclared = new List<string>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var model = compiled.HandlerTypeInfo.AsType();
            var bound = compiled.BoundProperties.Select(p => p.Name);
            foreach (var handler in compiled.HandlerMethods.Count > 0 ? compiled.HandlerMethods.Select(h => (MethodInfo?)h.MethodInfo) : [null])
            {
                var declared = (ScopeFilter.Declared(handler, model) ?? []).Select(s => s.IdValue);
                var ids = bound.Concat(handler?.GetParameters().Where(p => p.ParameterType == typeof(long) || p.ParameterType == typeof(long?)).Select(p => p.Name!) ?? [])
                    .Where(name => name.EndsWith("Id", StringComparison.OrdinalIgnoreCase))
                    .Where(name => !declared.Contains(name, StringComparer.OrdinalIgnoreCase));
                foreach (var id in ids)
                {
                    var key = $"{page.ViewEnginePath}.{id}";
                    if (!CheckedByThePage.ContainsKey(key)) undeclared.Add(key);
                }
            }
        }
        Assert.That(undeclared.Distinct(), Is.Empty, string.Join("\n", undeclared.Distinct()));
    }

    private enum Case { Own, Foreign, Missing }

    [Test]
    public async Task No_role_reaches_a_row_outside_its_scope_through_any_page_or_endpoint()
    {
        var ways = await WaysAsync();
        var failures = new List<string>();
        var requests = 0;
        // Signing out would end the shared clients' sessions: it is checked with a client of its own, last.
        // The error page answers with the status it describes (500 when asked for none): it is every refusal's page.
        foreach (var way in ways.Where(w => w.Scopes is not null && w.Template != "Error").OrderBy(w => w.Template.Contains("SignOut", StringComparison.Ordinal)))
        {
            Case[] cases = way.Scopes!.Count == 0 ? [Case.Own] : [Case.Missing, Case.Foreign, Case.Own];
            foreach (var user in _world.Acting.Values)
            foreach (var @case in cases)
            {
                var expected = Expected(way, user, @case);
                var status = await SendAsync(way, user, @case);
                requests++;
                if (!expected.Accepts(status)) failures.Add($"{way} as {user.Role}, {@case} row: {(int)status}, expected {expected}");
            }
        }
        TestContext.Out.WriteLine($"scope matrix: {ways.Count(w => w.Scopes is not null)} ways in × {_world.Acting.Count} roles, {requests} requests");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>
    /// What a request may answer: the exact refusal, or (allowed) anything but a refusal or a server error, and for a
    /// page's own GET of its own row, the page (a handler may answer 404 to a file format it was not given).
    /// </summary>
    private sealed record Expectation(HttpStatusCode? Refusal, bool GetMustOpen)
    {
        public bool Accepts(HttpStatusCode status) => Refusal is { } refusal
            ? status == refusal
            : status is not (HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError) && !(GetMustOpen && status == HttpStatusCode.NotFound);

        public override string ToString() => Refusal is { } refusal ? ((int)refusal).ToString() : "allowed";
    }

    private static Expectation Expected(Way way, ScopeWorld.User user, Case @case)
    {
        if (!way.Anonymous && !way.Roles.Contains(user.Role)) return new(HttpStatusCode.Forbidden, false);
        var scopes = way.Scopes!;
        if (scopes.Count == 0) return new(null, false); // no row: whatever the page answers, never a refusal or an error
        if (@case == Case.Missing) return new(HttpStatusCode.NotFound, false);
        var own = @case == Case.Own;
        return scopes.All(s => May(user.Role, s.Kind, s.Access, own))
            ? new(null, way.Method == "GET" && way.Handler is null)
            : new(HttpStatusCode.Forbidden, false);
    }

    private async Task<HttpStatusCode> SendAsync(Way way, ScopeWorld.User user, Case @case)
    {
        var client = way.Template.Contains("SignOut", StringComparison.Ordinal) ? await _app.SignInAsync(user.Email) : _clients[user.Role];
        var url = Url(way, user, @case);
        using var response = way.Method == "GET"
            ? await client.GetAsync(url)
            : await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = way.Template.Contains("SignOut", StringComparison.Ordinal)
                    ? Token(await (await client.GetAsync("/Error?code=404")).Content.ReadAsStringAsync()) : _tokens[user.Role],
            }));
        return response.StatusCode;
    }

    /// <summary>The way's URL with the ids of the case: route values in the path, other declared values in the query.</summary>
    private string Url(Way way, ScopeWorld.User user, Case @case)
    {
        var path = way.Template;
        var query = new List<string>();
        foreach (var scope in way.Scopes!)
        {
            var id = @case switch
            {
                Case.Missing => MissingId,
                Case.Own => IdOf(scope.Kind, _world.A, user, own: true),
                _ => IdOf(scope.Kind, _world.B, user, own: false),
            };
            var inPath = RouteValue().Replace(path, m => m.Groups[1].Value.Equals(scope.IdValue, StringComparison.OrdinalIgnoreCase) ? id.ToString() : m.Value);
            if (inPath == path) query.Add($"{scope.IdValue}={id}");
            path = inPath;
        }
        // A route value no declaration names (a user's id on the admin's user page, a catch-all) gets an id nobody has.
        path = RouteValue().Replace(path, m => m.Value.StartsWith("{**", StringComparison.Ordinal) ? "" : MissingId.ToString());
        if (way.Handler is not null) query.Add($"handler={way.Handler}");
        if (way.Template.Contains("Export", StringComparison.Ordinal)) query.Add("format=csv"); // a download page's file
        return "/" + path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>
    /// Pages that list or search: B's row never shows to a user who may not open it, and shows to a manager (so the page
    /// does show such rows: the test would prove nothing otherwise). Dashboard pages count rows and name none;
    /// DashboardPagesTests proves a field officer's counts hold only their districts.
    /// </summary>
    [Test]
    public async Task No_list_or_search_shows_a_row_its_page_would_refuse()
    {
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var way in (await WaysAsync()).Where(w => w.Lists is not null && w.Method == "GET" && w.Handler is null))
        {
            if (way.Template.StartsWith("Dashboard", StringComparison.Ordinal) || way.Template.StartsWith("bench", StringComparison.Ordinal)) continue;
            checkedPages++;
            var kind = way.Lists!.Kind;
            var marker = kind switch
            {
                ResourceKind.Cohort or ResourceKind.Session => _world.B.CohortCode,
                ResourceKind.Group => _world.B.GroupName,
                _ => _world.B.PersonName,
            };
            // The search is for part of B's name, so the page echoing what was typed does not show the whole name.
            foreach (var user in _world.Acting.Values.Where(u => way.Roles.Contains(u.Role)))
            {
                var url = Url(way, user, Case.Own);
                if (way.Lists.Search is { } search) url += (url.Contains('?') ? "&" : "?") + $"{search}={Uri.EscapeDataString(ScopeWorld.NamePartOfB)}";
                using var response = await _clients[user.Role].GetAsync(url);
                var shown = (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal);
                var may = May(user.Role, kind, Access.Read, own: false);
                if (shown != may)
                    failures.Add($"{way} as {user.Role}: B's row {(shown ? "shown" : "not shown")} ({(int)response.StatusCode})");
            }
        }
        Assert.That(checkedPages, Is.GreaterThanOrEqualTo(8), "the list pages were found");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    private static string Token(string page)
    {
        var match = TokenField().Match(page);
        Assert.That(match.Success, Is.True, "an antiforgery token in the layout");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteValue();
}
