using Microsoft.Playwright;

namespace Livelihood.BrowserTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright against the app on Kestrel. One browser and one app per test class; each
/// test gets its own browser context (fresh cookies) with a phone-sized viewport, since most users are on phones.
/// </summary>
public abstract class BrowserTest
{
    // CI installs Debian's package; Playwright's own browser download is not possible (no network) and not wanted.
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private readonly List<IBrowserContext> _otherPhones = [];
    private string _profileFolder = null!;

    protected KestrelApp App { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Whether the app starts with the bootstrap admin; false leaves the database without users.</summary>
    protected virtual bool WithAdmin => true;

    [OneTimeSetUp]
    public async Task StartBrowserAndApp()
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists);
        if (chromium is null)
            Assert.Fail($"Chromium not found at {string.Join(" or ", ChromiumPaths)}. Install it with `apt-get install -y chromium` " +
                        "(browser tests never download a browser).");

        // Chromium writes its config and cache under XDG folders (the home folder by default): keep them in a
        // throwaway folder so runs do not depend on, or litter, the machine's home.
        _profileFolder = Directory.CreateTempSubdirectory("livelihood-chromium-").FullName;
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(_profileFolder, "config"));
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(_profileFolder, "cache"));

        App = KestrelApp.Start(WithAdmin);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            // No sandbox: tests run as root in containers. The rest stops Chromium calling home during a test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    [SetUp]
    public async Task OpenPage()
    {
        _context = await PhoneAsync();
        Page = await _context.NewPageAsync();
    }

    /// <summary>A second phone for journeys of two people: its own cookies, storage and service worker; closed after the test.</summary>
    protected async Task<IPage> AnotherPhoneAsync()
    {
        var phone = await PhoneAsync();
        _otherPhones.Add(phone);
        return await phone.NewPageAsync();
    }

    private async Task<IBrowserContext> PhoneAsync()
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            // Bootstrap drops its slide and fade animations for users who ask for less motion; with them gone a
            // click cannot race a menu that is still opening.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    [TearDown]
    public async Task ClosePage()
    {
        // A screenshot of the page a failed test ended on says more than the assertion alone.
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            try
            {
                await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
                TestContext.AddTestAttachment(file, $"Page at failure: {Page.Url}");
            }
            catch (PlaywrightException) { /* the browser itself failed; the assertion message stands */ }
        }
        await _context.CloseAsync();
        foreach (var phone in _otherPhones) await phone.CloseAsync();
        _otherPhones.Clear();
    }

    [OneTimeTearDown]
    public async Task StopBrowserAndApp()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (_profileFolder is not null)
        {
            try { Directory.Delete(_profileFolder, recursive: true); }
            catch (IOException) { /* Chromium may still be letting go of a file; the OS cleans its temp folder */ }
        }
    }

    protected Task GoToAsync(string path) => Page.GotoAsync(App.Url(path));
}
