using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Stays;

/// <summary>POST /api/v1/stays/assess: public, stores nothing, explains itself, names the field at fault.</summary>
public abstract class StayApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private const string Assess = "/api/v1/stays/assess";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnyoneCanAssessTheSwissExampleInBothModes()
    {
        var client = app.Anonymous();

        // Swiss State Secretariat for Migration, worked examples: two stays, control at the last exit; one
        // stay, planned entry on 1 January 2015.
        var control = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2014-08-15", exit = "2014-09-30" }, new { entry = "2014-11-01", exit = "2014-11-30" } },
            on = "2014-11-30",
        }, Ct);
        var plan = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2014-08-15", exit = "2014-09-30" } },
            entry = "2015-01-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        using var controlJson = JsonDocument.Parse(await control.Content.ReadAsStringAsync(Ct));
        var c = controlJson.RootElement.GetProperty("control");
        Assert.Equal(77, c.GetProperty("daysUsed").GetInt32());
        Assert.True(c.GetProperty("lawful").GetBoolean());
        Assert.Equal("2014-12-13", c.GetProperty("latestExit").GetString());
        Assert.Equal("2014-06-04", c.GetProperty("windowStart").GetString());
        Assert.Equal(2, c.GetProperty("counted").GetArrayLength());
        Assert.Equal(47, c.GetProperty("counted")[0].GetProperty("days").GetInt32());
        Assert.NotEmpty(c.GetProperty("explanation").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, controlJson.RootElement.GetProperty("plan").ValueKind);
        Assert.Contains("Art. 6(1)", controlJson.RootElement.GetProperty("rule").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        using var planJson = JsonDocument.Parse(await plan.Content.ReadAsStringAsync(Ct));
        var p = planJson.RootElement.GetProperty("plan");
        Assert.Equal(90, p.GetProperty("maxDays").GetInt32());
        Assert.Equal("2015-03-31", p.GetProperty("latestExit").GetString());
        Assert.Equal("2015-01-01", p.GetProperty("fullStayFrom").GetString());
        Assert.Equal("2015-04-01", p.GetProperty("limitDay").GetString());
    }

    [Fact]
    public async Task DaysUnderAResidencePermitAreNotCounted()
    {
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2024-01-01", exit = (string?)null } },
            excluded = new[] { new { from = "2024-02-01", to = "2024-02-20" } },
            on = "2024-04-09",
        }, Ct);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var control = json.RootElement.GetProperty("control");
        Assert.Equal(80, control.GetProperty("daysUsed").GetInt32());
        Assert.True(control.GetProperty("present").GetBoolean());
        Assert.Equal(20, control.GetProperty("notCounted")[0].GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task AnUnreadableDateIsAProblemNamingItsField()
    {
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2024-01-01", exit = "2024-01-05" }, new { entry = "5.2.2024", exit = "2024-02-10" } },
            on = "2024-03-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("5.2.2024", errors.GetProperty("stays[1].entry")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlappingStaysAreRejectedNamingTheStay()
    {
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2024-01-01", exit = "2024-01-20" }, new { entry = "2024-01-15", exit = "2024-02-01" } },
            on = "2024-03-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var message = json.RootElement.GetProperty("errors").GetProperty("stays[1]")[0].GetString();
        Assert.Contains("overlaps the stay 2024-01-01 – 2024-01-20", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("control", "--on", "on")]
    [InlineData("plan", "--entry", "entry")]
    public async Task TheCommandLinePrintsExactlyTheApiResponse(string mode, string option, string member)
    {
        // The Swiss example with 1–10 September 2014 under a residence permit: counted, not-counted and
        // explained runs all appear in both answers.
        var client = app.Anonymous();
        var date = mode == "control" ? "2014-11-30" : "2015-01-01";
        var response = await client.PostAsJsonAsync(Assess, new Dictionary<string, object>
        {
            ["stays"] = new[] { new { entry = "2014-08-15", exit = "2014-09-30" }, new { entry = "2014-11-01", exit = "2014-11-30" } },
            ["excluded"] = new[] { new { from = "2014-09-01", to = "2014-09-10" } },
            [member] = date,
        }, Ct);
        var file = Path.Combine(Path.GetTempPath(), $"vartio-stays-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "2014-08-15 2014-09-30\n2014-11-01 2014-11-30\n", Ct);
        try
        {
            var (code, output, _) = await Cli.RunAsync("stay", mode, option, date, "--stays", file, "--exclude", "2014-09-01..2014-09-10", "--json");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, code);
            var api = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
            var cli = JsonNode.Parse(output);
            Assert.True(JsonNode.DeepEquals(api, cli), $"API: {api}\nCLI: {cli}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EveryProblemIsListedWithItsFieldAndInTheDetail()
    {
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync(Assess, new
        {
            stays = new[] { new { entry = "2024-01-01", exit = "2024-01-20" }, new { entry = "2024-01-15", exit = "2024-02-01" } },
            on = "2024-03-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("The stays cannot be assessed", json.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("stays[1]: The stay 2024-01-15 – 2024-02-01 overlaps", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("stays[1]", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task ARequestWithoutADateIsRejected()
    {
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync(Assess, new { stays = Array.Empty<object>() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("on", out _));
    }
}

public sealed class StayApiOnSqlite(SqliteApp app) : StayApiTests<SqliteApp>(app);

public sealed class StayApiOnPostgres(PostgresApp app) : StayApiTests<PostgresApp>(app);
