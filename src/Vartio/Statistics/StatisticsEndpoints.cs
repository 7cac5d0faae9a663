using Microsoft.AspNetCore.Mvc;
using Vartio.Hosting;

namespace Vartio.Statistics;

/// <summary>Counts of crossings, refusals, referrals, watchlist hits, asylum applications and irregular arrivals (docs/API.md, "Statistics").</summary>
public static class StatisticsEndpoints
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddScoped<StatisticsQueries>();

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/statistics", async Task<IResult> (
                [FromQuery] string? measure,
                [FromQuery] string? from,
                [FromQuery] string? to,
                [FromQuery] string? crossingPoint,
                [FromQuery] string? granularity,
                [FromQuery] string? by,
                [FromQuery] bool? split,
                StatisticsQueries statistics,
                CancellationToken ct) =>
            {
                var (query, problems) = StatisticsQuery.Read(measure, from, to, crossingPoint, granularity, by, split);
                return query is null
                    ? ProblemResponses.Invalid(problems, "The statistics cannot be counted")
                    : TypedResults.Ok(await statistics.CountAsync(query, ct));
            })
            .WithTags("Statistics")
            .Produces<StatisticsResponse>()
            .ProducesValidationProblem()
            .WithName("GetStatistics")
            .WithSummary("Counts of one measure (entry, exit, refusal, secondLine, watchlistHit, asylumApplication, irregularArrival) per hour, day, ISO week or month of local time, for some or all crossing points together or split, optionally by nationality, refusal reason or means of arrival. Read from counters kept with each write.");
        return app;
    }
}
