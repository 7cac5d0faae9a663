using Vartio.Domain.Problems;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>
/// Assesses read input with the 90/180 rule and gives the one response the API returns, <c>vartio stay
/// --json</c> prints and the page shows; or every problem, in the input's own terms.
/// </summary>
public sealed class StayAssessor
{
    public StayAnswer Assess(StayInput input)
    {
        if (!input.IsValid)
        {
            return new StayAnswer(null, input.Problems);
        }

        var problems = new List<Problem>();
        StayControl? control = null;
        StayPlan? plan = null;
        if (input.On is { } on)
        {
            var result = StayCalculator.Control(input.Stays, on, input.Excluded);
            control = result.Assessment;
            problems.AddRange(input.Locate(result.Problems));
        }

        if (input.Entry is { } entry)
        {
            var result = StayCalculator.Plan(input.Stays, entry, input.Excluded);
            plan = result.Assessment;
            problems.AddRange(input.Locate(result.Problems));
        }

        return problems.Count > 0
            ? new StayAnswer(null, problems.Distinct().ToArray())
            : new StayAnswer(
                new StayAssessResponse(
                    control is null ? null : StayControlResponse.From(control),
                    plan is null ? null : StayPlanResponse.From(plan),
                    StayRule.Text),
                []);
    }
}

/// <summary>The response, or every reason the input could not be assessed; exactly one of them.</summary>
public sealed record StayAnswer(StayAssessResponse? Response, IReadOnlyList<Problem> Problems);
