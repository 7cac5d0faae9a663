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

    internal static string OldRuleWarning(LocalDate windowStart) =>
        string.Create(CultureInfo.InvariantCulture, $"The window begins on {StayText.Date(windowStart)}, before the rule took its current form on 2013-10-18 (Regulation (EU) No 610/2013); the days before that date were counted under the current rule.");
}

/// <summary>A check at a date: is the traveller within 90 days in the 180 days ending that date.</summary>
/// <param name="Window">The 180 days ending on the control date.</param>
/// <param name="DaysUsed">Days of stay counted in the window.</param>
/// <param name="Lawful">Whether the window holds at most 90 days.</param>
/// <param name="OverstayDays">Days counted in the window beyond the 90 allowed; 0 when lawful.</param>
/// <param name="Present">Whether a stay covers the control date (it is open, or its exit is that date).</param>
/// <param name="LatestExit">
/// When the traveller is present and within the limit: the last day the present stay may continue to.
/// Null otherwise.
/// </param>
/// <param name="Counted">The runs of counted days inside the window.</param>
/// <param name="NotCounted">Days of presence inside the window that do not count (residence permit, long-stay visa).</param>
public sealed record StayControl(
    LocalDate On,
    DateInterval Window,
    int DaysUsed,
    bool Lawful,
    int OverstayDays,
    bool Present,
    LocalDate? LatestExit,
    IReadOnlyList<DateInterval> Counted,
    IReadOnlyList<DateInterval> NotCounted,
    IReadOnlyList<string> Warnings)
{
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
/// <param name="MaxDays">Consecutive days the traveller may stay, the day of entry included; 0 when entry on that date is not lawful.</param>
/// <param name="LatestExit">The last day of that stay; null when <paramref name="MaxDays"/> is 0.</param>
/// <param name="DaysUsedBeforeEntry">Days counted in the 179 days before the entry, which share its window.</param>
/// <param name="FullStayFrom">The earliest entry date, on or after the planned one, from which 90 consecutive days are possible.</param>
/// <param name="EntryWindow">The 180 days ending on the day of entry.</param>
/// <param name="CountedBeforeEntry">The runs of counted days in the entry window before the day of entry.</param>
/// <param name="LimitDay">
/// The first day the stay could not reach: staying on to it would put a 91st day in its window.
/// </param>
/// <param name="LimitWindow">The 180 days ending on <paramref name="LimitDay"/>.</param>
/// <param name="CountedInLimitWindow">The counted days in that window, the planned stay included.</param>
/// <param name="NotCounted">Days in either window that do not count (residence permit, long-stay visa).</param>
public sealed record StayPlan(
    LocalDate Entry,
    int MaxDays,
    LocalDate? LatestExit,
    int DaysUsedBeforeEntry,
    LocalDate FullStayFrom,
    DateInterval EntryWindow,
    IReadOnlyList<DateInterval> CountedBeforeEntry,
    LocalDate LimitDay,
    DateInterval LimitWindow,
    IReadOnlyList<DateInterval> CountedInLimitWindow,
    IReadOnlyList<DateInterval> NotCounted,
    IReadOnlyList<string> Warnings)
{
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
        lines.Add(Line($"Staying from {StayText.Date(Entry)} on, {StayText.Date(LimitDay)} would be day {limitCount} in its window {StayText.Date(LimitWindow.Start)} to {StayText.Date(LimitWindow.End)}, over the {StayRule.MaxDays} allowed."));
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
