using NodaTime;
using Vartio.Domain.CrossingPoints;

namespace Vartio.CrossingPoints;

/// <summary>
/// "Now" and "today" at the border, from the one injected clock: the day of a check places a zone's two-digit
/// years, decides which watchlist entries are in force and which stays count, and is the default date of the
/// forms. Today is the date in the border's zone (Border:TimeZone), or in a crossing point's own zone where the
/// question is about one crossing point.
/// </summary>
public sealed class BorderCalendar(IClock clock, BorderZone border)
{
    /// <summary>The zone in which people at this border read times that carry no offset.</summary>
    public DateTimeZone Zone => border.Zone;

    public Instant Now => clock.GetCurrentInstant();

    /// <summary>The date at the border now.</summary>
    public LocalDate Today => Now.InZone(border.Zone).Date;

    /// <summary>The date at <paramref name="point"/> now, in its own zone.</summary>
    public LocalDate TodayAt(CrossingPoint point) => Now.InZone(point.Zone).Date;
}
