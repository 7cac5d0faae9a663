using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Checks;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>What one run of retention erased (or, in a dry run, would erase), and the overstayers whose erasure is near.</summary>
public sealed record PurgeResult(
    bool DryRun,
    LocalDate Today,
    int Entries,
    int Exits,
    int Refusals,
    int Checks,
    int Travellers,
    IReadOnlyList<PurgeWarning> Warnings)
{
    public int Records => Entries + Exits + Refusals;
}

/// <summary>An overstayer's record that will be erased within three months.</summary>
public sealed record PurgeWarning(Guid TravellerId, Guid RecordId, LocalDate EraseOn);

/// <summary>
/// Erases the records retention no longer allows (<see cref="RecordRetention"/>), with the checks that made them
/// and the travellers and documents left with nothing, in one transaction with one audit entry per run.
/// </summary>
public sealed class RecordPurge(VartioDbContext db, IClock clock, BorderZone border)
{
    /// <summary>Ids per statement; well under the parameters a statement may carry (SQLite: 32,766).</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Checks that made no record (undecided, or at second line) are kept as long as a record would be.</summary>
    private static readonly Period CheckYears = Period.FromYears(RecordRetention.RecordYears);

    public async Task<PurgeResult> RunAsync(bool dryRun, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = now.InZone(border.Zone).Date;

        // Only a traveller with a record at least three years old can have one due; nothing newer is read.
        var oldest = today.Minus(Period.FromYears(RecordRetention.RecordYears)).PlusDays(1).AtStartOfDayInZone(border.Zone).ToInstant();
        var candidates = await db.BorderRecords.AsNoTracking().Where(r => r.At < oldest).Select(r => r.TravellerId).Distinct().ToListAsync(cancellationToken);
        var zones = await ZonesAsync(cancellationToken);

        var erase = new List<BorderRecordRow>();
        var warnings = new List<PurgeWarning>();
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var loaded = await db.BorderRecords.AsNoTracking().Where(r => batch.Contains(r.TravellerId)).ToListAsync(cancellationToken);
            foreach (var records in loaded.GroupBy(r => r.TravellerId).Select(g => g.OrderBy(r => r.At).ToList()))
            {
                var schedule = RecordRetention.Schedule([.. records.Select(r => new RetainedRecord(r.Id, KindOf(r.Kind), r.At.InZone(zones.GetValueOrDefault(r.CrossingPointCode, border.Zone)).Date, r.AuthorisedStayUntil))]);
                foreach (var (record, erasure) in records.Zip(schedule))
                {
                    if (erasure.EraseOn <= today)
                    {
                        erase.Add(record);
                    }
                    else if (erasure.Overstay && erasure.WarnFrom <= today)
                    {
                        warnings.Add(new PurgeWarning(record.TravellerId, record.Id, erasure.EraseOn));
                    }
                }
            }
        }

        var erasedIds = erase.Select(r => r.Id).ToHashSet();
        var checkIds = erase.Where(r => r.CheckId is not null).Select(r => r.CheckId!.Value).ToHashSet();
        var staleBefore = today.Minus(CheckYears).AtStartOfDayInZone(border.Zone).ToInstant();
        var recordless = await db.Checks.AsNoTracking()
            .Where(c => c.At < staleBefore && !db.BorderRecords.Any(r => r.CheckId == c.Id))
            .Select(c => new { c.Id, c.TravellerId })
            .ToListAsync(cancellationToken);
        checkIds.UnionWith(recordless.Select(c => c.Id));

