using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// Validated stays as sorted, joined runs of day numbers, and the excluded days likewise. The runs may
/// begin with the first stay that can reach a window of interest rather than with the first stay of all.
/// </summary>
internal sealed class StayHistory(DayRange[] presence, DayRange[] excluded)
{
    private DayRange[]? counted;

    public DayRange[] Presence { get; } = presence;

    public DayRange[] Excluded { get; } = excluded;

    /// <summary>The days that count: presence less excluded days.</summary>
    public DayRange[] Counted => counted ??= Excluded.Length == 0 ? Presence : [.. PresenceSweep.Subtract(Presence, Excluded)];

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
