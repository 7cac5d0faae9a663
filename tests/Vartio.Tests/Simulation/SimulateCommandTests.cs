using Microsoft.EntityFrameworkCore;
using Vartio.Data;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Simulation;

/// <summary><c>vartio simulate</c>: the same seed gives the same records; bad options exit with 2 naming the option.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"vartio-simulate-{Guid.NewGuid():N}");

    public SimulateCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>17–18 November 2023: traffic before and after the closures, and arrivals in the south-east and at Vartius.</summary>
    private static string[] Short(string db, int seed) =>
        ["simulate", "--scenario", "autumn-2023", "--from", "2023-11-17", "--to", "2023-11-18", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scale", "0.005", "--db", db, "--create"];

    /// <summary>What was recorded, without the ids (new ones each time) but with every instant, place, name and decision.</summary>
    private static async Task<List<string>> ContentAsync(string path)
    {
        await using var db = Database.Open(DatabaseSettings.SqliteFile(path));
        var ct = TestContext.Current.CancellationToken;
        var checks = await db.Checks.AsNoTracking().Join(db.TravelDocuments, c => c.DocumentId, d => d.Id, (c, d) => new { c.At, c.CrossingPointCode, c.Direction, c.ProposedOutcome, c.FinalOutcome, c.FinalRefusalReasons, d.NormalisedNumber, d.PrimaryIdentifier, d.Nationality }).ToListAsync(ct);
        var records = await db.BorderRecords.AsNoTracking().Select(r => new { r.At, r.CrossingPointCode, r.Kind, r.AuthorisedStayUntil }).ToListAsync(ct);
        var applications = await db.AsylumApplications.AsNoTracking().Select(a => new { a.At, a.CrossingPointCode, a.Ordinal, a.Name, a.BirthDate, a.Nationality, a.Sex, a.ArrivedBy, a.UnaccompaniedMinor, a.Received }).ToListAsync(ct);
        return [.. checks.Select(c => c.ToString()!).Concat(records.Select(r => r.ToString()!)).Concat(applications.Select(a => a.ToString()!)).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameRecordsAndAnotherSeedOthers()
    {
        var (exit1, output1, error1) = await RunAsync(Short(PathOf("a.db"), 42));
        var (exit2, _, _) = await RunAsync(Short(PathOf("b.db"), 42));
        var (exit3, _, _) = await RunAsync(Short(PathOf("c.db"), 43));

        Assert.True(exit1 == 0, error1);
        Assert.Equal(0, exit2);
        Assert.Equal(0, exit3);
        var first = await ContentAsync(PathOf("a.db"));
        Assert.True(first.Count > 100, $"{first.Count} rows");
        Assert.Equal(first, await ContentAsync(PathOf("b.db")));
        Assert.NotEqual(first, await ContentAsync(PathOf("c.db")));
        Assert.Contains("records per second", output1, StringComparison.Ordinal);
        // Not a terminal here: plain progress lines on standard error.
        Assert.Contains("simulate: 2023-11-18 done (2/2 days)", error1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseThatHoldsRecordsIsFilledOnlyWithAppend()
    {
        var path = PathOf("full.db");
        string[] day = ["simulate", "--scenario", "autumn-2023", "--from", "2023-11-01", "--to", "2023-11-01", "--scale", "0.002", "--db", path];
        Assert.Equal(0, (await RunAsync([.. day, "--create"])).Exit);

        var (exit, output, error) = await RunAsync(day);
        var (appended, _, _) = await RunAsync([.. day, "--seed", "2", "--append"]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("--append", error, StringComparison.Ordinal);
        Assert.Equal(0, appended);
    }

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--scenario", "spring-2024"], "--scenario" },
        { ["--scenario", "autumn-2023", "--from", "2023-11-20", "--to", "2023-11-19"], "--to" },
        { ["--scenario", "autumn-2023", "--from", "20.11.2023"], "--from" },
        { ["--scenario", "normal-year", "--scale", "0"], "--scale" },
        { ["--scenario", "normal-year", "--scale", "2"], "--scale" },
        { ["--scenario", "normal-year", "--db", "x.db", "--postgres", "Host=localhost"], "--db or --postgres" },
        { [], "--scenario" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task BadOptionsExitWithTwoNamingTheOptionAndTouchNothing(string[] options, string named)
    {
        var (exit, output, error) = await RunAsync(["simulate", .. options, "--db", PathOf("never.db"), "--create"]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("never.db")));
    }
}
