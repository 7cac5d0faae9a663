using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Data;

/// <summary>One thing to count: what, where, when (its local time at the crossing point) and by which keys.</summary>
/// <param name="Dimensions">Keys besides the total, such as <c>nationality:SYR</c>; each is counted once.</param>
public sealed record CountedEvent(string Measure, string CrossingPointCode, LocalDateTime At, IReadOnlyList<string> Dimensions);

/// <summary>
/// Counters kept with each write, in the write's transaction: an upsert that adds to the stored count, which
/// both databases apply atomically (SQLite serialises writers; PostgreSQL's <c>ON CONFLICT DO UPDATE</c> locks
/// the row), so concurrent writes are counted exactly. Records erased under the retention rules leave their
/// counts: the statistics are anonymous.
/// </summary>
public static class Counts
{
    public const string Entry = "entry";
    public const string Exit = "exit";
    public const string Refusal = "refusal";
    public const string SecondLine = "secondLine";
    public const string WatchlistHit = "watchlistHit";
    public const string AsylumApplication = "asylumApplication";
    public const string IrregularArrival = "irregularArrival";

    public static IReadOnlyList<string> Measures { get; } = [Entry, Exit, Refusal, SecondLine, WatchlistHit, AsylumApplication, IrregularArrival];

    public const string Total = "";

    public static string Nationality(string? alpha3) => "nationality:" + (alpha3 ?? "unknown");

    public static string Reason(char letter) => "reason:" + letter;

    public static string ArrivedBy(string? means) => "arrivedBy:" + (means ?? "unknown");

    /// <summary>Adds one for each event, to its hour and its day, for the total and each of its keys. Call inside the write's transaction.</summary>
    public static async Task CountAsync(this VartioDbContext db, IEnumerable<CountedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);

        // Summed here first, so a group of fifty makes one statement per key, not fifty.
        var hourly = new Dictionary<(string Point, string Day, int Hour, string Measure, string Dimension), long>();
        foreach (var e in events)
        {
            var day = LocalDatePattern.Iso.Format(e.At.Date);
            foreach (var dimension in e.Dimensions.Prepend(Total).Distinct(StringComparer.Ordinal))
            {
                var key = (e.CrossingPointCode, day, e.At.Hour, e.Measure, dimension);
                hourly[key] = hourly.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((point, day, hour, measure, dimension), count) in hourly.OrderBy(h => h.Key))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO hourly_counts (crossing_point_code, day, hour, measure, dimension, count) VALUES ({point}, {day}, {hour}, {measure}, {dimension}, {count}) ON CONFLICT (crossing_point_code, day, hour, measure, dimension) DO UPDATE SET count = hourly_counts.count + excluded.count",
                cancellationToken);
        }

        foreach (var group in hourly.GroupBy(h => (h.Key.Point, h.Key.Day, h.Key.Measure, h.Key.Dimension)).OrderBy(g => g.Key))
        {
            var (point, day, measure, dimension) = group.Key;
            var count = group.Sum(g => g.Value);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO daily_counts (crossing_point_code, day, measure, dimension, count) VALUES ({point}, {day}, {measure}, {dimension}, {count}) ON CONFLICT (crossing_point_code, day, measure, dimension) DO UPDATE SET count = daily_counts.count + excluded.count",
                cancellationToken);
        }
    }
}
