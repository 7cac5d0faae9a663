using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Statistics;

/// <summary>What the dashboard shows for a period ending on a day: the status and figures of that day, the daily series, the nationalities and the decisions.</summary>
/// <param name="At">The instant the statuses are for: now when the period ends today, otherwise the end of its last day.</param>
/// <param name="Day">The figures of the period's last day, per crossing point.</param>
public sealed record SituationView(
    LocalDate From,
    LocalDate To,
    Instant At,
    IReadOnlyList<CrossingPointStatus> Statuses,
    IReadOnlyList<DailyFiguresResponse> Day,
    IReadOnlyList<DailyFiguresResponse> Series,
    IReadOnlyList<NationalityCount> Nationalities,
    IReadOnlyList<DecisionMark> Decisions,
    IReadOnlyList<Surveillance.AlertResponse> OpenAlerts)
{
    /// <summary>Asylum applications and irregular arrivals together: the people who came to ask for protection.</summary>
    public static long Arrivals(DailyFiguresResponse day) => day.AsylumApplications + day.IrregularArrivals;
}

/// <param name="Nationality">ISO 3166-1 alpha-3, or <c>unknown</c>.</param>
public sealed record NationalityCount(string Nationality, long Count);

/// <summary>A published decision whose first effect falls in the period, for the time axis.</summary>
public sealed record DecisionMark(int Id, LocalDate TakesEffect, string Title, IReadOnlyList<string> CrossingPoints);

/// <summary>Reads the situation from the daily counters and the decisions' timeline; never the records themselves.</summary>
public sealed class Situation(VartioDbContext db, DailyFigures figures, TimelineCache timelines, BorderCalendar calendar)
{
    /// <summary>At most this many days in one view (a year and a day, so a whole year fits).</summary>
    public const int MaxDays = 367;

    public async Task<SituationView> ReadAsync(LocalDate from, LocalDate to, CancellationToken ct)
    {
        var timeline = await timelines.GetAsync(ct);
        var codes = timeline.CrossingPoints.Select(p => p.Code).ToList();
        var series = await figures.ReadAsync(new DailyFiguresQuery(from, to, codes), ct);
        var at = to >= calendar.Today ? calendar.Now : to.PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant() - Duration.FromSeconds(1);
        var lastDay = LocalDatePattern.Iso.Format(to);
        var fromText = LocalDatePattern.Iso.Format(from);
        var prefix = Counts.Nationality(null)[..^"unknown".Length];
        var measures = new[] { Counts.AsylumApplication, Counts.IrregularArrival };
        var nationalities = await db.DailyCounts.AsNoTracking()
            .Where(c => measures.Contains(c.Measure) && c.Dimension.StartsWith(prefix) && string.Compare(c.Day, fromText) >= 0 && string.Compare(c.Day, lastDay) <= 0)
            .GroupBy(c => c.Dimension)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var zone = calendar.Zone;
        var decisions = timeline.Decisions.Values
            .Where(d => d.IsPublished && d.Effects.Count > 0)
            .Select(d => new DecisionMark(d.Id, d.Effects.Min(e => e.From).InZone(zone).Date, d.Title, [.. d.Effects.Select(e => e.CrossingPointCode).Distinct().Order(StringComparer.Ordinal)]))
            .Where(d => d.TakesEffect >= from && d.TakesEffect <= to)
            .OrderBy(d => d.TakesEffect).ThenBy(d => d.Id)
            .ToList();
        return new SituationView(
            from,
            to,
            at,
            timeline.StatusAt(at),
            [.. series.Where(s => s.Date == lastDay)],
            series,
            [.. nationalities.Where(n => n.Count > 0).Select(n => new NationalityCount(n.Key[prefix.Length..], n.Count)).OrderByDescending(n => n.Count).ThenBy(n => n.Nationality, StringComparer.Ordinal)],
            decisions,
            await new Surveillance.AlertQuery(OpenOnly: true, Scope: null, CrossingPoint: null).ListAsync(db, ct));
    }

    /// <summary>
    /// A cheap mark of today's counters (how many keys and their sum): the dashboard reads it every few seconds and
    /// reads the whole view again only when it changes, so a new record shows without a reload.
    /// </summary>
    public async Task<(int Keys, long Sum)> TodayMarkAsync(CancellationToken ct)
    {
        var today = LocalDatePattern.Iso.Format(calendar.Today);
        var measures = Counts.Measures.ToArray();
        var rows = await db.DailyCounts.AsNoTracking()
            .Where(c => measures.Contains(c.Measure) && c.Dimension == Counts.Total && c.Day == today)
            .Select(c => c.Count)
            .ToListAsync(ct);
        return (rows.Count, rows.Sum());
    }
}
