using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Hosting;

/// <summary>What any HTTP client may expect of every endpoint (RFC 9110): HEAD, challenges, readable refusals.</summary>
public abstract class HttpProtocolTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/status", "application/json")]
    [InlineData("/api/v1/crossing-points/VAA", "application/json")]
    [InlineData("/api/v1/decisions", "application/json")]
    [InlineData("/feeds/announcements.atom", "application/atom+xml")]
    [InlineData("/", "text/html")]
    public async Task Head_AnswersLikeGetWithoutABody(string path, string mediaType)
    {
        // RFC 9110 §9.3.2: HEAD is GET without the content.
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var response = await app.Anonymous().SendAsync(head, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Head_OnAResourceThatDoesNotExist_IsNotFound()
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, "/api/v1/crossing-points/XYZ");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().SendAsync(head, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/decisions")]
    [InlineData("GET", "/api/v1/subscriptions")]
    [InlineData("GET", "/api/v1/decisions/1/preview")]
    public async Task ApiWithoutCredentials_IsUnauthorizedWithAChallengeAndHowToAuthenticate(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        var response = await app.Anonymous().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("/login", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_IsBadRequestSayingWhereTheBodyWentWrong()
    {
        var response = await app.Anonymous().PostAsync("/api/v1/stays/assess",
            new StringContent("{\n  \"stays\": [\n    {\"entry\": \"2025-01-01\",, }\n  ]\n}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("Line 3, position ", detail, StringComparison.Ordinal);
        Assert.Contains("$.stays[0]", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonOfTheWrongType_IsBadRequestNamingTheField()
    {
        var response = await app.Anonymous().PostAsync("/api/v1/stays/assess",
            new StringContent("{\"stays\": [], \"on\": 20250101}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.on", out _));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task MissingBody_IsBadRequestWithADetail()
    {
        var response = await app.Anonymous().PostAsync("/api/v1/stays/assess", null, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"{response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }
}

public sealed class HttpProtocolOnSqlite(SqliteApp app) : HttpProtocolTests<SqliteApp>(app);

public sealed class HttpProtocolOnPostgres(PostgresApp app) : HttpProtocolTests<PostgresApp>(app);

/// <summary>
/// Request size limits, on the real server (Kestrel applies them as the body is read; the in-memory test
/// server has none): each endpoint's limit holds, and the watchlist import keeps its own larger one.
/// </summary>
public sealed class RequestLimitTests(RequestLimitTests.App app) : IClassFixture<RequestLimitTests.App>
{
    public sealed class App : SqliteApp
    {
        protected override bool RealSocket => true;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A client that asks before sending a body (<c>Expect: 100-continue</c>, as curl does for large bodies), so
    /// that a refusal before the body is read reaches it instead of a connection closed mid-upload.
    /// </summary>
    private HttpClient Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.ExpectContinue = true;

        // Signed-in writes must show they come from Vartio's own pages, as a browser's do.
        client.DefaultRequestHeaders.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        return client;
    }

    [Fact]
    public async Task AnonymousStayRequestOf27Megabytes_IsRefusedWith413ProblemDetails()
    {
        using var client = Client();
        var body = Encoding.UTF8.GetBytes("{\"stays\": [], \"on\": \"2025-01-01\", \"padding\": \"" + new string('x', 27_000_000) + "\"}");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/v1/stays/assess", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("1048576 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionWithATenMegabyteTitle_IsRefusedWith413()
    {
        using var client = Client();
        await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Decider), VartioApp.PasswordOf(Roles.Decider));
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = new string('T', 10_000_000),
            effects = new[] { new { crossingPoint = "NUP", status = "closed", from = "2045-01-01T00:00", traffic = new[] { "goods" } } },
        }));
        content.Headers.ContentType = new("application/json");
        var response = await client.PostAsync("/api/v1/decisions", content, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TwoThousandIdenticalEffects_AreRefusedWithOneBoundedProblem()
    {
        using var client = Client();
        await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Decider), VartioApp.PasswordOf(Roles.Decider));
        var effect = new { crossingPoint = "NUP", status = "closed", from = "2045-01-01T00:00", traffic = new[] { "goods" } };
        var response = await client.PostAsJsonAsync("/api/v1/decisions", new { title = "Many", effects = Enumerable.Repeat(effect, 2_000) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(body.Length < 4_096, $"{body.Length} bytes");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Contains("at most 500", problem.GetProperty("errors").GetProperty("effects")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchlistImportLargerThanTheDefaultLimit_IsNotRefusedForItsSize()
    {
        using var client = Client();
        await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Admin), VartioApp.PasswordOf(Roles.Admin));
        var csv = new StringBuilder("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n");
        for (var i = 0; csv.Length < 2 * RequestLimits.DefaultMaxBodyBytes; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"R-{i},refusal-of-entry,Person Number {i},,1970,FIN,,test list,,\n");
        }

        var response = await client.PostAsync("/api/v1/watchlists/limits/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
