using NodaTime;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Domain.Tests.CrossingPoints;

/// <summary>
/// Europe/Helsinki in 2024 (IANA tz database): clocks went forward on 31 March at 03:00 to 04:00 (UTC+02 to
/// UTC+03), and back on 27 October at 04:00 to 03:00.
/// </summary>
public sealed class LocalTimesTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 30)]
    [InlineData(3, 59)]
    public void TryResolve_TimeSkippedWhenClocksGoForward_IsRefusedSayingSo(int hour, int minute)
    {
        var ok = LocalTimes.TryResolve(new LocalDateTime(2024, 3, 31, hour, minute), Helsinki, out _, out var error);

        Assert.False(ok);
        Assert.Contains("does not exist in Europe/Helsinki", error, StringComparison.Ordinal);
        Assert.Contains("daylight saving time begins", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_EitherSideOfTheGap_IsTheUsualOffset()
    {
        Assert.True(LocalTimes.TryResolve(new LocalDateTime(2024, 3, 31, 2, 59), Helsinki, out var before, out _));
        Assert.True(LocalTimes.TryResolve(new LocalDateTime(2024, 3, 31, 4, 0), Helsinki, out var after, out _));

        Assert.Equal(Instant.FromUtc(2024, 3, 31, 0, 59), before);
        Assert.Equal(Instant.FromUtc(2024, 3, 31, 1, 0), after);
    }

    [Fact]
    public void TryResolve_TimeThatOccursTwiceWhenClocksGoBack_IsItsFirstOccurrence()
    {
        // 03:30 happens at 00:30 UTC (UTC+03) and again at 01:30 UTC (UTC+02); the first is taken.
        Assert.True(LocalTimes.TryResolve(new LocalDateTime(2024, 10, 27, 3, 30), Helsinki, out var instant, out var error));

        Assert.Null(error);
        Assert.Equal(Instant.FromUtc(2024, 10, 27, 0, 30), instant);
    }
}
