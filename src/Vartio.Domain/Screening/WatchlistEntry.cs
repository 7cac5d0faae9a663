using NodaTime;

namespace Vartio.Domain.Screening;

/// <summary>A travel document named in a watchlist entry.</summary>
/// <param name="IssuingState">ISO 3166-1 alpha-3 or an ICAO Doc 9303 code (<c>D</c> for Germany), as in the MRZ.</param>
/// <param name="Number">The document number as the list gives it; matching ignores fillers, spaces and hyphens.</param>
public sealed record WatchlistDocument(string IssuingState, string Number)
{
    public override string ToString() => $"{IssuingState}:{Number}";
}

/// <summary>One person or document on a watchlist.</summary>
/// <param name="List">The list the entry belongs to (its name in Vartio, e.g. <c>national-refusals</c>).</param>
/// <param name="Id">The entry's id within its list, as the list's publisher gives it.</param>
/// <param name="Name">The primary name, in any script.</param>
/// <param name="Aliases">Other names and spellings, in any script.</param>
/// <param name="Nationalities">ISO 3166-1 alpha-3 codes (ICAO's own codes allowed).</param>
/// <param name="Reason">Why the entry is on the list, in the publisher's words.</param>
/// <param name="ValidFrom">First day the entry applies; null for always.</param>
/// <param name="ValidUntil">Last day the entry applies (included); null for until removed.</param>
public sealed record WatchlistEntry(
    string List,
    string Id,
    WatchlistKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    PartialDate BirthDate,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<WatchlistDocument> Documents,
    string? Reason,
    LocalDate? ValidFrom,
    LocalDate? ValidUntil)
{
    /// <summary>The primary name, then the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Count == 0 ? [Name] : Aliases.Prepend(Name);

    /// <summary>Whether the entry applies on a day: valid from and until are both included.</summary>
    public bool IsValidOn(LocalDate date) =>
        (ValidFrom is not { } from || from <= date) && (ValidUntil is not { } until || date <= until);
}
