using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Vartio.Data;
using Vartio.Domain.Problems;

namespace Vartio.Statistics;

/// <summary>Which days and crossing points to give figures for; no crossing point means every one.</summary>
public sealed record DailyFiguresQuery(LocalDate From, LocalDate To, IReadOnlyList<string> CrossingPoints)
{
    /// <summary>Reads the query string against the crossing points there are: each problem names its parameter.</summary>
    public static (DailyFiguresQuery? Query, IReadOnlyList<Problem> Problems) Read(string? from, string? to, string? crossingPoint, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var problems = new List<Problem>();
        var (start, end) = StatisticsQuery.ReadPeriod(from, to, problems);
        var points = StatisticsQuery.ReadCrossingPoints(crossingPoint, problems);
        if (problems.Count == 0 && points.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            problems.Add(new Problem("crossingPoint", $"There is no crossing point {unknown}."));
        }

        return problems.Count > 0 ? (null, problems) : (new DailyFiguresQuery(start!.Value, end!.Value, points.Count > 0 ? points : [.. known.Order(StringComparer.Ordinal)]), []);
    }
}

/// <summary>
/// Entries, exits, refusals, asylum applications and irregular arrivals per crossing point and local day, from the
/// daily counters' totals: one indexed range per measure, however many records there are.
/// </summary>
public sealed class DailyFigures(VartioDbContext db)
{
    private static readonly string[] Measures = [Counts.Entry, Counts.Exit, Counts.Refusal, Counts.AsylumApplication, Counts.IrregularArrival];

    /// <summary>Every day of the period for every crossing point asked for, in order of day and code; days without records are zero.</summary>
    public async Task<IReadOnlyList<DailyFiguresResponse>> ReadAsync(DailyFiguresQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = LocalDatePattern.Iso.Format(query.From);
        var to = LocalDatePattern.Iso.Format(query.To);
        var points = query.CrossingPoints;
        var counts = await db.DailyCounts.AsNoTracking()
            .Where(c => Measures.Contains(c.Measure) && c.Dimension == Counts.Total && string.Compare(c.Day, from) >= 0 && string.Compare(c.Day, to) <= 0 && points.Contains(c.CrossingPointCode))
            .Select(c => new { c.CrossingPointCode, c.Day, c.Measure, c.Count })
            .ToListAsync(ct);
        var found = counts.ToDictionary(c => (c.CrossingPointCode, c.Day, c.Measure), c => c.Count);
        long Of(string point, string day, string measure) => found.GetValueOrDefault((point, day, measure));

        var result = new List<DailyFiguresResponse>();
        for (var date = query.From; date <= query.To; date = date.PlusDays(1))
        {
            var day = LocalDatePattern.Iso.Format(date);
            result.AddRange(points.Order(StringComparer.Ordinal).Select(p => new DailyFiguresResponse(
                day,
                p,
                Of(p, day, Counts.Entry),
                Of(p, day, Counts.Exit),
                Of(p, day, Counts.Refusal),
                Of(p, day, Counts.AsylumApplication),
                Of(p, day, Counts.IrregularArrival))));
        }

        return result;
    }
}
