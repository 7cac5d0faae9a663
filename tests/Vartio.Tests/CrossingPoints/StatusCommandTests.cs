using System.Text.Json;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.CrossingPoints;

/// <summary><c>vartio status</c> against a database it creates (<c>--create</c>), migrates and seeds itself.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task StatusJson_OnAFreshSqliteFile_AnswersFromTheSeededData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-cli-{Guid.NewGuid():N}.db");
        try
        {
            var (exit, output, error) = await RunAsync("status", "--db", path, "--create", "--at", "2023-11-20T12:00+02:00", "--json");
            Assert.True(exit == 0, error);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal("2023-11-20T10:00:00Z", json.GetProperty("at").GetString());
            var points = json.GetProperty("crossingPoints").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
            Assert.Equal("closed", points["VAA"].GetProperty("status").GetString());
            Assert.Equal("Vaalimaa", points["VAA"].GetProperty("name").GetString());
            Assert.True(points["VAR"].GetProperty("receivesAsylumApplications").GetBoolean());
            foreach (var key in new[] { "code", "name", "status", "receivesAsylumApplications", "decisionId", "since", "until", "nextChange" })
            {
                Assert.True(points["SAL"].TryGetProperty(key, out _), $"missing key {key}");
            }

            Assert.Equal("2023-11-23T22:00:00Z", points["SAL"].GetProperty("nextChange").GetProperty("at").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StatusTable_NamesEveryCrossingPoint()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-cli-{Guid.NewGuid():N}.db");
        try
        {
            var (exit, output, _) = await RunAsync("status", "--db", path, "--create", "--at", "2023-12-14T09:00+02:00");
            Assert.Equal(0, exit);
            Assert.Contains("Niirala", output, StringComparison.Ordinal);
            Assert.Contains("Raja-Jooseppi", output, StringComparison.Ordinal);
            Assert.Contains("Decision 5: Vaalimaa and Niirala reopen", output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StatusJson_OnPostgres_AnswersFromTheSeededData()
    {
        var (admin, name, settings, reason) = await TestPostgres.CreateDatabaseAsync();
        if (settings is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), reason);
            Assert.Skip(reason!);
        }

        try
        {
            var (exit, output, error) = await RunAsync("status", "--postgres", settings.ConnectionString, "--at", "2023-12-15T20:00+02:00", "--json");
            Assert.True(exit == 0, error);
            var points = JsonDocument.Parse(output).RootElement.GetProperty("crossingPoints").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
            Assert.Equal("closed", points["NII"].GetProperty("status").GetString());
            Assert.Equal(6, points["NII"].GetProperty("decisionId").GetInt32());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(admin, name);
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2023-11-20T12:00")]
    public async Task UnreadableAt_ExitsTwoNamingTheFormat(string at)
    {
        var (exit, output, error) = await RunAsync("status", "--db", "unused.db", "--at", at);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("ISO 8601 with an offset or Z", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("-9998-01-01T00:00Z")]
    public async Task AtOutsideTheAcceptedYears_ExitsTwoNamingTheRange(string at)
    {
        var (exit, output, error) = await RunAsync("status", "--db", "unused.db", "--at", at);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("1900 to 2200", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoWithAMessage()
    {
        var (exit, _, error) = await RunAsync("status", "--bogus");
        Assert.Equal(2, exit);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsOneWithAMessageAndNoStackTrace()
    {
        // Nothing listens on port 1 of the loopback address.
        var (exit, output, error) = await RunAsync("status", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("The database could not be used:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConnectionString_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("status", "--postgres", "garbage");
        Assert.Equal(2, exit);
        Assert.Contains("--postgres: not a valid connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothDatabases_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("status", "--db", "x.db", "--postgres", "Host=nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("either --db or --postgres", error, StringComparison.Ordinal);
    }
}
