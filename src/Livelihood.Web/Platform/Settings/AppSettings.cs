using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Microsoft.Extensions.Caching.Memory;

namespace Livelihood.Web.Platform.Settings;

/// <summary>
/// The Settings table, read through a short cache (settings are read on every request, written rarely).
/// Writes go through the audit and clear the cache.
/// </summary>
public sealed class AppSettings(DbSession db, AuditedWrites audited, IMemoryCache cache)
{
    public const string DefaultLanguage = "DefaultLanguage";

    private const string CacheKey = "settings";

    public sealed record Setting
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Value { get; init; } = "";
        public int Version { get; init; }
    }

    public async Task<IReadOnlyDictionary<string, Setting>> AllAsync()
        => (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var rows = await db.QueryAsync<Setting>("SELECT Id, Name, Value, Version FROM Settings ORDER BY Name");
            return (IReadOnlyDictionary<string, Setting>)rows.ToDictionary(r => r.Name);
        }))!;

    public async Task<string?> GetAsync(string name)
        => (await AllAsync()).TryGetValue(name, out var setting) ? setting.Value : null;

    /// <summary>Changes a setting if nobody changed it since <paramref name="expectedVersion"/>; false when stale.</summary>
    public async Task<bool> SetAsync(Setting setting, string value, int expectedVersion)
    {
        var saved = await audited.UpdateAsync("Settings", setting.Id, expectedVersion, new { Value = value });
        cache.Remove(CacheKey);
        return saved;
    }
}
