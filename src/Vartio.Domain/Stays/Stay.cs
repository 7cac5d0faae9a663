using System.Globalization;
using NodaTime;
using NodaTime.Text;

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

/// <summary>
/// Days spent under a residence permit or a long-stay visa, first and last day included: they do not count
/// towards the 90 days (Regulation (EU) 2016/399, Art. 6(2)).
/// </summary>
public sealed record ExcludedPeriod(LocalDate From, LocalDate To)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StayText.Date(From)} – {StayText.Date(To)}");
}

internal static class StayText
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Range(DateInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{Date(interval.Start)} – {Date(interval.End)} ({Days(interval.Length)})");

    public static string Days(int count) => count == 1
        ? "1 day"
        : string.Create(CultureInfo.InvariantCulture, $"{count} days");
}
