namespace Livelihood.Web.Features.Locations;

/// <summary>
/// What the location picker shows: every list down to the chosen village, so the form works (and re-renders after a
/// validation error) without JavaScript; the script only refreshes the lists below a changed choice.
/// </summary>
public sealed record LocationPicker(
    string FieldName,
    IReadOnlyList<LocationQueries.Option> Provinces,
    IReadOnlyList<LocationQueries.Option> Districts,
    IReadOnlyList<LocationQueries.Option> Subdistricts,
    IReadOnlyList<LocationQueries.Village> Villages,
    LocationQueries.Chain? Chosen,
    string Legend)
{
    public static async Task<LocationPicker> ForAsync(LocationQueries locations, long? villageId, string fieldName = "Input.VillageId",
        string legend = "Where the person lives")
    {
        var chosen = villageId is { } id ? await locations.ChainAsync(id) : null;
        return new LocationPicker(
            fieldName,
            await locations.ProvincesAsync(),
            chosen is null ? [] : await locations.DistrictsAsync(chosen.ProvinceId),
            chosen is null ? [] : await locations.SubdistrictsAsync(chosen.DistrictId),
            chosen is null ? [] : await locations.VillagesAsync(chosen.SubdistrictId),
            chosen,
            legend);
    }
}
