using System.Numerics;

namespace Vartio.Domain.Screening;

/// <summary>A fixed set of bits, one per name.</summary>
internal sealed class NameBits(int count)
{
    private readonly ulong[] words = new ulong[(count >> 6) + 1];

    /// <summary>Sets the bit; true when it was clear.</summary>
    public bool Set(int at)
    {
        ref var word = ref words[at >> 6];
        var bit = 1UL << at;
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        return true;
    }

    public void Clear(int at) => words[at >> 6] &= ~(1UL << at);

    /// <summary>
    /// Adds to <paramref name="result"/> the names of the segments, once each and in ascending order, leaving
    /// the bits clear: the names are set, then read back word by word, which costs far less than sorting
    /// them when they are thousands.
    /// </summary>
    public void TakeInOrder(List<ArraySegment<int>> segments, List<int> result)
    {
        var (low, high) = (int.MaxValue, -1);
        foreach (var segment in segments)
        {
            foreach (var name in segment)
            {
                words[name >> 6] |= 1UL << name;
                (low, high) = (Math.Min(low, name >> 6), Math.Max(high, name >> 6));
            }
        }

        for (var at = low; at <= high; at++)
        {
            for (var word = words[at]; word != 0; word &= word - 1)
            {
                result.Add((at << 6) + BitOperations.TrailingZeroCount(word));
            }

            words[at] = 0;
        }
    }
}
