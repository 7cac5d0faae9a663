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
public sealed partial class WatchlistIndex
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

    // Per part, its keys' ids as bits of one word (KeyBits; all bits for a patronymic or an initial): whether a
    // list name's parts may all share a key with a query is read from these without touching the parts.
    private readonly ulong[] partKeyBits;

    // Per part, its length in letters: names whose letters joined are as many as the query's may have one
    // slid across a space (NameComparison.Slid); the others are not read for it.
    private readonly int[] partLength;
    private readonly Dictionary<string, int> keyIds;
    private readonly string[] keys;
    private readonly int[] keyPostingStart;
    private readonly int[] keyPostings;

    // Working space kept for twice as many screenings at once as there are processors, taken and put back without a
    // lock; a screening that finds none free makes its own.
    private readonly Scratch?[] scratches = new Scratch?[2 * Environment.ProcessorCount];

    // The keys one edit away from a query part's key, found without comparing it with every key.
    private readonly KeyNeighbours neighbours;

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
        partKeyBits = Array.ConvertAll(parts, p => p.IsMinor || p.IsInitial ? ulong.MaxValue : KeyBits(p.KeyIds));
        partLength = Array.ConvertAll(parts, p => p.Normalised.Length);
        keyIds = builder.KeyIds;
        keys = [.. builder.Keys];
        (keyPostingStart, keyPostings) = builder.Postings();
        neighbours = new KeyNeighbours(keys);
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
            var queryKeyIds = queryParts.SelectMany(p => p.KeyIds).Where(id => id >= 0).Distinct().ToArray();
            var queryKeyBits = KeyBits(queryKeyIds);
            var queryLetters = queryParts.Sum(p => p.Normalised.Length);
            foreach (var name in asked.Length <= MaxParts ? Candidates(queryParts, scratch) : [])
            {
                // The birth date and nationality first: when even a perfect name would fall short with them
                // (a birth year five years off), the name need not be compared. Travellers' documents always
                // give a birth date, so at a border check this settles most candidates.
                var (listBirth, listNationality) = nameFacts[name];
                var birth = Facts.Compare(born, listBirth, query.ExactBirthDate);
                var nationalityDelta = Facts.NationalityDelta(listNationality switch
                {
                    _ when nationality is null => Facts.Outcome.NotGiven,
                    NoNationality => Facts.Outcome.UnknownOnList,
                    SeveralNationalities => Facts.Compare(nationality, entries[nameEntry[name]].Nationalities),
                    _ => listNationality == nationalityId ? Facts.Outcome.Same : Facts.Outcome.Differs,
                });
                var facts = Facts.BirthDateDelta(birth, fullName: true) + nationalityDelta;
                if (Shown(NameComparison.ExactScore + facts) < threshold)
                {
                    continue;
                }

                // Birth years apart are forgiven a full name only, whose every part shares a key with the query's.
                var onlyIfFull = Shown(NameComparison.ExactScore + Facts.BirthDateDelta(birth, fullName: false) + nationalityDelta) < threshold;
                if (onlyIfFull && !EveryPartShares(name, queryKeyIds, queryKeyBits))
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
                var letters = 0;
                for (var i = 0; i < count; i++)
                {
                    var id = nameParts[first + i];
                    listPartInfos[i] = parts[id];
                    letters += partLength[id];
                    scratch.Compared(asked, id, parts[id]).CopyTo(compared[(i * asked.Length)..]);
                }

                // Birth years apart are forgiven a full name only: one that cannot be full is not scored.
                var comparisons = compared[..(count * asked.Length)];
                if (onlyIfFull && !NameComparison.MayBeFull(asked, listPartInfos, comparisons))
                {
                    continue;
                }

                var nameScore = NameComparison.Score(asked, listPartInfos, comparisons, pairs);

                // Birth dates years apart are forgiven a full name only.
                var full = NameComparison.IsFull(asked, listPartInfos, pairs);
                facts = Facts.BirthDateDelta(birth, full) + nationalityDelta;

                // One space in another place (Yusufa Li, Yusuf Ali): the parts differ, the letters do not.
                if (nameScore < NameComparison.SlidScore && letters == queryLetters && Shown(NameComparison.SlidScore + facts) >= threshold
                    && NameComparison.Slid(asked, listPartInfos))
                {
                    nameScore = NameComparison.SlidScore;
                }

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

    /// <summary>
    /// Whether every part of a name that must pair in a full match (not a patronymic nor an initial) shares a key
    /// with a part of the query: read from the keys alone, before any part is compared.
    /// </summary>
    private bool EveryPartShares(int name, int[] queryKeyIds, ulong queryKeyBits)
    {
        var (start, end) = (namePartStart[name], namePartStart[name + 1]);
        for (var at = start; at < end; at++)
        {
            if ((partKeyBits[nameParts[at]] & queryKeyBits) == 0)
            {
                return false;
            }
        }

        for (var at = start; at < end; at++)
        {
            var part = parts[nameParts[at]];
            if (part.IsMinor || part.IsInitial)
            {
                continue;
            }

            var shares = false;
            foreach (var id in part.KeyIds)
            {
                if (Array.IndexOf(queryKeyIds, id) >= 0)
                {
                    shares = true;
                    break;
                }
            }

            if (!shares)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Key ids as bits of one word, by their low six bits: parts that share a key share a bit.</summary>
    private static ulong KeyBits(int[] keyIds)
    {
        var bits = 0UL;
        foreach (var id in keyIds)
        {
            bits |= id >= 0 ? 1UL << (id & 63) : 0;
        }

        return bits;
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
        var asked = CollectionsMarshal.AsSpan(queryParts);
        var nameScore = name >= 0 ? NameComparison.Score(asked, listParts, pairs) : 0;
        var full = document is not null || (name >= 0 && NameComparison.IsFull(asked, listParts, pairs));
        var listName = name >= 0 ? (nameOrdinal[name] == 0 ? entry.Name : entry.Aliases[nameOrdinal[name] - 1]) : entry.Name;
        var queryTexts = NameParts.Split(query.Name);
        var listTexts = NameParts.Split(listName);
        var matches = pairs
            .OrderBy(p => p.Query)
            .Select(p => new NamePartMatch(queryTexts[p.Query].Text, listTexts[p.List].Text, p.How, p.Distance, Math.Round(p.Score, 3),
                NameDifferences.Describe(queryParts[p.Query], listParts[p.List], p.How)))
            .ToList();
        var slid = document is null && name >= 0 && nameScore < NameComparison.SlidScore && NameComparison.Slid(asked, listParts);
        if (slid)
        {
            // The letters are the same once joined: every part is accounted for, one space is elsewhere.
            nameScore = NameComparison.SlidScore;
            matches = [new NamePartMatch(string.Join(' ', queryTexts.Select(p => p.Text)), string.Join(' ', listTexts.Select(p => p.Text)),
                NamePartMatchKind.EditDistance, 1, NameComparison.SlidScore, "a letter moved across the space between two parts")];
            pairs.Clear();
        }

        var explanation = new ScreeningExplanation(
            matches,
            slid ? [] : [.. queryTexts.Where((_, i) => !pairs.Exists(p => p.Query == i)).Select(p => p.Text)],
            slid ? [] : [.. listTexts.Where((_, i) => !pairs.Exists(p => p.List == i)).Select(p => p.Text)],
            Math.Round(nameScore, 3),
            Facts.BirthDate(query.BirthDate, entry.BirthDate, query.ExactBirthDate, full),
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
}
