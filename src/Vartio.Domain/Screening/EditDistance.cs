namespace Vartio.Domain.Screening;

/// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), bounded.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 when it is larger than <paramref name="max"/>.</summary>
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            return string.Equals(a, b, StringComparison.Ordinal) ? 0 : max + 1;
        }

        var width = b.Length + 1;
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>
    /// The letters a text uses, as bits (by the low six bits of each character, so some letters share a bit).
    /// Each edit changes at most two bits (a substitution drops one letter and brings another), and letters
    /// sharing a bit only hide differences, so texts whose sets differ in more than twice <c>max</c> bits are
    /// more than <c>max</c> edits apart: <see cref="MayBeWithin"/> rules most unrelated names out without
    /// computing a distance.
    /// </summary>
    public static ulong Letters(string text)
    {
        var bits = 0UL;
        foreach (var c in text)
        {
            bits |= 1UL << c;
        }

        return bits;
    }

    /// <summary>False when texts with these <see cref="Letters"/> are surely more than <paramref name="max"/> edits apart.</summary>
    public static bool MayBeWithin(ulong a, ulong b, int max) => (int)ulong.PopCount(a ^ b) <= 2 * max;

    /// <summary>How many edits a key of this length may have and still match: none below 4 symbols, 2 from 8.</summary>
    public static int Allowed(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };
}
