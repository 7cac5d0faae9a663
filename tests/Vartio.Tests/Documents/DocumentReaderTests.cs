using NodaTime;
using NodaTime.Testing;
using Vartio.CrossingPoints;
using Vartio.Documents;

namespace Vartio.Tests.Documents;

/// <summary>The day of the check, which places a zone's two-digit years, is the date where the reading is made.</summary>
public sealed class DocumentReaderTests
{
    // ICAO Doc 9303 Part 4's specimen passport with the birth date 27 November (20)26 and expiry 2036-04-15;
    // check digits recomputed (Doc 9303 Part 3, 7-3-1 weights).
    private static readonly string[] BornOn27November26 =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO2611273F3604155ZE184226B<<<<<18",
    ];

    // 23:30 UTC on 26 November 2026 is already 27 November in Helsinki (UTC+2).
    private static readonly Instant LateEvening = Instant.FromUtc(2026, 11, 26, 23, 30);

    [Fact]
    public void Read_AtTheBorder_PlacesTheYearByTheBordersDate()
    {
        var reader = new DocumentReader(new BorderCalendar(new FakeClock(LateEvening), new BorderZone(DateTimeZoneProviders.Tzdb["Europe/Helsinki"])));

        var response = reader.Read(BornOn27November26);

        // Born today at the border: 2026, not a century earlier (a birth date is not after the day of the check).
        Assert.True(response.Valid);
        Assert.Equal("2026-11-27", response.DateOfBirth);
    }

    [Fact]
    public void Read_WhereItIsStillTheDayBefore_PlacesTheYearACenturyEarlier()
    {
        var reader = new DocumentReader(new BorderCalendar(new FakeClock(LateEvening), new BorderZone(DateTimeZone.Utc)));

        var response = reader.Read(BornOn27November26);

        Assert.Equal("1926-11-27", response.DateOfBirth);
    }
}
