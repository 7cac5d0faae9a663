using System.Runtime.InteropServices;

namespace Vartio.Domain.Screening;

/// <summary>Gathering the names worth scoring for a query: the postings of its parts' keys and their neighbours.</summary>
public sealed partial class WatchlistIndex
{
    /// <summary>The names worth scoring: those sharing a key, or a key one edit away, with the query's parts.</summary>
    private List<int> Candidates(List<PartInfo> query, Scratch scratch)
    {
        // Per distinct query part: the postings of its keys and their total length.
        var perPart = new List<(List<ArraySegment<int>> Segments, int Postings, bool Unknown)>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var slid = SlidKeys(query);
        for (var index = 0; index < query.Count; index++)
        {
            var part = query[index];
            if (part.IsInitial || !distinct.Add(part.Normalised))
            {
                continue;
            }

            // How many list names have the part as it is written: at least as many as its most shared key has.
            var matched = new HashSet<int>();
            var exact = 0;
            var group = -1;
            for (var i = 0; i < part.Keys.Length; i++)
            {
                if (part.Keys[i][0] == '!')
                {
                    group = part.KeyIds[i];
                }
                else if (part.KeyIds[i] >= 0 && matched.Add(part.KeyIds[i]))
                {
                    exact = Math.Max(exact, keyPostingStart[part.KeyIds[i] + 1] - keyPostingStart[part.KeyIds[i]]);
                }
            }

            // The names with another language's form of the part (Volodymyr for Vladimir), unless the part is a
            // name so many list names have that its other forms are found through the name's other parts.
            if (group >= 0 && exact < KnownPartPostings)
            {
                matched.Add(group);
            }

            // A name many list names have is spelled as lists spell it: its neighbours one edit away are other
            // names (Maria, Marina), and would only add candidates that cannot score.
            // Typos are looked for around the primary reading only: around every reading, a short part
            // (Chena: Cana, Sana, xana) would reach a good part of the vocabulary.
            if (exact < KnownPartPostings && !NameKeys.IsSkeleton(part.Keys[0]))
            {
                neighbours.AddTo(part.Keys[0], matched);
            }

            if (slid?[index] is { } moved)
            {
                matched.UnionWith(moved);
            }

            var segments = new List<ArraySegment<int>>(matched.Count);
            var postings = 0;
            foreach (var key in matched)
            {
                segments.Add(new ArraySegment<int>(keyPostings, keyPostingStart[key], keyPostingStart[key + 1] - keyPostingStart[key]));
                postings += segments[^1].Count;
            }

            // A short part of a longer name (Hol in Kim Sung Hol) is a poor guide: shared by many names, or a typo
            // whose neighbours are names it happened to make. It is looked at after the longer parts.
            perPart.Add((segments, postings, part.Normalised.Length <= NameComparison.ShortPart && query.Count >= 3));
        }

        // A part no list name has (a typo in a short part: Hol for Hoi) finds nothing, and must not stand for
        // the rarest part: the names are those the other parts find.
        if (perPart.Exists(p => p.Postings > 0))
        {
            perPart.RemoveAll(p => p.Postings == 0);
        }

        if (perPart.Count == 0)
        {
            return scratch.Candidates;
        }

        perPart.Sort((a, b) => (a.Unknown, a.Postings).CompareTo((b.Unknown, b.Postings)));
        var result = scratch.Candidates;
        var seen = scratch.Names;
        if (perPart.Count == 1 || perPart[0].Postings <= CommonPartPostings)
        {
            // Names found through the query's rarer parts. A name that shares only a common part (the given
            // name Ivan) and none of the rare ones cannot reach a threshold: one part of several in common is
            // scored down, and the other parts would be left over on both sides.
            for (var part = 0; part < perPart.Count; part++)
            {
                var (segments, postings, _) = perPart[part];
                if (part > 0 && postings > CommonPartPostings)
                {
                    break;
                }

                foreach (var segment in segments)
                {
                    foreach (var name in segment)
                    {
                        if (seen.Set(name))
                        {
                            result.Add(name);
                        }
                    }
                }
            }

            return result;
        }

        // Every part is common: score the names that have the rarest part and at least one other. A name
        // without the rarest part leaves it over, and the name's own leftover part would make a conflict
        // (a score of at most 0.6 before birth date and nationality); so does one with the rarest part alone.
        // The rarest part's names, in order, are looked for in each other part's postings by galloping through
        // the longer of the two: Ivan's hundred thousand names cost a few steps per name of the rarer part.
        seen.TakeInOrder(perPart[0].Segments, result);
        var rare = CollectionsMarshal.AsSpan(result);
        var shared = scratch.Shared(rare.Length);
        for (var other = 1; other < perPart.Count; other++)
        {
            foreach (var segment in perPart[other].Segments)
            {
                MarkShared(rare, segment, shared);
            }
        }

        var kept = 0;
        for (var i = 0; i < rare.Length; i++)
        {
            if (shared[i])
            {
                rare[kept++] = rare[i];
            }
        }

        result.RemoveRange(kept, result.Count - kept);
        return result;
    }

    /// <summary>
    /// For each query part, the keys of the parts it would be with one letter moved across the space to its
    /// neighbour, when both parts so made are on the list (Yusufa Li: Yusuf and Ali); null when there are none.
    /// </summary>
    private List<int>?[]? SlidKeys(List<PartInfo> query)
    {
        List<int>?[]? result = null;
        for (var i = 0; i + 1 < query.Count; i++)
        {
            var (left, right) = (query[i].Normalised, query[i + 1].Normalised);
            if (query[i].IsInitial || query[i + 1].IsInitial)
            {
                continue;
            }

            if (left.Length > 2)
            {
                Add(i, left[..^1], left[^1] + right);
            }

            if (right.Length > 2)
            {
                Add(i, left + right[0], right[1..]);
            }
        }

        return result;

        void Add(int i, string left, string right)
        {
            if (keyIds.TryGetValue(NameKeys.PrimaryKey(left), out var a) && keyIds.TryGetValue(NameKeys.PrimaryKey(right), out var b))
            {
                result ??= new List<int>?[query.Count];
                (result[i] ??= []).Add(a);
                (result[i + 1] ??= []).Add(b);
            }
        }
    }

    /// <summary>Marks in <paramref name="shared"/> the names of <paramref name="names"/> that are in <paramref name="postings"/>; both ascending.</summary>
    private static void MarkShared(ReadOnlySpan<int> names, ReadOnlySpan<int> postings, Span<bool> shared)
    {
        if (names.Length <= postings.Length)
        {
            var from = 0;
            for (var i = 0; i < names.Length && from < postings.Length; i++)
            {
                from = Gallop(postings, from, names[i]);
                shared[i] |= from < postings.Length && postings[from] == names[i];
            }
        }
        else
        {
            var from = 0;
            foreach (var name in postings)
            {
                from = Gallop(names, from, name);
                if (from >= names.Length)
                {
                    break;
                }

                shared[from] |= names[from] == name;
            }
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose value is at least <paramref name="value"/>: doubling steps, then a binary search.</summary>
    private static int Gallop(ReadOnlySpan<int> sorted, int from, int value)
    {
        var step = 1;
        var high = from;
        while (high < sorted.Length && sorted[high] < value)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }

        var found = sorted[from..Math.Min(high + 1, sorted.Length)].BinarySearch(value);
        return from + (found >= 0 ? found : ~found);
    }
}
