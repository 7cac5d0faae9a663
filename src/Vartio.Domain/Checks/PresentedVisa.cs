using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Checks;

/// <summary>The kind of visa, by the letter of the Schengen sticker (Regulation (EC) No 810/2009, Art. 2 and 24; Regulation (EC) No 1683/95).</summary>
public enum VisaType
{
    /// <summary>A: airport transit; it does not allow entry.</summary>
    AirportTransit,

    /// <summary>C: the uniform short-stay visa.</summary>
    ShortStay,

    /// <summary>D: a national long-stay visa, which stands for a visa for short stays too (Regulation (EU) 2016/399, Art. 6(1)(b)).</summary>
    LongStay,

    /// <summary>Not said: a zone whose document code does not carry the letter.</summary>
    Unknown,
}

/// <summary>How many entries a visa allows (the sticker's "number of entries": 1, 2 or MULT).</summary>
public enum VisaEntries
{
    One,
    Two,
    Multiple,

    /// <summary>Not known: a visa read from its zone alone, which does not carry it.</summary>
    Unknown,
}

/// <summary>A visa presented at the border.</summary>
/// <param name="ValidFrom">The first day of validity; null when read from the zone alone, which gives only the last day.</param>
/// <param name="ValidUntil">The last day of validity; null when unread.</param>
/// <param name="DurationOfStayDays">The days of stay the visa allows; null when unknown (a zone does not carry it).</param>
/// <param name="ZoneValid">Whether the visa's zone was read with no problem; null when the fields were typed in.</param>
public sealed record PresentedVisa(
    VisaType Type,
    LocalDate? ValidFrom,
    LocalDate? ValidUntil,
    VisaEntries Entries,
    int? DurationOfStayDays,
    string? Number = null,
    Country? IssuingState = null,
    bool? ZoneValid = null)
{
    /// <summary>
    /// A visa read from its machine-readable zone (MRV-A or MRV-B, ICAO Doc 9303 Part 7): the zone gives the last
    /// day of validity but neither the first, the number of entries nor the duration of stay, which stay unknown.
    /// The type is the second letter of the document code (<c>VC</c>, <c>VD</c>); null when the zone is not a visa.
    /// </summary>
    public static PresentedVisa? FromMrz(MrzResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Format is not (MrzFormat.MrvA or MrzFormat.MrvB))
        {
            return null;
        }

        var type = result.DocumentCode switch
        {
            "VA" => VisaType.AirportTransit,
            "VC" => VisaType.ShortStay,
            "VD" => VisaType.LongStay,
            _ => VisaType.Unknown,
        };
        return new PresentedVisa(
            type,
            ValidFrom: null,
            result.DateOfExpiry,
            VisaEntries.Unknown,
            DurationOfStayDays: null,
            string.IsNullOrEmpty(result.DocumentNumber) ? null : result.DocumentNumber,
            result.IssuingState is { } state ? Country.FromAlpha3(state) : null,
            result.IsValid);
    }

    /// <summary>Whether it was read from its zone alone: it says nothing of entries or duration.</summary>
    public bool FromZoneAlone => ValidFrom is null && Entries == VisaEntries.Unknown && DurationOfStayDays is null;
}
