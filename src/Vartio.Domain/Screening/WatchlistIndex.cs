using System.Numerics;
using System.Runtime.InteropServices;
using NodaTime;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Screening;

/// <summary>
/// The entries of one or more watchlists, indexed for screening. Immutable once built: any number of threads
/// may screen at once, and a new import builds a new index that replaces the old one.
/// </summary>
/// <remarks>
/// Every name of every entry is split into parts; each distinct part is normalised and reduced to its keys
/// once (<see cref="NameKeys"/>). A key lists the names that have it (postings, ascending). For typos, every
/// key of four symbols or more is also filed under each of its one-symbol deletions, so a query key finds the
/// keys one edit away (and transpositions) without comparing it with the vocabulary. A query looks up its
/// parts' keys and their deletions, takes the names found as candidates and scores only those.
/// </remarks>
public sealed class WatchlistIndex
{
    /// <summary>
    /// Above this many names for its rarest part, a query of several parts scores only the names that share
    /// at least two of its parts: a common name (Muhammad Ali, Ivan Petrov) must not score a whole nation.
    /// </summary>
    private const int CommonPartPostings = 300;

    /// <summary>From this many names with its exact keys, a query part is taken as spelled right: no neighbours are looked up.</summary>
    private const int KnownPartPostings = 1_000;

    /// <summary>Names of more parts are not indexed, and queries of more parts find no name (<see cref="NameComparison.MaxParts"/>).</summary>
    private const int MaxParts = NameComparison.MaxParts;

    private readonly WatchlistEntry[] entries;
    // Per normalised document (state and number), the indexes of the entries naming it.
    private readonly Dictionary<string, int[]> documents;

    // Names: the entry and which of its names (0 the primary, then the aliases), and their parts.
    private readonly int[] nameEntry;
    private readonly short[] nameOrdinal;
    private readonly int[] namePartStart;
    private readonly int[] nameParts;

    // Per name, its entry's birth date (PartialDate.Packed) and nationality (an id in nationalityIds, or
    // NoNationality, or SeveralNationalities to be compared on the entry): read together, so that a candidate's
    // facts cost one memory access.
    private readonly (int Birth, int Nationality)[] nameFacts;
    private readonly Dictionary<string, int> nationalityIds;
    private const int NoNationality = -1;
    private const int SeveralNationalities = -2;

    // Distinct parts and keys.
    private readonly PartInfo[] parts;
    private readonly Dictionary<string, int> keyIds;
    private readonly string[] keys;
    private readonly int[] keyPostingStart;
    private readonly int[] keyPostings;

    // Working space for screenings, kept between them.
    // Working space kept for twice as many screenings at once as there are processors, taken and put back without a
    // lock; a screening that finds none free makes its own.
    private readonly Scratch?[] scratches = new Scratch?[2 * Environment.ProcessorCount];

    // One-deletion neighbourhoods of the keys, sorted by hash.
    private readonly ulong[] deletionHashes;
    private readonly int[] deletionKeys;

    // Where each run of hashes with the same top bits begins in deletionHashes: a lookup reads one run of a few
    // hashes instead of searching millions.
    private readonly int[] deletionRuns;
    private readonly int deletionRunShift;

    // The letters each key uses (EditDistance.Letters), to rule out most neighbours without reading their keys.
    private readonly ulong[] keyLetters;

    private WatchlistIndex(Builder builder)
    {
        entries = builder.Entries;
        documents = builder.Documents;
        nameEntry = [.. builder.NameEntry];
        nameOrdinal = [.. builder.NameOrdinal];
        nameFacts = [.. builder.NameFacts];
        nationalityIds = builder.NationalityIds;
        namePartStart = [.. builder.NamePartStart];
        nameParts = [.. builder.NameParts];
        parts = [.. builder.Parts];
        keyIds = builder.KeyIds;
        keys = [.. builder.Keys];
        (keyPostingStart, keyPostings) = builder.Postings();
        (deletionHashes, deletionKeys) = builder.Deletions();
        (deletionRuns, deletionRunShift) = Runs(deletionHashes);
        keyLetters = Array.ConvertAll(keys, EditDistance.Letters);
    }

    public static WatchlistIndex Empty { get; } = Build([]);

