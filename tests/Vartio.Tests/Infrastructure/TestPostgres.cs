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
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
