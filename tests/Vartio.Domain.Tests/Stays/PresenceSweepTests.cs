using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

public sealed class PresenceSweepTests
{
    [Fact]
    public void FirstEndingOnOrAfter_AnyDayAndAnyNumberOfRuns_IsTheFirstRunThatEndsOnOrAfterIt()
    {
        // Runs two days long and a day apart: run k covers days 3k and 3k + 1. Every day before, on, between
        // and after them, against a plain scan.
        for (var count = 0; count <= 40; count++)
        {
            var runs = Enumerable.Range(0, count).Select(k => new DayRange(3 * k, (3 * k) + 1)).ToArray();
            for (var day = -2; day <= (3 * count) + 2; day++)
            {
                var expected = Array.FindIndex(runs, r => r.End >= day) is var found and >= 0 ? found : count;
                Assert.True(expected == PresenceSweep.FirstEndingOnOrAfter(runs, day), $"{count} runs, day {day}");
            }
        }
    }
}
