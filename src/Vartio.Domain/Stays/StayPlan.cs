using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

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
