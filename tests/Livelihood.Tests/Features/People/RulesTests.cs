using Livelihood.Web.Features.People;

namespace Livelihood.Tests.Features.People;

public sealed class ThaiNationalIdTests
{
    [TestCase("1101700207030", true)]
    [TestCase("1-1017-00207-03-0", true)]
    [TestCase("3560100123457", true)]
    [TestCase("1101700207031", false, TestName = "Wrong check digit")]
    [TestCase("3560100123456", false, TestName = "Another wrong check digit")]
    [TestCase("110170020703", false, TestName = "Twelve digits")]
    [TestCase("11017002070300", false, TestName = "Fourteen digits")]
    [TestCase("1A01700207030", false, TestName = "A letter")]
    [TestCase("", false)]
    public void The_check_digit_decides_validity(string number, bool valid)
        => Assert.That(ThaiNationalId.IsValid(number), Is.EqualTo(valid));

    [Test]
    public void Numbers_are_shown_in_their_groups_and_masked_to_the_last_three_digits()
    {
        Assert.That(ThaiNationalId.Format("1101700207030"), Is.EqualTo("1-1017-00207-03-0"));
        Assert.That(ThaiNationalId.Mask("1101700207030"), Is.EqualTo("x-xxxx-xxxxx-03-0"));
        Assert.That(ThaiNationalId.Mask("0-5712-34567-89-1"), Is.EqualTo("x-xxxx-xxxxx-89-1"), "13-digit highland cards mask the same way");
        Assert.That(ThaiNationalId.Mask("G1234567"), Is.EqualTo("xxxxx567"), "other cards keep only their last three characters");
        Assert.That(ThaiNationalId.Mask(null), Is.Empty);
    }
}

public sealed class PersonAgeTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [TestCase("2008-11-29", 0, 18, TestName = "Eighteenth birthday today")]
    [TestCase("2008-11-30", 0, 17, TestName = "Eighteenth birthday tomorrow")]
    [TestCase("2012-02-29", 0, 14, TestName = "Born on 29 February")]
    [TestCase(null, 2008, 18, TestName = "Birth year only: birthday counted as passed")]
    [TestCase(null, 2009, 17, TestName = "Birth year only, a minor")]
    public void Age_comes_from_the_birth_date_or_the_birth_year(string? birthDate, int birthYear, int age)
    {
        var born = birthDate is null ? (DateOnly?)null : DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(PersonAge.On(Today, born, born?.Year ?? birthYear), Is.EqualTo(age));
        Assert.That(PersonAge.IsMinor(Today, born, born?.Year ?? birthYear), Is.EqualTo(age < 18));
    }

    [TestCase(14, "under15")]
    [TestCase(15, "15-17")]
    [TestCase(17, "15-17")]
    [TestCase(18, "18-24")]
    [TestCase(35, "25-35")]
    [TestCase(36, "36+")]
    public void Ages_fall_in_the_design_bands(int age, string band)
        => Assert.That(PersonAge.Band(age), Is.EqualTo(band));

    [Test]
    public void The_birth_range_of_a_band_holds_exactly_the_ages_of_that_band()
    {
        foreach (var (code, _, _) in PersonAge.Bands)
        {
            var (bornFrom, bornTo, yearFrom, yearTo) = PersonAge.BirthRange(code, Today);
            for (var born = new DateOnly(1950, 1, 1); born <= Today; born = born.AddDays(1))
            {
                var inRange = born >= bornFrom && born <= bornTo;
                Assert.That(inRange, Is.EqualTo(PersonAge.Band(PersonAge.On(Today, born, born.Year)) == code), $"{code} {born}");
            }
            for (var year = 1950; year <= Today.Year; year++)
                Assert.That(year >= yearFrom && year <= yearTo, Is.EqualTo(PersonAge.Band(PersonAge.On(Today, null, year)) == code), $"{code} {year}");
        }
    }
}
