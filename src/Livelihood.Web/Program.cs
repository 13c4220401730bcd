using Livelihood.Data;
using Livelihood.Web.Platform;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.BenchData;
using Livelihood.Web.Platform.Database;
using Livelihood.Web.Platform.DemoData;
using Livelihood.Web.Platform.Errors;
using Livelihood.Web.Platform.Health;
using Livelihood.Web.Platform.Jobs;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Platform.Settings;

// Verbs: (none) runs the web app; "migrate" only migrates; "seed-demo" migrates and fills an empty database;
// "seed-bench --scale 1.0 [--seed 8] [--targets file]" migrates and bulk-loads the benchmark's data set (scripts/bench).
var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
var builder = WebApplication.CreateBuilder(args);

var database = builder.AddDatabase();
builder.AddAuth();
builder.AddJobs(database);
builder.Services.AddScoped<AuditedWrites>();
builder.Services.AddScoped<AppSettings>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<StaticFileUrls>();
builder.Services.AddLanguages();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddFeatureHandlers();
builder.Services
    .AddRazorPages(options =>
    {
        options.RootDirectory = "/Features";
        options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        options.Conventions.AuthorizeFolder("/Settings", Policies.ManagerOrAdmin);
        options.Conventions.AllowAnonymousToPage("/Account/SignIn");
        options.Conventions.AllowAnonymousToPage("/Account/Setup");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/Language");
        options.Conventions.AllowAnonymousToPage("/Cohorts/Verify");
    })
    .AddMvcOptions(options =>
    {
        options.ModelBinderProviders.Insert(0, new IsoDateModelBinder.Provider());
        // Scope first: a refused request never opens a write transaction.
        options.Filters.Add<ScopeFilter>();
        options.Filters.Add<PostTransactionFilter>();
    })
    .AddJsonOptions(options => options.JsonSerializerOptions.Encoder = Languages.JsonEncoder)
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Livelihood.Web.Resources.SharedText)));

var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Livelihood");

try
{
    DatabaseSetup.MigrateOrExit(new DatabaseMigrator(database), logger);
}
catch (MigrationFailedException ex)
{
    logger.LogCritical("{Message}", ex.Message);
    Console.Error.WriteLine(ex.Message);
    Environment.ExitCode = 1;
    return;
}

if (verb == "migrate")
{
    Console.WriteLine("Database is up to date.");
    return;
}

if (verb == "seed-demo")
{
    await using var scope = app.Services.CreateAsyncScope();
    var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    Console.WriteLine(report);
    return;
}

if (verb == "seed-bench")
{
    try
    {
        var seeder = new BenchSeeder(database, app.Services.GetRequiredService<TimeProvider>());
        Console.WriteLine(seeder.Seed(app.Configuration.GetValue("scale", 1.0), app.Configuration.GetValue("seed", BenchSeeder.DefaultSeed),
            app.Configuration["targets"] ?? BenchSeeder.DefaultTargetsFile(database)));
    }
    catch (InvalidOperationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Environment.ExitCode = 1;
    }
    return;
}

await BootstrapAdmin.CreateIfConfiguredAsync(app.Services, app.Configuration, logger);

app.UseErrorPages();
app.UseStaticFiles();
app.UseRequestLocalization();
app.Use(FirstRunState.GateAsync);
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapHealth();
app.MapBareEndpointsWhenBenchmarking();
app.UseJobs();

app.Run();

public partial class Program;
