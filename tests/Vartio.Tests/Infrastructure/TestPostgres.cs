using Npgsql;
using Vartio.Data;

namespace Vartio.Tests.Infrastructure;

public static class TestPostgres
{
    public const string Variable = "VARTIO_TEST_POSTGRES";

    /// <summary>Creates an empty database for one fixture; returns why not when no server is configured.</summary>
    public static async Task<(string? Admin, string? Name, DatabaseSettings? Settings, string? Reason)> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return (null, null, null, $"PostgreSQL tests need {Variable} (a connection string to a server where the role may create databases).");
        }

        var name = $"vartio_t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return (admin, name, DatabaseSettings.Postgres(builder.ConnectionString), null);
    }

    public static async Task DropDatabaseAsync(string? admin, string? name)
    {
        if (admin is null || name is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        // WITH (FORCE) ends the database's sessions but waits only five seconds for them to go; on a machine
        // busy with the other suites running beside this one, a session may take longer, and the server says
        // the database is still in use (55006). A few tries give it the time.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 4)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
