namespace Vartio.Domain.Screening;

/// <summary>
/// Why a person or a document is on a watchlist: the three questions every border check asks
/// (Regulation (EU) 2016/399, Art. 6(1)(d) and 8(3)).
/// </summary>
public enum WatchlistKind
{
    /// <summary>An alert for refusal of entry (SIS or a national register; refusal ground H).</summary>
    RefusalOfEntry,

    /// <summary>A person sought for arrest or for a check.</summary>
    WantedPerson,

    /// <summary>A travel document reported lost, stolen or revoked; it matches on issuing state and number.</summary>
    LostOrStolenDocument,
}
