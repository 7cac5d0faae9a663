using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>The fast path: valid stays in order with nothing excluded, read in one pass from the last.</summary>
public static partial class StayCalculator
{
    /// <summary>
    /// The usual input in one pass: valid stays, already in date order, none overlapping, nothing excluded.
    /// Null for anything else, which <see cref="Prepare"/> then sorts, checks and reports in full.
    /// </summary>
    /// <remarks>
    /// The stays are walked from the last. Those that can still reach a window of interest become runs of
    /// day numbers (<see cref="TakeRecent"/>); the older ones are only checked (<see cref="InOrder"/>). In
    /// order, every date is on or after the one before it, so only the last exit (against the limit) and
    /// the first entry (against the earliest year) need a range check.
    /// </remarks>
    private static StayHistory? PrepareInOrder(IReadOnlyList<Stay> list, int limit, Mode mode)
    {
        // Read through a span: indexing an array through IReadOnlyList costs more than the checks below.
        ReadOnlySpan<Stay> stays = list switch
        {
            Stay[] array => array,
            List<Stay> stayList => CollectionsMarshal.AsSpan(stayList),
            _ => list.ToArray(),
        };
        if (stays.IsEmpty)
        {
            return new StayHistory([], []);
        }

        if (stays[0].Entry.Year < EarliestYear)
        {
            return null;
        }

        var recent = new RecentDays(limit);
        var older = TakeRecent(stays, limit, mode == Mode.Control, ref recent);
        if (older < 0 || (older > 0 && !InOrder(stays[..older], DayNumbers.SortKey(stays[older].Entry))))
        {
            return null;
        }

        return new StayHistory(recent);
    }

    /// <summary>
    /// Walks the stays from the last, checking each, and marks in <paramref name="recent"/> the days of
    /// those that end on or after its first day.
    /// </summary>
    /// <returns>
    /// The index of the latest stay that ends before that day, checked but not marked, and so the number of
    /// stays before it, which have not been looked at; 0 when there are none. −1 when a stay is not as the
    /// fast path needs it: open before the last, out of order, ending after the limit, or with a date not
    /// in the ISO calendar.
    /// </returns>
    [MethodImpl(MethodImplOptions.NoInlining)] // a loop of its own keeps its values in registers
    private static int TakeRecent(ReadOnlySpan<Stay> stays, int limit, bool lastMayBeOpen, ref RecentDays recent)
    {
        var days = default(DayNumbers.Cache);
        var i = stays.Length - 1;
        int exit;
        if (stays[i].Exit is { } lastExit)
        {
            if (lastExit.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            exit = days.Of(lastExit);
        }
        else if (lastMayBeOpen)
        {
            exit = limit;
        }
        else
        {
            return -1;
        }

        // Each stay must end by the entry of the one after it, the last by the limit. The loop reads the
        // entry of a stay and then the exit of the one before, which only the last stay may lack.
        var later = limit;
        while (true)
        {
            var entryDate = stays[i].Entry;
            var entry = days.Of(entryDate);
            if (exit > later || entry > exit || entryDate.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            if (exit < recent.FirstDay)
            {
                return i;
            }

            recent.Add(entry, exit);
            later = entry;
            if (--i < 0)
            {
                return 0;
            }

            if (stays[i].Exit is not { } exitDate || exitDate.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            exit = days.Of(exitDate);
        }
    }

    /// <summary>
    /// Whether every stay is closed, in the ISO calendar and in order, the last ending by the date whose
    /// sort key is <paramref name="endKey"/>. A day of exit may be the next day of entry.
    /// </summary>
    /// <remarks>
    /// Dates are compared by <see cref="DayNumbers.SortKey"/>, which orders them without the arithmetic of
    /// a day number: this loop runs over every stay of a long history.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // a loop of its own keeps its values in registers
    private static bool InOrder(ReadOnlySpan<Stay> stays, int endKey)
    {
        var reach = int.MinValue; // the last day so far; the next stay may begin on it, not before
        foreach (var stay in stays)
        {
            if (stay.Exit is not { } exitDate)
            {
                return false;
            }

            var entry = DayNumbers.SortKey(stay.Entry);
            var exit = DayNumbers.SortKey(exitDate);
            if (entry < reach || exit < entry || stay.Entry.Calendar != CalendarSystem.Iso || exitDate.Calendar != CalendarSystem.Iso)
            {
                return false;
            }

            reach = exit;
        }

        return reach <= endKey;
    }
}
