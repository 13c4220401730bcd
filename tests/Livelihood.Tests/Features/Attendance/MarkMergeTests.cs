using Livelihood.Web.Features.Attendance;
using static Livelihood.Web.Features.Attendance.MarkMerge;

namespace Livelihood.Tests.Features.Attendance;

public sealed class MarkMergeTests
{
    /// <summary>09:00 in Thailand on a session day; minutes in the cases count from it.</summary>
    private static readonly DateTime Nine = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    private static DateTime At(double minute) => Nine.AddMinutes(minute);

    private static string Show(Decision d) => $"{d.Outcome} {d.Mark} {d.Note ?? "-"}";

    /// <summary>
    /// The server holds "Present" with note <paramref name="heldNote"/>, made at 09:10 by user 1, version 2 (or nothing
    /// when <paramref name="marked"/> is false); a mark arrives, made at 09:<paramref name="madeMinute"/> on a page that
    /// showed version <paramref name="baseVersion"/>.
    /// </summary>
    [TestCase(false, null, "Absent", null, 20, 2, 0, ExpectedResult = "Added Absent -", TestName = "A first mark is added")]
    [TestCase(true, "ok", "Present", "ok", 20, 2, 2, ExpectedResult = "Unchanged Present ok", TestName = "The same mark and note change nothing")]
    [TestCase(true, "ok", "Absent", "ok", 20, 2, 2, ExpectedResult = "Corrected Absent ok", TestName = "A mark made on a page that showed the current one corrects it")]
    [TestCase(true, "ok", "Absent", null, 5, 2, 2, ExpectedResult = "Corrected Absent -",
        TestName = "A correction wins even when its phone's clock says it was made first, and may clear the note it saw")]
    [TestCase(true, "sick", "Absent", "phoned", 20, 2, 1, ExpectedResult = "Replaced Absent sick · phoned",
        TestName = "A mark made later without seeing the current one replaces it and both notes stay, the earlier first")]
    [TestCase(true, "sick", "Absent", "phoned", 5, 2, 1, ExpectedResult = "Outdated Present phoned · sick",
        TestName = "A mark made earlier than the current one leaves it as it is, and its note joins the current one's")]
    [TestCase(true, "sick", "Absent", null, 20, 2, 0, ExpectedResult = "Replaced Absent sick",
        TestName = "A later mark without a note keeps the note of the mark it replaces")]
    [TestCase(true, null, "Absent", null, 5, 2, 0, ExpectedResult = "Outdated Present -", TestName = "An earlier mark without a note changes nothing but is outdated")]
    [TestCase(true, "sick", "Present", null, 20, 2, 0, ExpectedResult = "Unchanged Present sick",
        TestName = "The same mark made meanwhile without a note brings nothing new")]
    [TestCase(true, "sick", "Present", "sick", 20, 2, 1, ExpectedResult = "Unchanged Present sick", TestName = "The same mark and note made meanwhile bring nothing new")]
    [TestCase(true, "sick · phoned", "Present", "phoned", 20, 2, 1, ExpectedResult = "Unchanged Present sick · phoned",
        TestName = "A note the current one already holds is not added twice")]
    [TestCase(true, "sick", "Present", "phoned", 5, 2, 1, ExpectedResult = "Outdated Present phoned · sick",
        TestName = "The same mark made earlier with another note adds the note")]
    [TestCase(true, "sick", "Present", "phoned", 20, 1, 1, ExpectedResult = "Replaced Present sick · phoned",
        TestName = "The same person on another phone is merged like anyone else")]
    public string Decide_merges_a_mark_arriving_with_the_one_the_server_holds(bool marked, string? heldNote, string mark, string? note,
        int madeMinute, long madeBy, int baseVersion)
    {
        var current = marked ? new Current(new Made("Present", heldNote, At(10), 1), 2) : null;
        return Show(Decide(current, new Incoming(new Made(mark, note, At(madeMinute), madeBy), baseVersion)));
    }

    [Test]
    public void Two_marks_made_at_the_same_instant_have_the_same_winner_whichever_arrives_first()
    {
        var trainer = new Made("Present", "a", At(0), 5);
        var admin = new Made("Absent", "b", At(0), 1);

        var trainerFirst = Decide(new Current(trainer, 1), new Incoming(admin, 0));
        var adminFirst = Decide(new Current(admin, 1), new Incoming(trainer, 0));

        Assert.That(trainerFirst.Mark, Is.EqualTo(adminFirst.Mark));
        Assert.That(trainerFirst.Mark, Is.EqualTo("Present"), "same instant: the order goes by who made it, then the mark");
        Assert.That((trainerFirst.Outcome, adminFirst.Outcome), Is.EqualTo((Outcome.Outdated, Outcome.Replaced)));
    }

    [Test]
    public void Two_long_notes_are_cut_to_the_notes_length_and_say_so()
    {
        var note = BothNotes(new string('a', 300), new string('b', 300))!;

        Assert.That(note, Has.Length.EqualTo(NoteLength));
        Assert.That(note, Does.StartWith(new string('a', 300) + NoteSeparator).And.EndWith("b…"));
    }

