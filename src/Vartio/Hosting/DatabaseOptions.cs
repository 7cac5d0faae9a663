using System.CommandLine;
using Vartio.Data;

namespace Vartio.Hosting;

/// <summary>
/// <c>--db PATH</c> and <c>--postgres CONN</c>, shared by every command that opens the database. Without
/// either, configuration decides (<c>Database__Provider</c>, <c>ConnectionStrings__Vartio</c>,
/// <c>Database__Path</c>), and the default is the SQLite file <c>vartio.db</c> in the current directory.
/// </summary>
public sealed class DatabaseOptions
{
    public Option<string> Db { get; } = new("--db") { Description = "SQLite database file (created, migrated and seeded when new). Default: vartio.db", HelpName = "PATH" };

    public Option<string> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string, instead of SQLite", HelpName = "CONN" };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
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

    /// <summary>Configuration as the server reads it: appsettings.json beside the executable, then the environment.</summary>
    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}
