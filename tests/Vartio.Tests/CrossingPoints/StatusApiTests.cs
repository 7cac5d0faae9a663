using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>The public status API over the seeded decisions (the crossing points and the Government's decisions of 2023–24, docs/DATA.md), on each database.</summary>
public abstract class StatusApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    [Fact]
    public async Task StatusOn20November2023_ShowsVaalimaaClosedAndVartiusReceivingAsylum()
    {
        var client = app.Anonymous();
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/status?at=2023-11-20T12:00%2B02:00", TestContext.Current.CancellationToken);

        Assert.Equal("2023-11-20T10:00:00Z", status.GetProperty("at").GetString());
        var points = status.GetProperty("crossingPoints").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        Assert.Equal(15, points.Count);
        var vaalimaa = points["VAA"];
        Assert.Equal("closed", vaalimaa.GetProperty("status").GetString());
        Assert.Equal(2, vaalimaa.GetProperty("decisionId").GetInt32());
        Assert.Equal("2023-11-17T22:00:00Z", vaalimaa.GetProperty("since").GetString());
        Assert.Equal("2023-12-13T22:00:00Z", vaalimaa.GetProperty("nextChange").GetProperty("at").GetString());
        Assert.Equal("open", vaalimaa.GetProperty("nextChange").GetProperty("status").GetString());
        var vartius = points["VAR"];
        Assert.Equal("open", vartius.GetProperty("status").GetString());
        Assert.True(vartius.GetProperty("receivesAsylumApplications").GetBoolean());
    }

    [Fact]
    public async Task StatusWithoutInstant_UsesTheClock()
    {
        var status = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/status", TestContext.Current.CancellationToken);
        Assert.Equal("2026-01-15T10:00:00Z", status.GetProperty("at").GetString());
        Assert.All(status.GetProperty("crossingPoints").EnumerateArray().Where(p => p.GetProperty("code").GetString() is "VAA" or "NII" or "RAJ"),
            p => Assert.Equal("closed", p.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2023-11-20T12:00")]
    [InlineData("2023-13-01T00:00Z")]
    public async Task StatusWithUnreadableInstant_IsBadRequestNamingTheField(string at)
    {
        var response = await app.Anonymous().GetAsync($"/api/v1/status?at={Uri.EscapeDataString(at)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("ISO 8601", problem.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("2201-01-01T00:00:00Z")]
    public async Task StatusAtAnInstantOutsideTheAcceptedYears_IsBadRequestNamingTheFieldAndTheRange(string at)
    {
        var response = await app.Anonymous().GetAsync($"/api/v1/status?at={Uri.EscapeDataString(at)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("1900 to 2200", problem.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("at:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPageAtAnInstantOutsideTheAcceptedYears_SaysSoAndShowsNow()
    {
        var response = await app.Anonymous().GetAsync("/?at=9999-12-31T23%3A59%3A59Z", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("outside what can be shown", page, StringComparison.Ordinal);
        Assert.Contains("1900 to 2200", page, StringComparison.Ordinal);
        Assert.Contains("Status now", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPageOn30November2023_CountsTheAirportAndHarbourApartFromTheLandBorder()
    {
        // Decision of 28 November 2023: the whole land border closed to passengers from 30 November; Helsinki's
        // airport and West Harbour stayed open (docs/DATA.md).
        var response = await app.Anonymous().GetAsync("/?at=2023-11-30T12%3A00%2B02%3A00", TestContext.Current.CancellationToken);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not received at any land crossing point", page, StringComparison.Ordinal);
        // The leisure-boat crossing points closed only in April 2024 (decision 9).
        Assert.Contains("At sea and air crossing points: Haapasaari, Nuijamaa port (Saimaa canal), Santio, Helsinki Airport, Helsinki West Harbour.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossingPoints_ListsTheSeededBorderSouthToNorthThenHelsinki()
    {
        var points = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/crossing-points", TestContext.Current.CancellationToken);
        Assert.Equal(
            ["VAA", "VAI", "NUI", "IMA", "PAR", "NII", "VAR", "KUU", "SAL", "RAJ", "HAA", "NUP", "SAN", "HEL", "HWH"],
            points.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var niirala = points.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "NII");
        Assert.Equal("Värtsilä", niirala.GetProperty("neighbourName").GetString());
        Assert.Equal("Europe/Helsinki", niirala.GetProperty("timeZone").GetString());
        Assert.Equal(62.12, niirala.GetProperty("latitude").GetDouble());

        // The Finnish Border Guard's districts; Helsinki's airport and West Harbour in the Gulf of Finland Coast Guard District's.
        var sections = points.EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("section").GetString());
        Assert.Equal("North Karelia", sections["NII"]);
        Assert.Equal("South-East Finland", sections["HAA"]);
        Assert.Equal("Kainuu", sections["VAR"]);
        Assert.Equal("Lapland", sections["RAJ"]);
        Assert.Equal("Gulf of Finland", sections["HWH"]);
    }

    [Fact]
    public async Task CrossingPointByCode_IsCaseInsensitive_AndUnknownIsNotFound()
    {
        var client = app.Anonymous();
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/v1/crossing-points/var", TestContext.Current.CancellationToken);
        Assert.Equal("Vartius", detail.GetProperty("crossingPoint").GetProperty("name").GetString());
        // Closed to every traffic since 30 November 2023, freight trains included (DOMAIN.md §3, decision of 2023-11-28).
        Assert.Equal("closed", detail.GetProperty("status").GetProperty("status").GetString());

        var missing = await client.GetAsync("/api/v1/crossing-points/XYZ", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_ReportsTheDatabaseHealthy()
    {
        var response = await app.Anonymous().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        foreach (var path in new[] { "/", "/api/v1/status", "/login", "/feeds/announcements.atom" })
        {
            var response = await app.Anonymous().GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }
}

public sealed class StatusApiOnSqlite(SqliteApp app) : StatusApiTests<SqliteApp>(app);

public sealed class StatusApiOnPostgres(PostgresApp app) : StatusApiTests<PostgresApp>(app);
