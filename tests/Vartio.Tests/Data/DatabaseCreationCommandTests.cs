using Npgsql;
using Vartio.Tests.Infrastructure;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Data;

/// <summary>
/// Which commands may create a database: a mistyped path is an error for every command, and only
/// <c>serve</c> and <c>--create</c> make a new database.
/// </summary>
public sealed class DatabaseCreationCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"vartio-create-{Guid.NewGuid():N}");

    public DatabaseCreationCommandTests() => Directory.CreateDirectory(folder);

    public static TheoryData<string[]> CommandsThatOpenADatabase => new()
    {
        { ["status"] },
        { ["audit", "verify"] },
        { ["audit", "list"] },
        { ["users", "list"] },
        { ["tokens", "list"] },
    };

    [Theory]
    [MemberData(nameof(CommandsThatOpenADatabase))]
    public async Task AFolderThatDoesNotExistIsAnErrorNamingThePathAndNothingIsCreated(string[] command)
    {
        var missing = Path.Combine(folder, "no", "such", "dir");
        var path = Path.Combine(missing, "x.db");

        var (exit, output, error) = await RunAsync([.. command, "--db", path, "--create"]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "no")));
    }

    [Theory]
    [MemberData(nameof(CommandsThatOpenADatabase))]
    public async Task AMissingFileWithoutCreateIsAnErrorSayingHowToCreateIt(string[] command)
    {
        var path = Path.Combine(folder, "x.db");

        var (exit, output, error) = await RunAsync([.. command, "--db", path]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("--create", error, StringComparison.Ordinal);
        Assert.Contains("vartio serve", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ImportIntoAMissingFileWithoutCreateIsAnError()
    {
        var path = Path.Combine(folder, "x.db");
        var list = Path.Combine(folder, "list.csv");
        await File.WriteAllTextAsync(list, "id,name\n1,Ivan Petrov\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await RunAsync("import", "watchlist", list, "--list", "national", "--db", path);

        Assert.Equal(1, exit);
        Assert.Contains("--create", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task CreateMakesASeededDatabaseThatLaterCommandsOpen()
    {
        var path = Path.Combine(folder, "x.db");

        var (created, _, createError) = await RunAsync("status", "--db", path, "--create", "--at", "2023-11-20T12:00+02:00");
        var (again, output, error) = await RunAsync("status", "--db", path, "--at", "2023-11-20T12:00+02:00");

        Assert.True(created == 0, createError);
        Assert.True(again == 0, error);
        Assert.Contains("Vaalimaa", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeInAFolderThatDoesNotExistIsAnError()
    {
        var path = Path.Combine(folder, "no", "x.db");

        var (exit, _, error) = await RunAsync("serve", "--db", path);

        Assert.Equal(1, exit);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "no")));
    }

    [Fact]
    public async Task AMissingPostgresDatabaseWithoutCreateIsAnError()
    {
        var admin = Environment.GetEnvironmentVariable(TestPostgres.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "no PostgreSQL");
            Assert.Skip($"PostgreSQL tests need {TestPostgres.Variable}.");
        }

        var name = $"vartio_t_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var (exit, _, error) = await RunAsync("status", "--postgres", connection);

            Assert.Equal(1, exit);
            Assert.Contains(name, error, StringComparison.Ordinal);
            Assert.Contains("--create", error, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(admin, name);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
