using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

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
