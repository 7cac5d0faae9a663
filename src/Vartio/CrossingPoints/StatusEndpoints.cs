using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>Public, read-only: which crossing points are open, at any instant.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Crossing points");

        api.MapGet("/crossing-points", async (TimelineCache cache, CancellationToken ct) =>
            {
                var timeline = await cache.GetAsync(ct);
                return TypedResults.Ok(timeline.CrossingPoints.Select(CrossingPointResponse.From).ToList());
            })
            .WithName("ListCrossingPoints")
            .WithSummary("Every crossing point with its traffic, location and normal opening hours.");

        api.MapGet("/crossing-points/{code}", async Task<Results<Ok<CrossingPointDetailResponse>, ProblemHttpResult>> (string code, TimelineCache cache, IClock clock, CancellationToken ct) =>
            {
                var timeline = await cache.GetAsync(ct);
                var key = code.Trim().ToUpperInvariant();
                if (!timeline.Contains(key))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such crossing point", detail: $"There is no crossing point '{code}'.");
                }

                var point = timeline.For(key);
                return TypedResults.Ok(new CrossingPointDetailResponse(
                    CrossingPointResponse.From(point.CrossingPoint),
                    CrossingPointStatusResponse.From(point.StatusAt(clock.GetCurrentInstant()))));
            })
            .WithName("GetCrossingPoint")
            .WithSummary("One crossing point and its status now.");

        api.MapGet("/status", async Task<IResult> (string? at, StatusResponseCache now, HttpContext http, CancellationToken ct) =>
            {
                if (at is null)
                {
                    // The hot path when news breaks: the same bytes for everyone within a second.
                    var (json, maxAge) = await now.GetAsync(ct);
                    http.Response.Headers.CacheControl = $"public, max-age={maxAge}";
                    return TypedResults.Bytes(json, "application/json; charset=utf-8");
                }

                if (!TimeInput.TryReadInstant(at, out var instant, out var error))
                {
                    return ProblemResponses.Invalid("at", error, "The instant cannot be used");
                }

                return TypedResults.Bytes(await now.GetAtAsync(instant, ct), "application/json; charset=utf-8");
            })
            .Produces<StatusResponse>()
            .ProducesValidationProblem()
            .WithName("GetStatus")
            .WithSummary("The status of every crossing point now (to the second), or at the instant given (ISO 8601 with offset, in the years 1900 to 2200).");

        return app;
    }
}