    /// <summary>The phone's times as "+minutes from 09:00"; received at 09:30 by the server's clock.</summary>
    [TestCase(null, null, ExpectedResult = "30", TestName = "A mark sent without its time was made when it arrived")]
    [TestCase(20.0, 29.0, ExpectedResult = "21", TestName = "A phone's times move by how far its clock is off as it sends")]
    [TestCase(-100.0, -91.0, ExpectedResult = "21", TestName = "A phone two hours behind is put right")]
    [TestCase(80.0, 89.0, ExpectedResult = "21", TestName = "A phone an hour ahead is put right")]
    [TestCase(20.0, null, ExpectedResult = "20", TestName = "A phone that does not say its clock is taken at its word")]
    [TestCase(31.0, 30.0, ExpectedResult = "30", TestName = "A mark a moment after its sending counts as made on arrival")]
    [TestCase(33.0, 30.0, ExpectedResult = "refused", TestName = "A mark dated after its sending by more than the tolerance is refused")]
    [TestCase(200.0, null, ExpectedResult = "refused", TestName = "A mark dated in the future is refused")]
    public string MadeAt_is_the_phones_time_corrected_by_its_clock_offset(double? markedMinute, double? sentMinute)
    {
        DateTimeOffset? Phone(double? minute) => minute is { } m ? new DateTimeOffset(At(m)) : null;
        var made = MadeAt(Phone(markedMinute), Phone(sentMinute), At(30));
        return made is { } t ? ((t - Nine).TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) : "refused";
    }

    /// <summary>
    /// One of two marks for the same person and session: who made it, which, when by the server's clock (minutes from
    /// 09:00), online (its page showed the marks that had arrived when it was made; it arrives as it is made) or
    /// offline (it showed none; it arrives later), and how far its phone's clock is ahead (minutes; negative: behind).
    /// </summary>
    public sealed record Side(string Name, long User, string Mark, int Made, bool Online, int ClockAhead);

    /// <summary>
    /// Every possible timeline of two marks: arrival order × made order × online/offline × same/different user × clock
    /// offset. A timeline that cannot happen (an online mark arrives as it is made) is left out, not skipped.
    /// </summary>
    private static IEnumerable<TestCaseData> TwoMarks()
    {
        foreach (var aFirst in new[] { true, false })
        foreach (var aLater in new[] { true, false })
        foreach (var aOnline in new[] { true, false })
        foreach (var bOnline in new[] { true, false })
        foreach (var sameUser in new[] { true, false })
        foreach (var bClock in new[] { 0, -120, 60 })
        {
            var a = new Side("A", 1, "Present", aLater ? 3 : 0, aOnline, 0);
            var b = new Side("B", sameUser ? 1 : 2, "Absent", aLater ? 0 : 3, bOnline, bClock);
            var (first, second) = aFirst ? (a, b) : (b, a);
            // An online mark arrives as it is made; offline ones later, the first at 09:10, the second at 09:20.
            var firstArrives = first.Online ? first.Made : 10;
            var secondArrives = second.Online ? second.Made : 20;
            if (secondArrives <= firstArrives) continue;
            yield return new TestCaseData(first, firstArrives, second, secondArrives).SetName(
                $"{first.Name} arrives first, {(aLater ? "A" : "B")} made later, A {(aOnline ? "online" : "offline")}, B {(bOnline ? "online" : "offline")}, " +
                $"{(sameUser ? "same user" : "two users")}, B's clock {(bClock == 0 ? "right" : bClock > 0 ? $"{bClock} min ahead" : $"{-bClock} min behind")}");
        }
    }

    [TestCaseSource(nameof(TwoMarks))]
    public void The_mark_made_later_wins_whatever_order_they_arrive_in(Side first, int firstArrives, Side second, int secondArrives)
    {
        Current? held = null;
        var outcomes = new List<Outcome>();
        foreach (var (side, arrives) in new[] { (first, firstArrives), (second, secondArrives) })
        {
            // What the phone sends: its own clock's times of the mark and of sending.
            var made = MadeAt(new DateTimeOffset(At(side.Made + side.ClockAhead)), new DateTimeOffset(At(arrives + side.ClockAhead)), At(arrives))!.Value;
            var sawHeld = side.Online && held is not null;
            var decision = Decide(held, new Incoming(new Made(side.Mark, $"note {side.Name}", made, side.User), sawHeld ? held!.Version : 0));
            outcomes.Add(decision.Outcome);
            var madeBy = decision.Outcome == Outcome.Outdated ? held!.Made.MadeBy : side.User;
            held = new Current(new Made(decision.Mark, decision.Note, decision.MadeAt, madeBy), (held?.Version ?? 0) + 1);
        }

        var later = first.Made > second.Made ? first : second;
        var earlier = later == first ? second : first;
        var secondSawFirst = second.Online;
        Assert.That(held!.Made.Mark, Is.EqualTo(later.Mark), "the mark made later is the mark");
        Assert.That(outcomes[0], Is.EqualTo(Outcome.Added));
        Assert.That(outcomes[1], Is.EqualTo(secondSawFirst ? Outcome.Corrected : later == second ? Outcome.Replaced : Outcome.Outdated));
        Assert.That(held.Made.Note, Is.EqualTo(secondSawFirst ? $"note {later.Name}" : $"note {earlier.Name} · note {later.Name}"),
            "a correction replaces the note it saw; marks made without seeing each other keep both notes, the earlier first");
        Assert.That(held.Made.MadeAt, Is.EqualTo(At(later.Made)), "made when it was made, whatever the phone's clock said");
    }
}
