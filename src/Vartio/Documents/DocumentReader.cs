using NodaTime;
using NodaTime.TimeZones;
using Vartio.CrossingPoints;
using Vartio.Domain.Documents;

namespace Vartio.Documents;

/// <summary>
/// Reads a travel document's machine-readable zone on the day of the check: the one service the API, the
/// page and the command line call. That day places the zone's two-digit years (see <see cref="MrzDates"/>):
/// the date at the border (Border:TimeZone) on the server; the date in the machine's own zone on the command
/// line, which may run on any officer's machine without the server's configuration.
/// </summary>
public sealed class DocumentReader(BorderCalendar calendar)
{
    /// <summary>
    /// A reader whose "today" is the date in this machine's time zone, or in UTC when the machine names no zone
    /// the time-zone database knows.
    /// </summary>
    public static DocumentReader OnThisMachine(IClock clock)
    {
        DateTimeZone zone;
        try
        {
            zone = DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }
        catch (DateTimeZoneNotFoundException)
        {
            zone = DateTimeZone.Utc;
        }

        return new DocumentReader(new BorderCalendar(clock, new BorderZone(zone)));
    }

    /// <summary>The day of the check.</summary>
    public LocalDate Today => calendar.Today;

    /// <summary>The zone's fields, corrections and problems, as the domain reads them.</summary>
    /// <param name="lines">The zone's lines, or the whole zone in one (a line may hold line breaks).</param>
    public MrzResult Parse(IReadOnlyList<string?> lines) => MrzParser.Parse([.. lines], Today);

    /// <summary>The zone read into the response the API, <c>vartio mrz --json</c> and the page share.</summary>
    public MrzResponse Read(IReadOnlyList<string?> lines) => MrzResponse.From(Parse(lines), lines);
}
