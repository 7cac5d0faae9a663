using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

/// <summary>The bits of <see cref="RecentDays"/> against a plain array of days and against the sweep over runs.</summary>
public sealed class RecentDaysTests
{
    private const int LastDay = 20_000;

    [Fact]
    public void CountInAndToRuns_RandomDays_AgreeWithAnArrayOfDays()
    {
        var random = new Random(182);
        for (var n = 0; n < 300; n++)
        {
            var (recent, marked) = Draw(random);
            var first = LastDay - (RecentDays.Length - 1);

            for (var k = 0; k < 20; k++)
            {
                var from = first + random.Next(-30, RecentDays.Length);
                var to = from + random.Next(-2, RecentDays.Length);
                var expected = Enumerable.Range(from, Math.Max(0, to - from + 1)).Count(d => d >= first && d <= LastDay && marked[d - first]);
                Assert.True(expected == recent.CountIn(from, to), $"case {n}: {from}–{to}");
            }

            var runs = recent.ToRuns();
            var fromRuns = new bool[RecentDays.Length];
            foreach (var run in runs)
            {
                for (var d = run.Start; d <= run.End; d++)
                {
                    fromRuns[d - first] = true;
                }
            }

            Assert.Equal(marked, fromRuns);
            Assert.True(runs.Zip(runs.Skip(1)).All(p => p.First.End + 1 < p.Second.Start), $"case {n}: runs not apart");
            Assert.Equal(runs.Length > 0 ? runs[^1].End : null, recent.LastDay());
        }
    }

    [Fact]
    public void FirstDayOverLimitStayingFrom_RandomDays_AgreesWithTheSweepOverRuns()
    {
        // From the last day held (planning an entry) and from the day after it (a present stay going on).
        var random = new Random(90);
        for (var n = 0; n < 500; n++)
        {
            var (recent, _) = Draw(random);
            var runs = recent.ToRuns();
            foreach (var start in new[] { LastDay, LastDay + 1 })
            {
                var expected = PresenceSweep.FirstDayOverLimitStayingFrom(runs, start);
                Assert.True(expected == recent.FirstDayOverLimitStayingFrom(start), $"case {n}: from {start}, [{string.Join(", ", runs)}]");
                Assert.Equal(expected, recent.FirstDayOverLimitStayingFrom(start, recent.CountIn(start - 180, start - 1)));
            }
        }
    }

    [Fact]
    public void Add_DaysBeforeTheFirstHeld_AreLeftOut()
    {
        var recent = new RecentDays(LastDay);
        recent.Add(recent.FirstDay - 100, recent.FirstDay + 1);

        Assert.Equal([new DayRange(recent.FirstDay, recent.FirstDay + 1)], recent.ToRuns());
        Assert.Equal(2, recent.CountIn(recent.FirstDay - 200, LastDay));
    }

    /// <summary>Random stays of 1 to 70 days ending on or after the first day held, some dense, some sparse.</summary>
    private static (RecentDays Recent, bool[] Marked) Draw(Random random)
    {
        var recent = new RecentDays(LastDay);
        var marked = new bool[RecentDays.Length];
        var maxLength = random.Next(1, 70);
        var maxGap = random.Next(1, 40);
        for (var day = recent.FirstDay - random.Next(0, 60); ; )
        {
            var end = day + random.Next(0, maxLength);
            if (end > LastDay)
            {
                break;
            }

            if (end >= recent.FirstDay)
            {
                recent.Add(day, end);
                for (var d = Math.Max(day, recent.FirstDay); d <= end; d++)
                {
                    marked[d - recent.FirstDay] = true;
                }
            }

            day = end + random.Next(1, maxGap + 1);
        }

        return (recent, marked);
    }
}
