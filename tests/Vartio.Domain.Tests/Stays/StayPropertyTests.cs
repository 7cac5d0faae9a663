using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

/// <summary>
/// Properties of the rule over random histories. Each test draws from a fixed seed, so a failure names its
/// case and reproduces.
/// </summary>
public sealed class StayPropertyTests
{
    private const int Cases = 150;

    [Fact]
    public void Control_AnyHistory_NeverCountsMoreThan180Days()
    {
        var random = new Random(4_180);
        for (var n = 0; n < Cases; n++)
        {
            // Long stays and short gaps, so that many histories overstay.
            var history = RandomHistory.Draw(random, stays: random.Next(1, 8), maxLength: 250, maxGap: 20, openLast: random.Next(2) == 0, exclusions: false);
            var control = Assess(StayCalculator.Control(history.Stays, history.LastDay), n);

            Assert.InRange(control.DaysUsed, 0, 180);
            Assert.Equal(control.Lawful, control.DaysUsed <= 90);
            Assert.Equal(Math.Max(0, control.DaysUsed - 90), control.OverstayDays);
        }
    }

    [Fact]
    public void Control_RandomHistories_AgreeWithTheDayByDayReading()
    {
        var random = new Random(90_180);
        for (var n = 0; n < Cases; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(0, 12), maxLength: 70, maxGap: 120, openLast: random.Next(2) == 0, exclusions: random.Next(3) == 0);
            var on = history.Stays.Count > 0 && history.Stays[^1].IsOpen ? history.LastDay : history.LastDay.PlusDays(random.Next(0, 60));
            var control = Assess(StayCalculator.Control(history.Stays, on, history.Excluded), n);
            var reference = new DayByDayReference(history.Stays, history.Excluded, on);

            var context = $"case {n}: {history} on {on}";
            Assert.True(reference.WindowCount(on) == control.DaysUsed, context);
            Assert.True(reference.IsPresent(on) == control.Present, context);
            Assert.True(control.Counted.Sum(r => r.Length) == control.DaysUsed, context);
            LocalDate? expectedExit = control.Present && control.Lawful ? reference.FirstDayOverLimitStayingFrom(on.PlusDays(1)).PlusDays(-1) : null;
            Assert.True(expectedExit == control.LatestExit, $"{context}: latest exit {control.LatestExit}, expected {expectedExit}");
        }
    }

    [Fact]
    public void Plan_RandomHistories_AgreeWithTheDayByDayReading()
    {
        var random = new Random(610_2013);
        for (var n = 0; n < Cases; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(0, 10), maxLength: 70, maxGap: 100, openLast: false, exclusions: random.Next(2) == 0);
            var entry = history.LastDay.PlusDays(random.Next(0, 150));
            var plan = Assess(StayCalculator.Plan(history.Stays, entry, history.Excluded), n);
            var reference = new DayByDayReference(history.Stays, history.Excluded, entry);

            var context = $"case {n}: {history} entering {entry}";
            var maxDays = reference.MaxDaysFrom(entry);
            Assert.True(maxDays == plan.MaxDays, $"{context}: {plan.MaxDays} days, expected {maxDays}");
            Assert.True((maxDays > 0 ? entry.PlusDays(maxDays - 1) : (LocalDate?)null) == plan.LatestExit, context);
            Assert.True(reference.CountedIn(entry.PlusDays(-179), entry.PlusDays(-1)) == plan.DaysUsedBeforeEntry, context);
            Assert.True(reference.FullStayFrom(entry) == plan.FullStayFrom, $"{context}: full stay from {plan.FullStayFrom}, expected {reference.FullStayFrom(entry)}");
        }
    }

    [Fact]
    public void Plan_StayOfMaxDays_IsLawfulOnEachDayAndOneMoreIsNot()
    {
        var random = new Random(2_016_399);
        for (var n = 0; n < Cases; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(0, 8), maxLength: 80, maxGap: 90, openLast: false, exclusions: random.Next(3) == 0);
            var entry = history.LastDay.PlusDays(random.Next(0, 100));
            var plan = Assess(StayCalculator.Plan(history.Stays, entry, history.Excluded), n);
            var withStay = history.Stays.Append(new Stay(entry, null)).ToList();

            for (var day = entry; day < entry.PlusDays(plan.MaxDays); day = day.PlusDays(1))
            {
                var control = Assess(StayCalculator.Control(withStay, day, history.Excluded), n);
                Assert.True(control.Lawful, $"case {n}: {history} entering {entry}: unlawful on {day}, within the {plan.MaxDays} days planned");
                Assert.Equal(plan.LatestExit, control.LatestExit);
            }

            var dayAfter = Assess(StayCalculator.Control(withStay, entry.PlusDays(plan.MaxDays), history.Excluded), n);
            Assert.False(dayAfter.Lawful, $"case {n}: {history} entering {entry}: still lawful on day {plan.MaxDays + 1}");
        }
    }

    [Fact]
    public void Assessments_StaysInAnyOrder_GiveTheSameResult()
    {
        var random = new Random(18_10_2013);
        for (var n = 0; n < Cases; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(2, 12), maxLength: 60, maxGap: 60, openLast: random.Next(2) == 0, exclusions: random.Next(2) == 0);
            var shuffled = history.Stays.OrderBy(_ => random.Next()).ToList();
            var shuffledExcluded = history.Excluded.OrderBy(_ => random.Next()).ToList();

            var control = Assess(StayCalculator.Control(history.Stays, history.LastDay, history.Excluded), n);
            var control2 = Assess(StayCalculator.Control(shuffled, history.LastDay, shuffledExcluded), n);
            Assert.Equal(control.Explanation(), control2.Explanation());
            Assert.Equal(control.Counted, control2.Counted);
            Assert.Equal(control.LatestExit, control2.LatestExit);

            if (!history.Stays[^1].IsOpen)
            {
                var entry = history.LastDay.PlusDays(random.Next(0, 60));
                var plan = Assess(StayCalculator.Plan(history.Stays, entry, history.Excluded), n);
                var plan2 = Assess(StayCalculator.Plan(shuffled, entry, shuffledExcluded), n);
                Assert.Equal(plan.Explanation(), plan2.Explanation());
                Assert.Equal(plan.CountedInLimitWindow, plan2.CountedInLimitWindow);
                Assert.Equal(plan.FullStayFrom, plan2.FullStayFrom);
            }
        }
    }

    [Fact]
    public void Assessments_LongHistoriesInOrderAndShuffled_GiveTheSameResult()
    {
        // Hundreds of short stays, so that most lie before any window of interest: in order they are only
        // checked, shuffled they are sorted first, and both must come to the same answers.
        var random = new Random(2_016_1_4);
        for (var n = 0; n < 40; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(50, 400), maxLength: 4, maxGap: 8, openLast: random.Next(2) == 0, exclusions: false);
            var shuffled = history.Stays.OrderBy(_ => random.Next()).ToList();

            var control = Assess(StayCalculator.Control(history.Stays, history.LastDay), n);
            var control2 = Assess(StayCalculator.Control(shuffled, history.LastDay), n);
            Assert.Equal(control.Explanation(), control2.Explanation());
            Assert.Equal(control.LatestExit, control2.LatestExit);

            if (!history.Stays[^1].IsOpen)
            {
                var entry = history.LastDay.PlusDays(random.Next(0, 60));
                var plan = Assess(StayCalculator.Plan(history.Stays, entry), n);
                var plan2 = Assess(StayCalculator.Plan(shuffled, entry), n);
                Assert.Equal(plan.Explanation(), plan2.Explanation());
                Assert.Equal(plan.FullStayFrom, plan2.FullStayFrom);
            }
        }
    }

    [Fact]
    public void Control_LongHistoryInOrderWithOneFault_IsRejectedNamingTheStay()
    {
        // One fault anywhere in an ordered history, long ago or recent: in order the stays are checked
        // without sorting, and no fault may slip through that check.
        var random = new Random(6_10_2013);
        for (var n = 0; n < 200; n++)
        {
            var history = RandomHistory.Draw(random, stays: random.Next(2, 300), maxLength: 4, maxGap: 8, openLast: false, exclusions: false);
            var stays = history.Stays.ToList();
            var at = random.Next(stays.Count);
            var stay = stays[at];
            var (fault, faulty) = random.Next(5) switch
            {
                0 => ("exit before entry", stay with { Exit = stay.Entry.PlusDays(-1) }),
                1 => ("open before the last", stay with { Exit = null }),
                2 => ("overlapping the one before", stay with { Entry = at > 0 ? stays[at - 1].Exit!.Value.PlusDays(-1) : stay.Entry.PlusDays(-1) }),
                3 => ("after the control date", stay with { Exit = history.LastDay.PlusDays(1) }),
                _ => ("in another calendar", stay with { Entry = stay.Entry.WithCalendar(CalendarSystem.Julian) }),
            };
            stays[at] = faulty;
            if ((fault == "open before the last" && at == stays.Count - 1) || (fault == "overlapping the one before" && at == 0))
            {
                continue; // not a fault there
            }

            var result = StayCalculator.Control(stays, history.LastDay);

            // An overlap is reported against the later of the two stays in date order, naming both.
            Assert.False(result.IsValid, $"case {n}: stay {at} {fault} was accepted");
            Assert.Contains(result.Problems, p => StayFields.StayIndex(p.Field) == at || p.Message.Contains(faulty.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Control_OneStayInAnyYear_AgreesWithCalendarArithmetic()
    {
        // Day counting across the Gregorian leap rules (1900 and 2100 are not leap years, 2000 is), from
        // 1900 to 9998, checked against NodaTime's own date arithmetic.
        var random = new Random(1_900_2100);
        for (var n = 0; n < 2_000; n++)
        {
            var entry = new LocalDate(1900, 1, 1).PlusDays(random.Next(0, 2_900_000));
            var length = random.Next(1, 181);
            var on = entry.PlusDays(length - 1);
            var control = Assess(StayCalculator.Control([new Stay(entry, null)], on), n);

            Assert.Equal(on.PlusDays(-179), control.Window.Start);
            Assert.Equal(length, control.DaysUsed);
            Assert.Equal(length <= 90 ? entry.PlusDays(89) : null, control.LatestExit);
        }
    }

    [Theory]
    [InlineData(1900, 3)] // not a leap year: 27, 28 February, 1 March
    [InlineData(2000, 4)] // a leap year: 27, 28, 29 February, 1 March
    [InlineData(2100, 3)]
    [InlineData(2400, 4)]
    public void Control_StayOverTheEndOfFebruary_CountsTheLeapDayOnlyInLeapYears(int year, int days)
    {
        var control = Assess(StayCalculator.Control([new Stay(new LocalDate(year, 2, 27), new LocalDate(year, 3, 1))], new LocalDate(year, 3, 1)), 0);

        Assert.Equal(days, control.DaysUsed);
    }

    private static T Assess<T>(StayResult<T> result, int n)
        where T : class
    {
        Assert.True(result.IsValid, $"case {n}: " + string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Assessment!;
    }
}

/// <summary>A random, valid history: stays in date order, some re-entering on the day of exit.</summary>
internal sealed record RandomHistory(IReadOnlyList<Stay> Stays, IReadOnlyList<ExcludedPeriod> Excluded, LocalDate LastDay)
{
    public static RandomHistory Draw(Random random, int stays, int maxLength, int maxGap, bool openLast, bool exclusions)
    {
        var start = new LocalDate(2022, 1, 1).PlusDays(random.Next(0, 365));
        var list = new List<Stay>();
        var day = start;
        for (var i = 0; i < stays; i++)
        {
            var entry = i == 0 ? day : day.PlusDays(random.Next(4) == 0 ? 0 : random.Next(1, maxGap + 1));
            var exit = entry.PlusDays(random.Next(0, maxLength));
            list.Add(new Stay(entry, openLast && i == stays - 1 ? null : exit));
            day = exit;
        }

        var excluded = new List<ExcludedPeriod>();
        if (exclusions)
        {
            // Anywhere from before the history to well after it, so planning meets permits ahead as well.
            var span = Period.DaysBetween(start, day) + 200;
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                var from = start.PlusDays(random.Next(-30, span));
                excluded.Add(new ExcludedPeriod(from, from.PlusDays(random.Next(0, 120))));
            }
        }

        return new RandomHistory(list, excluded, day);
    }

    public override string ToString() =>
        $"stays [{string.Join(", ", Stays)}] excluded [{string.Join(", ", Excluded)}]";
}
