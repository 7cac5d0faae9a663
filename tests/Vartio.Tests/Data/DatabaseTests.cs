using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data.Entities;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Data;

/// <summary>The storage itself, on each provider: migrations match the model, time values keep their meaning.</summary>
public abstract class DatabaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    [Fact]
    public async Task Migrations_CoverTheWholeModel()
    {
        app.SkipIfUnavailable();
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The model has changes without a migration: add one for SQLite and one for PostgreSQL.");
    }

    [Fact]
    public async Task InstantsAndDates_RoundTripExactlyAndOrderByTime()
    {
        app.SkipIfUnavailable();

        // Microsecond precision is what PostgreSQL's timestamptz keeps; SQLite keeps ticks.
        var early = Instant.FromUtc(2023, 11, 17, 22, 0, 0).PlusNanoseconds(123_456_000);
        var late = Instant.FromUtc(2024, 4, 14, 21, 0, 0);
        var id = await app.WithDbAsync(async db =>
        {
            var row = new DecisionRow
            {
                DecidedOn = new LocalDate(2024, 2, 29),
                Title = "Round trip",
                Text = "",
                CreatedAt = early,
                PublishedAt = null,
                Effects =
                [
                    new DecisionEffectRow { CrossingPointCode = "VAI", State = "closed", Traffic = 4, From = late, Until = null, Ordinal = 0 },
                    new DecisionEffectRow { CrossingPointCode = "VAI", State = "open", Traffic = 4, From = early, Until = late, Ordinal = 1 },
                ],
            };
            db.Decisions.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        await app.WithDbAsync(async db =>
        {
            var row = await db.Decisions.AsNoTracking().Include(d => d.Effects).SingleAsync(d => d.Id == id);
            Assert.Equal(new LocalDate(2024, 2, 29), row.DecidedOn);
            Assert.Equal(early, row.CreatedAt);
            Assert.Null(row.PublishedAt);
            var ordered = await db.DecisionEffects.Where(e => e.DecisionId == id && e.From >= early).OrderBy(e => e.From).Select(e => e.From).ToListAsync();
            Assert.Equal([early, late], ordered);
            Assert.Equal(late, row.Effects.Single(e => e.Ordinal == 1).Until);
            db.Decisions.Remove(await db.Decisions.SingleAsync(d => d.Id == id));
            await db.SaveChangesAsync();
            return 0;
        });
    }
}

public sealed class DatabaseOnSqlite(SqliteApp app) : DatabaseTests<SqliteApp>(app);

public sealed class DatabaseOnPostgres(PostgresApp app) : DatabaseTests<PostgresApp>(app);
