namespace Vartio.Domain.Screening;

/// <summary>
/// The name matching on its own, without an index: for tests, for an administrator trying a spelling, and
/// for tools that compare two names once.
/// </summary>
public static class ScreeningNames
{
    /// <summary>The parts of a name as matching sees them: transliterated, lower-case a–z, honorifics and particles dropped.</summary>
    public static IReadOnlyList<string> Parts(string name) => [.. NameParts.Split(name).Select(p => p.Normalised)];

    /// <summary>The keys of one name part (a word); two spellings of the same name share at least one.</summary>
    public static IReadOnlyList<string> Keys(string part)
    {
        var parts = NameParts.Split(part);
        return parts.Count == 0 ? [] : NameKeys.Keys(parts[0].Normalised, parts[0].Script);
    }

    /// <summary>Whether two spellings of a one-word name share a key.</summary>
    public static bool ShareKey(string a, string b) => Keys(a).Intersect(Keys(b), StringComparer.Ordinal).Any();

    /// <summary>The name score of two names, in [0, 1], as screening computes it before birth date and nationality.</summary>
    public static double Score(string query, string listName)
    {
        var index = WatchlistIndex.Build([new WatchlistEntry("", "", WatchlistKind.WantedPerson, listName, [], PartialDate.Unknown, [], [], null, null, null)]);
        var hits = index.Screen(ScreeningQuery.ForName(query), threshold: 0.0001);
        return hits.Count == 0 ? 0 : hits[0].Explanation.NameScore;
    }
}
