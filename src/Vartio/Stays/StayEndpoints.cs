using Microsoft.AspNetCore.Http.HttpResults;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>Public: the 90/180 rule for the stays in the request. Nothing is stored or logged beyond the path.</summary>
public static class StayEndpoints
{
    public static IEndpointRouteBuilder MapStays(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/stays").WithTags("Stays");

        api.MapPost("/assess", Results<Ok<StayAssessResponse>, ValidationProblem> (StayAssessRequest request) =>
            {
                var input = StayInput.Read(request);
                if (!input.IsValid)
                {
                    return TypedResults.ValidationProblem(input.Errors, title: "The stays could not be read");
                }

                var problems = new List<Vartio.Domain.Problems.Problem>();
                StayControl? control = null;
                StayPlan? plan = null;
                if (input.On is { } on)
                {
                    var result = StayCalculator.Control(input.Stays, on, input.Excluded);
                    control = result.Assessment;
                    problems.AddRange(result.Problems);
                }

                if (input.Entry is { } entry)
                {
                    var result = StayCalculator.Plan(input.Stays, entry, input.Excluded);
                    plan = result.Assessment;
                    problems.AddRange(result.Problems);
                }

                if (problems.Count > 0)
                {
                    var errors = problems
                        .GroupBy(p => p.Field, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
                    return TypedResults.ValidationProblem(errors, title: "The stays cannot be assessed");
                }

                return TypedResults.Ok(new StayAssessResponse(
                    control is null ? null : StayControlResponse.From(control),
                    plan is null ? null : StayPlanResponse.From(plan),
                    StayRule.Text));
            })
            .WithName("AssessStays")
            .WithSummary("The 90/180 rule: control at a date (days used, overstay, latest exit) and planning from an entry date (how many days, until when). Stores nothing.");

        return app;
    }
}
