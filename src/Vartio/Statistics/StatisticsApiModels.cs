using Vartio.Hosting;

namespace Vartio.Statistics;

/// <summary>Counts of one measure over a period, in periods of an hour, day, week or month (docs/API.md, "Statistics").</summary>
/// <param name="By">The breakdown: nationality, reason (refusals), arrivedBy (asylum and irregular arrivals); null for totals only.</param>
/// <param name="Series">One series for the crossing points asked for together, or one per crossing point when split.</param>
public sealed record StatisticsResponse(
    string Measure,
    string Granularity,
    string From,
    string To,
    string? By,
    IReadOnlyList<StatisticsSeriesResponse> Series);

/// <param name="CrossingPoint">The crossing point of the series; null for the crossing points asked for together (all of them when none was named).</param>
/// <param name="Total">The sum over the whole period.</param>
public sealed record StatisticsSeriesResponse(string? CrossingPoint, long Total, IReadOnlyList<StatisticsPointResponse> Points);

/// <param name="Period">2023-11-18T14 (an hour, local time), 2023-11-18 (a day), 2023-W46 (an ISO week) or 2023-11 (a month).</param>
/// <param name="Breakdown">The count per key of <c>by</c> (SYR, C, bicycle, unknown); omitted without <c>by</c>.</param>
public sealed record StatisticsPointResponse(string Period, long Count, IReadOnlyDictionary<string, long>? Breakdown);

/// <summary>One crossing point's figures for one local day (docs/API.md, "Daily figures").</summary>
/// <param name="Date">The local date at the crossing point, YYYY-MM-DD.</param>
/// <param name="Refusals">Travellers refused entry (a refusal on several grounds counts once).</param>
/// <param name="AsylumApplications">Applications received at the crossing point.</param>
/// <param name="IrregularArrivals">Arrivals registered where applications were not received.</param>
public sealed record DailyFiguresResponse(
    string Date,
    string CrossingPoint,
    long Entries,
    long Exits,
    long Refusals,
    long AsylumApplications,
    long IrregularArrivals);
