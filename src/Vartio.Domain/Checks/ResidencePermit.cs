using NodaTime;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Checks;

/// <summary>
/// A residence permit presented at the border: it stands for a visa (Regulation (EU) 2016/399, Art. 6(1)(b)) and
/// the days under it do not count towards the 90 (Art. 6(2)).
/// </summary>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="IssuingState">The member state that issued it; null when not stated.</param>
public sealed record ResidencePermit(string Number, LocalDate ValidUntil, Country? IssuingState = null);
