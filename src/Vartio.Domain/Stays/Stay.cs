using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>One stay in the Schengen area, from the day of entry to the day of exit, both included.</summary>
/// <param name="Exit">The day of exit; null while the traveller is still in the area.</param>
public sealed record Stay(LocalDate Entry, LocalDate? Exit)
{
    public bool IsOpen => Exit is null;

    public override string ToString() => Exit is { } exit
        ? string.Create(CultureInfo.InvariantCulture, $"{StayText.Date(Entry)} – {StayText.Date(exit)}")
        : string.Create(CultureInfo.InvariantCulture, $"{StayText.Date(Entry)} – (open)");
}
