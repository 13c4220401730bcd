using System.Globalization;
using Livelihood.Web.Features.Sessions;

namespace Livelihood.Tests.Features.Sessions;

public sealed class SessionScheduleTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DayOfWeek[] Days(string days)
        => days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Trim() switch
        {
            "Mon" => DayOfWeek.Monday, "Tue" => DayOfWeek.Tuesday, "Wed" => DayOfWeek.Wednesday, "Thu" => DayOfWeek.Thursday,
            "Fri" => DayOfWeek.Friday, "Sat" => DayOfWeek.Saturday, "Sun" => DayOfWeek.Sunday,
            var other => throw new ArgumentException(other),
        }).ToArray();

    private static SessionSchedule.Result Generate(string days, string from, string to, string holidays = "", int minutes = 180)
        => SessionSchedule.Generate(new SessionSchedule.Pattern(
            Days(days), Nine, minutes, D(from), D(to),
            holidays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(h => D(h.Trim())).ToList()));

    [TestCase("Mon,Wed,Fri", "2026-01-26", "2026-02-06", "",
        "2026-01-26,2026-01-28,2026-01-30,2026-02-02,2026-02-04,2026-02-06",
        TestName = "Across a month end, both ends included")]
    [TestCase("Mon,Wed,Fri", "2026-01-26", "2026-02-06", "2026-01-30,2026-02-04",
        "2026-01-26,2026-01-28,2026-02-02,2026-02-06",
        TestName = "Across a month end with holidays removed")]
    [TestCase("Tue,Thu", "2026-12-28", "2027-01-08", "2026-12-31,2027-01-01",
        "2026-12-29,2027-01-05,2027-01-07",
        TestName = "Across a year end, New Year holidays removed")]
    [TestCase("Tue", "2028-02-22", "2028-03-07", "",
        "2028-02-22,2028-02-29,2028-03-07",
        TestName = "A leap day is a session day like any other")]
    [TestCase("Mon,Tue,Wed,Thu,Fri", "2026-04-09", "2026-04-17", "2026-04-13,2026-04-14,2026-04-15",
        "2026-04-09,2026-04-10,2026-04-16,2026-04-17",
        TestName = "Songkran 13 to 15 April is skipped")]
    [TestCase("Sat,Sun", "2026-03-01", "2026-03-08", "",
        "2026-03-01,2026-03-07,2026-03-08",
        TestName = "Weekend days work too, the week starting on any day")]
    [TestCase("Wed", "2026-02-04", "2026-02-04", "",
        "2026-02-04",
        TestName = "A single day that is a session day")]
    [TestCase("Thu", "2026-02-04", "2026-02-04", "",
        "",
        TestName = "A single day that is not a session day makes nothing")]
    [TestCase("Sun", "2026-02-02", "2026-02-07", "",
        "",
        TestName = "No ticked day in the range makes nothing")]
    [TestCase("Mon", "2026-02-02", "2026-02-09", "2026-02-02,2026-02-09",
        "",
        TestName = "Every date a holiday makes nothing")]
    [TestCase("Mon", "2026-02-02", "2026-02-02", "2025-02-02,2027-01-01",
        "2026-02-02",
        TestName = "Holidays outside the range change nothing")]
    public void A_weekly_pattern_makes_exactly_these_dates(string days, string from, string to, string holidays, string expected)
    {
        var result = Generate(days, from, to, holidays);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Slots.Select(s => s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Is.EqualTo(expected.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        Assert.That(result.Slots, Is.All.Matches<SessionSchedule.Slot>(s => s.StartTime == Nine && s.DurationMinutes == 180));
    }

    [TestCase("", "2026-01-26", "2026-02-06", 180, "Weekdays", "Tick at least one day of the week.")]
    [TestCase("Mon", "2026-02-06", "2026-01-26", 180, "To", "The last date cannot be before the first date.")]
    [TestCase("Mon", "2026-01-26", "2026-02-06", 0, "Hours", "Enter the hours, more than 0.")]
    [TestCase("Mon", "2026-01-26", "2026-02-06", -60, "Hours", "Enter the hours, more than 0.")]
    [TestCase("Mon", "2026-01-26", "2026-02-06", 721, "Hours", "A session lasts at most {0} hours.")]
    [TestCase("Mon,Tue,Wed,Thu,Fri", "2026-01-01", "2027-12-31", 180, "To", "This pattern makes more than {0} sessions. Check the dates.")]
    [TestCase("Mon", "0001-01-01", "9999-12-31", 180, "To", "This pattern makes more than {0} sessions. Check the dates.")]
    public void Nonsense_is_refused_with_a_reason_and_makes_nothing(string days, string from, string to, int minutes, string field, string message)
    {
        var result = Generate(days, from, to, minutes: minutes);

        Assert.That(result.Ok, Is.False);
        Assert.That(result.Slots, Is.Empty);
        Assert.That(result.Problems.Select(p => (p.Field, p.Message)), Does.Contain((field, message)));
        Assert.That(SessionSchedule.Messages, Does.Contain(message), "every refusal is listed for translation");
    }

    [Test]
    public void Exactly_the_most_sessions_allowed_is_fine()
    {
        // 400 Mondays from Monday 2026-01-05: the 400th is 399 weeks later.
        var first = D("2026-01-05");
        var result = SessionSchedule.Generate(new(Days("Mon"), Nine, 60, first, first.AddDays(399 * 7), []));

        Assert.That(result.Slots, Has.Count.EqualTo(SessionSchedule.MaxSessions));
        Assert.That(SessionSchedule.Generate(new(Days("Mon"), Nine, 60, first, first.AddDays(400 * 7), [])).Ok, Is.False);
    }

    [Test]
    public void A_twelve_hour_session_is_the_longest_allowed()
    {
        Assert.That(SessionSchedule.WhyNotDuration(720), Is.Null);
        Assert.That(SessionSchedule.WhyNotDuration(721), Is.Not.Null);
        Assert.That(SessionSchedule.WhyNotDuration(1), Is.Null);
    }

    [TestCase("3", 180)]
    [TestCase("2.5", 150)]
    [TestCase("0.25", 15)]
    [TestCase("1.33", 80)]
    [TestCase("0", 0)]
    public void Hours_as_typed_become_whole_minutes(string hours, int minutes)
        => Assert.That(SessionSchedule.Minutes(decimal.Parse(hours, CultureInfo.InvariantCulture)), Is.EqualTo(minutes));

    [TestCase(180, "3")]
    [TestCase(150, "2.5")]
    [TestCase(45, "0.75")]
    public void Minutes_show_as_hours(int minutes, string hours)
        => Assert.That(SessionSchedule.Hours(minutes, CultureInfo.GetCultureInfo("th-TH")), Is.EqualTo(hours));

    [TestCase("09:00", "09:00")]
    [TestCase("9:00", "09:00")]
    [TestCase("13:30:00", "13:30")]
    [TestCase("09.00", "09:00")]
    [TestCase(" 14:05 ", "14:05")]
    public void Start_times_are_read_and_stored_as_hours_and_minutes(string typed, string stored)
    {
        Assert.That(SessionSchedule.TryParseTime(typed, out var time), Is.True);
        Assert.That(SessionSchedule.Format(time), Is.EqualTo(stored));
    }

    [TestCase("")]
    [TestCase("25:00")]
    [TestCase("9")]
    [TestCase("nine")]
    public void Nonsense_times_are_not_read(string typed)
        => Assert.That(SessionSchedule.TryParseTime(typed, out _), Is.False);

    [TestCase("09:00", 180, "12:00", 60, false, TestName = "A session starting as the other ends does not overlap")]
    [TestCase("09:00", 180, "11:00", 120, true, TestName = "A session starting inside the other overlaps")]
    [TestCase("13:00", 60, "09:00", 300, true, TestName = "A session inside a longer one overlaps")]
    [TestCase("08:00", 60, "09:00", 60, false, TestName = "A session ending as the other starts does not overlap")]
    public void Overlap_of_two_sessions_on_a_day(string startA, int minutesA, string startB, int minutesB, bool overlap)
        => Assert.That(SessionSchedule.Overlap(TimeOnly.Parse(startA, CultureInfo.InvariantCulture), minutesA,
            TimeOnly.Parse(startB, CultureInfo.InvariantCulture), minutesB), Is.EqualTo(overlap));

    [TestCase("2026-04-13\n2026-04-14\r\n2026-04-15", "2026-04-13,2026-04-14,2026-04-15", TestName = "Holidays one per line")]
    [TestCase("2026-04-15, 2026-04-13,2026-04-14,", "2026-04-13,2026-04-14,2026-04-15", TestName = "Holidays separated by commas, sorted")]
    [TestCase("2569-04-13; 2026-04-13", "2026-04-13", TestName = "A Buddhist-era year is read and a repeated date kept once")]
    [TestCase("2571-02-29", "2028-02-29", TestName = "A Buddhist-era leap day")]
    [TestCase("13/4/2569", "2026-04-13", TestName = "A date typed as Thai shows it")]
    [TestCase("", "", TestName = "No holidays")]
    public void Holidays_are_read_from_what_people_type(string typed, string expected)
    {
        var (dates, notDates) = SessionSchedule.ParseDates(typed, CultureInfo.GetCultureInfo("th-TH"));

        Assert.That(notDates, Is.Empty);
        Assert.That(dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Is.EqualTo(expected.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Test]
    public void Pieces_that_are_not_dates_are_reported()
    {
        var (dates, notDates) = SessionSchedule.ParseDates("2026-04-13, Songkran, 2026-02-30, 2026-13-01", CultureInfo.GetCultureInfo("en-GB"));

        Assert.That(dates, Is.EqualTo(new[] { D("2026-04-13") }));
        Assert.That(notDates, Is.EqualTo(new[] { "Songkran", "2026-02-30", "2026-13-01" }));
    }
}
