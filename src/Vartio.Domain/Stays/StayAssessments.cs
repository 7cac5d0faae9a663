using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>The rule every assessment applies, with its source.</summary>
public static class StayRule
{
    public const int MaxDays = 90;

    public const int WindowDays = 180;

    /// <summary>
    /// The current definition applies from 18 October 2013, when Regulation (EU) No 610/2013 replaced
    /// "90 days per 180-day period from the first entry" with the rolling window.
    /// </summary>
    public static LocalDate InForceFrom { get; } = new(2013, 10, 18);

    public const string Text =
        "At most 90 days of stay in any 180-day period: on each day of stay, the days of presence in the 180 days " +
        "ending that day may number at most 90. The days of entry and exit count as whole days, a day of exit " +
        "and re-entry counts once, and days under a residence permit or long-stay visa do not count. " +
        "Regulation (EU) 2016/399 (Schengen Borders Code), Art. 6(1) and 6(2).";

    private static readonly int InForceFromDay = DayNumbers.Of(InForceFrom);

    /// <summary>The warnings for a window that begins on <paramref name="windowStart"/>, a day number.</summary>
    internal static IReadOnlyList<string> Warnings(int windowStart) =>
        windowStart < InForceFromDay ? [OldRuleWarning(DayNumbers.ToDate(windowStart))] : [];

    private static string OldRuleWarning(LocalDate windowStart) =>
        string.Create(CultureInfo.InvariantCulture, $"The window begins on {StayText.Date(windowStart)}, before the rule took its current form on 2013-10-18 (Regulation (EU) No 610/2013); the days before that date were counted under the current rule.");
}

/// <summary>A check at a date: is the traveller within 90 days in the 180 days ending that date.</summary>
/// <remarks>The window, the warnings and the runs of days behind the answer are made only when asked for.</remarks>
public sealed class StayControl
{
    private readonly StayHistory history;
    private readonly int onDay;
    private DateInterval? window;
    private IReadOnlyList<string>? warnings;
    private IReadOnlyList<DateInterval>? counted;
    private IReadOnlyList<DateInterval>? notCounted;

    internal StayControl(
        LocalDate on,
        int onDay,
        int daysUsed,
        bool lawful,
        bool present,
        LocalDate? latestExit,
        StayHistory history)
    {
        On = on;
        this.onDay = onDay;
        DaysUsed = daysUsed;
        Lawful = lawful;
        Present = present;
        LatestExit = latestExit;
        this.history = history;
    }

    public LocalDate On { get; }

    /// <summary>The 180 days ending on the control date.</summary>
    public DateInterval Window => window ??= new DateInterval(DayNumbers.ToDate(WindowStartDay), On);

    /// <summary>Days of stay counted in the window.</summary>
    public int DaysUsed { get; }

    /// <summary>Whether the window holds at most 90 days.</summary>
    public bool Lawful { get; }

    /// <summary>Days counted in the window beyond the 90 allowed; 0 when lawful.</summary>
    public int OverstayDays => Math.Max(0, DaysUsed - StayRule.MaxDays);

    /// <summary>Whether a stay covers the control date (it is open, or its exit is that date).</summary>
    public bool Present { get; }

    /// <summary>
    /// When the traveller is present and within the limit: the last day the present stay may continue to.
    /// Null otherwise.
    /// </summary>
    public LocalDate? LatestExit { get; }

    /// <summary>The runs of counted days inside the window.</summary>
    public IReadOnlyList<DateInterval> Counted => counted ??= history.CountedIn(WindowStartDay, onDay);

    /// <summary>Days of presence inside the window that do not count (residence permit, long-stay visa).</summary>
    public IReadOnlyList<DateInterval> NotCounted => notCounted ??= history.NotCountedIn(WindowStartDay, onDay);

    private int WindowStartDay => onDay - (StayRule.WindowDays - 1);

    /// <summary>Notes on how far the answer can be relied on, such as a window reaching before 2013-10-18.</summary>
    public IReadOnlyList<string> Warnings => warnings ??= StayRule.Warnings(WindowStartDay);

    public string Rule => StayRule.Text;

