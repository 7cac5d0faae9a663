using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>What is wrong with a decision, found before it is saved or published.</summary>
/// <param name="Field">The request field at fault, in the API's JSON path form (<c>effects[1].until</c>).</param>
public sealed record DecisionProblem(DecisionProblemKind Kind, string Field, string Message, int? ConflictingDecisionId = null);

public enum DecisionProblemKind
{
    /// <summary>The decision names something that does not exist (an unknown crossing point).</summary>
    NotFound,

    /// <summary>The decision contradicts itself or is incomplete.</summary>
    Invalid,

    /// <summary>The decision overlaps a published decision it does not supersede.</summary>
    Conflict,
}

public static class DecisionRules
{
    /// <summary>
    /// Checks a decision against the crossing points and the published decisions. Every problem is
    /// reported, not only the first.
    /// </summary>
    /// <param name="publishAt">When it would be published: an effect may not begin before it is announced.</param>
    public static IReadOnlyList<DecisionProblem> Check(Decision decision, BorderTimeline published, Instant? publishAt)
    {
        var problems = new List<DecisionProblem>();
        if (string.IsNullOrWhiteSpace(decision.Title))
        {
            problems.Add(new(DecisionProblemKind.Invalid, "title", "A decision needs a title."));
        }

        if (decision.Effects.Count == 0)
        {
            problems.Add(new(DecisionProblemKind.Invalid, "effects", "A decision needs at least one effect."));
        }

        for (var s = 0; s < decision.Supersedes.Count; s++)
        {
            if (!published.Decisions.ContainsKey(decision.Supersedes[s]))
            {
                problems.Add(new(DecisionProblemKind.NotFound, $"supersedes[{s}]", $"Decision {decision.Supersedes[s]} is not a published decision."));
            }
        }

        for (var i = 0; i < decision.Effects.Count; i++)
        {
            var effect = decision.Effects[i];
            var field = $"effects[{i}]";
            if (!published.Contains(effect.CrossingPointCode))
            {
                problems.Add(new(DecisionProblemKind.NotFound, $"{field}.crossingPoint", $"There is no crossing point '{effect.CrossingPointCode}'."));
                continue;
            }

            var point = published.For(effect.CrossingPointCode).CrossingPoint;
            if (effect.Until is { } until && until <= effect.From)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.until", "The effect ends before (or when) it begins."));
                continue;
            }

            if (effect.Traffic == Traffic.None)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.traffic", "Name at least one kind of traffic."));
                continue;
            }

            var unserved = effect.Traffic & ~point.Traffic;
            if (unserved != Traffic.None)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.traffic",
                    $"{point.Name} does not serve {string.Join(", ", unserved.ToNames())} traffic."));
                continue;
            }

            if (publishAt is { } announced && effect.From < announced)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.from", "An effect cannot begin before the decision is published."));
            }

            for (var j = 0; j < i; j++)
            {
                var other = decision.Effects[j];
                if (other.CrossingPointCode == effect.CrossingPointCode && (other.Traffic & effect.Traffic) != 0 && other.Overlaps(effect.From, effect.Until))
                {
                    problems.Add(new(DecisionProblemKind.Invalid, field, $"Overlaps effects[{j}] for the same crossing point and traffic."));
                }
            }

            foreach (var provision in published.ProvisionsOf(effect.CrossingPointCode))
            {
                if ((provision.Traffic & effect.Traffic) != 0
                    && provision.Overlaps(effect.From, effect.Until)
                    && provision.DecisionId != decision.Id
                    && !decision.Supersedes.Contains(provision.DecisionId))
                {
                    var title = published.Decisions[provision.DecisionId].Title;
                    problems.Add(new(DecisionProblemKind.Conflict, field,
                        $"Overlaps decision {provision.DecisionId} ('{title}') for {point.Name}, {TrafficNames.NameOf(provision.Traffic)} traffic; supersede it explicitly to replace it.",
                        provision.DecisionId));
                    break;
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// The effect of a draft on every crossing point: for each instant where the draft would change what a
    /// traveller sees, the condition before and after.
    /// </summary>
    public static IReadOnlyList<StatusChangePreview> Preview(Decision draft, BorderTimeline current, IEnumerable<Decision> published, Instant publishAt)
    {
        var withDraft = BorderTimeline.Build(current.CrossingPoints, published.Append(draft with { PublishedAt = publishAt }));
        var instants = draft.Effects.SelectMany(e => e.Until is { } u ? new[] { e.From, u } : [e.From]).Distinct().Order().ToList();
        var result = new List<StatusChangePreview>();
        foreach (var point in current.CrossingPoints)
        {
            var changes = new List<PreviewChange>();
            foreach (var at in instants)
            {
                var before = current.For(point.Code).ConditionAt(at);
                var after = withDraft.For(point.Code).ConditionAt(at);
                if (!before.SameForPublic(after) || before.DecisionId != after.DecisionId)
                {
                    changes.Add(new PreviewChange(at, before, after));
                }
            }

            result.Add(new StatusChangePreview(point, changes));
        }

        return result;
    }
}

public sealed record StatusChangePreview(CrossingPoint CrossingPoint, IReadOnlyList<PreviewChange> Changes)
{
    public bool Affected => Changes.Count > 0;
}

public sealed record PreviewChange(Instant At, CrossingPointCondition Before, CrossingPointCondition After);
