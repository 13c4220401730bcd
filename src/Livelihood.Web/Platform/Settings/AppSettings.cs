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

    /// <summary>The self-reliance line (DESIGN.md "Self-reliant"), in satang per month.</summary>
    public const string SelfRelianceLine = "SelfRelianceLineSatang";

    /// <summary>The first day of the fiscal year the indicators default to, as MM-dd (Thai fiscal year: 10-01).</summary>
    public const string FiscalYearStart = "FiscalYearStart";

    /// <summary>The lower bounds of the age bands after the first, comma-separated: "15,18,25,36" is under 15, 15–17, ..., 36+.</summary>
    public const string AgeBands = "AgeBands";

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

    /// <summary>The self-reliance line as money (3 000 THB if the row is missing or unreadable).</summary>
    public async Task<Money> SelfRelianceLineAsync()
        => long.TryParse(await GetAsync(SelfRelianceLine), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var satang)
            ? Money.FromSatang(satang)
            : new Money(3000m);

    /// <summary>The first day of the fiscal year that <paramref name="day"/> falls in, by the setting (1 October if unreadable).</summary>
    public async Task<DateOnly> FiscalYearStartOfAsync(DateOnly day)
        => FiscalYear.StartOf(day, IndicatorSettings.TryParseFiscalYearStart(await GetAsync(FiscalYearStart), out var start) ? start : FiscalYear.ThaiStart);

    /// <summary>Changes a setting if nobody changed it since <paramref name="expectedVersion"/>; false when stale.</summary>
    public async Task<bool> SetAsync(Setting setting, string value, int expectedVersion)
    {
        var saved = await audited.UpdateAsync("Settings", setting.Id, expectedVersion, new { Value = value });
        cache.Remove(CacheKey);
        return saved;
    }
}
