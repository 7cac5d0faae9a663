using Vartio.Domain.Screening;
using Vartio.Hosting;

namespace Vartio.Screening;

/// <summary>
/// A screening's answer, the same everywhere: the API's response, each line of <c>vartio screen --json</c> and
/// <c>--queries</c>, and the administration page's table.
/// </summary>
public sealed record ScreeningResult(ScreeningResult.QueryJson Query, IReadOnlyList<ScreeningResult.HitJson> Hits)
{
    public static ScreeningResult From(ScreeningQuery query, IReadOnlyList<ScreeningHit> hits) => new(
        new QueryJson(query.Name, query.BirthDate.IsUnknown ? null : query.BirthDate.ToString(), query.Nationality),
        [.. hits.Select(h => new HitJson(h.Entry.Id, h.Entry.List, h.Entry.Kind.Name(), h.MatchedName, h.Score, h.Explanation.ToString(), h.Explanation))]);

    public sealed record QueryJson(string Name, string? BirthDate, string? Nationality);

    /// <param name="Kind">The entry's kind as <see cref="WatchlistKinds.Name"/> writes it.</param>
    /// <param name="Name">The list's name (or alias) that matched.</param>
    /// <param name="Summary">The explanation in one line.</param>
    public sealed record HitJson(string Id, string List, [property: ApiValues(ApiValueSet.WatchlistKind)] string Kind, string Name, double Score, string Summary, ScreeningExplanation Explanation);
}