    /// <summary>How the answer was reached, one sentence each.</summary>
    public IReadOnlyList<string> Explanation()
    {
        var lines = new List<string>
        {
            Line($"The 180-day window for {StayText.Date(On)} runs from {StayText.Date(Window.Start)} to {StayText.Date(Window.End)}."),
            Counted.Count == 0
                ? "No days of stay fall in it."
                : Line($"Days of stay in it: {string.Join(", ", Counted.Select(StayText.Range))}; {StayText.Days(DaysUsed)} in all."),
        };
        if (NotCounted.Count > 0)
        {
            lines.Add(Line($"Not counted (residence permit or long-stay visa): {string.Join(", ", NotCounted.Select(StayText.Range))}."));
        }

        lines.Add(Lawful
            ? Line($"{DaysUsed} of at most {StayRule.MaxDays} days: within the limit.")
            : Line($"{DaysUsed} of at most {StayRule.MaxDays} days: an overstay of {StayText.Days(OverstayDays)}."));
        if (LatestExit is { } latest)
        {
            lines.Add(Line($"Staying on, the present stay may last until {StayText.Date(latest)}; the next day would be the 91st in its window."));
        }
        else if (!Present)
        {
            lines.Add("The traveller is not in the area on this date.");
        }

        lines.AddRange(Warnings);
        return lines;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A planned entry: how many consecutive days the traveller may stay from it.</summary>
/// <remarks>The runs of days behind the answer are only turned into dates when asked for.</remarks>
public sealed class StayPlan
{
    private readonly StayHistory history;
    private IReadOnlyList<DateInterval>? countedBeforeEntry;
    private IReadOnlyList<DateInterval>? countedInLimitWindow;
    private IReadOnlyList<DateInterval>? notCounted;

    internal StayPlan(
        LocalDate entry,
        int maxDays,
        LocalDate? latestExit,
        int daysUsedBeforeEntry,
        LocalDate fullStayFrom,
        DateInterval entryWindow,
        DateInterval limitWindow,
        StayHistory history,
        IReadOnlyList<string> warnings)
    {
        Entry = entry;
        MaxDays = maxDays;
        LatestExit = latestExit;
        DaysUsedBeforeEntry = daysUsedBeforeEntry;
        FullStayFrom = fullStayFrom;
        EntryWindow = entryWindow;
        LimitWindow = limitWindow;
        this.history = history;
        Warnings = warnings;
    }

    public LocalDate Entry { get; }

    /// <summary>Consecutive days the traveller may stay, the day of entry included; 0 when entry on that date is not lawful.</summary>
    public int MaxDays { get; }

    /// <summary>The last day of that stay; null when <see cref="MaxDays"/> is 0.</summary>
    public LocalDate? LatestExit { get; }

    /// <summary>Days counted in the 179 days before the entry, which share its window.</summary>
    public int DaysUsedBeforeEntry { get; }

    /// <summary>The earliest entry date, on or after the planned one, from which 90 consecutive days are possible.</summary>
    public LocalDate FullStayFrom { get; }

    /// <summary>The 180 days ending on the day of entry.</summary>
    public DateInterval EntryWindow { get; }

    /// <summary>The first day the stay could not reach: staying on to it would put a 91st day in its window.</summary>
    public LocalDate LimitDay => LimitWindow.End;

    /// <summary>The 180 days ending on <see cref="LimitDay"/>.</summary>
    public DateInterval LimitWindow { get; }

    /// <summary>The runs of counted days in the entry window before the day of entry.</summary>
    public IReadOnlyList<DateInterval> CountedBeforeEntry =>
        countedBeforeEntry ??= history.CountedIn(DayNumbers.Of(EntryWindow.Start), DayNumbers.Of(Entry) - 1);

    /// <summary>The counted days in the limit window, the planned stay included.</summary>
    public IReadOnlyList<DateInterval> CountedInLimitWindow => countedInLimitWindow ??= StayHistory.Dates(
        PresenceSweep.Clip(history.WithStayFrom(DayNumbers.Of(Entry)), DayNumbers.Of(LimitWindow.Start), DayNumbers.Of(LimitDay)));

    /// <summary>Days in either window that do not count (residence permit, long-stay visa).</summary>
    public IReadOnlyList<DateInterval> NotCounted => notCounted ??= NotCountedInWindows();

    /// <summary>Notes on how far the answer can be relied on, such as a window reaching before 2013-10-18.</summary>
    public IReadOnlyList<string> Warnings { get; }

    private IReadOnlyList<DateInterval> NotCountedInWindows()
    {
        // Before entry: presence that did not count; from entry on: the excluded days the stay would cross.
        var entry = DayNumbers.Of(Entry);
        var limit = DayNumbers.Of(LimitDay);
        var runs = history.NotCountedRuns(DayNumbers.Of(EntryWindow.Start), entry - 1);
        foreach (var run in PresenceSweep.Clip(history.Excluded, Math.Max(entry, DayNumbers.Of(LimitWindow.Start)), limit))
        {
            PresenceSweep.AppendJoined(runs, run);
        }

        return StayHistory.Dates(runs);
    }

    public string Rule => StayRule.Text;

    /// <summary>How the answer was reached, one sentence each.</summary>
    public IReadOnlyList<string> Explanation()
    {
        var lines = new List<string>
        {
            CountedBeforeEntry.Count == 0
                ? Line($"No days of stay fall in the 179 days before {StayText.Date(Entry)} ({StayText.Date(EntryWindow.Start)} to {StayText.Date(EntryWindow.End.PlusDays(-1))}).")
                : Line($"In the 179 days before {StayText.Date(Entry)}: {string.Join(", ", CountedBeforeEntry.Select(StayText.Range))}; {StayText.Days(DaysUsedBeforeEntry)} in all."),
        };
        if (NotCounted.Count > 0)
        {
            lines.Add(Line($"Not counted (residence permit or long-stay visa): {string.Join(", ", NotCounted.Select(StayText.Range))}."));
        }

        var limitCount = CountedInLimitWindow.Sum(r => r.Length);
        lines.Add(Line($"Staying from {StayText.Date(Entry)} on, the window of {StayText.Date(LimitDay)} ({StayText.Date(LimitWindow.Start)} to {StayText.Date(LimitWindow.End)}) would hold {StayText.Days(limitCount)}, over the {StayRule.MaxDays} allowed."));
        lines.Add(LatestExit is { } latest
            ? Line($"So the traveller may stay {StayText.Days(MaxDays)}, until {StayText.Date(latest)}.")
            : Line($"So the traveller may not enter on {StayText.Date(Entry)}."));
        lines.Add(FullStayFrom == Entry
            ? "A full stay of 90 days is possible from this date."
            : Line($"A full stay of 90 days is possible from {StayText.Date(FullStayFrom)}."));
        lines.AddRange(Warnings);
        return lines;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
