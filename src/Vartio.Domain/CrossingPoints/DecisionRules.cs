using NodaTime;
using Vartio.Domain.Text;

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
    /// The most effects one decision may have. The largest real decisions name a few dozen crossing points
    /// and traffic kinds (the seeded ones: at most 9); the bound keeps one request from costing the server
    /// more than a moment.
    /// </summary>
    public const int MaxEffects = 500;

    /// <summary>The most problems one answer lists; a note says when more were found.</summary>
    public const int MaxProblems = 100;

    public const int MaxTitleLength = 200;

    public const int MaxTextLength = 20_000;

    public const int MaxNoteLength = 1_000;

    /// <summary>The most decisions one decision may supersede.</summary>
    public const int MaxSupersedes = 100;

    /// <summary>
    /// Checks a decision against the crossing points and the published decisions. Every problem is
    /// reported, not only the first, up to <see cref="MaxProblems"/> and one more that says more were found.
    /// </summary>
    /// <param name="publishAt">When it would be published: an effect may not begin before it is announced.</param>
    public static IReadOnlyList<DecisionProblem> Check(Decision decision, BorderTimeline published, Instant? publishAt)
    {
        var problems = new List<DecisionProblem>();
        if (string.IsNullOrWhiteSpace(decision.Title))
        {
            problems.Add(new(DecisionProblemKind.Invalid, "title", "A decision needs a title."));
        }

        CheckText(problems, "title", decision.Title, MaxTitleLength);
        CheckText(problems, "text", decision.Text, MaxTextLength);
        if (decision.Effects.Count == 0)
        {
            problems.Add(new(DecisionProblemKind.Invalid, "effects", "A decision needs at least one effect."));
        }

        if (decision.Effects.Count > MaxEffects)
        {
            problems.Add(TooManyEffects(decision.Effects.Count));
            return problems;
        }

        for (var s = 0; s < decision.Supersedes.Count && problems.Count <= MaxProblems; s++)
        {
            if (!published.Decisions.ContainsKey(decision.Supersedes[s]))
            {
                problems.Add(new(DecisionProblemKind.NotFound, $"supersedes[{s}]", $"Decision {decision.Supersedes[s]} is not a published decision."));
            }
        }

        var overlaps = OverlapsWithinDecision(decision.Effects);
        for (var i = 0; i < decision.Effects.Count && problems.Count <= MaxProblems; i++)
        {
            var effect = decision.Effects[i];
            var field = $"effects[{i}]";
            CheckText(problems, $"{field}.note", effect.Note, MaxNoteLength);
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

            if (effect.AsylumRestricted && RestrictionProblem(effect, point, field) is { } restriction)
            {
                problems.Add(restriction);
            }

            if (publishAt is { } announced && effect.From < announced)
            {
                problems.Add(new(DecisionProblemKind.Invalid, $"{field}.from", "An effect cannot begin before the decision is published."));
            }

            if (overlaps.TryGetValue(i, out var j))
            {
                problems.Add(new(DecisionProblemKind.Invalid, field, $"Overlaps effects[{j}] for the same crossing point and traffic."));
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

        return Bounded(problems);
    }

    /// <summary>
    /// The Act on Temporary Measures to Combat Instrumentalised Migration (in force 2024-07-22) lets the
    /// government stop receiving applications in a border area for at most one month at a time: the effect
    /// must end, within one calendar month of its start in the crossing point's local time, and cannot at
    /// the same time say that applications are received.
    /// </summary>
    private static DecisionProblem? RestrictionProblem(DecisionEffect effect, CrossingPoint point, string field)
    {
        if (effect.ReceivesAsylumApplications == true)
        {
            return new(DecisionProblemKind.Invalid, $"{field}.receivesAsylumApplications",
                "An effect that stops receiving applications under the 2024 Act cannot also say that applications are received.");
        }

        if (effect.Until is not { } until)
        {
            return new(DecisionProblemKind.Invalid, $"{field}.until",
                "Receipt of applications can be stopped under the 2024 Act for at most one month at a time: give the end.");
        }

        var latest = effect.From.InZone(point.Zone).LocalDateTime.PlusMonths(1);
        return until.InZone(point.Zone).LocalDateTime > latest
            ? new(DecisionProblemKind.Invalid, $"{field}.until",
                $"Receipt of applications can be stopped under the 2024 Act for at most one month at a time: end it by {latest:uuuu-MM-dd'T'HH:mm} local time, and decide again to continue.")
            : null;
    }

    /// <summary>The problem for a decision with more than <see cref="MaxEffects"/> effects.</summary>
    public static DecisionProblem TooManyEffects(int count) =>
        new(DecisionProblemKind.Invalid, "effects", $"A decision has at most {MaxEffects} effects; this one has {count}. Split it into several decisions.");

    /// <summary>
    /// At most <see cref="MaxProblems"/> problems, and when there were more, one more that says so (of the
    /// gravest kind among those left out, so the answer's status does not change).
    /// </summary>
    public static IReadOnlyList<DecisionProblem> Bounded(IReadOnlyList<DecisionProblem> problems)
    {
        if (problems.Count <= MaxProblems)
        {
            return problems;
        }

        var omitted = problems.Skip(MaxProblems).ToList();
        var kind = omitted.Any(p => p.Kind == DecisionProblemKind.Invalid) ? DecisionProblemKind.Invalid
            : omitted.Any(p => p.Kind == DecisionProblemKind.NotFound) ? DecisionProblemKind.NotFound
            : DecisionProblemKind.Conflict;
        return [.. problems.Take(MaxProblems), new DecisionProblem(kind, omitted[0].Field,
            $"More problems were found from here on; only the first {MaxProblems} are listed. Correct these and check again.")];
    }

    private static void CheckText(List<DecisionProblem> problems, string field, string? text, int maxLength)
    {
        if (TextProblem(field, text, maxLength) is { } problem)
        {
            problems.Add(problem);
        }
    }

    /// <summary>What is wrong with a stored text: too long, or a character that may not be stored (<see cref="StoredText"/>).</summary>
    public static DecisionProblem? TextProblem(string field, string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            return new(DecisionProblemKind.Invalid, field, $"At most {maxLength} characters; this has {text.Length}.");
        }

        return StoredText.Fault(text) is { } fault ? new(DecisionProblemKind.Invalid, field, fault) : null;
    }

    /// <summary>
    /// For each effect that overlaps an effect of the same decision at the same crossing point for some of
    /// the same traffic, the index of one it overlaps (the later-listed effect names the earlier). The effects
    /// of each crossing point and kind of traffic are sorted by start and swept once, keeping the one that
    /// reaches furthest, so a decision of n effects costs O(n log n), not a comparison of every pair.
    /// </summary>
    public static IReadOnlyDictionary<int, int> OverlapsWithinDecision(IReadOnlyList<DecisionEffect> effects)
    {
        var found = new Dictionary<int, int>();
        var usable = Enumerable.Range(0, effects.Count)
            .Where(i => effects[i].Until is not { } until || until > effects[i].From)
            .ToList();
        foreach (var flag in Enum.GetValues<Traffic>().Where(t => t != Traffic.None))
        {
            foreach (var group in usable.Where(i => (effects[i].Traffic & flag) != 0).GroupBy(i => effects[i].CrossingPointCode, StringComparer.Ordinal))
            {
                int? furthest = null;
                foreach (var i in group.OrderBy(i => effects[i].From).ThenBy(i => i))
                {
                    if (furthest is { } f && (effects[f].Until is not { } end || effects[i].From < end))
                    {
                        var (later, earlier) = i > f ? (i, f) : (f, i);
                        found.TryAdd(later, earlier);
                    }

                    if (furthest is not { } g || (effects[g].Until is { } reach && (effects[i].Until is not { } until || until > reach)))
                    {
                        furthest = i;
                    }
                }
            }
        }

        return found;
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
