using NodaTime;

namespace Vartio.Domain.Checks;

/// <summary>The two lists of Regulation (EU) 2018/1806.</summary>
public enum VisaAnnex
{
    /// <summary>Annex I: nationals who need a visa for a short stay (Art. 3(1)).</summary>
    AnnexI,

    /// <summary>Annex II: nationals exempt from that requirement for stays of up to 90 days in any 180 (Art. 4(1)).</summary>
    AnnexII,
}

/// <summary>One nationality on one list for a period.</summary>
/// <param name="Country">The ISO 3166-1 alpha-3 code, or ICAO Doc 9303's for entities ISO does not list (<c>RKS</c>, <c>GBD</c>).</param>
/// <param name="From">The first day it applies; null for as far back as the table goes.</param>
/// <param name="Until">The last day it applies; null while in force.</param>
/// <param name="Source">The act that put it there (or moved it), with the day it applies from.</param>
/// <param name="Proviso">A condition of the listing the check cannot read from the document, for the officer (<c>holders of biometric passports only</c>).</param>
public sealed record VisaRequirementEntry(string Country, VisaAnnex Annex, LocalDate? From, LocalDate? Until, string Source, string? Proviso = null)
{
    public bool AppliesOn(LocalDate date) => (From is not { } from || from <= date) && (Until is not { } until || date <= until);
}
