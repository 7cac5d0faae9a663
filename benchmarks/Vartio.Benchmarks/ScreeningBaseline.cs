using F23.StringSimilarity;
using Vartio.Domain.Screening;

namespace Vartio.Benchmarks;

/// <summary>
/// The baseline screening: every entry compared with the query by Jaro–Winkler similarity on normalised full
/// names (the same normalisation Vartio uses: transliterated, lower case, without diacritics, punctuation,
/// honorifics or particles), the best of an entry's names kept, and entries at or above the threshold
/// reported, best first. No index, no keys, no birth date or nationality.
/// </summary>
public sealed class ScreeningBaseline
{
    private readonly JaroWinkler jaroWinkler = new();
    private readonly (WatchlistEntry Entry, string[] Names)[] entries;

    public ScreeningBaseline(IEnumerable<WatchlistEntry> entries)
    {
        this.entries = [.. entries.Select(e => (e, e.Names.Select(Normalise).Where(n => n.Length > 0).ToArray()))];
    }

    public static string Normalise(string name) => string.Join(' ', ScreeningNames.Parts(name));

    public IReadOnlyList<(WatchlistEntry Entry, double Score)> Screen(string name, double threshold, int maxHits = ScreeningDefaults.MaxHits)
    {
        var query = Normalise(name);
        var hits = new List<(WatchlistEntry, double)>();
        foreach (var (entry, names) in entries)
        {
            var best = 0.0;
            foreach (var candidate in names)
            {
                best = Math.Max(best, jaroWinkler.Similarity(query, candidate));
            }

            if (best >= threshold)
            {
                hits.Add((entry, best));
            }
        }

        return [.. hits.OrderByDescending(h => h.Item2).Take(maxHits)];
    }
}
