using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>
/// A person as the border records know them: nothing but an id that documents and records point to. Who
/// they are is what their documents say; two travellers become one only through a confirmed link.
/// </summary>
public sealed class TravellerRow
{
    /// <summary>A version 7 id: ordered by creation, so new rows go to the end of the index.</summary>
    public Guid Id { get; set; }

    public Instant CreatedAt { get; set; }
}

/// <summary>A travel document presented at a check, with the identity it gives, linked to its holder.</summary>
public sealed class TravelDocumentRow
{
    public Guid Id { get; set; }

    public Guid TravellerId { get; set; }

    /// <summary>The issuing state or organisation, ICAO Doc 9303 alpha-3 (<c>FIN</c>, <c>D</c> as <c>DEU</c>).</summary>
    public required string IssuingState { get; set; }

    /// <summary>The number as read from the document.</summary>
    public required string Number { get; set; }

    /// <summary>The number as documents are matched: see <see cref="TravelDocuments.NormaliseNumber"/>. Unique per issuing state.</summary>
    public required string NormalisedNumber { get; set; }

    /// <summary>The document code of the zone: <c>P</c>, <c>PN</c>, <c>I</c>, <c>ID</c>, …</summary>
    public required string Type { get; set; }

    public LocalDate? Expiry { get; set; }

    public string? PrimaryIdentifier { get; set; }

    public string? SecondaryIdentifier { get; set; }

    /// <summary>Nationality, alpha-3; null when the document's code is not a known one.</summary>
    public string? Nationality { get; set; }

    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY</c> when only the year is known, or empty (a PartialDate's text).</summary>
    public required string BirthDate { get; set; }

    public Instant RecordedAt { get; set; }
}

/// <summary>
/// An officer's confirmation that two travellers are one person (a new passport): the link is a record of
/// its own, with who confirmed it and when, and the travellers' rows stay as they were.
/// </summary>
public sealed class TravellerLinkRow
{
    public long Id { get; set; }

    public Guid TravellerId { get; set; }

    public Guid LinkedTravellerId { get; set; }

    public required string ConfirmedBy { get; set; }

    public Instant ConfirmedAt { get; set; }

    public string? Reason { get; set; }
}
