namespace Livelihood.BrowserTests;

/// <summary>Once per test run, before any app starts (in the root namespace, so it covers every test).</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeSetUp]
    public void UsePollingFileWatchers()
        // Each app instance watches its content files; with hundreds of instances in one process the inotify
        // instances of the machine (128 per user by default) run out. Polling watchers need none.
        => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
