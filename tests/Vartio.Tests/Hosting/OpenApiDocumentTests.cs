using System.Text.Json;
using System.Text.Json.Nodes;
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
}