    /// <summary>The number of entries.</summary>
    public int Count => entries.Length;

    /// <summary>The entries, in the order given to <see cref="Build"/>.</summary>
    public IReadOnlyList<WatchlistEntry> Entries => entries;

    /// <summary>Names indexed (primary names and aliases), distinct name parts and distinct keys: for sizing.</summary>
    public (int Names, int Parts, int Keys) Size => (nameEntry.Length, parts.Length, keys.Length);

    public static WatchlistIndex Build(IEnumerable<WatchlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new Builder([.. entries]);
        builder.AddNames();
        return new WatchlistIndex(builder);
    }

    /// <summary>
    /// The entries that may be the traveller, best first: names scored at or above <paramref name="threshold"/>,
    /// and any entry naming the query's document exactly (score 1).
    /// </summary>
    /// <param name="on">When given, entries not valid on that day are left out.</param>
    public IReadOnlyList<ScreeningHit> Screen(ScreeningQuery query, double threshold, int maxHits = ScreeningDefaults.MaxHits, LocalDate? on = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHits);
        var found = new Dictionary<int, (double Score, int Name, double NameScore)>();
        var queryParts = QueryParts(query.Name);
        var nationality = string.IsNullOrWhiteSpace(query.Nationality) ? null : Country.Normalise(query.Nationality);
        var nationalityId = nationality is null ? NoNationality : nationalityIds.GetValueOrDefault(nationality, int.MinValue);
        var born = query.BirthDate.Packed;
        var pairs = new List<PartPair>(8);
        var scratch = Scratch.Rent(this);
        try
        {
            // Candidates share their parts (a given name, a common surname ending): each query part is compared
            // with each distinct list part once, and the names are scored from those comparisons.
            var asked = CollectionsMarshal.AsSpan(queryParts);
            Span<PartComparison> compared = stackalloc PartComparison[MaxParts * MaxParts];
            foreach (var name in asked.Length <= MaxParts ? Candidates(queryParts, scratch) : [])
            {
                // The birth date and nationality first: when even a perfect name would fall short with them
                // (a birth year five years off), the name need not be compared. Travellers' documents always
                // give a birth date, so at a border check this settles most candidates.
                var (listBirth, listNationality) = nameFacts[name];
                var facts = Facts.BirthDateDelta(Facts.Compare(born, listBirth)) + Facts.NationalityDelta(listNationality switch
                {
                    _ when nationality is null => Facts.Outcome.NotGiven,
                    NoNationality => Facts.Outcome.UnknownOnList,
                    SeveralNationalities => Facts.Compare(nationality, entries[nameEntry[name]].Nationalities),
                    _ => listNationality == nationalityId ? Facts.Outcome.Same : Facts.Outcome.Differs,
                });
                if (Shown(NameComparison.ExactScore + facts) < threshold)
                {
                    continue;
                }

                var entryIndex = nameEntry[name];
                if (on is { } day && !entries[entryIndex].IsValidOn(day))
                {
                    continue;
                }

                var first = namePartStart[name];
                var count = namePartStart[name + 1] - first;
                var listPartInfos = scratch.ListParts(count);
                for (var i = 0; i < count; i++)
                {
                    var id = nameParts[first + i];
                    listPartInfos[i] = parts[id];
                    scratch.Compared(asked, id, parts[id]).CopyTo(compared[(i * asked.Length)..]);
                }

                var nameScore = NameComparison.Score(asked, listPartInfos, compared[..(count * asked.Length)], pairs);
                var score = Shown(nameScore + facts);
                if (score < threshold)
                {
                    continue;
                }

                if (!found.TryGetValue(entryIndex, out var best) || (score, nameScore).CompareTo((best.Score, best.NameScore)) > 0)
                {
                    found[entryIndex] = (score, name, nameScore);
                }
            }
        }
        finally
        {
            scratch.Return();
        }

        var hits = new List<ScreeningHit>();
        foreach (var (entryIndex, (score, name, nameScore)) in found.OrderByDescending(f => f.Value.Score).ThenBy(f => f.Key).Take(maxHits))
        {
            hits.Add(Hit(query, queryParts, entries[entryIndex], name, score, document: null));
        }

