using Vartio.Domain.Screening;
using static Vartio.Domain.Checks.CheckText;

namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private static CheckCondition WatchlistCondition(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.Watchlist;
        const string rule = CheckRules.Watchlist;
        var refusals = Hits(input, WatchlistKind.RefusalOfEntry);
        var wanted = Hits(input, WatchlistKind.WantedPerson);
        var below = input.WatchlistHits.Count(h => h.Kind != WatchlistKind.LostOrStolenDocument && h.Score < input.WatchlistThreshold);
        var belowSentence = below == 0
            ? string.Empty
            : Line($" {below} weaker {(below == 1 ? "match" : "matches")} below the threshold of {Score(input.WatchlistThreshold)} {(below == 1 ? "was" : "were")} set aside.");
        if (refusals.Count == 0 && wanted.Count == 0)
        {
            return new CheckCondition(code, ConditionResult.Pass, rule, "The traveller matches no alert for refusal of entry and no wanted person." + belowSentence);
        }

        var parts = new List<string>();
        if (refusals.Count > 0)
        {
            var then = input.Direction == CheckDirection.Entry && !traveller.FreeMovement ? ", which if confirmed at second line is refusal H" : string.Empty;
            parts.Add(Line($"the subject of an alert for refusal of entry ({Named(refusals)}){then}"));
        }

        if (wanted.Count > 0)
        {
            parts.Add(Line($"a wanted person ({Named(wanted)})"));
        }

        return new CheckCondition(code, ConditionResult.NeedsAttention, rule,
            Line($"The traveller may be {string.Join(" and ", parts)}: second line confirms or sets aside the match.") + belowSentence,
            ToSecondLine: true);
    }

    /// <summary>The hits of <paramref name="kind"/> at or above the threshold, best first.</summary>
    private static List<WatchlistHit> Hits(CheckInput input, WatchlistKind kind) =>
        [.. input.WatchlistHits.Where(h => h.Kind == kind && h.Score >= input.WatchlistThreshold).OrderByDescending(h => h.Score)];

    /// <summary>The lists and entries, for the officer: <c>interpol-sltd entry 123 (score 1.00)</c>.</summary>
    private static string Named(List<WatchlistHit> hits) =>
        string.Join("; ", hits.Select(h => Line($"list {h.List}, entry {h.EntryId} (score {Score(h.Score)})")));
}
