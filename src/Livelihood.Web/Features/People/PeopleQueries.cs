using Livelihood.Data;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Features.People;

/// <summary>The person record and who may see its sensitive fields: shared by the people pages.</summary>
public sealed class PeopleQueries(DbSession db, CurrentUser user, Scope scope)
{
    public sealed record Person
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? FullNameLatin { get; init; }
        public string? Nickname { get; init; }
        public string Sex { get; init; } = "";
        public DateOnly? BirthDate { get; init; }
        public int BirthYear { get; init; }
        public long VillageId { get; init; }
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);
        public string SubdistrictName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string ProvinceName { get; init; } = "";
        public string? Phone { get; init; }
        public string CitizenshipStatus { get; init; } = "";
        public string? IdNumber { get; init; }
        public string? Education { get; init; }
        public string? Ethnicity { get; init; }
        public string? VulnerabilityFlags { get; init; }
        public string? GuardianName { get; init; }
        public string? GuardianRelation { get; init; }
        public string? GuardianPhone { get; init; }
        public string Status { get; init; } = "";
        public long RegisteredByUserId { get; init; }
        public bool HasDataConsent { get; init; }
        public int Version { get; init; }
    }

    /// <summary>True when the person has a data-processing consent that is not withdrawn (SQL: one EXISTS).</summary>
    public const string HasDataConsentSql = """
        CASE WHEN EXISTS (SELECT 1 FROM Consents c WHERE c.PersonId = p.Id AND c.DataProcessing = 1 AND c.WithdrawnOn IS NULL)
             THEN 1 ELSE 0 END
        """;

    public Task<Person?> FindAsync(long id)
        => db.QuerySingleOrDefaultAsync<Person>(
            $"""
            SELECT p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Sex, p.BirthDate, p.BirthYear, p.VillageId,
                   v.VillageNumber, v.NameTh AS VillageName, s.NameTh AS SubdistrictName, d.NameTh AS DistrictName,
                   pr.NameTh AS ProvinceName, p.Phone, p.CitizenshipStatus, p.IdNumber, p.Education, p.Ethnicity,
                   p.VulnerabilityFlags, p.GuardianName, p.GuardianRelation, p.GuardianPhone, p.Status,
                   p.RegisteredByUserId, {HasDataConsentSql} AS HasDataConsent, p.Version
            FROM People p
            JOIN Villages v ON v.Id = p.VillageId
            JOIN Subdistricts s ON s.Id = v.SubdistrictId
            JOIN Districts d ON d.Id = s.DistrictId
            JOIN Provinces pr ON pr.Id = d.ProvinceId
            WHERE p.Id = @id
            """, new { id });

    /// <summary>Whether the user changes people (registers, edits, records consents): not a trainer, who only reads.</summary>
    public bool CanEdit => scope.Reaches(ResourceKind.Person, Access.Change);

    /// <summary>
    /// ID number, vulnerability flags and ethnicity are for managers and admins, and for the field officer who
    /// registered the person; everyone else sees them masked.
    /// </summary>
    public bool CanSeeSensitive(long registeredByUserId)
        => user.Role is Roles.Admin or Roles.Manager
           || (user.Role == Roles.FieldOfficer && user.Id == registeredByUserId);

    public sealed record PossibleDuplicate
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public string Reason { get; init; } = "";
        public string VillageLabel => LocationQueries.VillageLabel(VillageNumber, VillageName);

        /// <summary>Whether the user may be told who this is: they may see the person (and, for an ID number, the ID).</summary>
        public bool Named { get; init; }
    }

    public const string SameIdNumber = "SameIdNumber";

    /// <summary>
    /// People who may be the one being registered: the same ID number anywhere (ID numbers are national), or in the
    /// same subdistrict the same name and birth year, or the same phone. A match the user may not see is not named
    /// (<see cref="PossibleDuplicate.Named"/>): the page says only that such a person exists.
    /// </summary>
    public async Task<IReadOnlyList<PossibleDuplicate>> PossibleDuplicatesAsync(
        string fullNameTh, int birthYear, string? phone, string? idNumber, long villageId)
        => (await db.QueryAsync<Duplicate>(
            $"""
            SELECT p.Id, p.FullNameTh, v.VillageNumber, v.NameTh AS VillageName, p.RegisteredByUserId,
                   CASE WHEN {scope.Condition(ResourceKind.Person, "p.Id")} THEN 1 ELSE 0 END AS InScope,
                   CASE WHEN p.IdNumber = @idNumber THEN 'SameIdNumber'
                        WHEN p.FullNameTh = @fullNameTh AND p.BirthYear = @birthYear THEN 'SameNameAndBirthYear'
                        ELSE 'SamePhone' END AS Reason
            FROM People p
            JOIN Villages v ON v.Id = p.VillageId
            WHERE p.IdNumber = @idNumber
               OR (v.SubdistrictId = (SELECT SubdistrictId FROM Villages WHERE Id = @villageId)
                   AND ((p.FullNameTh = @fullNameTh AND p.BirthYear = @birthYear) OR p.Phone = @phone))
            ORDER BY p.FullNameTh, p.Id
            """, new { fullNameTh, birthYear, phone, idNumber, villageId, ScopeUserId = scope.UserId }))
            .Select(d => new PossibleDuplicate
            {
                Id = d.Id, FullNameTh = d.FullNameTh, VillageNumber = d.VillageNumber, VillageName = d.VillageName, Reason = d.Reason,
                Named = d.InScope && (d.Reason != SameIdNumber || CanSeeSensitive(d.RegisteredByUserId)),
            })
            .ToList();

    private sealed record Duplicate
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public int VillageNumber { get; init; }
        public string VillageName { get; init; } = "";
        public long RegisteredByUserId { get; init; }
        public bool InScope { get; init; }
        public string Reason { get; init; } = "";
    }
}
