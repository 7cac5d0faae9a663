using NodaTime;
using Vartio.Data;

namespace Vartio.Tests.Data;

/// <summary>
/// Seeded decisions read their local times by the same rule as typed ones. Europe/Helsinki, 2024 (IANA tz
/// database): 03:00–03:59 on 31 March does not exist; 03:00–03:59 on 27 October occurs twice.
/// </summary>
public sealed class SeedLocalTimesTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    [Fact]
    public void ASeedTimeSkippedByDaylightSavingIsRefusedAsATypedOneIs()
    {
        var error = Assert.Throws<FormatException>(() => BorderData.LocalToInstant("2024-03-31T03:30", Helsinki));

        Assert.Contains("does not exist in Europe/Helsinki", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeedTimeThatOccursTwiceIsItsFirstOccurrence() =>
        Assert.Equal(Instant.FromUtc(2024, 10, 27, 0, 30), BorderData.LocalToInstant("2024-10-27T03:30", Helsinki));
}
