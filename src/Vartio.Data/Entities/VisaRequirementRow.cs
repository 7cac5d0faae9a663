using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>
/// One nationality on one list of Regulation (EU) 2018/1806 for a period, as an Admin keeps the lists; while the
/// table is empty, the lists shipped with Vartio apply.
/// </summary>
public sealed class VisaRequirementRow
{
    public long Id { get; set; }

    /// <summary>ISO 3166-1 alpha-3 (or ICAO's code for an entity ISO does not list).</summary>
    public required string Country { get; set; }

    /// <summary><c>AnnexI</c> (visa required) or <c>AnnexII</c> (exempt).</summary>
    public required string Annex { get; set; }

    public LocalDate? ValidFrom { get; set; }

    public LocalDate? ValidUntil { get; set; }

    /// <summary>The act that put the nationality on the list, with the day it applies from.</summary>
    public required string Source { get; set; }

    public string? Proviso { get; set; }
}
