using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Checks;

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
        foreach (var traveller in candidates)
        {
            var records = await db.BorderRecords.AsNoTracking().Where(r => r.TravellerId == traveller).OrderBy(r => r.At).ToListAsync(cancellationToken);
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

        var erasedIds = erase.Select(r => r.Id).ToList();
        var checkIds = erase.Where(r => r.CheckId is not null).Select(r => r.CheckId!.Value).ToHashSet();
        var staleBefore = today.Minus(CheckYears).AtStartOfDayInZone(border.Zone).ToInstant();
        var recordless = await db.Checks.AsNoTracking()
            .Where(c => c.At < staleBefore && !db.BorderRecords.Any(r => r.CheckId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        checkIds.UnionWith(recordless);

        var affected = erase.Select(r => r.TravellerId).Concat(await db.Checks.AsNoTracking().Where(c => recordless.Contains(c.Id)).Select(c => c.TravellerId).ToListAsync(cancellationToken)).ToHashSet();
        var travellersLeftEmpty = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!dryRun)
        {
            await db.OverstayFlags.Where(f => erasedIds.Contains(f.EntryRecordId) || (f.ExitRecordId != null && erasedIds.Contains(f.ExitRecordId.Value))).ExecuteDeleteAsync(cancellationToken);
            await db.BorderRecords.Where(r => erasedIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.BorderRecords.Where(r => r.CheckId != null && checkIds.Contains(r.CheckId.Value)).ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckId, (Guid?)null), cancellationToken);
            await db.SecondLineCases.Where(c => checkIds.Contains(c.CheckId)).ExecuteDeleteAsync(cancellationToken);
            await db.Checks.Where(c => checkIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        // A traveller with no record and no check left is erased with their documents and links.
        foreach (var traveller in affected)
        {
            var remainingRecords = await db.BorderRecords.CountAsync(r => r.TravellerId == traveller && (!dryRun || !erasedIds.Contains(r.Id)), cancellationToken);
            var remainingChecks = await db.Checks.CountAsync(c => c.TravellerId == traveller && (!dryRun || !checkIds.Contains(c.Id)), cancellationToken);
            if (remainingRecords > 0 || remainingChecks > 0)
            {
                continue;
            }

            travellersLeftEmpty++;
            if (!dryRun)
            {
                await db.TravellerLinks.Where(l => l.TravellerId == traveller || l.LinkedTravellerId == traveller).ExecuteDeleteAsync(cancellationToken);
                await db.OverstayFlags.Where(f => f.TravellerId == traveller).ExecuteDeleteAsync(cancellationToken);
                await db.TravelDocuments.Where(d => d.TravellerId == traveller).ExecuteDeleteAsync(cancellationToken);
                await db.Travellers.Where(t => t.Id == traveller).ExecuteDeleteAsync(cancellationToken);
            }
        }

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RecordPurge>().RunAsync(dryRun: false, Actors.System, stoppingToken);
                Purged(log, "erased " + RecordPurge.Describe(result));
                foreach (var warning in result.Warnings)
                {
                    ErasureNear(log, warning.TravellerId, warning.EraseOn.ToString());
                }
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                PurgeFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Summary}")]
    private static partial void Purged(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the records of overstayer {TravellerId} will be erased on {EraseOn}")]
    private static partial void ErasureNear(ILogger logger, Guid travellerId, string eraseOn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not run; trying again tomorrow")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
