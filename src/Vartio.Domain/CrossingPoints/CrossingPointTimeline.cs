using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>
/// One crossing point's conditions as consecutive periods: between two boundaries (starts and ends of
/// provisions) nothing changes, so a question about any instant is a binary search.
/// </summary>
public sealed class CrossingPointTimeline
{
    private readonly Instant[] starts;
    private readonly CrossingPointCondition[] conditions;

    private CrossingPointTimeline(CrossingPoint point, IReadOnlyList<Provision> provisions, Instant[] starts, CrossingPointCondition[] conditions)
    {
        CrossingPoint = point;
        Provisions = provisions;
        this.starts = starts;
        this.conditions = conditions;
    }

    public CrossingPoint CrossingPoint { get; }

    internal IReadOnlyList<Provision> Provisions { get; }

    internal static CrossingPointTimeline Build(CrossingPoint point, IReadOnlyList<Provision> provisions)
    {
        var boundaries = new SortedSet<Instant>();
        foreach (var p in provisions)
        {
            boundaries.Add(p.From);
            if (p.Until is { } until)
            {
                boundaries.Add(until);
            }
        }

        // Period 0 runs from the beginning of time to the first boundary; period i from boundary i-1.
        var starts = new List<Instant> { Instant.MinValue };
        var conditions = new List<CrossingPointCondition> { Combine(point, provisions, Instant.MinValue) };
        foreach (var boundary in boundaries)
        {
            var condition = Combine(point, provisions, boundary);
            if (!EqualConditions(condition, conditions[^1]))
            {
                starts.Add(boundary);
                conditions.Add(condition);
            }
        }

        return new CrossingPointTimeline(point, provisions, [.. starts], [.. conditions]);
    }

    private static bool EqualConditions(CrossingPointCondition a, CrossingPointCondition b) =>
        a.State == b.State && a.ReceivesAsylumApplications == b.ReceivesAsylumApplications && a.AsylumRestricted == b.AsylumRestricted &&
        a.DecisionId == b.DecisionId && a.DecisionUntil == b.DecisionUntil && a.Traffic.SequenceEqual(b.Traffic);

    /// <summary>
    /// The condition at an instant: each kind of traffic the crossing point serves is open unless a
    /// provision in force says otherwise; the crossing point is open when all of them are open, closed
    /// when all are closed, and restricted otherwise.
    /// </summary>
    private static CrossingPointCondition Combine(CrossingPoint point, IReadOnlyList<Provision> provisions, Instant at)
    {
        var inForce = provisions.Where(p => p.IsInForceAt(at)).ToList();
        var traffic = new List<TrafficCondition>();
        foreach (var flag in point.Traffic.Flags())
        {
            var governing = inForce.FirstOrDefault(p => p.Traffic == flag);
            traffic.Add(new TrafficCondition(flag, governing?.Effect.State ?? CrossingPointState.Open, governing?.DecisionId));
        }

        var state = traffic.Count == 0 ? CrossingPointState.Closed
            : traffic.All(t => t.State == CrossingPointState.Open) ? CrossingPointState.Open
            : traffic.All(t => t.State == CrossingPointState.Closed) ? CrossingPointState.Closed
            : CrossingPointState.Restricted;

        // Where asylum applications are received: as a provision in force says, otherwise wherever
        // travellers can present themselves. Receipt stopped under the 2024 Act overrides both (its exempt
        // categories are still received: see Asylum.Reception).
        var restricted = inForce.Any(p => p.Effect.AsylumRestricted);
        var asylum = !restricted && (inForce.Select(p => p.Effect.ReceivesAsylumApplications).FirstOrDefault(a => a is not null)
            ?? (state != CrossingPointState.Closed && traffic.Any(t => t.State != CrossingPointState.Closed && t.Traffic.CarriesTravellers())));

        // The decision behind the condition is the one that most recently changed it.
        var governingProvision = inForce
            .OrderByDescending(p => p.From)
            .ThenByDescending(p => p.Traffic.CarriesTravellers())
            .FirstOrDefault();

        return new CrossingPointCondition(state, asylum, governingProvision?.DecisionId, governingProvision?.Effect.Until, traffic, restricted);
    }

    private int IndexAt(Instant instant)
    {
        var index = Array.BinarySearch(starts, instant);
        return index >= 0 ? index : ~index - 1;
    }

    public CrossingPointCondition ConditionAt(Instant instant) => conditions[IndexAt(instant)];

    public CrossingPointStatus StatusAt(Instant instant)
    {
        var index = IndexAt(instant);
        var condition = conditions[index];

        // Since: walk back over periods that look the same to the public (a closure extended by a new
        // decision is still the same closure to a traveller).
        var first = index;
        while (first > 0 && conditions[first - 1].SameForPublic(condition))
        {
            first--;
        }

        var since = first == 0 ? (Instant?)null : starts[first];
        var next = NextChangeAfter(instant);
        var local = instant.InZone(CrossingPoint.Zone);
        var hours = CrossingPoint.Hours.HoursOn(local.Date, CrossingPoint.Zone);
        var within = CrossingPoint.Hours.IsWithinHours(instant, CrossingPoint.Zone);
        return new CrossingPointStatus(CrossingPoint, instant, condition, since, condition.DecisionUntil, next, within, hours);
    }

    /// <summary>The next change a traveller would notice (status or asylum reception), strictly after an instant.</summary>
    public StatusChange? NextChangeAfter(Instant instant)
    {
        var index = IndexAt(instant);
        var current = conditions[index];
        for (var i = index + 1; i < starts.Length; i++)
        {
            if (!conditions[i].SameForPublic(current))
            {
                return new StatusChange(CrossingPoint.Code, starts[i], current, conditions[i]);
            }
        }

        return null;
    }

    public IEnumerable<StatusChange> ChangesBetween(Instant after, Instant upTo)
    {
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] > after && starts[i] <= upTo && !conditions[i].SameForPublic(conditions[i - 1]))
            {
                yield return new StatusChange(CrossingPoint.Code, starts[i], conditions[i - 1], conditions[i]);
            }
        }
    }
}