        // A traveller with no record and no check left is erased with their documents and links. What is left is
        // counted before anything is erased, so a dry run counts the same.
        var affected = erase.Select(r => r.TravellerId).Concat(recordless.Select(c => c.TravellerId)).ToHashSet();
        var emptied = new List<Guid>();
        foreach (var batch in affected.Chunk(BatchSize))
        {
            var records = await db.BorderRecords.AsNoTracking().Where(r => batch.Contains(r.TravellerId)).Select(r => new { r.TravellerId, r.Id }).ToListAsync(cancellationToken);
            var checks = await db.Checks.AsNoTracking().Where(c => batch.Contains(c.TravellerId)).Select(c => new { c.TravellerId, c.Id }).ToListAsync(cancellationToken);
            var keeping = records.Where(r => !erasedIds.Contains(r.Id)).Select(r => r.TravellerId)
                .Concat(checks.Where(c => !checkIds.Contains(c.Id)).Select(c => c.TravellerId))
                .ToHashSet();
            emptied.AddRange(batch.Where(t => !keeping.Contains(t)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!dryRun)
        {
            // In batches: a database takes only so many parameters in one statement (SQLite 32,766).
            foreach (var batch in erasedIds.Chunk(BatchSize))
            {
                await db.OverstayFlags.Where(f => batch.Contains(f.EntryRecordId) || (f.ExitRecordId != null && batch.Contains(f.ExitRecordId.Value))).ExecuteDeleteAsync(cancellationToken);
                await db.BorderRecords.Where(r => batch.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var batch in checkIds.Chunk(BatchSize))
            {
                await db.BorderRecords.Where(r => r.CheckId != null && batch.Contains(r.CheckId.Value)).ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckId, (Guid?)null), cancellationToken);
                await db.SecondLineCases.Where(c => batch.Contains(c.CheckId)).ExecuteDeleteAsync(cancellationToken);
                await db.Checks.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var batch in emptied.Chunk(BatchSize))
            {
                await db.TravellerLinks.Where(l => batch.Contains(l.TravellerId) || batch.Contains(l.LinkedTravellerId)).ExecuteDeleteAsync(cancellationToken);
                await db.OverstayFlags.Where(f => batch.Contains(f.TravellerId)).ExecuteDeleteAsync(cancellationToken);
                await db.TravelDocuments.Where(d => batch.Contains(d.TravellerId)).ExecuteDeleteAsync(cancellationToken);
                await db.Travellers.Where(t => batch.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        var travellersLeftEmpty = emptied.Count;
        var result = new PurgeResult(
            dryRun,
            today,
            erase.Count(r => r.Kind == BorderRecordKinds.Entry),
            erase.Count(r => r.Kind == BorderRecordKinds.Exit),
            erase.Count(r => r.Kind == BorderRecordKinds.Refusal),
            checkIds.Count,
            travellersLeftEmpty,
            warnings);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return result;
        }

        await db.AppendAsync(clock, [new AuditRecord(actor, "records.purged", $"retention:{today}", "erased " + Describe(result))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static string Describe(PurgeResult result) =>
        $"{result.Records} records ({result.Entries} entries, {result.Exits} exits, {result.Refusals} refusals), {result.Checks} checks, {result.Travellers} travellers; " +
        $"{result.Warnings.Count} overstayer records due for erasure within {RecordRetention.WarningMonths} months";

    private async Task<Dictionary<string, DateTimeZone>> ZonesAsync(CancellationToken cancellationToken) =>
        (await db.CrossingPoints.AsNoTracking().Select(p => new { p.Code, p.TimeZone }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Code, p => DateTimeZoneProviders.Tzdb.GetZoneOrNull(p.TimeZone) ?? border.Zone, StringComparer.Ordinal);

    private static RecordKind KindOf(string kind) => kind switch
    {
        BorderRecordKinds.Entry => RecordKind.Entry,
        BorderRecordKinds.Exit => RecordKind.Exit,
        _ => RecordKind.Refusal,
    };
}

/// <summary>Runs retention once a day, and at start.</summary>
public sealed partial class RecordPurgeJob(IServiceScopeFactory scopes, ILogger<RecordPurgeJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(scopes, Interval, async (services, ct) =>
        {
            var result = await services.GetRequiredService<RecordPurge>().RunAsync(dryRun: false, Actors.System, ct);
            Purged(log, "erased " + RecordPurge.Describe(result));
            foreach (var warning in result.Warnings)
            {
                ErasureNear(log, warning.TravellerId, warning.EraseOn.ToString());
            }
        }, e => PurgeFailed(log, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Summary}")]
    private static partial void Purged(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the records of overstayer {TravellerId} will be erased on {EraseOn}")]
    private static partial void ErasureNear(ILogger logger, Guid travellerId, string eraseOn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not run; trying again tomorrow")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
