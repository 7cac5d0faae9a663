using Vartio.Domain.Travellers;

namespace Vartio.Domain.Screening;

/// <summary>The traveller to screen, as the document or the officer gives them.</summary>
/// <param name="Name">The full name in any script and order (an MRZ's primary and secondary identifiers joined will do).</param>
/// <param name="BirthDate">Raises the score when it agrees, lowers it when it disagrees; never a hit on its own.</param>
/// <param name="Nationality">ISO 3166-1 alpha-3 or ICAO code; raises or lowers the score like the birth date.</param>
/// <param name="Document">The travel document presented: an exact match with a lost or stolen document is a hit whatever the name.</param>
/// <param name="ExactBirthDate">
/// Only entries whose birth date agrees (or is unknown) are hits. Otherwise a birth date years apart only lowers
/// a hit, since lists' dates are often approximate; full dates decades apart rule it out.
/// </param>
public sealed record ScreeningQuery(string Name, PartialDate BirthDate, string? Nationality, WatchlistDocument? Document = null, bool ExactBirthDate = false)
{
    public static ScreeningQuery ForName(string name) => new(name, PartialDate.Unknown, null);

    /// <summary>
    /// The query for a traveller as their document gives them: the full name, the birth date (a year alone when
    /// that is all the document says) and the nationality's alpha-3 code (<c>DEU</c> for a zone's <c>D</c>) to
    /// weigh a name's hit, and the document for the exact lost-and-stolen check when its number and issuing
    /// state were both read.
    /// </summary>
    public static ScreeningQuery For(TravellerIdentity traveller)
    {
        ArgumentNullException.ThrowIfNull(traveller);
        return new(
            traveller.Name,
            traveller.BirthDate,
            traveller.Nationality?.Alpha3,
            traveller.Document is { Number: { } number, IssuingState: { } state } ? new WatchlistDocument(state.Alpha3, number) : null);
    }
}
