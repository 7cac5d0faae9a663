using Vartio.Domain.Screening;

namespace Vartio.Domain.Checks;

/// <summary>A watchlist entry that screening found may be the traveller or the document: what the check needs of it.</summary>
/// <param name="List">The list's name (<c>national-refusals</c>), which the check names.</param>
/// <param name="EntryId">The entry's id within its list.</param>
/// <param name="Score">In [0, 1]; 1 for an exact lost or stolen document.</param>
public sealed record WatchlistHit(WatchlistKind Kind, string List, string EntryId, double Score)
{
    public static WatchlistHit From(ScreeningHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new WatchlistHit(hit.Entry.Kind, hit.Entry.List, hit.Entry.Id, hit.Score);
    }
}
