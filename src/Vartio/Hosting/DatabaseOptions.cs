using System.CommandLine;
using NodaTime;
using Vartio.Data;

namespace Vartio.Hosting;

/// <summary>
/// <c>--db PATH</c> and <c>--postgres CONN</c>, shared by every command that opens the database. Without
/// either, configuration decides (<c>Database__Provider</c>, <c>ConnectionStrings__Vartio</c>,
/// <c>Database__Path</c>), and the default is the SQLite file <c>vartio.db</c> in the current directory.
/// Only <c>serve</c> and a command given <c>--create</c> create a database that does not exist yet; a SQLite
/// file whose folder does not exist is an error for every command.
/// </summary>
public sealed class DatabaseOptions
{
    /// <param name="createsNew">Whether the command creates a missing database by itself (<c>serve</c>); the
    /// others take <c>--create</c>.</param>
    public DatabaseOptions(bool createsNew = false)
    {
        CreatesNew = createsNew;
        Db = new("--db")
        {
            Description = createsNew
                ? "SQLite database file (created, migrated and seeded when new; its folder must exist). Default: vartio.db"
                : "SQLite database file; it must exist unless --create is given. Default: vartio.db",
            HelpName = "PATH",
        };
    }

    public bool CreatesNew { get; }

    public Option<string> Db { get; }

    public Option<bool> Create { get; } = new("--create") { Description = "Create, migrate and seed the database if it does not exist yet" };

    public Option<string> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string, instead of SQLite", HelpName = "CONN" };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
        if (!CreatesNew)
        {
            command.Options.Add(Create);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(Db) is not null && result.GetResult(Postgres) is not null)
            {
                result.AddError("Give either --db or --postgres, not both.");
            }
        });
        Postgres.Validators.Add(result =>
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(result.GetValueOrDefault<string>());
            }
            catch (ArgumentException ex)
            {
                result.AddError($"--postgres: not a valid connection string ({ex.Message}). Example: \"Host=localhost;Database=vartio;Username=vartio;Password=...\"");
            }
        });
    }

    public DatabaseSettings Resolve(ParseResult parse, IConfiguration configuration)
    {
        if (parse.GetValue(Postgres) is { Length: > 0 } postgres)
        {
            return DatabaseSettings.Postgres(postgres);
        }

        if (parse.GetValue(Db) is { Length: > 0 } path)
        {
            return DatabaseSettings.SqliteFile(path);
        }

        var provider = configuration["Database:Provider"];
        var connection = configuration.GetConnectionString("Vartio");
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseSettings.Postgres(connection ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Vartio is not set."));
        }

        return connection is { Length: > 0 }
            ? new DatabaseSettings(DatabaseProvider.Sqlite, connection)
            : DatabaseSettings.SqliteFile(configuration["Database:Path"] ?? "vartio.db");
    }

    /// <summary>
    /// The database to use, or null after writing why it cannot be opened: a folder that does not exist, or
    /// no database and neither <c>serve</c> nor <c>--create</c> (exit code <see cref="ExitCodes.Failed"/>).
    /// </summary>
    public async Task<DatabaseSettings?> ResolveExistingAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = Resolve(parse, LoadConfiguration());
        var mayCreate = CreatesNew || parse.GetValue(Create);
        if (await Database.OpenProblemAsync(settings, mayCreate, cancellationToken) is { } problem)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(problem);
            return null;
        }

        return settings;
    }

    /// <summary>
    /// Opens the database, migrated and (when new) seeded; null after writing why it cannot be opened
    /// (<see cref="ResolveExistingAsync"/>).
    /// </summary>
    public async Task<VartioDbContext?> OpenAsync(ParseResult parse, IClock clock, CancellationToken cancellationToken)
    {
        if (await ResolveExistingAsync(parse, cancellationToken) is not { } settings)
        {
            return null;
        }

        var db = Database.Open(settings);
        try
        {
            await Database.PrepareAsync(db, clock, cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configuration as the server reads it: appsettings.json beside the executable, then the environment.</summary>
    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}
