using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Hosting;

public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string UpdateVariable = "VARTIO_UPDATE_OPENAPI";

    /// <summary>
    /// The committed API reference is the document the server serves. After changing the API, run the
    /// tests once with VARTIO_UPDATE_OPENAPI=1 to rewrite docs/openapi.json, and commit it.
    /// </summary>
    [Fact]
    public async Task ServedDocument_MatchesTheCommittedOne()
    {
        var served = await app.Anonymous().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var formatted = JsonNode.Parse(served)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(Repository.Root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, formatted, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"docs/openapi.json is missing; run the tests with {UpdateVariable}=1 to write it.");
        var committed = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            $"docs/openapi.json differs from the served /openapi/v1.json; run the tests with {UpdateVariable}=1 and commit the result.");
    }

    [Fact]
    public async Task Document_DescribesInstantsAsDateTimeStrings()
    {
        var document = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal("#/components/schemas/Instant", schemas["StatusResponse"]!["properties"]!["at"]!["$ref"]!.GetValue<string>());
        Assert.Equal("string", schemas["Instant"]!["type"]!.GetValue<string>());
        Assert.Equal("date-time", schemas["Instant"]!["format"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/v1/status"]);
        Assert.NotNull(document["paths"]!["/api/v1/decisions/{id}/publish"]);
    }

    /// <summary>
    /// Closed sets of words are enums in the document, so generated clients get union types. The expected words
    /// are the API's own, as docs/API.md lists them for a decision's effects.
    /// </summary>
    [Fact]
    public async Task ClosedSetsOfWords_AreEnums()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        string[] traffic = ["passengers", "goods", "railFreight", "railPassengers", "leisureBoats"];

        Assert.Equal(traffic, Words(schemas["EffectRequest"]!["properties"]!["traffic"]!["items"]!));
        Assert.Equal(traffic, Words(schemas["EffectResponse"]!["properties"]!["traffic"]!["items"]!));
        Assert.Equal(traffic, Words(schemas["TrafficStatusResponse"]!["properties"]!["traffic"]!));
        Assert.Equal(["open", "closed", "restricted"], Words(schemas["EffectRequest"]!["properties"]!["status"]!));
        Assert.Equal(["draft", "published"], Words(schemas["DecisionResponse"]!["properties"]!["state"]!));
        Assert.Equal(["refusal-of-entry", "wanted-person", "lost-or-stolen-document"], Words(schemas["HitJson"]!["properties"]!["kind"]!));
    }

    /// <summary>
    /// A real 409 for a decision that overlaps a published one (the seeded decision 9 closes Vaalimaa until
    /// further notice) carries every member its documented schema requires.
    /// </summary>
    [Fact]
    public async Task DecisionConflict_CarriesEveryMemberItsSchemaRequires()
    {
        var document = await DocumentAsync();
        var conflict = document["paths"]!["/api/v1/decisions"]!["post"]!["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/DecisionConflictProblemDetails", conflict["$ref"]!.GetValue<string>());

        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", new
        {
            decidedOn = "2032-12-01",
            title = "Reopen Vaalimaa in 2033",
            text = "Overlaps the closure until further notice.",
            effects = new[] { new { crossingPoint = "VAA", status = "open", from = "2033-01-01T00:00", until = "2033-02-01T00:00" } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var required = Required(document, "DecisionConflictProblemDetails");
        Assert.Superset(new HashSet<string> { "problems", "conflictingDecisions" }, required);
        Assert.All(required, member => Assert.True(body.TryGetProperty(member, out _), $"{member} is missing"));
        var problem = body.GetProperty("problems")[0];
        Assert.All(Required(document, "InputProblem"), member => Assert.True(problem.TryGetProperty(member, out _), $"problems[0].{member} is missing"));

        // A decision is not read as lines: its problems have no line or position, absent rather than null.
        Assert.False(problem.TryGetProperty("line", out _));
        Assert.False(problem.TryGetProperty("position", out _));
    }

    /// <summary>
    /// A real 422 for a faulty zone carries every member its documented schema requires: the problem details'
    /// and every field of a valid zone's response. The zone is ICAO Doc 9303 Part 4's specimen with the check
    /// digit of the document number changed (6 to 7).
    /// </summary>
    [Fact]
    public async Task InvalidZone_CarriesEveryMemberItsSchemaRequires()
    {
        var document = await DocumentAsync();
        var unprocessable = document["paths"]!["/api/v1/documents/mrz"]!["post"]!["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/MrzProblemDetails", unprocessable["$ref"]!.GetValue<string>());

        var officer = await app.As(Roles.Officer);
        var response = await officer.PostAsJsonAsync("/api/v1/documents/mrz", new
        {
            lines = new[] { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C37UTO7408122F1204159ZE184226B<<<<<10" },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var required = Required(document, "MrzProblemDetails");
        Assert.Contains("problems", required);
        Assert.Contains("documentNumber", required);
        Assert.All(required, member => Assert.True(body.TryGetProperty(member, out _), $"{member} is missing"));
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

    private static string[] Words(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    /// <summary>The members a component schema requires, through its allOf references.</summary>
    private static HashSet<string> Required(JsonNode document, string name)
    {
        var schema = document["components"]!["schemas"]![name]!;
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (schema["allOf"]?.AsArray() ?? [schema.DeepClone()]))
        {
            if (part!["$ref"] is { } reference)
            {
                required.UnionWith(Required(document, reference.GetValue<string>().Split('/')[^1]));
            }

            required.UnionWith(part["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []);
        }

        return required;
    }
}
