using NodaTime;
using Vartio.CrossingPoints;

namespace Vartio.Tests.CrossingPoints;

/// <summary>Local times as people in Finland type them, and as ISO 8601 writes them.</summary>
public sealed class TimeInputTests
{
    [Theory]
    [InlineData("2026-12-05T00:00", 2026, 12, 5, 0, 0)]
    [InlineData("2026-12-05 14:30", 2026, 12, 5, 14, 30)]
    [InlineData("5.12.2026 00:00", 2026, 12, 5, 0, 0)]
    [InlineData("05.12.2026 0:00", 2026, 12, 5, 0, 0)]
    [InlineData("5.12.2026 14.30", 2026, 12, 5, 14, 30)]
    [InlineData("5.12.2026 klo 14.30", 2026, 12, 5, 14, 30)]
    [InlineData("5.12.2026 kl. 9.05", 2026, 12, 5, 9, 5)]
    [InlineData("  18.11.2023   0:00 ", 2023, 11, 18, 0, 0)]
    [InlineData("5.12.2026 24.00", 2026, 12, 6, 0, 0)] // the end of the day, as ISO 8601 also allows: the next midnight
    public void ALocalTime_IsReadInTheFormsPeopleType(string typed, int year, int month, int day, int hour, int minute)
    {
        Assert.True(TimeInput.TryParseLocal(typed, out var local));
        Assert.Equal(new LocalDateTime(year, month, day, hour, minute), local);
    }

    [Theory]
    [InlineData("12/5/2026 00:00")] // the fifth of December in Finland, the twelfth of May elsewhere: not guessed
    [InlineData("31.2.2026 00:00")] // no 31 February
    [InlineData("5.12.2026")] // a date alone is not a time
    [InlineData("")]
    public void AnAmbiguousOrImpossibleTime_IsNotRead(string typed)
    {
        Assert.False(TimeInput.TryParseLocal(typed, out _));
    }
}
