namespace Livelihood.Web.Features.People;

/// <summary>
/// The 13-digit Thai national ID: the last digit is a checksum of the first twelve (weights 13 down to 2, mod 11).
/// Shown as 1-2345-67890-12-3; masked as x-xxxx-xxxxx-12-3 for roles that may not see it.
/// </summary>
public static class ThaiNationalId
{
    /// <summary>The 13 digits without dashes or spaces, or null if the text is not 13 digits.</summary>
    public static string? Digits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(c => c is not ('-' or ' ')).ToArray());
        return digits.Length == 13 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? text)
    {
        var digits = Digits(text);
        if (digits is null) return false;
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (13 - i);
        return (11 - sum % 11) % 10 == digits[12] - '0';
    }

    public static string Format(string digits)
        => $"{digits[0]}-{digits[1..5]}-{digits[5..10]}-{digits[10..12]}-{digits[12]}";

    public static string Mask(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber)) return "";
        var digits = Digits(idNumber);
        if (digits is not null) return $"x-xxxx-xxxxx-{digits[10..12]}-{digits[12]}";
        // Other cards (highland, stateless) have other shapes: keep only the last three characters.
        return idNumber.Length <= 3 ? new string('x', idNumber.Length) : new string('x', idNumber.Length - 3) + idNumber[^3..];
    }
}
