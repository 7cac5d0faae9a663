using System.Numerics;

namespace Vartio.Domain.Screening;

/// <summary>
/// The keys within the allowed edits of a key (<see cref="EditDistance.Allowed"/>), found without comparing it with
/// every key: each key of four symbols or more is filed under the hash of itself and of each of its one-symbol
/// deletions, so a key and any key one insertion, deletion, substitution or transposition away share a hash.
/// Keys of three symbols are filed too, and find only keys of three that differ in one place.
/// </summary>
internal sealed class KeyNeighbours
{
    private readonly string[] keys;

    // One-deletion neighbourhoods of the keys, sorted by hash.
    private readonly ulong[] deletionHashes;
    private readonly int[] deletionKeys;

    // Where each run of hashes with the same top bits begins in deletionHashes: a lookup reads one run of a few
    // hashes instead of searching millions.
    private readonly int[] deletionRuns;
    private readonly int deletionRunShift;

    // The letters each key uses (EditDistance.Letters), to rule out most neighbours without reading their keys.
    private readonly ulong[] keyLetters;

    /// <param name="keys">The index's keys; a neighbour is given as its position here.</param>
    public KeyNeighbours(string[] keys)
    {
        this.keys = keys;
        (deletionHashes, deletionKeys) = Deletions(keys);
        (deletionRuns, deletionRunShift) = Runs(deletionHashes);
        keyLetters = Array.ConvertAll(keys, EditDistance.Letters);
    }

    /// <summary>Keys within the allowed edits of <paramref name="key"/>, found through shared one-symbol deletions.</summary>
    public void AddTo(string key, HashSet<int> matched)
    {
        // A key of three symbols finds those of three that differ in one place (NameComparison.ShortPart).
        var shortKey = key.Length == NameComparison.ShortPart;
        var allowed = shortKey ? 1 : EditDistance.Allowed(key.Length);
        if (allowed == 0)
        {
            return;
        }

        var letters = EditDistance.Letters(key);
        Span<char> buffer = stackalloc char[key.Length];
        Look(Hash(key));
        for (var skip = 0; skip < key.Length; skip++)
        {
            if (skip > 0 && key[skip] == key[skip - 1])
            {
                continue;
            }

            key.AsSpan(0, skip).CopyTo(buffer);
            key.AsSpan(skip + 1).CopyTo(buffer[skip..]);
            Look(Hash(buffer[..(key.Length - 1)]));
        }

        void Look(ulong hash)
        {
            var run = (int)(hash >> deletionRunShift);
            for (var at = deletionRuns[run]; at < deletionRuns[run + 1] && deletionHashes[at] <= hash; at++)
            {
                var candidate = deletionKeys[at];
                if (deletionHashes[at] == hash && EditDistance.MayBeWithin(letters, keyLetters[candidate], allowed)
                    && (keys[candidate].Length == NameComparison.ShortPart) == shortKey
                    && (!shortKey || NameComparison.OneReplacedInShort(key, keys[candidate]))
                    && !matched.Contains(candidate) && EditDistance.Bounded(key, keys[candidate], allowed) <= allowed)
                {
                    matched.Add(candidate);
                }
            }
        }
    }

    /// <summary>Each key of four symbols or more under the hash of each of its one-symbol deletions.</summary>
    private static (ulong[] Hashes, int[] Keys) Deletions(string[] keys)
    {
        var hashes = new List<ulong>(keys.Length * 8);
        var ids = new List<int>(keys.Length * 8);
        Span<char> buffer = stackalloc char[64];
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            if (NameKeys.IsSkeleton(key) || key.Length > 64 || (EditDistance.Allowed(key.Length) == 0 && key.Length != NameComparison.ShortPart))
            {
                continue;
            }

            hashes.Add(Hash(key));
            ids.Add(k);
            for (var skip = 0; skip < key.Length; skip++)
            {
                if (skip > 0 && key[skip] == key[skip - 1])
                {
                    continue;
                }

                key.AsSpan(0, skip).CopyTo(buffer);
                key.AsSpan(skip + 1).CopyTo(buffer[skip..]);
                hashes.Add(Hash(buffer[..(key.Length - 1)]));
                ids.Add(k);
            }
        }

        var hashArray = hashes.ToArray();
        var idArray = ids.ToArray();
        Array.Sort(hashArray, idArray);
        return (hashArray, idArray);
    }

    /// <summary>
    /// For sorted hashes, where the hashes of each value of their top bits begin (and, last, their count), with
    /// the shift that gives those bits: enough runs for about four hashes each.
    /// </summary>
    private static (int[] Runs, int Shift) Runs(ulong[] sortedHashes)
    {
        var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, sortedHashes.Length / 4)) + 1, 1, 24);
        var shift = 64 - bits;
        var runs = new int[(1 << bits) + 1];
        var at = 0;
        for (var run = 0; run < 1 << bits; run++)
        {
            runs[run] = at;
            while (at < sortedHashes.Length && (int)(sortedHashes[at] >> shift) == run)
            {
                at++;
            }
        }

        runs[1 << bits] = sortedHashes.Length;
        return (runs, shift);
    }

    /// <summary>FNV-1a, 64 bits: collisions only cost a verified comparison.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
