using System.Globalization;
using Livelihood.Web.Platform.Localization;

namespace Livelihood.Web.Features.Sessions;

/// <summary>
/// The sessions a weekly pattern makes (e.g. Mon/Wed/Fri 09:00 for 3 hours from the cohort's start to its end, less
/// the holidays), and the small parsing rules of the session forms. No database: the pages decide what is stored.
/// </summary>
public static class SessionSchedule
{
    /// <summary>A longer pattern is almost surely a typing mistake in the dates (a year too far).</summary>
    public const int MaxSessions = 400;

    /// <summary>One session lasts at most a long working day.</summary>
    public const int MaxMinutes = 12 * 60;

    /// <summary>Monday first, as a Thai week is written on a timetable.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Every refusal text of this rule (the page translates them; a test makes sure each has its Thai).</summary>
    public static readonly string[] Messages =
    [
        NoWeekday, ToBeforeFrom, TooMany, NoHours, TooLong,
    ];

    private const string NoWeekday = "Tick at least one day of the week.";
    private const string ToBeforeFrom = "The last date cannot be before the first date.";
    private const string TooMany = "This pattern makes more than {0} sessions. Check the dates.";
    private const string NoHours = "Enter the hours, more than 0.";
    private const string TooLong = "A session lasts at most {0} hours.";

    public sealed record Slot(DateOnly Date, TimeOnly StartTime, int DurationMinutes);

    public sealed record Pattern(
        IReadOnlyCollection<DayOfWeek> Weekdays, TimeOnly StartTime, int DurationMinutes, DateOnly From, DateOnly To,
        IReadOnlyCollection<DateOnly> Holidays);

    /// <summary>Why a pattern (or one field of it) is refused: the field it belongs to, English text (the key) and its arguments.</summary>
    public sealed record Problem(string Field, string Message, params object[] Arguments);

    public sealed record Result(IReadOnlyList<Slot> Slots, IReadOnlyList<Problem> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    /// <summary>
    /// Every date from <see cref="Pattern.From"/> to <see cref="Pattern.To"/> (both included) that falls on one of the
    /// weekdays and is not a holiday, in date order, each at the start time for the duration. Refuses nonsense with
    /// the reasons instead: nothing is generated from a pattern with a problem.
    /// </summary>
    public static Result Generate(Pattern pattern)
    {
        var problems = new List<Problem>();
        if (pattern.Weekdays.Count == 0) problems.Add(new("Weekdays", NoWeekday));
        if (WhyNotDuration(pattern.DurationMinutes) is { } duration) problems.Add(duration);
        if (pattern.To < pattern.From) problems.Add(new("To", ToBeforeFrom));
        if (problems.Count > 0) return new([], problems);

        var days = pattern.Weekdays.ToHashSet();
        var holidays = pattern.Holidays.ToHashSet();
        var slots = new List<Slot>();
        for (var date = pattern.From; date <= pattern.To; date = date.AddDays(1))
        {
            if (!days.Contains(date.DayOfWeek) || holidays.Contains(date)) continue;
            if (slots.Count == MaxSessions)
                return new([], [new("To", TooMany, MaxSessions)]);
            slots.Add(new Slot(date, pattern.StartTime, pattern.DurationMinutes));
            if (date == DateOnly.MaxValue) break;
        }
        return new(slots, []);
    }

    /// <summary>Null when a session may last this long; otherwise why not.</summary>
    public static Problem? WhyNotDuration(int minutes)
        => minutes <= 0 ? new("Hours", NoHours)
            : minutes > MaxMinutes ? new("Hours", TooLong, MaxMinutes / 60)
            : null;

    /// <summary>Hours as typed (2.5) to whole minutes (150).</summary>
    public static int Minutes(decimal hours) => (int)Math.Round(Math.Clamp(hours, -100m, 100m) * 60m, MidpointRounding.AwayFromZero);

    /// <summary>Minutes back to hours as people say them: 150 → "2.5".</summary>
    public static string Hours(int minutes, CultureInfo? culture = null)
        => (minutes / 60m).ToString("0.##", culture ?? CultureInfo.CurrentCulture);

    /// <summary>"09:00" from a time input (which may add seconds), or "9:00" typed by hand; the text stored is always "HH:mm".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
        => TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whether two sessions on the same day take up some of the same time (one ending as the other starts is fine).</summary>
    public static bool Overlap(TimeOnly startA, int minutesA, TimeOnly startB, int minutesB)
    {
        var a = startA.ToTimeSpan();
        var b = startB.ToTimeSpan();
        return a < b + TimeSpan.FromMinutes(minutesB) && b < a + TimeSpan.FromMinutes(minutesA);
    }

    /// <summary>
    /// Dates typed one per line or separated by commas (or semicolons): ISO "2026-04-13", also with a Buddhist-era
    /// year ("2569-04-13"), or as dates are shown ("13/4/2569" in Thai). Returns the dates, without duplicates, in
    /// order, and the pieces that are not dates.
    /// </summary>
    public static (IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> NotDates) ParseDates(string? text, CultureInfo? culture = null)
    {
        var dates = new SortedSet<DateOnly>();
        var bad = new List<string>();
        foreach (var piece in (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseIso(piece, out var date) || DisplayDates.TryParse(piece, culture ?? CultureInfo.CurrentCulture, out date)) dates.Add(date);
            else bad.Add(piece);
        }
        return (dates.ToList(), bad);
    }

    /// <summary>yyyy-MM-dd; a year from 2400 on is read as Buddhist era (543 years ahead), so 2571-02-29 is 2028-02-29.</summary>
    private static bool TryParseIso(string text, out DateOnly date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length != 3 || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return false;
        if (year >= 2400) year -= 543;
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
