namespace Livelihood.Web.Features.People;

/// <summary>The vulnerability flags a field officer can tick (sensitive: masked for roles that may not see them).</summary>
public static class Vulnerabilities
{
    public static readonly IReadOnlyList<(string Code, string Text)> All =
    [
        ("OutOfSchool", "Out of school"),
        ("Disability", "Disability"),
        ("Orphan", "Orphan or without parental care"),
        ("Stateless", "Stateless or without papers"),
        ("ViolenceAtHome", "Violence at home"),
        ("MigrationRisk", "At risk of unsafe migration or trafficking"),
        ("TeenParent", "Teenage parent"),
        ("Poverty", "Household below the poverty line"),
    ];

    public static string Join(IEnumerable<string> codes)
        => string.Join(",", codes.Where(c => All.Any(v => v.Code == c)).Distinct().Order());

    public static IReadOnlyList<string> Split(string? stored)
        => string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
