using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// Days spent under a residence permit or a long-stay visa, first and last day included: they do not count
/// towards the 90 days (Regulation (EU) 2016/399, Art. 6(2)).
/// </summary>
public sealed record ExcludedPeriod(LocalDate From, LocalDate To)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StayText.Date(From)} – {StayText.Date(To)}");
}
