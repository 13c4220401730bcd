using System.ComponentModel.DataAnnotations;

namespace Livelihood.Web.Features.People;

/// <summary>
/// A person as typed in the form or read from an import row, with every rule of the registry: the single-field
/// rules as attributes, the rules across fields in <see cref="Check"/>. The form and the import share it.
/// </summary>
public sealed class PersonInput
{
    public static readonly string[] Sexes = ["Female", "Male"];
    public static readonly string[] CitizenshipStatuses = ["ThaiId", "HighlandCard", "None"];
    public static readonly string[] EducationLevels = ["None", "Primary", "LowerSecondary", "UpperSecondary", "Vocational", "Higher"];
    public static readonly string[] Statuses = ["Active", "Inactive"];

    [Required(ErrorMessage = "Enter the Thai full name.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    public string FullNameTh { get; set; } = "";

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    public string? FullNameLatin { get; set; }

    [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
    public string? Nickname { get; set; }

    [Required(ErrorMessage = "Choose the sex.")]
    public string Sex { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    /// <summary>For someone who knows only the year; a Buddhist-era year (e.g. 2549) is accepted too.</summary>
    public int? BirthYear { get; set; }

    [Required(ErrorMessage = "Choose the village.")]
    public long? VillageId { get; set; }

    [StringLength(30, ErrorMessage = "Use at most {1} characters.")]
    [RegularExpression(@"^[0-9+\-\s]*$", ErrorMessage = "Use digits only, with + or - if needed.")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Choose the citizenship status.")]
    public string CitizenshipStatus { get; set; } = "ThaiId";

    [StringLength(30, ErrorMessage = "Use at most {1} characters.")]
    public string? IdNumber { get; set; }

    public string? Education { get; set; }

    [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
    public string? Ethnicity { get; set; }

    public List<string> Vulnerabilities { get; set; } = [];

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    public string? GuardianName { get; set; }

    [StringLength(50, ErrorMessage = "Use at most {1} characters.")]
    public string? GuardianRelation { get; set; }

    [StringLength(30, ErrorMessage = "Use at most {1} characters.")]
    [RegularExpression(@"^[0-9+\-\s]*$", ErrorMessage = "Use digits only, with + or - if needed.")]
    public string? GuardianPhone { get; set; }

    public string Status { get; set; } = "Active";
    public int Version { get; set; }

    /// <summary>The year to store: the birth date's, or the typed year with a Buddhist-era year converted.</summary>
    public int StoredBirthYear => BirthDate?.Year ?? (BirthYear is > 2400 and var be ? be - 543 : BirthYear ?? 0);

    /// <summary>
    /// The rules across fields. Returns (field, English message) pairs; the sensitive fields are checked only when
    /// the one saving may see them (otherwise they are not written at all).
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Check(DateOnly today, bool checkSensitive)
    {
        var errors = new List<(string, string)>();
        // Empty values are the attributes' to report; these catch values that are not in the lists.
        if (Sex is { Length: > 0 } && !Sexes.Contains(Sex)) errors.Add((nameof(Sex), "Choose the sex."));
        if (!Statuses.Contains(Status)) errors.Add((nameof(Status), "Choose a status."));
        if (Education is { Length: > 0 } && !EducationLevels.Contains(Education)) errors.Add((nameof(Education), "Choose an education level."));

        var year = StoredBirthYear;
        if (BirthDate is { } born)
        {
            if (born > today) errors.Add((nameof(BirthDate), "The birth date cannot be in the future."));
            else if (born.Year < 1900) errors.Add((nameof(BirthDate), "Check the birth date: the year is before 1900."));
        }
        else if (BirthYear is null)
            errors.Add((nameof(BirthDate), "Enter the birth date, or the birth year if only the year is known."));
        else if (year < 1900 || year > today.Year)
            errors.Add((nameof(BirthYear), "Enter a birth year between 1900 and this year (Buddhist-era years are accepted)."));

        if (year is >= 1900 && PersonAge.IsMinor(today, BirthDate, year))
        {
            if (string.IsNullOrWhiteSpace(GuardianName)) errors.Add((nameof(GuardianName), "A person under 18 needs a guardian: enter the guardian's name."));
            if (string.IsNullOrWhiteSpace(GuardianRelation)) errors.Add((nameof(GuardianRelation), "Enter how the guardian is related."));
            if (string.IsNullOrWhiteSpace(GuardianPhone)) errors.Add((nameof(GuardianPhone), "Enter the guardian's phone."));
        }

        if (checkSensitive)
        {
            if (CitizenshipStatus is { Length: > 0 } && !CitizenshipStatuses.Contains(CitizenshipStatus))
                errors.Add((nameof(CitizenshipStatus), "Choose the citizenship status."));
            else if (CitizenshipStatus == "ThaiId" && string.IsNullOrWhiteSpace(IdNumber))
                errors.Add((nameof(IdNumber), "Enter the 13-digit ID card number."));
            else if (CitizenshipStatus == "ThaiId" && !ThaiNationalId.IsValid(IdNumber))
                errors.Add((nameof(IdNumber), "This is not a valid Thai ID number: check the 13 digits."));
            if (Vulnerabilities.Any(v => People.Vulnerabilities.All.All(known => known.Code != v)))
                errors.Add((nameof(Vulnerabilities), "Choose flags from the list."));
        }
        return errors;
    }

    /// <summary>The columns anyone who edits people may write.</summary>
    public Dictionary<string, object?> Columns() => new()
    {
        ["FullNameTh"] = FullNameTh.Trim(),
        ["FullNameLatin"] = Clean(FullNameLatin),
        ["Nickname"] = Clean(Nickname),
        ["Sex"] = Sex,
        ["BirthDate"] = BirthDate,
        ["BirthYear"] = StoredBirthYear,
        ["VillageId"] = VillageId,
        ["Phone"] = Clean(Phone),
        ["Education"] = Clean(Education),
        ["GuardianName"] = Clean(GuardianName),
        ["GuardianRelation"] = Clean(GuardianRelation),
        ["GuardianPhone"] = Clean(GuardianPhone),
    };

    /// <summary>
    /// The sensitive columns (the citizenship status goes with its ID number), written only by someone allowed to see
    /// them: others see them masked, so what they post is not the real value.
    /// </summary>
    public Dictionary<string, object?> SensitiveColumns() => new()
    {
        ["CitizenshipStatus"] = CitizenshipStatus,
        ["IdNumber"] = CitizenshipStatus switch
        {
            "ThaiId" => ThaiNationalId.Digits(IdNumber),
            "None" => null,
            _ => Clean(IdNumber),
        },
        ["Ethnicity"] = Clean(Ethnicity),
        ["VulnerabilityFlags"] = Clean(People.Vulnerabilities.Join(Vulnerabilities)),
    };

    public static PersonInput From(PeopleQueries.Person p, bool sensitiveVisible) => new()
    {
        FullNameTh = p.FullNameTh,
        FullNameLatin = p.FullNameLatin,
        Nickname = p.Nickname,
        Sex = p.Sex,
        BirthDate = p.BirthDate,
        BirthYear = p.BirthDate is null ? p.BirthYear : null,
        VillageId = p.VillageId,
        Phone = p.Phone,
        CitizenshipStatus = p.CitizenshipStatus,
        IdNumber = sensitiveVisible ? p.IdNumber : ThaiNationalId.Mask(p.IdNumber),
        Education = p.Education,
        Ethnicity = sensitiveVisible ? p.Ethnicity : null,
        Vulnerabilities = sensitiveVisible ? [.. People.Vulnerabilities.Split(p.VulnerabilityFlags)] : [],
        GuardianName = p.GuardianName,
        GuardianRelation = p.GuardianRelation,
        GuardianPhone = p.GuardianPhone,
        Status = p.Status,
        Version = p.Version,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
