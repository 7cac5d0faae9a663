using System.Numerics;
using System.Runtime.CompilerServices;

namespace Vartio.Domain.Stays;

/// <summary>
/// The days of presence among the 182 that end on a last day (the control date or the planned entry), a
/// bit each. Every window an assessment at that day looks at lies within them: the window of the day
/// itself, the 180 days before the day after it, and the 180 days before it.
/// </summary>
/// <remarks>
/// Held in three words inside the history, so that an in-order history costs no array; counting is a
/// population count, and the days a stay may still add are found among the bits that are not set.
/// </remarks>
internal struct RecentDays
{
    /// <summary>How many days are held: the last day and the 181 before it.</summary>
    public const int Length = PresenceSweep.WindowDays + 2;

    private Words words;

    /// <param name="lastDay">The last day held, as a day number.</param>
    public RecentDays(int lastDay)
    {
        FirstDay = lastDay - (Length - 1);
    }

    /// <summary>The day of the first bit.</summary>
    public int FirstDay { get; }

    /// <summary>Marks the days from <paramref name="from"/> to <paramref name="to"/>, those before the first held left out.</summary>
    public void Add(int from, int to)
    {
        var first = Math.Max(from - FirstDay, 0);
        var last = to - FirstDay;
        Span<ulong> bits = words;
        if (first >> 6 == last >> 6)
        {
            // Within one word, as a stay of a few days mostly is.
            bits[last >> 6] |= (ulong.MaxValue << first) & (ulong.MaxValue >> (63 - (last & 63)));
            return;
        }

        for (var word = first >> 6; word <= last >> 6; word++)
        {
            bits[word] |= Mask(word, first, last);
        }
    }

    /// <summary>How many days from <paramref name="from"/> to <paramref name="to"/> are marked.</summary>
    public readonly int CountIn(int from, int to)
    {
        var first = Math.Max(from - FirstDay, 0);
        var last = Math.Min(to - FirstDay, Length - 1);
        ReadOnlySpan<ulong> bits = words;
        var count = 0;
        for (var word = first >> 6; word <= last >> 6 && first <= last; word++)
        {
            count += BitOperations.PopCount(bits[word] & Mask(word, first, last));
        }

        return count;
    }

    /// <summary>The last marked day; null when none is.</summary>
    public readonly int? LastDay()
    {
        ReadOnlySpan<ulong> bits = words;
        for (var word = bits.Length - 1; word >= 0; word--)
        {
            if (bits[word] != 0)
            {
                return FirstDay + (word * 64) + 63 - BitOperations.LeadingZeroCount(bits[word]);
            }
        }

        return null;
    }

    /// <summary>
    /// Staying on every day from <paramref name="start"/>: the first day whose window would hold more than
    /// 90 days, as <see cref="PresenceSweep.FirstDayOverLimitStayingFrom"/> finds it from runs.
    /// <paramref name="start"/> is the last day held or the day after it.
    /// </summary>
    /// <remarks>
    /// With U of the 180 days before the start marked, the stay's k-th day is over the limit exactly when the
    /// first k of those 180 days hold more than 90 − U unmarked ones: the answer is the start plus the
    /// position of the (91 − U)-th unmarked day among them, counting on past their end as if unmarked.
    /// </remarks>
    /// <param name="counted">The marked days among the 180 before <paramref name="start"/>, when already known.</param>
    public readonly int FirstDayOverLimitStayingFrom(int start, int? counted = null)
    {
        var periodStart = start - PresenceSweep.WindowDays;
        var budget = PresenceSweep.MaxDays - (counted ?? CountIn(periodStart, start - 1));
        if (budget < 0)
        {
            return start;
        }

        var wanted = budget + 1; // the unmarked day sought, counted from 1
        var first = periodStart - FirstDay;
        var last = start - 1 - FirstDay;
        ReadOnlySpan<ulong> bits = words;
        for (var word = first >> 6; word <= last >> 6; word++)
        {
            var free = ~bits[word] & Mask(word, first, last);
            var count = BitOperations.PopCount(free);
            if (count >= wanted)
            {
                return start + (word * 64) + NthSetBit(free, wanted) - first;
            }

            wanted -= count;
        }

        return start + PresenceSweep.WindowDays + wanted - 1;
    }

    /// <summary>The marked days as runs, first to last.</summary>
    public readonly DayRange[] ToRuns()
    {
        var runs = new List<DayRange>();
        for (var day = Next(0, marked: true); day < Length; day = Next(day, marked: true))
        {
            var end = Next(day, marked: false);
            runs.Add(new DayRange(FirstDay + day, FirstDay + end - 1));
            day = end;
        }

        return [.. runs];
    }

    /// <summary>The first bit from <paramref name="from"/> on that is marked (or not); past the end when none.</summary>
    private readonly int Next(int from, bool marked)
    {
        ReadOnlySpan<ulong> bits = words;
        for (var word = from >> 6; word < bits.Length; word++)
        {
            var candidates = (marked ? bits[word] : ~bits[word]) & Mask(word, from, Length - 1);
            if (candidates != 0)
            {
                return (word * 64) + BitOperations.TrailingZeroCount(candidates);
            }
        }

        return Length;
    }

    /// <summary>The bits of word <paramref name="word"/> that lie from bit <paramref name="first"/> to bit <paramref name="last"/>.</summary>
    private static ulong Mask(int word, int first, int last)
    {
        var low = Math.Max(first - (word * 64), 0);
        var high = Math.Min(last - (word * 64), 63);
        return (ulong.MaxValue << low) & (ulong.MaxValue >> (63 - high));
    }

    /// <summary>The position of the <paramref name="n"/>-th set bit of <paramref name="bits"/>, which has at least that many.</summary>
    private static int NthSetBit(ulong bits, int n)
    {
        var position = 0;
        for (var count = BitOperations.PopCount(bits & 0xFF); count < n; count = BitOperations.PopCount(bits & 0xFF))
        {
            n -= count;
            bits >>= 8;
            position += 8;
        }

        for (; n > 1; n--)
        {
            bits &= bits - 1;
        }

        return position + BitOperations.TrailingZeroCount(bits);
    }

    [InlineArray(3)]
    private struct Words
    {
        private ulong word;
    }
}
