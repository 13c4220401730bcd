namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// A session's short code, printed on its paper sign-in sheet and typed back with the sheet's marks, so that a sheet is
/// not typed into another session's roster: the session's id in Crockford's base 32 (no I, L, O or U to misread), a
/// dash, and Crockford's check symbol (the id modulo 37), which catches a mistyped character.
/// </summary>
public static class SessionCode
{
    private const string Digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CheckSymbols = Digits + "*~$=U";

    public static string Of(long sessionId)
    {
        var digits = "";
        var rest = sessionId;
        do
        {
            digits = Digits[(int)(rest % 32)] + digits;
            rest /= 32;
        } while (rest > 0);
        return $"{digits}-{CheckSymbols[(int)(sessionId % 37)]}";
    }

    /// <summary>Whether a typed code is the session's: case, spaces and dashes aside, O read as 0 and I or L as 1.</summary>
    public static bool Matches(string typed, long sessionId) => Plain(typed) == Plain(Of(sessionId));

    private static string Plain(string code)
        => new string(code.ToUpperInvariant().Where(c => c is not (' ' or '-')).ToArray()).Replace('O', '0').Replace('I', '1').Replace('L', '1');
}
