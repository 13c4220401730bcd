using System.Globalization;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// The words that say what happened to marks, in the reader's language: a mark's history on the roster ("Present by
/// Somsri at 09:02, replaced by Absent by Admin at 10:15").
/// </summary>
public static class MarkWords
{
    /// <summary>One mark as the words name it: which, by whom, made when, how it came, when it arrived, its note.</summary>
    public sealed record Said(string Mark, string? By, DateTime MarkedAt, string? Source, DateTime RecordedAt, string? Note);

    /// <summary>A person's marks in the order they were made, the mark now held last; each replaced by the next.</summary>
    public static string History(IStringLocalizer<AttendanceText> text, IEnumerable<Said> marks, DateOnly sessionDay)
        => marks.Select(m => One(text, m, sessionDay)).Aggregate((earlier, later) => text["{0}, replaced by {1}", earlier, later]);

    private static string One(IStringLocalizer<AttendanceText> text, Said m, DateOnly day)
    {
        var said = text["{0} by {1} at {2}", text[m.Mark], m.By ?? "", Time(m.MarkedAt, day)].Value;
        if (m.Source == AttendanceMarks.Sources.Offline) said += " " + text["(marked without a signal, sent at {0})", Time(m.RecordedAt, day)];
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
