using NodaTime;
using Vartio.Domain.Screening;
using Vartio.Domain.Stays;

namespace Vartio.Domain.Checks;

/// <summary>Whether the traveller is entering or leaving the Schengen area.</summary>
public enum CheckDirection
{
    Entry,
    Exit,
}

/// <summary>
/// Everything a border check decides on, loaded by the caller: the crossing, the documents presented, the
/// officer's findings and what the records and the watchlists say about the traveller.
/// </summary>
public sealed partial record CheckInput
{
    /// <summary>The crossing point's code (<c>HEL</c>); carried into the record, not decided on here.</summary>
    public required string CrossingPoint { get; init; }

    public required CheckDirection Direction { get; init; }

    /// <summary>When the check happened.</summary>
    public required Instant At { get; init; }

    /// <summary>
    /// The date at the border when the check happened, in the crossing point's zone: the day of entry or exit
    /// that the 90/180 rule counts (Regulation (EU) 2016/399, Art. 6(2)).
    /// </summary>
    public required LocalDate Date { get; init; }

    public required PresentedDocument Document { get; init; }

    /// <summary>The visa presented, if any.</summary>
    public PresentedVisa? Visa { get; init; }

    /// <summary>A residence permit presented, if any.</summary>
    public ResidencePermit? ResidencePermit { get; init; }

    /// <summary>The date the traveller intends to leave the Schengen area; null when not stated.</summary>
    public LocalDate? IntendedDeparture { get; init; }

    /// <summary>The officer's findings on purpose and means; null when not yet assessed.</summary>
    public OfficerFindings? Findings { get; init; }

    /// <summary>
    /// The traveller's recorded stays. At entry every one has ended, on <see cref="Date"/> at the latest; at exit
    /// the stay being ended is the last, open or ending on <see cref="Date"/>.
    /// </summary>
    public IReadOnlyList<Stay> Stays { get; init; } = [];

    /// <summary>Recorded periods under a residence permit or long-stay visa, which the 90/180 rule does not count.</summary>
    public IReadOnlyList<ExcludedPeriod> ExcludedPeriods { get; init; } = [];

    /// <summary>What screening the traveller and the document against the watchlists found.</summary>
    public IReadOnlyList<WatchlistHit> WatchlistHits { get; init; } = [];

    /// <summary>The score at and above which a hit counts (<see cref="ScreeningDefaults.Threshold"/> unless configured).</summary>
    public double WatchlistThreshold { get; init; } = ScreeningDefaults.Threshold;

    /// <summary>Entries already recorded on the presented visa, before this one.</summary>
    public int VisaEntriesUsed { get; init; }

    /// <summary>At exit: the last day of the authorised stay recorded at entry, if one was.</summary>
    public LocalDate? RecordedAuthorisedStayUntil { get; init; }
}
