using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>What a webhook subscription stores is text like any other: no control characters, bounded length.</summary>
public abstract class SubscriptionTextTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("\0", "U+0000")]
    [InlineData("\v", "U+000B")]
    [InlineData("\a", "U+0007")]
    public async Task ControlCharacterInTheDescription_IsRefusedNamingTheField_AndNothingIsStored(string character, string codePoint)
    {
        var admin = await app.As(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = "https://receiver.example/hook", description = $"Neighbour{character}authority" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(codePoint, problem.GetProperty("errors").GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions", Ct);
        Assert.DoesNotContain(stored.EnumerateArray(), s => s.GetProperty("description").GetString()!.StartsWith("Neighbour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverlongUrlOrDescription_IsRefusedNamingTheField()
    {
        var admin = await app.As(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/subscriptions",
            new { url = "https://receiver.example/" + new string('a', 5_000), description = new string('d', 201) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("2000", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("200", errors.GetProperty("description")[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class SubscriptionTextOnSqlite(SqliteApp app) : SubscriptionTextTests<SqliteApp>(app);

public sealed class SubscriptionTextOnPostgres(PostgresApp app) : SubscriptionTextTests<PostgresApp>(app);
