using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// Validated stays as sorted, joined runs of day numbers, and the excluded days likewise.
/// </summary>
/// <remarks>
/// Stays given in order with nothing excluded are held as <see cref="RecentDays"/>, the only days any window
/// of interest reaches, and turned into runs (beginning at the first of those days) only when an
/// explanation asks for them.
/// </remarks>
internal sealed class StayHistory
{
    private readonly RecentDays recent;
    private readonly bool heldAsRecentDays;
    private DayRange[]? presence;
    private DayRange[]? counted;

    public StayHistory(DayRange[] presence, DayRange[] excluded)
    {
        this.presence = presence;
        Excluded = excluded;
    }

    public StayHistory(RecentDays recent)
    {
        this.recent = recent;
        heldAsRecentDays = true;
        Excluded = [];
    }

    public DayRange[] Presence => presence ??= recent.ToRuns();

    public DayRange[] Excluded { get; }

    /// <summary>The days that count: presence less excluded days.</summary>
    public DayRange[] Counted => counted ??= Excluded.Length == 0 ? Presence : [.. PresenceSweep.Subtract(Presence, Excluded)];

    /// <summary>How many days from <paramref name="from"/> to <paramref name="to"/> count.</summary>
    public int CountIn(int from, int to) =>
        heldAsRecentDays ? recent.CountIn(from, to) : PresenceSweep.CountIn(Counted, from, to);

    /// <summary>The last day of presence; null when there is none.</summary>
    public int? LastPresentDay() =>
        heldAsRecentDays ? recent.LastDay() : Presence.Length > 0 ? Presence[^1].End : null;

    /// <summary>The last day that counts; null when there is none.</summary>
    public int? LastCountedDay() =>
        heldAsRecentDays ? recent.LastDay() : Counted.Length > 0 ? Counted[^1].End : null;

    /// <summary>
    /// Staying on every day from <paramref name="start"/>, every one of them counted: the first day whose
    /// window would hold more than 90 days (<see cref="PresenceSweep.FirstDayOverLimitStayingFrom"/>).
    /// </summary>
    public int FirstDayOverLimitStayingFrom(int start, int? counted = null) => heldAsRecentDays
        ? recent.FirstDayOverLimitStayingFrom(start, counted)
        : PresenceSweep.FirstDayOverLimitStayingFrom(Counted, start, counted);

    /// <summary>
    /// The counted days followed by a stay from <paramref name="from"/> with no end, less excluded days.
    /// Only what can still be in a window of a day from <paramref name="from"/> on is copied.
    /// </summary>
    public DayRange[] WithStayFrom(int from)
    {
        var recent = Counted.AsSpan(PresenceSweep.FirstEndingOnOrAfter(Counted, from - PresenceSweep.WindowDays));
        var runs = new List<DayRange>(recent.Length + 2);
        runs.AddRange(recent);
        foreach (var run in PresenceSweep.Subtract([new DayRange(from, PresenceSweep.Unbounded)], Excluded))
        {
            PresenceSweep.AppendJoined(runs, run);
        }

        return [.. runs];
    }

    /// <summary>Counted days within [from, to], as dates.</summary>
    public IReadOnlyList<DateInterval> CountedIn(int from, int to) => Dates(PresenceSweep.Clip(Counted, from, to));

    /// <summary>Days present within [from, to] that do not count, as dates.</summary>
    public IReadOnlyList<DateInterval> NotCountedIn(int from, int to) => Dates(NotCountedRuns(from, to));

    /// <summary>Days present within [from, to] that do not count.</summary>
    public List<DayRange> NotCountedRuns(int from, int to)
    {
        var result = new List<DayRange>();
        foreach (var run in PresenceSweep.Clip(Presence, from, to))
        {
            result.AddRange(PresenceSweep.Clip(Excluded, run.Start, run.End));
        }

        return result;
    }

    public static IReadOnlyList<DateInterval> Dates(List<DayRange> runs) =>
        runs.ConvertAll(r => new DateInterval(DayNumbers.ToDate(r.Start), DayNumbers.ToDate(r.End)));
}
