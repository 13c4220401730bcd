namespace Livelihood.Web.Features.People;

/// <summary>
/// Every column that points at a person. A merge moves each of them to the surviving record; a feature that adds a
/// table referring to People adds its column here (a test compares this list with the database's foreign keys).
/// </summary>
public static class PersonReferences
{
    public static readonly IReadOnlyList<(string Table, string Column)> All =
    [
        ("Consents", "PersonId"),
        ("Enrollments", "PersonId"),
        ("GroupMembers", "PersonId"),
        ("AbsenceAlerts", "PersonId"),
        ("FollowUps", "PersonId"),
    ];
}
