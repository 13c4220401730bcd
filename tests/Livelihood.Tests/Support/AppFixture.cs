using Livelihood.Data;

namespace Livelihood.Tests.Support;

/// <summary>
/// Base for page tests: each test gets a fresh database and the real app over it, on each configured engine.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public abstract class AppFixture(DatabaseProvider provider)
{
    private TestDatabase? _database;
    private TestApp? _app;

    protected TestApp App => _app ?? throw new InvalidOperationException("no app");
    protected DatabaseProvider Provider => provider;

    [SetUp]
    public void StartApp()
    {
        _database = TestDatabase.Create(provider);
        _app = new TestApp(_database);
    }

    [TearDown]
    public void StopApp()
    {
        _app?.Dispose();
        _database?.Dispose();
    }
}
