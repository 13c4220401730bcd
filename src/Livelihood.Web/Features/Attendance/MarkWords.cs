using System.Globalization;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// The words that say what happened to marks, in the reader's language (DESIGN.md: "your mark was replaced by X's,
/// made later" / "your mark replaced X's"): what a save did to the sender's marks that met another, and a mark's
/// history on the roster ("Present by Somsri at 09:02, replaced by Absent by Admin at 10:15").
/// </summary>
public static class MarkWords
{
    /// <summary>One mark as the words name it: which, by whom, made when, how it came (and the sheet's date), when it arrived, its note.</summary>
    public sealed record Said(string Mark, string? By, DateTime MarkedAt, string? Source, DateOnly? PaperDate, DateTime RecordedAt, string? Note);

    /// <summary>What happened to one of the sender's marks that met a mark made without seeing it.</summary>
    public static string Conflict(IStringLocalizer<AttendanceText> text, RosterQueries.Conflict c, DateOnly sessionDay)
    {
        if (c.YourMark == c.OtherMark)
            return text["{0} had marked the same ({1}) at {2}; both notes are kept.", c.OtherBy ?? "", text[c.OtherMark], Time(c.OtherMadeAt, sessionDay)];
        return c.Outcome == MarkMerge.Outcome.Outdated
            ? Replaced(text, c.YourMark, c.YourMadeAt, c.OtherBy, c.OtherMark, c.OtherMadeAt, sessionDay)
            : text["Your mark {0} replaced {1}'s {2}, made earlier at {3}.", text[c.YourMark], c.OtherBy ?? "", text[c.OtherMark],
                Times(c.OtherMadeAt, c.YourMadeAt, sessionDay).First];
    }

    /// <summary>A mark of the reader's that a mark made later (by <paramref name="by"/>) replaced.</summary>
    public static string Replaced(IStringLocalizer<AttendanceText> text, string yours, DateTime yoursAt, string? by, string theirs, DateTime theirsAt,
        DateOnly sessionDay)
    {
        var (yourTime, theirTime) = Times(yoursAt, theirsAt, sessionDay);
        return text["Your mark {0} (made at {1}) was replaced by {2}'s {3}, made later at {4}.", text[yours], yourTime, by ?? "", text[theirs], theirTime];
    }

    /// <summary>Two times that are told apart: with their seconds when they fall in the same minute (two phones 3 s apart).</summary>
    private static (string First, string Second) Times(DateTime first, DateTime second, DateOnly sessionDay)
    {
        var (a, b) = (Time(first, sessionDay), Time(second, sessionDay));
        return a != b || first == second ? (a, b) : (a + Seconds(first), b + Seconds(second));
    }

    private static string Seconds(DateTime utc) => utc.ToString(":ss", CultureInfo.InvariantCulture);

    /// <summary>A person's marks in the order they were made, the mark now held last; each replaced by the next.</summary>
    public static string History(IStringLocalizer<AttendanceText> text, IEnumerable<Said> marks, DateOnly sessionDay)
        => marks.Select(m => One(text, m, sessionDay)).Aggregate((earlier, later) => text["{0}, replaced by {1}", earlier, later]);

    private static string One(IStringLocalizer<AttendanceText> text, Said m, DateOnly day)
    {
        var said = text["{0} by {1} at {2}", text[m.Mark], m.By ?? "", Time(m.MarkedAt, day)].Value;
        if (m.Source == AttendanceMarks.Sources.Offline) said += " " + text["(marked without a signal, sent at {0})", Time(m.RecordedAt, day)];
        if (m is { Source: AttendanceMarks.Sources.Paper, PaperDate: { } sheet }) said += " " + text["(typed in from the paper sheet of {0})", DisplayDates.Show(sheet)];
        if (m.Note is not null) said += " " + text["(note: {0})", m.Note];
        return said;
    }

    /// <summary>A time of the session's day as "09:02" (Thai time); another day's with its date.</summary>
    public static string Time(DateTime utc, DateOnly sessionDay)
    {
        var thai = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(DisplayDates.ThailandOffset);
        return DateOnly.FromDateTime(thai) == sessionDay ? thai.ToString("HH:mm", CultureInfo.InvariantCulture) : DisplayDates.Show(utc);
    }
}
