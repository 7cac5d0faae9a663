using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Vartio.Audit;
using Vartio.CrossingPoints;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Surveillance;
using Vartio.Hosting;

namespace Vartio.Surveillance;

/// <summary>
/// Loads the daily arrivals (asylum applications and irregular arrivals), asks <see cref="SurgeMethod"/> what to do
/// for each place, and stores what it decides: the alert, its audit entry and its webhook events in one
/// transaction, then tells <see cref="SurgeAlerts"/>. Called after every asylum registration (for the places of its
/// crossing point), by the background worker (for every place, so alerts close as days pass) and by the simulator.
/// </summary>
public sealed class SurgeMonitor(
    IServiceScopeFactory scopes,
    IOptions<SurgeOptions> options,
    BorderZone border,
    SurgeAlerts alerts,
    WebhookOutbox outbox,
    SqliteWriteGate writeGate,
    IClock clock,
    ILogger<SurgeMonitor> logger)
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises the writers of alerts across servers.</summary>
    private const long AlertLock = 0x5641_5254_494F_414C; // "VARTIOAL"

    /// <summary>Evaluates every crossing point, every section and the whole border at <paramref name="now"/>; returns the changes made.</summary>
    public Task<IReadOnlyList<AlertChange>> EvaluateAsync(Instant now, CancellationToken cancellationToken) =>
        EvaluateAsync(now, null, cancellationToken);

    /// <summary>
    /// Evaluates the places of one crossing point (itself, its section, the whole border), or every place when
    /// <paramref name="crossingPointCode"/> is null.
    /// </summary>
    public async Task<IReadOnlyList<AlertChange>> EvaluateAsync(Instant now, string? crossingPointCode, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();

        // A first look without locks: nearly always nothing changes, and then nothing is written.
        var view = await LoadAsync(db, now, crossingPointCode, cancellationToken);
        if (view.Decide(options.Value).Count == 0)
        {
            return [];
        }

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db is PostgresVartioDbContext)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AlertLock})", cancellationToken);
        }

        // Decided again under the lock, on what the other writers have committed.
        view = await LoadAsync(db, now, crossingPointCode, cancellationToken);
        var changes = new List<AlertChange>();
        var entries = new List<AuditRecord>();
        foreach (var (place, step) in view.Decide(options.Value))
        {
            if (Apply(db, view, place, step, now) is { } change)
            {
                changes.Add(change);
                entries.Add(new AuditRecord(Actors.System, "alert." + change.Kind, $"alert:{change.Alert.Id}", change.Alert.Evidence));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var change in changes)
        {
            await outbox.EnqueueAsync(db, AlertEvents.Of(change, now, view.Revisions.GetValueOrDefault(change.Alert.Id)), cancellationToken);
        }

        await db.AppendAsync(clock, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var change in changes)
        {
            logger.LogInformation("Alert {Kind}: {Evidence}", change.Kind, change.Alert.Evidence);
            alerts.Raise(change);
        }

        return changes;
    }

    /// <summary>
    /// After a registration has committed: evaluates its crossing point's places. A failure here is logged and
    /// never reaches the registration, which is stored already; the background worker evaluates again.
    /// </summary>
    public async Task AfterRecordAsync(string crossingPointCode, Instant now, CancellationToken cancellationToken)
    {
        try
        {
            await EvaluateAsync(now, crossingPointCode, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever it is (the database away, a cancelled request, a race lost to another server), the
            // registration is committed already and must not be reported as failed.
            logger.LogWarning(e, "Surge evaluation after a registration at {CrossingPoint} failed; the next periodic evaluation will catch up.", crossingPointCode);
        }
    }

    private AlertChange? Apply(VartioDbContext db, SurgeView view, SurgePlace place, SurgeStep step, Instant now)
    {
        switch (step)
        {
            case SurgeStep.Open(var e):
                var row = new AlertRow
                {
                    Id = Guid.CreateVersion7(),
                    Scope = place.ScopeName,
                    Place = place.Key,
                    CrossingPointCode = place.Scope == AlertScope.CrossingPoint ? place.Key : null,
                    Section = place.Scope switch
                    {
                        AlertScope.CrossingPoint => view.SectionOf.GetValueOrDefault(place.Key),
                        AlertScope.Section => place.Key,
                        _ => null,
                    },
                    OpenedAt = now,
                    UpdatedAt = now,
                    OpenedOn = e.Day,
                    OpeningBaseline = e.Baseline,
                    Evidence = e.Sentence,
                };
                Show(row, e);
                db.Alerts.Add(row);
                return new AlertChange(AlertChange.Opened, AlertResponse.From(row));
            case SurgeStep.Update(var e):
                var open = view.Open[place];
                db.Alerts.Attach(open);
                Show(open, e);
                open.UpdatedAt = now;
                open.Revision++;
                view.Revisions[open.Id] = open.Revision;
                return new AlertChange(AlertChange.Updated, AlertResponse.From(open));
            case SurgeStep.Close(_, var quietDays):
                var closing = view.Open[place];
                db.Alerts.Attach(closing);
                closing.ClosedAt = now;
                closing.UpdatedAt = now;
                closing.QuietDays = quietDays;
                return new AlertChange(AlertChange.Closed, AlertResponse.From(closing));
            default:
                return null;
        }
    }

    private static void Show(AlertRow row, SurgeEvidence e)
    {
        row.Day = e.Day;
        row.Count = e.Count;
        row.Baseline = e.Baseline;
        row.P = e.P;
        row.Evidence = e.Sentence;
    }

    private async Task<SurgeView> LoadAsync(VartioDbContext db, Instant now, string? crossingPointCode, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var today = now.InZone(border.Zone).Date;
        var points = await db.CrossingPoints.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new { p.Code, p.Name, p.Section }).ToListAsync(cancellationToken);
        var places = new List<(SurgePlace Place, string[] Points)>();
        var at = crossingPointCode is null ? null : points.FirstOrDefault(p => string.Equals(p.Code, crossingPointCode, StringComparison.OrdinalIgnoreCase));
        foreach (var p in points.Where(p => crossingPointCode is null || p == at))
        {
            places.Add((SurgePlace.CrossingPoint(p.Code, p.Name), [p.Code]));
        }

        foreach (var section in points.Select(p => p.Section).OfType<string>().Distinct(StringComparer.Ordinal).Where(s => crossingPointCode is null || s == at?.Section))
        {
            places.Add((SurgePlace.Section(section), [.. points.Where(p => p.Section == section).Select(p => p.Code)]));
        }

        places.Add((SurgePlace.National, [.. points.Select(p => p.Code)]));

        // The baseline of yesterday reaches BaselineDays before it.
        var from = LocalDatePattern.Iso.Format(today.PlusDays(-o.BaselineDays - 1));
        var to = LocalDatePattern.Iso.Format(today);
        var rows = await db.DailyCounts.AsNoTracking()
            .Where(c => (c.Measure == Counts.AsylumApplication || c.Measure == Counts.IrregularArrival) && c.Dimension == Counts.Total
                && string.Compare(c.Day, from) >= 0 && string.Compare(c.Day, to) <= 0)
            .Select(c => new { c.CrossingPointCode, c.Day, c.Count })
            .ToListAsync(cancellationToken);
        var byPoint = rows
            .GroupBy(r => r.CrossingPointCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => LocalDatePattern.Iso.Parse(r.Day).Value).ToDictionary(d => d.Key, d => (int)d.Sum(r => r.Count)), StringComparer.Ordinal);

        var scopesWanted = places.Select(p => p.Place.ScopeName).Distinct().ToList();
        var open = await db.Alerts.AsNoTracking().Where(a => a.ClosedAt == null).ToListAsync(cancellationToken);
        var lastClosed = await db.Alerts.AsNoTracking().Where(a => a.ClosedAt != null)
            .GroupBy(a => new { a.Scope, a.Place })
            .Select(g => new { g.Key.Scope, g.Key.Place, ClosedAt = g.Max(a => a.ClosedAt) })
            .ToListAsync(cancellationToken);

        return new SurgeView(
            today,
            places.Select(p => (p.Place, Counts: Sum(p.Points, byPoint))).ToList(),
            open.Where(a => places.Any(p => p.Place.ScopeName == a.Scope && p.Place.Key == a.Place))
                .ToDictionary(a => places.First(p => p.Place.ScopeName == a.Scope && p.Place.Key == a.Place).Place),
            lastClosed.ToDictionary(c => (c.Scope, c.Place), c => c.ClosedAt!.Value.InZone(border.Zone).Date),
            points.Where(p => p.Section is not null).ToDictionary(p => p.Code, p => p.Section!, StringComparer.Ordinal),
            border.Zone);
    }

    private static Dictionary<LocalDate, int> Sum(string[] points, Dictionary<string, Dictionary<LocalDate, int>> byPoint)
    {
        var sum = new Dictionary<LocalDate, int>();
        foreach (var point in points)
        {
            foreach (var (day, count) in byPoint.GetValueOrDefault(point) ?? [])
            {
                sum[day] = sum.GetValueOrDefault(day) + count;
            }
        }

        return sum;
    }

    /// <summary>What the method is given for one evaluation: the places with their arrivals and their alerts.</summary>
    private sealed record SurgeView(
        LocalDate Today,
        IReadOnlyList<(SurgePlace Place, Dictionary<LocalDate, int> Counts)> Places,
        Dictionary<SurgePlace, AlertRow> Open,
        Dictionary<(string Scope, string Place), LocalDate> LastClosedOn,
        Dictionary<string, string> SectionOf,
        DateTimeZone Zone)
    {
        public Dictionary<Guid, int> Revisions { get; } = [];

        public List<(SurgePlace Place, SurgeStep Step)> Decide(SurgeOptions options)
        {
            var steps = new List<(SurgePlace, SurgeStep)>();
            foreach (var (place, counts) in Places)
            {
                var open = Open.GetValueOrDefault(place);
                var state = open is null ? null : new OpenSurge(open.OpenedOn, open.OpeningBaseline, open.Day, open.Count, open.Day < open.UpdatedAt.InZone(Zone).Date);
                var closed = LastClosedOn.TryGetValue((place.ScopeName, place.Key), out var c) ? c : (LocalDate?)null;
                var step = SurgeMethod.Decide(options, place, counts, Today, state, closed);
                if (step is not SurgeStep.None)
                {
                    steps.Add((place, step));
                }
            }

            return steps;
        }
    }
}
