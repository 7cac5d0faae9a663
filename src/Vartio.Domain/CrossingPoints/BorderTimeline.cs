using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>
/// The resolved history and schedule of every crossing point under the published decisions: which
/// provision governs each kind of traffic at each crossing point, at every instant. Built once from the
/// published decisions (a pure function), then asked about any instant, past or future.
/// </summary>
/// <remarks>
/// Resolution: decisions are applied in the order they were published. Where a decision supersedes an
/// earlier one, the earlier one's provisions for the same crossing point and traffic end where the new
/// effect begins. Provisions that would otherwise overlap are refused when a decision is published (see
/// <see cref="DecisionRules"/>), so after resolution at most one provision governs any traffic at any instant.
/// </remarks>
public sealed class BorderTimeline
{
    private readonly Dictionary<string, CrossingPointTimeline> byCode;

    private BorderTimeline(IReadOnlyList<CrossingPoint> crossingPoints, Dictionary<string, CrossingPointTimeline> byCode, IReadOnlyDictionary<int, Decision> decisions)
    {
        CrossingPoints = crossingPoints;
        this.byCode = byCode;
        Decisions = decisions;
    }

    public IReadOnlyList<CrossingPoint> CrossingPoints { get; }

    public IReadOnlyDictionary<int, Decision> Decisions { get; }

    public static BorderTimeline Build(IEnumerable<CrossingPoint> crossingPoints, IEnumerable<Decision> decisions)
    {
        var points = crossingPoints.ToList();
        var published = decisions
            .Where(d => d.IsPublished)
            .OrderBy(d => d.PublishedAt)
            .ThenBy(d => d.Id)
            .ToList();

        var provisions = ResolveProvisions(published);
        var byCode = new Dictionary<string, CrossingPointTimeline>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            provisions.TryGetValue(point.Code, out var ofPoint);
            byCode[point.Code] = CrossingPointTimeline.Build(point, ofPoint ?? []);
        }

        return new BorderTimeline(points, byCode, published.ToDictionary(d => d.Id));
    }

    /// <summary>The provisions in force after supersession, per crossing point, one traffic flag each.</summary>
    internal static Dictionary<string, List<Provision>> ResolveProvisions(IEnumerable<Decision> publishedInOrder)
    {
        var result = new Dictionary<string, List<Provision>>(StringComparer.Ordinal);
        foreach (var decision in publishedInOrder)
        {
            foreach (var effect in decision.Effects)
            {
                if (!result.TryGetValue(effect.CrossingPointCode, out var list))
                {
                    list = [];
                    result[effect.CrossingPointCode] = list;
                }

                foreach (var flag in effect.Traffic.Flags())
                {
                    if (decision.Supersedes.Count > 0)
                    {
                        Truncate(list, flag, decision.Supersedes, effect.From);
                    }

                    list.Add(new Provision(decision.Id, effect, flag, effect.From, effect.Until));
                }
            }
        }

        return result;
    }

    private static void Truncate(List<Provision> list, Traffic flag, IReadOnlyList<int> superseded, Instant from)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var p = list[i];
            if (p.Traffic != flag || !superseded.Contains(p.DecisionId) || (p.Until is { } until && until <= from))
            {
                continue;
            }

            if (p.From >= from)
            {
                list.RemoveAt(i);
            }
            else
            {
                list[i] = p with { Until = from };
            }
        }
    }

    public CrossingPointTimeline For(string code) =>
        byCode.TryGetValue(code, out var timeline) ? timeline : throw new KeyNotFoundException($"No crossing point '{code}'.");

    public bool Contains(string code) => byCode.ContainsKey(code);

    /// <summary>The status of every crossing point at one instant.</summary>
    public IReadOnlyList<CrossingPointStatus> StatusAt(Instant instant) =>
        [.. CrossingPoints.Select(p => byCode[p.Code].StatusAt(instant))];

    /// <summary>Every change of status (or of asylum reception) in (after, upTo], in time order.</summary>
    public IReadOnlyList<StatusChange> ChangesBetween(Instant after, Instant upTo) =>
        [.. byCode.Values.SelectMany(t => t.ChangesBetween(after, upTo)).OrderBy(c => c.At).ThenBy(c => c.CrossingPointCode, StringComparer.Ordinal)];

    /// <summary>The next change of any crossing point strictly after an instant.</summary>
    public Instant? NextChangeAfter(Instant instant) =>
        byCode.Values.Select(t => t.NextChangeAfter(instant)?.At).Where(i => i is not null).Min();

    internal IReadOnlyList<Provision> ProvisionsOf(string code) => byCode.TryGetValue(code, out var t) ? t.Provisions : [];
}

/// <summary>One decision's effect on one kind of traffic at one crossing point, after supersession.</summary>
internal sealed record Provision(int DecisionId, DecisionEffect Effect, Traffic Traffic, Instant From, Instant? Until)
{
    public bool IsInForceAt(Instant instant) => From <= instant && (Until is null || instant < Until);

    public bool Overlaps(Instant from, Instant? until) => (Until is null || from < Until) && (until is null || From < until);
}

/// <summary>The combined state of a crossing point during a period in which nothing changes.</summary>
public sealed record CrossingPointCondition(
    CrossingPointState State,
    bool ReceivesAsylumApplications,
    int? DecisionId,
    Instant? DecisionUntil,
    IReadOnlyList<TrafficCondition> Traffic,
    bool AsylumRestricted = false)
{
    /// <summary>Whether travellers would notice a difference: status or asylum reception.</summary>
    public bool SameForPublic(CrossingPointCondition other) =>
        State == other.State && ReceivesAsylumApplications == other.ReceivesAsylumApplications && AsylumRestricted == other.AsylumRestricted;
}

public sealed record TrafficCondition(Traffic Traffic, CrossingPointState State, int? DecisionId);

/// <summary>The status of a crossing point at an instant, and how it got there and what comes next.</summary>
/// <param name="Since">When the crossing point entered its current status; null if it has had it throughout the record.</param>
/// <param name="Until">End of the governing effect as its decision states it; null when until further notice or no decision governs. A later decision may end it sooner: <see cref="NextChange"/> tells.</param>
/// <param name="WithinOpeningHours">Whether the instant falls within normal hours; null when hours are not recorded.</param>
public sealed record CrossingPointStatus(
    CrossingPoint CrossingPoint,
    Instant At,
    CrossingPointCondition Condition,
    Instant? Since,
    Instant? Until,
    StatusChange? NextChange,
    bool? WithinOpeningHours,
    DailyHours? HoursToday)
{
    public CrossingPointState State => Condition.State;

    public bool ReceivesAsylumApplications => Condition.ReceivesAsylumApplications;

    /// <summary>Receipt stopped under the 2024 Act except for its exempt categories (<see cref="DecisionEffect.AsylumRestricted"/>).</summary>
    public bool AsylumRestricted => Condition.AsylumRestricted;

    public int? DecisionId => Condition.DecisionId;
}

public sealed record StatusChange(string CrossingPointCode, Instant At, CrossingPointCondition From, CrossingPointCondition To);
