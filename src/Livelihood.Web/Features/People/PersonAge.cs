namespace Livelihood.Web.Features.People;

/// <summary>
/// Age and age band, always derived from the birth date, or from the birth year alone where that is all a person
/// knows (then the birthday is taken as passed on 1 January: age = this year − birth year).
/// </summary>
public static class PersonAge
{
    public const int AdultAge = 18;

    /// <summary>DESIGN.md's age bands, by age at the day asked about (e.g. enrollment).</summary>
    public static readonly IReadOnlyList<(string Code, int From, int To)> Bands =
    [
        ("under15", 0, 14), ("15-17", 15, 17), ("18-24", 18, 24), ("25-35", 25, 35), ("36+", 36, 200),
    ];

    public static int On(DateOnly day, DateOnly? birthDate, int birthYear)
    {
        if (birthDate is not { } born) return day.Year - birthYear;
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    public static bool IsMinor(DateOnly day, DateOnly? birthDate, int birthYear) => On(day, birthDate, birthYear) < AdultAge;

    public static string Band(int age) => Bands.First(b => age >= b.From && age <= b.To).Code;

    /// <summary>
    /// The birth dates and birth years whose age on <paramref name="day"/> falls in the band, for filtering in SQL:
    /// people with a birth date between the two dates, or with only a year between the two years.
    /// </summary>
    public static (DateOnly BornFrom, DateOnly BornTo, int YearFrom, int YearTo) BirthRange(string band, DateOnly day)
    {
        var (_, from, to) = Bands.First(b => b.Code == band);
        return (day.AddYears(-(to + 1)).AddDays(1), day.AddYears(-from), day.Year - to, day.Year - from);
    }
}
