using Livelihood.Data;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>Villages of the demo programme, under real subdistricts of the reference data.</summary>
public static class DemoVillages
{
    public static Task<int> SeedAsync(DbSession db) => Task.FromResult(0);
}
