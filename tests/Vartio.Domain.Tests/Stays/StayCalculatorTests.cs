using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

public sealed class StayCalculatorTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Stay S(LocalDate entry, LocalDate? exit) => new(entry, exit);

    private static StayControl Control(LocalDate on, params Stay[] stays) => Assess(StayCalculator.Control(stays, on));

    private static StayPlan Plan(LocalDate entry, params Stay[] stays) => Assess(StayCalculator.Plan(stays, entry));

    private static T Assess<T>(StayResult<T> result)
        where T : class
    {
        Assert.True(result.IsValid, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Assessment!;
    }

    // Worked examples of the Swiss State Secretariat for Migration (SEM), published with its guide to the
    // 90/180 rule.

    [Fact]
    public void Plan_SwissExampleOneEarlierStay_AllowsNinetyDays()
    {
        var plan = Plan(D(2015, 1, 1), S(D(2014, 8, 15), D(2014, 9, 30)));

        Assert.Equal(90, plan.MaxDays);
        // 90 days from 1 January 2015, the day of entry included: 31 + 28 + 31 days.
        Assert.Equal(D(2015, 3, 31), plan.LatestExit);
        // 15 August to 30 September: 17 + 30 days, all within the 179 days before 1 January.
        Assert.Equal(47, plan.DaysUsedBeforeEntry);
        Assert.Equal(D(2015, 1, 1), plan.FullStayFrom);
    }

    [Fact]
    public void Control_SwissExampleTwoStaysAtExit_IsLawfulWithSeventySevenDays()
    {
        var control = Control(D(2014, 11, 30), S(D(2014, 8, 15), D(2014, 9, 30)), S(D(2014, 11, 1), D(2014, 11, 30)));

        Assert.True(control.Lawful);
        Assert.Equal(77, control.DaysUsed);
        Assert.Equal(0, control.OverstayDays);
        Assert.True(control.Present);
        // 13 more days bring the window to 90; 4 June is still its first day then, so nothing has left it.
        Assert.Equal(D(2014, 12, 13), control.LatestExit);
        Assert.Equal(new DateInterval(D(2014, 6, 4), D(2014, 11, 30)), control.Window);
    }

    // Cases worked by hand.

    [Fact]
    public void Control_NinetiethDayOfOneStay_IsLawfulAndEndsThatDay()
    {
        // 1 January to 30 March 2024 is 31 + 29 + 30 = 90 days.
        var control = Control(D(2024, 3, 30), S(D(2024, 1, 1), null));

        Assert.Equal(90, control.DaysUsed);
        Assert.True(control.Lawful);
        Assert.Equal(D(2024, 3, 30), control.LatestExit);
    }

    [Fact]
    public void Control_NinetyFirstDayOfOneStay_IsOverstayOfOneDay()
    {
        var control = Control(D(2024, 3, 31), S(D(2024, 1, 1), null));

        Assert.Equal(91, control.DaysUsed);
        Assert.False(control.Lawful);
        Assert.Equal(1, control.OverstayDays);
        Assert.True(control.Present);
        Assert.Null(control.LatestExit);
    }

    [Fact]
    public void Control_ExitAndReentryOnTheSameDay_CountsThatDayOnce()
    {
        // 1–10 January and 10–20 January: 20 distinct days, not 21.
        var control = Control(D(2024, 1, 20), S(D(2024, 1, 1), D(2024, 1, 10)), S(D(2024, 1, 10), D(2024, 1, 20)));

        Assert.Equal(20, control.DaysUsed);
        Assert.Equal([new DateInterval(D(2024, 1, 1), D(2024, 1, 20))], control.Counted);
    }

    [Fact]
    public void Control_EntryAndExitOnTheSameDay_CountsOneDay()
    {
        var control = Control(D(2024, 2, 1), S(D(2024, 1, 15), D(2024, 1, 15)));

        Assert.Equal(1, control.DaysUsed);
        Assert.False(control.Present);
        Assert.Null(control.LatestExit);
    }

    [Fact]
    public void Control_DayOneHundredEightyBeforeTheDate_IsOutsideTheWindow()
    {
        // The window of 30 June 2024 begins 179 days earlier, on 3 January: 2 January has left it.
        var control = Control(D(2024, 6, 30), S(D(2024, 1, 2), D(2024, 1, 2)), S(D(2024, 1, 3), D(2024, 1, 3)));

        Assert.Equal(D(2024, 1, 3), control.Window.Start);
        Assert.Equal(1, control.DaysUsed);
    }

    [Fact]
    public void Control_ExitOnTheControlDate_CountsAsPresent()
    {
        var control = Control(D(2024, 1, 10), S(D(2024, 1, 1), D(2024, 1, 10)));

        Assert.True(control.Present);
        Assert.Equal(10, control.DaysUsed);
        // 80 more days: 11 January + 79 = 30 March.
        Assert.Equal(D(2024, 3, 30), control.LatestExit);
    }

    [Fact]
    public void Control_NoStays_IsLawfulAndAbsent()
    {
        var control = Control(D(2024, 1, 10));

        Assert.Equal(0, control.DaysUsed);
        Assert.True(control.Lawful);
        Assert.False(control.Present);
        Assert.Empty(control.Counted);
    }

    [Fact]
    public void Control_OldDaysLeavingTheWindow_LetThePresentStayRunLonger()
    {
        // 1–31 January (31 days), then from 1 May on. On 1 May the window holds 32 days and grows by one a
        // day; from 29 June (1 January + 180) each new day pushes a January day out, so the count rests at
        // 90 only if it reaches 90 before then. 31 + 59 = 90 on 28 June; on 29 June January's first day
        // leaves as the 91st arrives, and so on for all of January until 29 July; the day after, 30 July,
        // nothing leaves and the window would hold 91. The stay may last until 29 July.
        var control = Control(D(2024, 5, 1), S(D(2024, 1, 1), D(2024, 1, 31)), S(D(2024, 5, 1), null));

        Assert.Equal(32, control.DaysUsed);
        Assert.Equal(D(2024, 7, 29), control.LatestExit);
    }

    [Fact]
    public void Plan_SixtyDaysUsedLongEnoughBefore_StillAllowsNinety()
    {
        // 1 January to 29 February 2024 (60 days), entry on 1 June. The window of 1 June holds all 60, yet
        // each day of the new stay from 29 June pushes one of them out, and none of them is in the 90 days
        // before 1 June (from 3 March): the window of the stay's 90th day, 29 August, begins on 3 March.
        var plan = Plan(D(2024, 6, 1), S(D(2024, 1, 1), D(2024, 2, 29)));

        Assert.Equal(60, plan.DaysUsedBeforeEntry);
        Assert.Equal(90, plan.MaxDays);
        Assert.Equal(D(2024, 8, 29), plan.LatestExit);
        Assert.Equal(D(2024, 8, 30), plan.LimitDay);
    }

    [Fact]
    public void Plan_DaysLeavingDuringTheStay_AllowMoreThanNinetyLessUsed()
    {
        // 1–31 January and 1–30 April 2024 (61 days), entry on 1 June: not 90 − 61 = 29 days. The window
        // holds 62 on 1 June and 89 on 28 June; January then leaves one day a day until 29 July while the
        // stay adds one a day, so 89 holds; 30 July makes 90 and 31 July would make 91. 1 June to 30 July
        // is 60 days.
        var plan = Plan(D(2024, 6, 1), S(D(2024, 1, 1), D(2024, 1, 31)), S(D(2024, 4, 1), D(2024, 4, 30)));

        Assert.Equal(61, plan.DaysUsedBeforeEntry);
        Assert.Equal(60, plan.MaxDays);
        Assert.Equal(D(2024, 7, 30), plan.LatestExit);
        // April's last day is 30 April; 91 days later no day of it is among the 90 before entry.
        Assert.Equal(D(2024, 7, 30), plan.FullStayFrom);
    }

    [Fact]
    public void Plan_RecentStay_FullStayFromNinetyFirstDayAfterIt()
    {
        // 1–30 March 2024 (30 days), entry on 20 April: 30 + 60 = 90 on 18 June, before any March day
        // leaves (from 28 August). A full 90 days needs the 90 days before entry empty: from 29 June.
        var plan = Plan(D(2024, 4, 20), S(D(2024, 3, 1), D(2024, 3, 30)));

        Assert.Equal(60, plan.MaxDays);
        Assert.Equal(D(2024, 6, 18), plan.LatestExit);
        Assert.Equal(D(2024, 6, 29), plan.FullStayFrom);
    }

    [Fact]
    public void Plan_NinetyDaysJustUsed_AllowsNoEntry()
    {
        var plan = Plan(D(2024, 4, 1), S(D(2024, 1, 1), D(2024, 3, 30)));

        Assert.Equal(90, plan.DaysUsedBeforeEntry);
        Assert.Equal(0, plan.MaxDays);
        Assert.Null(plan.LatestExit);
        Assert.Equal(D(2024, 4, 1), plan.LimitDay);
        // Last day 30 March; 30 March + 91 = 29 June.
        Assert.Equal(D(2024, 6, 29), plan.FullStayFrom);
    }

    [Fact]
    public void Plan_ReentryOnTheDayOfExit_CountsThatDayOnce()
    {
        // 1–30 January (30 days), leaving and coming back on 30 January: the new stay's first day is the
        // old stay's last, so together they may run 90 days, 1 January to 30 March, which is 61 days from
        // 30 January.
        var plan = Plan(D(2024, 1, 30), S(D(2024, 1, 1), D(2024, 1, 30)));

        Assert.Equal(29, plan.DaysUsedBeforeEntry);
        Assert.Equal(61, plan.MaxDays);
        Assert.Equal(D(2024, 3, 30), plan.LatestExit);
    }

    [Fact]
    public void Plan_NoStays_AllowsNinetyDaysFromEntry()
    {
        var plan = Plan(D(2024, 1, 1));

        Assert.Equal(90, plan.MaxDays);
        Assert.Equal(D(2024, 3, 30), plan.LatestExit);
        Assert.Equal(D(2024, 1, 1), plan.FullStayFrom);
        Assert.Equal(0, plan.DaysUsedBeforeEntry);
    }

    // Residence permits and long-stay visas (Regulation (EU) 2016/399, Art. 6(2)).

    [Fact]
    public void Control_DaysUnderResidencePermit_AreNotCounted()
    {
        // 1 January to 9 April 2024 is 100 days; 20 of them (1–20 February) under a residence permit.
        var result = StayCalculator.Control(
            [S(D(2024, 1, 1), D(2024, 4, 9))], D(2024, 4, 9), [new ExcludedPeriod(D(2024, 2, 1), D(2024, 2, 20))]);

        var control = Assess(result);
        Assert.Equal(80, control.DaysUsed);
        Assert.True(control.Lawful);
        Assert.Equal([new DateInterval(D(2024, 2, 1), D(2024, 2, 20))], control.NotCounted);
        Assert.Equal(2, control.Counted.Count);
    }

    [Fact]
    public void Plan_ResidencePermitAhead_LetsTheStayRunIntoIt()
    {
        // Entering on 1 January 2024 with a residence permit from 1 March to 31 December: January and
        // February count (60 days), the permit's days do not, and by the time the permit ends the first
        // two months have left every window (29 February + 180 days is 27 August). From 1 January 2025 the
        // stay may count 90 days again: to 31 March 2025.
        var result = StayCalculator.Plan([], D(2024, 1, 1), [new ExcludedPeriod(D(2024, 3, 1), D(2024, 12, 31))]);

        var plan = Assess(result);
        Assert.Equal(D(2025, 3, 31), plan.LatestExit);
        Assert.Equal(D(2024, 1, 1), plan.FullStayFrom);
    }

    [Fact]
    public void Control_ExcludedPeriodEndingBeforeItBegins_IsRejected()
    {
        var result = StayCalculator.Control([], D(2024, 1, 1), [new ExcludedPeriod(D(2023, 5, 1), D(2023, 4, 1))]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("excluded[0].to", problem.Field);
        Assert.Contains("2023-05-01", problem.Message, StringComparison.Ordinal);
    }

    // Rejected input: each problem names the stay.

    [Fact]
    public void Control_OverlappingStays_AreRejectedNamingBoth()
    {
        var result = StayCalculator.Control(
            [S(D(2024, 1, 1), D(2024, 1, 20)), S(D(2024, 1, 15), D(2024, 2, 1))], D(2024, 3, 1));

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("stays[1]", problem.Field);
        Assert.Equal(1, StayFields.StayIndex(problem.Field));
        Assert.Contains("2024-01-15 – 2024-02-01", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-01 – 2024-01-20", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_StayInsideAnother_IsRejectedAgainstTheLongOne()
    {
        // The third stay overlaps the first, not the second it follows in date order.
        var result = StayCalculator.Control(
            [S(D(2024, 1, 1), D(2024, 1, 31)), S(D(2024, 1, 5), D(2024, 1, 6)), S(D(2024, 1, 10), D(2024, 1, 12))], D(2024, 3, 1));

        Assert.Equal([1, 2], result.Problems.Select(p => StayFields.StayIndex(p.Field)!.Value));
        Assert.All(result.Problems, p => Assert.Contains("2024-01-01 – 2024-01-31", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Control_ExitBeforeEntry_IsRejected()
    {
        var result = StayCalculator.Control([S(D(2024, 1, 10), D(2024, 1, 9))], D(2024, 3, 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("stays[0].exit", problem.Field);
        Assert.Contains("ends before it begins", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_StayBeginningAfterTheControlDate_IsRejected()
    {
        var result = StayCalculator.Control([S(D(2024, 1, 1), D(2024, 1, 5)), S(D(2024, 3, 2), null)], D(2024, 3, 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("stays[1].entry", problem.Field);
        Assert.Contains("after the control date (2024-03-01)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_StayEndingAfterTheControlDate_IsRejected()
    {
        var result = StayCalculator.Control([S(D(2024, 2, 1), D(2024, 3, 5))], D(2024, 3, 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("stays[0].exit", problem.Field);
    }

    [Fact]
    public void Control_OpenStayFollowedByAnother_IsRejected()
    {
        var result = StayCalculator.Control([S(D(2024, 1, 1), null), S(D(2024, 2, 1), D(2024, 2, 2))], D(2024, 3, 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, StayFields.StayIndex(problem.Field));
        Assert.Contains("(open)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OpenStay_IsRejected()
    {
        var result = StayCalculator.Plan([S(D(2024, 1, 1), null)], D(2024, 3, 1));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("stays[0].exit", problem.Field);
    }

    [Fact]
    public void Plan_StayEndingAfterTheEntry_IsRejected()
    {
        var result = StayCalculator.Plan([S(D(2024, 2, 1), D(2024, 3, 2))], D(2024, 3, 1));

        Assert.Equal("stays[0].exit", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void Control_SeveralFaults_AreAllReported()
    {
        var result = StayCalculator.Control(
            [S(D(2024, 1, 10), D(2024, 1, 1)), S(D(2024, 5, 1), null), S(D(1850, 1, 1), D(1850, 1, 2))],
            D(2024, 3, 1),
            [new ExcludedPeriod(D(2024, 2, 2), D(2024, 2, 1))]);

        Assert.Equal(["stays[0].exit", "stays[1].entry", "stays[2].entry", "stays[2].exit", "excluded[0].to"], result.Problems.Select(p => p.Field));
        Assert.Null(result.Assessment);
    }

    [Fact]
    public void Control_UnsortedStays_AreSorted()
    {
        var sorted = Control(D(2014, 11, 30), S(D(2014, 8, 15), D(2014, 9, 30)), S(D(2014, 11, 1), D(2014, 11, 30)));
        var unsorted = Control(D(2014, 11, 30), S(D(2014, 11, 1), D(2014, 11, 30)), S(D(2014, 8, 15), D(2014, 9, 30)));

        Assert.Equal(sorted.DaysUsed, unsorted.DaysUsed);
        Assert.Equal(sorted.LatestExit, unsorted.LatestExit);
        Assert.Equal(sorted.Counted, unsorted.Counted);
    }

    // The rule in its current form applies from 18 October 2013 (Regulation (EU) No 610/2013).

    [Fact]
    public void Control_WindowReachingBefore18October2013_Warns()
    {
        var control = Control(D(2014, 4, 1), S(D(2014, 1, 1), D(2014, 1, 31)));

        Assert.Equal(31, control.DaysUsed);
        Assert.Contains("2013-10-18", Assert.Single(control.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Control_WindowBeginningOn18October2013_DoesNotWarn()
    {
        // 18 October 2013 + 179 days = 15 April 2014.
        var control = Control(D(2014, 4, 15));

        Assert.Equal(D(2013, 10, 18), control.Window.Start);
        Assert.Empty(control.Warnings);
    }

    [Fact]
    public void Plan_EntryBefore2013_IsComputedWithAWarning()
    {
        var plan = Plan(D(2012, 6, 1), S(D(2012, 3, 1), D(2012, 3, 30)));

        Assert.Equal(60, plan.MaxDays);
        Assert.Single(plan.Warnings);
    }

    // The result explains itself.

    [Fact]
    public void Control_Explanation_NamesWindowCountedDaysAndRule()
    {
        var control = Control(D(2014, 11, 30), S(D(2014, 8, 15), D(2014, 9, 30)), S(D(2014, 11, 1), D(2014, 11, 30)));

        var text = string.Join("\n", control.Explanation());
        Assert.Contains("2014-06-04 to 2014-11-30", text, StringComparison.Ordinal);
        Assert.Contains("2014-08-15 – 2014-09-30 (47 days)", text, StringComparison.Ordinal);
        Assert.Contains("77 days in all", text, StringComparison.Ordinal);
        Assert.Contains("until 2014-12-13", text, StringComparison.Ordinal);
        Assert.Contains("Art. 6(1) and 6(2)", control.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Explanation_NamesTheLimitingWindow()
    {
        var plan = Plan(D(2015, 1, 1), S(D(2014, 8, 15), D(2014, 9, 30)));

        // 1 April 2015 would be the 91st day: its window, from 4 October 2014, holds only the new stay.
        Assert.Equal(new DateInterval(D(2014, 10, 4), D(2015, 4, 1)), plan.LimitWindow);
        Assert.Equal([new DateInterval(D(2015, 1, 1), D(2015, 4, 1))], plan.CountedInLimitWindow);
        var text = string.Join("\n", plan.Explanation());
        Assert.Contains("may stay 90 days, until 2015-03-31", text, StringComparison.Ordinal);
    }
}
