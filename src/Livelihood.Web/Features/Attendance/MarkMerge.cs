namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// DESIGN.md's "Attendance on several devices": two marks for the same person and session, from phones that marked
/// offline and send later, from the roster online, or typed in from a paper sheet. The mark made later wins, whatever
/// order they arrive in; a mark made by someone who saw the current one (its version) is later by definition, whatever
/// the clocks say. Neither note is dropped when two people marked without seeing each other's mark.
/// The SQL reads what this needs and writes what it decides (RosterQueries); it does not restate it.
/// </summary>
public static class MarkMerge
{
    /// <summary>A mark as made: which, its note, when it was made (UTC, corrected by the phone's clock offset) and by whom.</summary>
    public sealed record Made(string Mark, string? Note, DateTime MadeAt, long MadeBy);

    /// <summary>The mark the server holds, with its version.</summary>
    public sealed record Current(Made Made, int Version);

    /// <summary>
    /// A mark arriving, and the version of the person's mark its page showed when it was made (0: none was shown).
    /// </summary>
    public sealed record Incoming(Made Made, int BaseVersion);

    public enum Outcome
    {
        /// <summary>Nobody had marked the person: the incoming mark is the mark.</summary>
        Added,
        /// <summary>The same mark and note as the server's: nothing to write.</summary>
        Unchanged,
        /// <summary>Made by someone who saw the current mark: it replaces it; nobody needs telling.</summary>
        Corrected,
        /// <summary>Made later than the current mark, without seeing it: it replaces it, and both people are told.</summary>
        Replaced,
        /// <summary>Made before the current mark, sent after it: the current mark stays, and the sender is told.</summary>
        Outdated,
    }

    /// <param name="Outcome">What happened.</param>
    /// <param name="Mark">The person's mark after the merge.</param>
    /// <param name="Note">The person's note after the merge.</param>
    /// <param name="MadeAt">When the person's mark after the merge was made.</param>
    public sealed record Decision(Outcome Outcome, string Mark, string? Note, DateTime MadeAt);

    /// <summary>A note's most characters (the roster's field and the column).</summary>
    public const int NoteLength = 500;

    /// <summary>Between two notes kept together on one mark, in the order they were made.</summary>
    public const string NoteSeparator = " · ";

    public static Decision Decide(Current? current, Incoming incoming)
    {
        var made = incoming.Made;
        if (current is null) return new(Outcome.Added, made.Mark, made.Note, made.MadeAt);
        var held = current.Made;

        // Made on a page that showed the current mark: a correction of it, so made after it even if a clock says not.
        if (incoming.BaseVersion == current.Version)
            return held.Mark == made.Mark && held.Note == made.Note
                ? new(Outcome.Unchanged, held.Mark, held.Note, held.MadeAt)
                : new(Outcome.Corrected, made.Mark, made.Note, Later(held.MadeAt, made.MadeAt));

        // Made without seeing each other: the later one is the mark, and both notes stay on it, the earlier first.
        // One that brings nothing new (the same mark, a note the current one holds already) changes nothing.
        var later = IsLater(made, held);
        var note = later ? BothNotes(held.Note, made.Note) : BothNotes(made.Note, held.Note);
        if (held.Mark == made.Mark && note == held.Note) return new(Outcome.Unchanged, held.Mark, held.Note, held.MadeAt);
        return later
            ? new(Outcome.Replaced, made.Mark, note, made.MadeAt)
            : new(Outcome.Outdated, held.Mark, note, held.MadeAt);
    }

    /// <summary>How far after its arrival a mark may be dated once corrected: more is refused, not believed.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When a mark was made, on the server's clock: the phone's time of the mark moved by how far the phone's clock is
    /// off, measured as the server's time on arrival minus the phone's time when it sent (the trip counts as part of
    /// the offset, so a mark may seem a moment later than it was). Never later than its arrival. Null: dated after its
    /// arrival by more than <see cref="FutureTolerance"/> even so (the phone's clock went back between marking and
    /// sending, or the time is made up): refused. A mark sent without its time was made when it arrived (a roster
    /// posted without its script).
    /// </summary>
    public static DateTime? MadeAt(DateTimeOffset? markedOnPhone, DateTimeOffset? sentOnPhone, DateTime receivedAt)
    {
        if (markedOnPhone is not { } marked) return receivedAt;
        var made = marked.UtcDateTime + ClockOffset(sentOnPhone, receivedAt);
        if (made > receivedAt + FutureTolerance) return null;
        return made < receivedAt ? made : receivedAt;
    }

    /// <summary>How far behind the server's clock the phone's is (negative: ahead); zero when the phone did not say.</summary>
    public static TimeSpan ClockOffset(DateTimeOffset? sentOnPhone, DateTime receivedAt)
        => sentOnPhone is { } sent ? receivedAt - sent.UtcDateTime : TimeSpan.Zero;

    /// <summary>
    /// Whether <paramref name="a"/> was made after <paramref name="b"/>. Made at the same instant, the order is still the
    /// same whichever arrives first: by who made it, then the mark, then the note.
    /// </summary>
    public static bool IsLater(Made a, Made b)
    {
        var order = a.MadeAt.CompareTo(b.MadeAt);
        if (order == 0) order = a.MadeBy.CompareTo(b.MadeBy);
        if (order == 0) order = string.CompareOrdinal(a.Mark, b.Mark);
        if (order == 0) order = string.CompareOrdinal(a.Note, b.Note);
        return order > 0;
    }

    /// <summary>
    /// Two notes on one mark, the earlier first; one when they are the same or one already holds the other (a note
    /// merged before). Cut at <see cref="NoteLength"/>: the versions kept in the mark's history hold each in full.
    /// </summary>
    public static string? BothNotes(string? earlier, string? later)
    {
        if (string.IsNullOrEmpty(earlier)) return later;
        if (string.IsNullOrEmpty(later) || earlier.Contains(later, StringComparison.Ordinal)) return earlier;
        if (later.Contains(earlier, StringComparison.Ordinal)) return later;
        var both = earlier + NoteSeparator + later;
        return both.Length <= NoteLength ? both : both[..(NoteLength - 1)] + "…";
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
