using Microsoft.AspNetCore.Mvc;
using Vartio.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.Statistics;

/// <summary>Counts of crossings, refusals, referrals, watchlist hits, asylum applications and irregular arrivals (docs/API.md, "Statistics").</summary>
public static class StatisticsEndpoints
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddScoped<StatisticsQueries>().AddScoped<DailyFigures>().AddScoped<MonthlyReviews>().AddScoped<Situation>();

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
        app.MapGet("/api/v1/statistics/daily", async Task<IResult> (
                [FromQuery] string? from,
                [FromQuery] string? to,
                [FromQuery] string? crossingPoint,
                TimelineCache timelines,
                DailyFigures figures,
                CancellationToken ct) =>
            {
                var timeline = await timelines.GetAsync(ct);
                var (query, problems) = DailyFiguresQuery.Read(from, to, crossingPoint, [.. timeline.CrossingPoints.Select(p => p.Code)]);
                return query is null
                    ? ProblemResponses.Invalid(problems, "The daily figures cannot be given")
                    : TypedResults.Ok(await figures.ReadAsync(query, ct));
            })
            .WithTags("Statistics")
            .Produces<IReadOnlyList<DailyFiguresResponse>>()
            .ProducesValidationProblem()
            .WithName("GetDailyFigures")
            .WithSummary("Entries, exits, refusals, asylum applications and irregular arrivals per crossing point and local day, every day of the period for every crossing point asked for (all when none is named), zero where nothing was recorded. Read from counters kept with each write.");
        app.MapGet("/api/v1/reviews/monthly", async Task<IResult> ([FromQuery] string? month, [FromQuery] string? crossingPoint, TimelineCache timelines, MonthlyReviews reviews, CancellationToken ct) =>
            {
                var (review, problems) = await ReviewAsync(month, crossingPoint, timelines, reviews, ct);
                return review is null ? ProblemResponses.Invalid(problems, "The review cannot be made") : TypedResults.Ok(review);
            })
            .WithTags("Statistics")
            .Produces<MonthlyReviewResponse>()
            .ProducesValidationProblem()
            .WithName("GetMonthlyReview")
            .WithSummary("The monthly review per crossing point: crossings against the same month of the two previous years, refusals and the most common reason, forged documents detected, second-line referrals, asylum applications and irregular arrivals.");

        app.MapGet("/api/v1/reviews/monthly.csv", async Task<IResult> ([FromQuery] string? month, [FromQuery] string? crossingPoint, TimelineCache timelines, MonthlyReviews reviews, CancellationToken ct) =>
            {
                var (review, problems) = await ReviewAsync(month, crossingPoint, timelines, reviews, ct);
                return review is null
                    ? ProblemResponses.Invalid(problems, "The review cannot be made")
                    : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(MonthlyReviews.Csv(review)), "text/csv; charset=utf-8", $"vartio-review-{review.Month}.csv");
            })
            .WithTags("Statistics")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .WithName("ExportMonthlyReview")
            .WithSummary("The same review as CSV, one line per crossing point and a last line ALL for them together.");
        return app;
    }

    private static async Task<(MonthlyReviewResponse? Review, IReadOnlyList<Domain.Problems.Problem> Problems)> ReviewAsync(string? month, string? crossingPoint, TimelineCache timelines, MonthlyReviews reviews, CancellationToken ct)
    {
        var timeline = await timelines.GetAsync(ct);
        var (query, problems) = MonthlyReviewQuery.Read(month, crossingPoint, [.. timeline.CrossingPoints.Select(p => p.Code)]);
        return query is null ? (null, problems) : (await reviews.ReviewAsync(query, timeline.CrossingPoints.ToDictionary(p => p.Code, p => p.Name), ct), []);
    }
}
