using Microsoft.AspNetCore.Http.HttpResults;
using Vartio.Hosting;

namespace Vartio.Stays;

/// <summary>Public: the 90/180 rule for the stays in the request. Nothing is stored or logged beyond the path.</summary>
public static class StayEndpoints
{
    public static IEndpointRouteBuilder MapStays(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/stays").WithTags("Stays");

        api.MapPost("/assess", Results<Ok<StayAssessResponse>, ProblemHttpResult> (StayAssessRequest request, StayAssessor assessor) =>
            {
                var input = StayInputReader.Read(request);
                var answer = assessor.Assess(input);
                return answer.Response is { } response
                    ? TypedResults.Ok(response)
                    : ProblemResponses.Invalid(answer.Problems, input.IsValid ? "The stays cannot be assessed" : "The stays could not be read");
            })
            .WithName("AssessStays")
            .WithSummary("The 90/180 rule: control at a date (days used, overstay, latest exit) and planning from an entry date (how many days, until when). Stores nothing.");

        return app;
    }
}
