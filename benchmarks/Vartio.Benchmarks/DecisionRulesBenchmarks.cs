using BenchmarkDotNet.Attributes;
using NodaTime;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Benchmarks;

/// <summary>
/// Finding the effects of one decision that overlap each other: the sort-and-sweep of
/// <see cref="DecisionRules.OverlapsWithinDecision"/> against comparing every pair, as decisions were checked
/// before. The worst case for the pairwise check is a decision of identical effects (every pair overlaps);
/// both methods are given that, and a decision of effects that follow each other without overlapping.
/// </summary>
public class DecisionRulesBenchmarks
{
    private DecisionEffect[] identical = [];
    private DecisionEffect[] consecutive = [];

    [Params(10, 100, 500)]
    public int Effects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = Instant.FromUtc(2030, 1, 1, 0, 0);
        identical = [.. Enumerable.Repeat(new DecisionEffect("NUP", CrossingPointState.Closed, Traffic.Goods, start, null, null), Effects)];
        consecutive = [.. Enumerable.Range(0, Effects).Select(i => new DecisionEffect("NUP", CrossingPointState.Closed, Traffic.Goods, start + Duration.FromDays(i), start + Duration.FromDays(i + 1), null))];
        if (OverlapsWithinDecision(identical) != Pairwise(identical).Count || OverlapsWithinDecision(consecutive) != 0 || Pairwise(consecutive).Count != 0)
        {
            throw new InvalidOperationException("The sweep and the pairwise check disagree on which effects overlap.");
        }
    }

    [Benchmark(Baseline = true, Description = "identical, every pair")]
    public int IdenticalPairwise() => Pairwise(identical).Count;

    [Benchmark(Description = "identical, sort and sweep")]
    public int IdenticalSweep() => OverlapsWithinDecision(identical);

    [Benchmark(Description = "consecutive, every pair")]
    public int ConsecutivePairwise() => Pairwise(consecutive).Count;

    [Benchmark(Description = "consecutive, sort and sweep")]
    public int ConsecutiveSweep() => OverlapsWithinDecision(consecutive);

    private static int OverlapsWithinDecision(DecisionEffect[] effects) => DecisionRules.OverlapsWithinDecision(effects).Count;

    /// <summary>The earlier check: each effect against every effect listed before it, one finding per pair.</summary>
    private static List<(int Later, int Earlier)> Pairwise(DecisionEffect[] effects)
    {
        var found = new List<(int, int)>();
        for (var i = 0; i < effects.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (effects[j].CrossingPointCode == effects[i].CrossingPointCode && (effects[j].Traffic & effects[i].Traffic) != 0 && effects[j].Overlaps(effects[i].From, effects[i].Until))
                {
                    found.Add((i, j));
                }
            }
        }

        // One finding per effect, as the sweep reports.
        return [.. found.DistinctBy(f => f.Item1)];
    }
}