        if (query.Document is { } document)
        {
            foreach (var index in DocumentEntries(document.IssuingState, document.Number))
            {
                var entry = entries[index];
                if (on is { } day && !entry.IsValidOn(day))
                {
                    continue;
                }

                hits.RemoveAll(h => ReferenceEquals(h.Entry, entry));
                var name = FirstNameOf(index);
                hits.Add(Hit(query, queryParts, entry, name, 1.0, document));
            }

            hits.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (hits.Count > maxHits)
            {
                hits.RemoveRange(maxHits, hits.Count - maxHits);
            }
        }

        return hits;
    }

    /// <summary>The entries that name this document, compared after <see cref="DocumentNumbers.Normalise"/>.</summary>
    public IReadOnlyList<WatchlistEntry> FindDocument(string issuingState, string number) =>
        Array.ConvertAll(DocumentEntries(issuingState, number), index => entries[index]);

    /// <summary>The indexes of the entries that name this document, in entry order.</summary>
    private int[] DocumentEntries(string issuingState, string number) =>
        documents.TryGetValue(DocumentKey(issuingState, number), out var found) ? found : [];

    private static string DocumentKey(string issuingState, string number) =>
        $"{Country.Normalise(issuingState)}:{DocumentNumbers.Normalise(number)}";

    private ArraySegment<PartInfo> PartsOf(int name)
    {
        var start = namePartStart[name];
        var end = namePartStart[name + 1];
        var result = new PartInfo[end - start];
        for (var i = start; i < end; i++)
        {
            result[i - start] = parts[nameParts[i]];
        }

        return result;
    }

    private int FirstNameOf(int entryIndex)
    {
        var position = Array.BinarySearch(nameEntry, entryIndex);
        if (position < 0)
        {
            return -1;
        }

        while (position > 0 && nameEntry[position - 1] == entryIndex)
        {
            position--;
        }

        return position;
    }

    private ScreeningHit Hit(ScreeningQuery query, List<PartInfo> queryParts, WatchlistEntry entry, int name, double score, WatchlistDocument? document)
    {
        var pairs = new List<PartPair>();
        var listParts = name >= 0 ? PartsOf(name) : default;
        var nameScore = name >= 0 ? NameComparison.Score(CollectionsMarshal.AsSpan(queryParts), listParts, pairs) : 0;
        var listName = name >= 0 ? (nameOrdinal[name] == 0 ? entry.Name : entry.Aliases[nameOrdinal[name] - 1]) : entry.Name;
        var queryTexts = NameParts.Split(query.Name);
        var listTexts = NameParts.Split(listName);
        var matches = pairs
            .OrderBy(p => p.Query)
            .Select(p => new NamePartMatch(queryTexts[p.Query].Text, listTexts[p.List].Text, p.How, p.Distance, Math.Round(p.Score, 3)))
            .ToList();
        var explanation = new ScreeningExplanation(
            matches,
            [.. queryTexts.Where((_, i) => !pairs.Exists(p => p.Query == i)).Select(p => p.Text)],
            [.. listTexts.Where((_, i) => !pairs.Exists(p => p.List == i)).Select(p => p.Text)],
            Math.Round(nameScore, 3),
            Facts.BirthDate(query.BirthDate, entry.BirthDate),
            Facts.Nationality(query.Nationality, entry.Nationalities),
            document);
        return new ScreeningHit(entry, listName, score, explanation);
    }

    /// <summary>
    /// A score as it is shown, in [0, 1] to three decimals; the threshold is compared with this, so a hit shown
    /// at 0.860 is a hit at a threshold of 0.86 however the sum behind it was rounded.
    /// </summary>
    private static double Shown(double score) => Math.Round(Math.Clamp(score, 0, 1), 3);

    /// <summary>The query's parts, with the ids of those of their keys the index knows.</summary>
    private List<PartInfo> QueryParts(string name)
    {
        var result = new List<PartInfo>();
        foreach (var part in NameParts.Split(name))
        {
            // Across Latin and Arabic script, parts are matched on consonants (NameKeys.SkeletonKey).
            var partKeys = NameKeys.Keys(part.Normalised, part.Script);
            if (part.Script == Script.Latin)
            {
                partKeys = [.. partKeys, NameKeys.SkeletonKey(partKeys[0])];
            }
            else if (part.Script == Script.Arabic)
            {
                partKeys = [.. partKeys, NameKeys.LatinSkeletonKey(partKeys[0])];
            }

            var ids = new int[partKeys.Length];
            for (var i = 0; i < partKeys.Length; i++)
            {
                ids[i] = keyIds.GetValueOrDefault(partKeys[i], -1);
            }

            result.Add(new PartInfo(part.Normalised, part.Script, part.IsInitial, part.IsMinor, partKeys, ids));
        }

        return result;
    }

    /// <summary>The names worth scoring: those sharing a key, or a key one edit away, with the query's parts.</summary>
    private List<int> Candidates(List<PartInfo> query, Scratch scratch)
    {
        // Per distinct query part: the postings of its keys and their total length.
        var perPart = new List<(List<ArraySegment<int>> Segments, int Postings)>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in query)
        {
            if (part.IsInitial || !distinct.Add(part.Normalised))
            {
                continue;
            }

            // How many list names have the part as it is written: at least as many as its most shared key has.
            var matched = new HashSet<int>();
            var exact = 0;
            for (var i = 0; i < part.Keys.Length; i++)
            {
                if (part.KeyIds[i] >= 0 && matched.Add(part.KeyIds[i]))
                {
                    exact = Math.Max(exact, keyPostingStart[part.KeyIds[i] + 1] - keyPostingStart[part.KeyIds[i]]);
                }
            }

            // A name many list names have is spelled as lists spell it: its neighbours one edit away are other
            // names (Maria, Marina), and would only add candidates that cannot score.
            // Typos are looked for around the primary reading only: around every reading, a short part
            // (Chena: Cana, Sana, xana) would reach a good part of the vocabulary.
            if (exact < KnownPartPostings && !NameKeys.IsSkeleton(part.Keys[0]))
            {
                AddNeighbours(part.Keys[0], matched);
            }

            var segments = new List<ArraySegment<int>>(matched.Count);
            var postings = 0;
            foreach (var key in matched)
            {
                segments.Add(new ArraySegment<int>(keyPostings, keyPostingStart[key], keyPostingStart[key + 1] - keyPostingStart[key]));
                postings += segments[^1].Count;
            }

            perPart.Add((segments, postings));
        }

        if (perPart.Count == 0)
        {
            return scratch.Candidates;
        }

        perPart.Sort((a, b) => a.Postings.CompareTo(b.Postings));
        var result = scratch.Candidates;
        var seen = scratch.Names;
        if (perPart.Count == 1 || perPart[0].Postings <= CommonPartPostings)
        {
            // Names found through the query's rarer parts. A name that shares only a common part (the given
            // name Ivan) and none of the rare ones cannot reach a threshold: one part of several in common is
            // scored down, and the other parts would be left over on both sides.
            for (var part = 0; part < perPart.Count; part++)
            {
                var (segments, postings) = perPart[part];
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

    /// <summary>Keys within the allowed edits of <paramref name="key"/>, found through shared one-symbol deletions.</summary>
    private void AddNeighbours(string key, HashSet<int> matched)
    {
        var allowed = EditDistance.Allowed(key.Length);
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
                    && !matched.Contains(candidate) && EditDistance.Bounded(key, keys[candidate], allowed) <= allowed)
                {
                    matched.Add(candidate);
                }
            }
        }
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

    /// <summary>
    /// What one screening needs beyond its result, kept for the next: the candidates found, bit sets over the
    /// names, and the comparisons of the query's parts with each list part met. Lent to one screening at a
    /// time and sized for this index, so that a query allocates nothing in proportion to the list.
    /// </summary>
    private sealed class Scratch
    {
        private readonly Scratch?[] pool;

        // Per list part: the screening (by generation) that last compared it, and where its comparisons are.
        private readonly int[] comparedIn;
        private readonly int[] comparedAt;
        private readonly PartInfo[] listParts = new PartInfo[MaxParts];
        private PartComparison[] comparisons = new PartComparison[256];
        private bool[] shared = new bool[256];
        private int generation;
        private int used;

        private Scratch(WatchlistIndex index)
        {
            pool = index.scratches;
            comparedIn = new int[index.parts.Length];
            comparedAt = new int[index.parts.Length];
            Names = new Bits(index.nameEntry.Length);
        }

        /// <summary>Room for the parts of one list name.</summary>
        public Span<PartInfo> ListParts(int count) => listParts.AsSpan(0, count);

        /// <summary>Candidate names, each once; empty when lent.</summary>
        public List<int> Candidates { get; } = new(256);

        /// <summary>The names in <see cref="Candidates"/>; clear when lent.</summary>
        public Bits Names { get; }

        /// <summary>Room for one flag per name of the rarest query part, all false.</summary>
        public Span<bool> Shared(int count)
        {
            if (shared.Length < count)
            {
                shared = new bool[Math.Max(count, shared.Length * 2)];
            }

            var result = shared.AsSpan(0, count);
            result.Clear();
            return result;
        }

        public static Scratch Rent(WatchlistIndex index)
        {
            Scratch? kept = null;
            for (var slot = 0; slot < index.scratches.Length && kept is null; slot++)
            {
                kept = Interlocked.Exchange(ref index.scratches[slot], null);
            }

            var scratch = kept ?? new Scratch(index);
            if (++scratch.generation == int.MaxValue)
            {
                Array.Clear(scratch.comparedIn);
                scratch.generation = 1;
            }

            scratch.used = 0;
            return scratch;
        }

        public void Return()
        {
            foreach (var name in Candidates)
            {
                Names.Clear(name);
            }

            Candidates.Clear();
            for (var slot = 0; slot < pool.Length; slot++)
            {
                if (Interlocked.CompareExchange(ref pool[slot], this, null) is null)
                {
                    return;
                }
            }
        }

        /// <summary>The comparisons of each query part with list part <paramref name="id"/>, made the first time this screening meets it.</summary>
        public ReadOnlySpan<PartComparison> Compared(ReadOnlySpan<PartInfo> query, int id, PartInfo part)
        {
            if (comparedIn[id] != generation)
            {
                if (used + query.Length > comparisons.Length)
                {
                    Array.Resize(ref comparisons, Math.Max(comparisons.Length * 2, used + query.Length));
                }

                for (var q = 0; q < query.Length; q++)
                {
                    comparisons[used + q] = NameComparison.ComparePart(query[q], part);
                }

                comparedIn[id] = generation;
                comparedAt[id] = used;
                used += query.Length;
            }

            return comparisons.AsSpan(comparedAt[id], query.Length);
        }
    }

    /// <summary>A fixed set of bits, one per name.</summary>
    private sealed class Bits(int count)
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

    /// <summary>What a build collects before it is frozen into arrays.</summary>
    private sealed class Builder(WatchlistEntry[] entries)
    {
        public WatchlistEntry[] Entries { get; } = entries;

        public Dictionary<string, int[]> Documents { get; } = entries
            .SelectMany((e, index) => e.Documents.Select(d => (Key: DocumentKey(d.IssuingState, d.Number), Index: index)))
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Index).Distinct().ToArray(), StringComparer.Ordinal);

        public List<int> NameEntry { get; } = new(entries.Length);

        public List<short> NameOrdinal { get; } = new(entries.Length);

        public List<(int Birth, int Nationality)> NameFacts { get; } = new(entries.Length);

        public Dictionary<string, int> NationalityIds { get; } = new(StringComparer.Ordinal);

        public List<int> NamePartStart { get; } = new(entries.Length + 1);

        public List<int> NameParts { get; } = new(entries.Length * 3);

        public List<PartInfo> Parts { get; } = [];

        public Dictionary<string, int> KeyIds { get; } = new(StringComparer.Ordinal);

        public List<string> Keys { get; } = [];

        private readonly Dictionary<string, int> partIds = new(StringComparer.Ordinal);
        private readonly List<int> postingKey = new(entries.Length * 4);
        private readonly List<int> postingName = new(entries.Length * 4);

        public void AddNames()
        {
            var partsOfName = new List<int>(8);
            for (var e = 0; e < Entries.Length; e++)
            {
                var entry = Entries[e];
                var ordinal = 0;
                foreach (var text in entry.Names)
                {
                    if (ordinal > short.MaxValue)
                    {
                        break;
                    }

                    partsOfName.Clear();
                    foreach (var part in Screening.NameParts.Split(text))
                    {
                        partsOfName.Add(PartId(part));
                    }

                    if (partsOfName.Count > 0 && partsOfName.Count <= MaxParts)
                    {
                        var name = NameEntry.Count;
                        NameEntry.Add(e);
                        NameOrdinal.Add((short)ordinal);
                        NameFacts.Add((entry.BirthDate.Packed, NationalityOf(entry)));
                        NamePartStart.Add(NameParts.Count);
                        NameParts.AddRange(partsOfName);
                        foreach (var id in partsOfName)
                        {
                            var info = Parts[id];
                            if (info.IsInitial)
                            {
                                continue;
                            }

                            foreach (var key in info.KeyIds)
                            {
                                postingKey.Add(key);
                                postingName.Add(name);
                            }
                        }
                    }

                    ordinal++;
                }
            }

            NamePartStart.Add(NameParts.Count);
        }

        private int NationalityOf(WatchlistEntry entry)
        {
            if (entry.Nationalities.Count != 1)
            {
                return entry.Nationalities.Count == 0 ? NoNationality : SeveralNationalities;
            }

            var code = Country.Normalise(entry.Nationalities[0]);
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(NationalityIds, code, out var known);
            if (!known)
            {
                id = NationalityIds.Count - 1;
            }

            return id;
        }

        private int PartId(NamePart part)
        {
            var lookup = part.Script == Script.Latin ? part.Normalised : $"{part.Normalised}\u0001{(int)part.Script}";
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(partIds, lookup, out var exists);
            if (exists)
            {
                return id;
            }

            var partKeys = NameKeys.Keys(part.Normalised, part.Script);
            if (part.Script == Script.Latin && !part.IsInitial)
            {
                partKeys = [.. partKeys, NameKeys.LatinSkeletonKey(partKeys[0])];
            }

            var ids = new int[partKeys.Length];
            for (var i = 0; i < partKeys.Length; i++)
            {
                ref var keyId = ref CollectionsMarshal.GetValueRefOrAddDefault(KeyIds, partKeys[i], out var known);
                if (!known)
                {
                    keyId = Keys.Count;
                    Keys.Add(partKeys[i]);
                }

                ids[i] = keyId;
            }

            id = Parts.Count;
            Parts.Add(new PartInfo(part.Normalised, part.Script, part.IsInitial, part.IsMinor, partKeys, ids));
            return id;
        }

        /// <summary>Names per key, ascending and without repeats (a name with two parts of one key is listed once).</summary>
        public (int[] Start, int[] Postings) Postings()
        {
            var start = new int[Keys.Count + 1];
            foreach (var key in postingKey)
            {
                start[key + 1]++;
            }

            for (var k = 0; k < Keys.Count; k++)
            {
                start[k + 1] += start[k];
            }

            var fill = start[..^1];
            var postings = new int[postingKey.Count];
            for (var i = 0; i < postingKey.Count; i++)
            {
                var key = postingKey[i];
                var at = fill[key];
                if (at > start[key] && postings[at - 1] == postingName[i])
                {
                    continue;
                }

                postings[at] = postingName[i];
                fill[key] = at + 1;
            }

            // Compact away the places left by repeats.
            var compact = new int[Keys.Count + 1];
            var write = 0;
            for (var k = 0; k < Keys.Count; k++)
            {
                compact[k] = write;
                for (var at = start[k]; at < fill[k]; at++)
                {
                    postings[write++] = postings[at];
                }
            }

            compact[Keys.Count] = write;
            return (compact, postings[..write]);
        }

        /// <summary>Each key of four symbols or more under the hash of each of its one-symbol deletions.</summary>
        public (ulong[] Hashes, int[] Keys) Deletions()
        {
            var hashes = new List<ulong>(Keys.Count * 8);
            var ids = new List<int>(Keys.Count * 8);
            Span<char> buffer = stackalloc char[64];
            for (var k = 0; k < Keys.Count; k++)
            {
                var key = Keys[k];
                if (NameKeys.IsSkeleton(key) || key.Length > 64 || EditDistance.Allowed(key.Length) == 0)
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
    }
}
