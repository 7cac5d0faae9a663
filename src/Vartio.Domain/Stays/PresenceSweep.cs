namespace Vartio.Domain.Stays;

/// <summary>
/// Counting over days of presence held as sorted, disjoint runs of days. Everything here costs time in
/// proportion to the number of runs, never to the number of days they span.
/// </summary>
internal static class PresenceSweep
{
    /// <summary>The length of the reference period: the day itself and the 179 before it.</summary>
    public const int WindowDays = 180;

    /// <summary>The days of stay a window may hold.</summary>
    public const int MaxDays = 90;

    /// <summary>Stands for "no end": far beyond any date, yet small enough that adding a window cannot overflow.</summary>
    public const int Unbounded = int.MaxValue / 4;

    /// <summary>How many days of <paramref name="days"/> fall in [from, to].</summary>
    public static int CountIn(ReadOnlySpan<DayRange> days, int from, int to)
    {
        var count = 0;
        for (var i = FirstEndingOnOrAfter(days, from); i < days.Length && days[i].Start <= to; i++)
        {
            count += Math.Min(days[i].End, to) - Math.Max(days[i].Start, from) + 1;
        }

        return count;
    }

    /// <summary>
    /// The first day on or after <paramref name="from"/> whose 180-day window holds more than 90 days of
    /// <paramref name="days"/>; null when there is none.
    /// </summary>
    /// <remarks>
    /// With f(d) the days counted in [d−179, d], f(d) − f(d−1) = in(d) − in(d−180): a day joins the window
    /// and the day 180 days earlier leaves it. That difference only changes where a run begins or ends, or
    /// 180 days after either, so f is linear between those points. The sweep walks the two sorted event
    /// lists (the run boundaries and the same boundaries shifted by 180 days) together and solves for the
    /// crossing of 90 inside each linear piece.
    /// </remarks>
    public static int? FirstDayOverLimit(ReadOnlySpan<DayRange> days, int from)
    {
        // Runs that end before the first window opens add nothing to any window from here on.
        days = days[FirstEndingOnOrAfter(days, from - (WindowDays - 1))..];
        if (days.IsEmpty)
        {
            return null;
        }

        var eventCount = 2 * days.Length;
        int joining = 0, leaving = 0;
        var slope = 0;
        long countBefore = 0; // f(cursor − 1)
        var cursor = days[0].Start;
        while (true)
        {
            while (joining < eventCount && Boundary(days, joining) == cursor)
            {
                slope += Direction(joining);
                joining++;
            }

            while (leaving < eventCount && Boundary(days, leaving) + WindowDays == cursor)
            {
                slope -= Direction(leaving);
                leaving++;
            }

            var next = Math.Min(
                joining < eventCount ? Boundary(days, joining) : int.MaxValue,
                leaving < eventCount ? Boundary(days, leaving) + WindowDays : int.MaxValue);

            // f is countBefore + slope × (d − cursor + 1) for d in [cursor, next).
            if (next > from)
            {
                var first = Math.Max(cursor, from);
                var atFirst = countBefore + ((long)slope * (first - cursor + 1));
                if (atFirst > MaxDays)
                {
                    return first;
                }

                if (slope > 0)
                {
                    var crossing = first + ((MaxDays + 1 - atFirst + slope - 1) / slope);
                    if (crossing < next)
                    {
                        return (int)crossing;
                    }
                }
            }

            if (next == int.MaxValue)
            {
                return null;
            }

            countBefore += (long)slope * (next - cursor);
            cursor = next;
        }
    }

    /// <summary>
    /// The first day on or after <paramref name="start"/> whose window holds more than 90 days, when the
    /// traveller is present on every day from <paramref name="start"/> on and every one of them counts.
    /// Only the days of <paramref name="history"/> before <paramref name="start"/> are looked at.
    /// </summary>
    /// <remarks>
    /// The window of the stay's k-th day holds the k days of the stay and the counted days among the last
    /// 180 − k of the 180 days before it. So with U of those 180 days counted, the k-th day is over the
    /// limit exactly when the first k of them hold more than 90 − U days that do not count: the answer is
    /// found by walking the gaps between runs, without the events of <see cref="FirstDayOverLimit"/>.
    /// </remarks>
    /// <param name="counted">The days of <paramref name="history"/> in the 180 days before <paramref name="start"/>, when already known.</param>
    public static int FirstDayOverLimitStayingFrom(ReadOnlySpan<DayRange> history, int start, int? counted = null)
    {
        var periodStart = start - WindowDays;
        var budget = MaxDays - (counted ?? CountIn(history, periodStart, start - 1));
        if (budget < 0)
        {
            return start;
        }

        var free = 0;
        var position = periodStart; // the first day of the period not walked yet
        for (var i = FirstEndingOnOrAfter(history, periodStart); i < history.Length && history[i].Start < start; i++)
        {
            var gap = Math.Max(history[i].Start, periodStart) - position;
            if (free + gap > budget)
            {
                break;
            }

            free += gap;
            position = Math.Min(history[i].End, start - 1) + 1;
        }

        // The (budget + 1)-th day that does not count lies in the gap that begins at position; the stay's
        // day with the same index in the period is the first one over the limit.
        return start + (position - periodStart) + (budget - free);
    }

    /// <summary>The presence runs with the excluded runs taken out; both inputs sorted and disjoint.</summary>
    public static List<DayRange> Subtract(ReadOnlySpan<DayRange> presence, ReadOnlySpan<DayRange> excluded, List<DayRange>? into = null)
    {
        var result = into ?? new List<DayRange>(presence.Length);
        var skip = 0;
        foreach (var run in presence)
        {
            while (skip < excluded.Length && excluded[skip].End < run.Start)
            {
                skip++;
            }

            var start = run.Start;
            for (var k = skip; k < excluded.Length && excluded[k].Start <= run.End && start <= run.End; k++)
            {
                if (excluded[k].Start > start)
                {
                    result.Add(new DayRange(start, excluded[k].Start - 1));
                }

                start = Math.Max(start, excluded[k].End + 1);
            }

            if (start <= run.End)
            {
                result.Add(new DayRange(start, run.End));
            }
        }

        return result;
    }

    /// <summary>Adds a run after the others, joining it to the last one when they touch or overlap.</summary>
    public static void AppendJoined(List<DayRange> runs, DayRange run)
    {
        if (runs.Count > 0 && run.Start <= runs[^1].End + 1)
        {
            runs[^1] = new DayRange(runs[^1].Start, Math.Max(runs[^1].End, run.End));
        }
        else
        {
            runs.Add(run);
        }
    }

    /// <summary>The runs clipped to [from, to].</summary>
    public static List<DayRange> Clip(ReadOnlySpan<DayRange> days, int from, int to)
    {
        var result = new List<DayRange>();
        for (var i = FirstEndingOnOrAfter(days, from); i < days.Length && days[i].Start <= to; i++)
        {
            result.Add(new DayRange(Math.Max(days[i].Start, from), Math.Min(days[i].End, to)));
        }

        return result;
    }

    /// <summary>The index of the first run that ends on or after <paramref name="day"/>.</summary>
    public static int FirstEndingOnOrAfter(ReadOnlySpan<DayRange> days, int day)
    {
        int low = 0, high = days.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (days[middle].End < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Event e of a run list: even e is the first day of run e/2 (a day joins), odd e the day after its
    // last day (the days stop joining).
    private static int Boundary(ReadOnlySpan<DayRange> days, int e) =>
        (e & 1) == 0 ? days[e >> 1].Start : days[e >> 1].End + 1;

    private static int Direction(int e) => (e & 1) == 0 ? 1 : -1;
}
