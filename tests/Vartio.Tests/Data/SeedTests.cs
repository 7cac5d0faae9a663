using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Vartio.Data;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Data;

/// <summary>
/// The seeded crossing points on each provider: a new database has Helsinki's airport and West Harbour, and
/// a database seeded and in use before they were added gets them at the next start, its data kept.
/// </summary>
public abstract class SeedTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private bool IsPostgres => app.Database!.Provider == DatabaseProvider.Postgres;

    [Fact]
    public async Task ANewDatabase_HasHelsinkiAirportAndWestHarbour()
    {
        var client = app.Anonymous();
        var airport = (await client.GetFromJsonAsync<JsonElement>("/api/v1/crossing-points/HEL", Ct)).GetProperty("crossingPoint");
        var harbour = (await client.GetFromJsonAsync<JsonElement>("/api/v1/crossing-points/HWH", Ct)).GetProperty("crossingPoint");

        Assert.Equal("Helsinki Airport", airport.GetProperty("name").GetString());
        Assert.Equal("air", airport.GetProperty("kind").GetString());
        Assert.Equal("Europe/Helsinki", airport.GetProperty("timeZone").GetString());
        Assert.Equal(60.317, airport.GetProperty("latitude").GetDouble());
        Assert.Equal("Helsinki West Harbour", harbour.GetProperty("name").GetString());
        Assert.Equal("sea", harbour.GetProperty("kind").GetString());
        Assert.Equal(["passengers"], harbour.GetProperty("traffic").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task ADatabaseSeededBeforeTheRecords_IsMigratedWithItsDataAndGetsTheNewCrossingPointsOnce()
    {
        app.SkipIfUnavailable();
        var (settings, drop) = await EmptyDatabaseAsync();
        var clock = new NodaTime.Testing.FakeClock(VartioApp.DefaultNow);
        try
        {
            // The schema before the records, seeded as the previous version did: without HEL and HWH.
            var seed = BorderData.LoadSeed();
            var before = seed with { CrossingPoints = [.. seed.CrossingPoints.Where(p => p.Code is not ("HEL" or "HWH"))] };
            await using (var db = Database.Open(settings))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var records = migrations.FindIndex(m => m.EndsWith("_TravelRecords", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(migrations[records - 1], cancellationToken: Ct);

                // The seed is written through today's model, which has columns added since: they are added for the
                // seeding and removed again, so the later migrations meet that version's schema.
                await db.Database.ExecuteSqlRawAsync(
                    app.Database!.Provider == DatabaseProvider.Postgres
                        ? "ALTER TABLE decision_effects ADD COLUMN asylum_restricted boolean NOT NULL DEFAULT false"
                        : "ALTER TABLE decision_effects ADD COLUMN asylum_restricted INTEGER NOT NULL DEFAULT 0",
                    Ct);
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE crossing_points ADD COLUMN section TEXT", Ct);
                await Database.SeedAsync(db, before, clock, Ct);
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE decision_effects DROP COLUMN asylum_restricted", Ct);
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE crossing_points DROP COLUMN section", Ct);
            }

            await using (var db = Database.Open(settings))
            {
                await Database.PrepareAsync(db, clock, Ct);
                await Database.PrepareAsync(db, clock, Ct);
            }

            await using (var db = Database.Open(settings))
            {
                Assert.Empty(db.Database.GetPendingMigrations());
                var codes = await db.CrossingPoints.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync(Ct);
                Assert.Equal(["VAA", "VAI", "NUI", "IMA", "PAR", "NII", "VAR", "KUU", "SAL", "RAJ", "HAA", "NUP", "SAN", "HEL", "HWH"], codes);
                Assert.Equal(9, await db.Decisions.CountAsync(Ct));

                // Sections: given by the migration to the crossing points already there, by the seed to the new ones.
                var sections = await db.CrossingPoints.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Section, Ct);
                Assert.Equal("Kainuu", sections["VAR"]);
                Assert.Equal("South-East Finland", sections["SAN"]);
                Assert.Equal("Gulf of Finland", sections["HEL"]);
                var added = await db.AuditLog.AsNoTracking().Where(e => e.Action == "database.seed-added").ToListAsync(Ct);
                Assert.Equal("crossing points HEL, HWH", Assert.Single(added).Detail);
                Assert.Null((await db.VerifyAsync(Ct)).Break);

                // The new tables take records at the new crossing points.
                var now = clock.GetCurrentInstant();
                var identity = new Vartio.Domain.Travellers.TravellerIdentity("ERIKSSON", "ANNA MARIA", default, null, null,
                    new Vartio.Domain.Travellers.TravelDocument("P", "L898902C3", Vartio.Domain.Countries.Country.FromAlpha3("UTO"), new LocalDate(2032, 4, 15)));
                var (traveller, document, _) = await db.FindOrAddDocumentAsync(identity, now, Ct);
                db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, traveller.Id, document.Id, "HEL", now, AuthorisedStayUntil: new LocalDate(2026, 4, 14)), now);
                await db.SaveChangesAsync(Ct);
                Assert.Single(await db.LoadStaysAsync(traveller.Id, Ct));
            }
        }
        finally
        {
            await drop();
        }
    }

    private async Task<(DatabaseSettings Settings, Func<Task> Drop)> EmptyDatabaseAsync()
    {
        if (IsPostgres)
        {
            var (admin, name, settings, reason) = await TestPostgres.CreateDatabaseAsync();
            Assert.SkipWhen(settings is null, reason ?? "");
            return (settings!, () => TestPostgres.DropDatabaseAsync(admin, name));
        }

        var path = Path.Combine(Path.GetTempPath(), $"vartio-seed-{Guid.NewGuid():N}.db");
        return (DatabaseSettings.SqliteFile(path), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return Task.CompletedTask;
        });
    }
}

public sealed class SeedOnSqlite(SqliteApp app) : SeedTests<SqliteApp>(app);

public sealed class SeedOnPostgres(PostgresApp app) : SeedTests<PostgresApp>(app);
