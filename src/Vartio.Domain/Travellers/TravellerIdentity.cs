using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;
using Vartio.Domain.Screening;

namespace Vartio.Domain.Travellers;

/// <summary>
/// Who a traveller is, as far as their document says: the one value a document reading produces and every
/// capability that asks about a person consumes (screening, stays, the records of a crossing). A part that
/// could not be read is null (or <see cref="PartialDate.Unknown"/>); nothing is guessed.
/// </summary>
/// <param name="PrimaryIdentifier">The surname(s), as the document gives them (fillers as spaces).</param>
/// <param name="SecondaryIdentifier">The given names separated by spaces; empty when the document gives none.</param>
/// <param name="BirthDate">
/// A full date, the year alone when the document gives the rest as unknown (ICAO Doc 9303 Part 3 fills
/// unknown parts of a birth date with fillers), or unknown.
/// </param>
/// <param name="Nationality">The entity of the nationality code (Germany for a zone's <c>D</c>).</param>
public sealed record TravellerIdentity(
    string? PrimaryIdentifier,
    string? SecondaryIdentifier,
    PartialDate BirthDate,
    Sex? Sex,
    Country? Nationality,
    TravelDocument? Document)
{
    /// <summary>The full name, primary identifier first, as screening reads it: <c>ERIKSSON ANNA MARIA</c>.</summary>
    public string Name => string.Join(' ', new[] { PrimaryIdentifier, SecondaryIdentifier }.Where(part => !string.IsNullOrEmpty(part)));

    /// <summary>
    /// The identity a machine-readable zone gives, with the values after any correction the check digits
    /// prove; null when the input was not a zone at all. A zone with problems still gives what it could read:
    /// the officer decides what to make of a faulty document.
    /// </summary>
    public static TravellerIdentity? FromMrz(MrzResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsRecognised)
        {
            return null;
        }

        var birth = result.DateOfBirth is { } date ? PartialDate.FromDate(date)
            : result.YearOfBirth is { } year ? PartialDate.FromYear(year)
            : PartialDate.Unknown;
        var document = new TravelDocument(
            result.DocumentCode,
            string.IsNullOrEmpty(result.DocumentNumber) ? null : result.DocumentNumber,
            result.IssuingState is { } state ? Country.FromAlpha3(state) : null,
            result.DateOfExpiry);
        return new TravellerIdentity(
            result.PrimaryIdentifier,
            result.SecondaryIdentifier,
            birth,
            result.Sex,
            result.Nationality is { } nationality ? Country.FromAlpha3(nationality) : null,
            document);
    }
}

/// <summary>The travel document a traveller presents, as far as it was read.</summary>
/// <param name="Code">The document code: <c>P</c> (passport), <c>I</c> or <c>ID</c> (identity card), <c>V</c> (visa), …</param>
/// <param name="Number">The whole document number; null when the document gives none or it could not be read.</param>
/// <param name="IssuingState">The issuing state or organisation; null when its code is not one of <see cref="Country.All"/>.</param>
/// <param name="Expiry">Null when unreadable, and for documents whose zone has no expiry date (the French identity card of 1988–2021).</param>
public sealed record TravelDocument(string? Code, string? Number, Country? IssuingState, LocalDate? Expiry);
