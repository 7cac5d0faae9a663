using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Vartio.Data.Entities;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use. SQLite (a file) unless a PostgreSQL connection string is given.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    public static DatabaseSettings Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>A description safe to print: the file, or the host and database, never a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return "SQLite " + (file == ":memory:" ? file : Path.GetFullPath(file));
        }

        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}

public static class Database
{
    /// <summary>Registers <see cref="VartioDbContext"/> for the chosen provider.</summary>
    public static IServiceCollection AddVartioDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<VartioDbContext, PostgresVartioDbContext>(o => o.UseNpgsql(settings.ConnectionString, n => n.UseNodaTime().UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
                break;
            default:
                services.AddDbContext<VartioDbContext, SqliteVartioDbContext>(o => o.UseSqlite(settings.ConnectionString, q => q.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).ConfigureWarnings(SqliteWarnings));
                break;
        }

        return services;
    }

    // Decisions load their effects and the decisions they supersede in one query (a decision has a few of
    // each), as they did before the supersessions had their own table: said explicitly, which EF Core asks for.

    /// <summary>
    /// SQLite cannot add a constraint to a table in place: EF Core rebuilds the table, with foreign keys off,
    /// which SQLite allows only outside a transaction. That is how every such migration runs, not a fault, so
    /// it is logged at Debug rather than as a warning on every new database (back up before an upgrade).
    /// </summary>
    private static void SqliteWarnings(WarningsConfigurationBuilder warnings) =>
        warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Debug));

    /// <summary>Opens a context outside dependency injection (the command line).</summary>
    public static VartioDbContext Open(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresVartioDbContext(new DbContextOptionsBuilder<PostgresVartioDbContext>()
            .UseNpgsql(settings.ConnectionString, n => n.UseNodaTime().UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).Options),
        _ => new SqliteVartioDbContext(new DbContextOptionsBuilder<SqliteVartioDbContext>()
            .UseSqlite(settings.ConnectionString, q => q.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).ConfigureWarnings(SqliteWarnings).Options),
    };

    /// <summary>
    /// Why the database cannot be opened as asked; null when it can. A SQLite file must be in a folder that
    /// exists, whatever the command: a mistyped path is an error, never a new folder. A database that does not
    /// exist yet (a SQLite file, a PostgreSQL database) is created only when <paramref name="mayCreate"/>;
    /// otherwise the answer says how to create it.
    /// </summary>
    public static async Task<string?> OpenProblemAsync(DatabaseSettings settings, bool mayCreate, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
            if (builder.DataSource is ":memory:" or "" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
            {
                return null;
            }

            var path = Path.GetFullPath(builder.DataSource);
            var folder = Path.GetDirectoryName(path);
            if (folder is not null && !Directory.Exists(folder))
            {
                return $"The database {path} cannot be opened: its folder {folder} does not exist.";
            }

            return mayCreate || File.Exists(path) ? null : NoDatabase(path);
        }

        if (mayCreate)
        {
            return null;
        }

        await using var db = Open(settings);
        return await PostgresDatabaseExistsAsync(db, cancellationToken) ? null : NoDatabase(settings.Describe());
    }

    private static string NoDatabase(string what) =>
        $"There is no database {what}. Add --create to create, migrate and seed a new one, or run 'vartio serve', which creates it.";

    /// <summary>
    /// Creates the database if needed, applies the migrations and, when it holds no crossing points, seeds
    /// the crossing points and decisions shipped with Vartio. Safe to run on every start. Whether a new
    /// database may be created is for the caller to decide first (<see cref="OpenProblemAsync"/>).
    /// </summary>
    /// <param name="clock">The one clock, for the audit entry of the seeding.</param>
    public static async Task PrepareAsync(VartioDbContext db, IClock clock, CancellationToken cancellationToken)
    {
        if (db is PostgresVartioDbContext && !await PostgresDatabaseExistsAsync(db, cancellationToken))
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }

        // The migrator reads the history table before it creates it, and on PostgreSQL the refused read is
        // logged as a failed command on every new database: create the table first.
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db is SqliteVartioDbContext)
        {
            // Write-ahead logging lets readers (the status page) go on while a writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!await db.CrossingPoints.AnyAsync(cancellationToken))
        {
            await SeedAsync(db, BorderData.LoadSeed(), clock, cancellationToken);
        }
        else
        {
            await AddNewSeedCrossingPointsAsync(db, BorderData.LoadSeed(), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Adds the seed file's crossing points that a database seeded by an earlier version lacks (Helsinki's
    /// airport and West Harbour came later), so every database can record checks there. Only crossing points
    /// the database does not have are added: none is changed, and decisions are not added, since a database
    /// in use has its own and their ids are referred to. Done here rather than in a migration because the seed
    /// file is the one source of the crossing points: a migration would copy them, once per database provider.
    /// </summary>
    /// <returns>The codes added, in the seed file's order.</returns>
    public static async Task<IReadOnlyList<string>> AddNewSeedCrossingPointsAsync(VartioDbContext db, SeedFile seed, IClock clock, CancellationToken cancellationToken)
    {
        var existing = (await db.CrossingPoints.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rows = seed.CrossingPoints.Select((p, i) => p.ToRow(i)).Where(r => !existing.Contains(r.Code)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CrossingPoints.AddRange(rows);
        await db.AppendAsync(clock, [new AuditRecord("system", "database.seed-added", "seed:border", $"crossing points {string.Join(", ", rows.Select(r => r.Code))}")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. rows.Select(r => r.Code)];
    }

    /// <summary>
    /// EF Core finds out whether a PostgreSQL database exists by connecting to it, and logs the refused
    /// connection as an error on every first start. Asking the server's catalogue instead keeps the log of a
    /// healthy start clean.
    /// </summary>
    private static async Task<bool> PostgresDatabaseExistsAsync(VartioDbContext db, CancellationToken cancellationToken)
    {
        var configured = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(configured.ConnectionString);
        var maintenance = new Npgsql.NpgsqlConnectionStringBuilder(configured.ConnectionString) { Database = "postgres", Pooling = false };

        // A clone keeps the password, which the connection string no longer shows once a connection has opened.
        await using var connection = configured.CloneWith(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database ?? "");
        return await exists.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static async Task SeedAsync(VartioDbContext db, SeedFile seed, IClock clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = seed.CrossingPoints.Select((p, i) => p.ToRow(i)).ToList();
        db.CrossingPoints.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);

        var points = rows.ToDictionary(r => r.Code, r => r.ToDomain(), StringComparer.Ordinal);
        var helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var decision in seed.Decisions)
        {
            var row = decision.ToRow(points, ids, points.Values.FirstOrDefault()?.Zone ?? helsinki);
            db.Decisions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            ids[decision.Key] = row.Id;
            db.Announcements.Add(Announcements.For(row));
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAsync(clock, [new AuditRecord("system", "database.seeded", "seed:border", $"{rows.Count} crossing points, {seed.Decisions.Count} decisions")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<BorderTimeline> LoadTimelineAsync(this VartioDbContext db, CancellationToken cancellationToken)
    {
        var points = await db.CrossingPoints.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Effects).Where(d => d.PublishedAt != null).ToListAsync(cancellationToken);
        return BorderTimeline.Build(points.Select(p => p.ToDomain()), decisions.Select(d => d.ToDomain()));
    }
}

public static class Announcements
{
    /// <summary>The public notice of a published decision.</summary>
    public static AnnouncementRow For(DecisionRow decision) => new()
    {
        DecisionId = decision.Id,
        PublishedAt = decision.PublishedAt ?? throw new InvalidOperationException("Only a published decision is announced."),
        Title = decision.Title,
        Body = decision.Text,
    };
}
