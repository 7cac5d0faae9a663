using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Vartio.Checks;
using Vartio.Data;
using Vartio.Domain.Countries;
using Vartio.Domain.Screening;
using Vartio.Domain.Travellers;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Checks;

/// <summary>
/// Retention run against a database (Regulation (EU) 2017/2226, Art. 34; DOMAIN.md §7), on the tests' day,
/// 15 January 2026: records of a stay that ended before 15 January 2023 and refusals before it are erased; an
/// overstayer's records five years after the stay ended, warned three months ahead.
/// </summary>
public abstract class RecordPurgeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Purge_ErasesWhatRetentionNoLongerAllows_WarnsOfOverstayers_AndAuditsOnce()
    {
        app.SkipIfUnavailable();
        var zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        Instant Noon(int y, int m, int d) => new LocalDate(y, m, d).At(new LocalTime(12, 0)).InZoneLeniently(zone).ToInstant();

        var ended = await AddAsync("PURGE0001", [("entry", Noon(2020, 1, 1), new LocalDate(2020, 3, 30)), ("exit", Noon(2020, 2, 1), null)]);
        var refused = await AddAsync("PURGE0002", [("refusal", Noon(2022, 6, 1), null)]);
        var longGone = await AddAsync("PURGE0003", [("entry", Noon(2020, 5, 1), new LocalDate(2020, 7, 29))]);
        var nearErasure = await AddAsync("PURGE0004", [("entry", Noon(2021, 1, 1), new LocalDate(2021, 3, 31))]);
        var recent = await AddAsync("PURGE0005", [("entry", Noon(2025, 12, 1), new LocalDate(2026, 2, 28))]);

        var dry = await PurgeAsync(dryRun: true);
        Assert.Equal((2, 1, 1, 3), (dry.Entries, dry.Exits, dry.Refusals, dry.Travellers));
        Assert.Equal(5, await app.WithDbAsync(db => db.Travellers.CountAsync(t => new[] { ended, refused, longGone, nearErasure, recent }.Contains(t.Id), Ct)));

        var auditBefore = await app.WithDbAsync(db => db.AuditLog.CountAsync(Ct));
        var run = await PurgeAsync(dryRun: false);

        Assert.Equal((2, 1, 1, 3), (run.Entries, run.Exits, run.Refusals, run.Travellers));
        var warning = Assert.Single(run.Warnings);
        Assert.Equal((nearErasure, new LocalDate(2026, 3, 31)), (warning.TravellerId, warning.EraseOn));
        Assert.Equal(new[] { nearErasure, recent }.Order(), (await app.WithDbAsync(db => db.Travellers.Where(t => new[] { ended, refused, longGone, nearErasure, recent }.Contains(t.Id)).Select(t => t.Id).ToListAsync(Ct))).Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.TravelDocuments.CountAsync(d => d.TravellerId == ended, Ct)));
        Assert.Equal(auditBefore + 1, await app.WithDbAsync(db => db.AuditLog.CountAsync(Ct)));
        Assert.True((await app.WithDbAsync(db => db.VerifyAsync(Ct))).Break is null);
    }

    /// <summary>
    /// Erasure goes by batches of ids (a statement may carry only so many parameters: SQLite 32,766, which a
    /// single statement for a quarter of a million due records exceeded); batches of two here, over seven travellers.
    /// </summary>
    [Fact]
    public async Task Purge_InBatches_ErasesEveryRecordDue()
    {
        app.SkipIfUnavailable();
        var zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        var travellers = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var at = new LocalDate(2021, 3, 1 + i).At(new LocalTime(12, 0)).InZoneLeniently(zone).ToInstant();
            travellers.Add(await AddAsync($"BATCH000{i}", [("refusal", at, null)]));
        }

        await using var scope = app.App.Services.CreateAsyncScope();
        var purge = new RecordPurge(
            scope.ServiceProvider.GetRequiredService<VartioDbContext>(),
            app.Clock,
            scope.ServiceProvider.GetRequiredService<Vartio.CrossingPoints.BorderZone>()) { BatchSize = 2 };
        var result = await purge.RunAsync(dryRun: false, "system", Ct);

        Assert.True(result.Refusals >= 7);
        Assert.Equal(0, await app.WithDbAsync(db => db.Travellers.CountAsync(t => travellers.Contains(t.Id), Ct)));
    }

    private async Task<PurgeResult> PurgeAsync(bool dryRun)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordPurge>().RunAsync(dryRun, "system", Ct);
    }

    private Task<Guid> AddAsync(string number, (string Kind, Instant At, LocalDate? Until)[] records) => app.WithDbAsync(async db =>
    {
        var identity = new TravellerIdentity("RETAINED", "PERSON", PartialDate.Parse("1980-01-01"), null, Country.FromAlpha3("RUS"), new TravelDocument("P", number, Country.FromAlpha3("RUS"), null));
        var (traveller, document, _) = await db.FindOrAddDocumentAsync(identity, app.Clock.GetCurrentInstant(), Ct);
        foreach (var (kind, at, until) in records)
        {
            db.AppendRecord(new NewBorderRecord(kind, traveller.Id, document.Id, "HEL", at, null, until), app.Clock.GetCurrentInstant());
        }

        await db.SaveChangesAsync(Ct);
        return traveller.Id;
    });
}

public sealed class RecordPurgeOnSqlite(SqliteApp app) : RecordPurgeTests<SqliteApp>(app);

public sealed class RecordPurgeOnPostgres(PostgresApp app) : RecordPurgeTests<PostgresApp>(app);
