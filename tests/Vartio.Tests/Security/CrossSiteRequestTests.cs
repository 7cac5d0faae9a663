using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

/// <summary>
/// Cookie-authenticated API writes need proof they come from Vartio's own pages (Origin, Sec-Fetch-Site or
/// an anti-forgery header) and a JSON body. A foreign site's form or script gets 403 and changes nothing;
/// bearer-token clients are not affected.
/// </summary>
public abstract partial class CrossSiteRequestTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int nextYear = 2040;

    /// <summary>A draft that overlaps no other: each in a year of its own.</summary>
    private static object Draft(string title)
    {
        var year = Interlocked.Increment(ref nextYear);
        return new
        {
            title,
            text = "Test.",
            effects = new[] { new { crossingPoint = "NUP", status = "closed", traffic = new[] { "goods" }, from = $"{year}-06-01T00:00", until = $"{year}-07-01T00:00" } },
        };
    }

    /// <summary>The Decider signed in on a client that sends no Origin, as a program with a copied cookie would.</summary>
    private async Task<HttpClient> DeciderWithoutOriginAsync()
    {
        var client = app.Anonymous();
        await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Decider), VartioApp.PasswordOf(Roles.Decider));
        client.DefaultRequestHeaders.Remove("Origin");
        return client;
    }

    [Fact]
    public async Task PublishingWithATextBodyFromAnotherSite_IsRefused_AndTheDecisionStaysADraft()
    {
        var decider = await app.As(Roles.Decider);
        var id = await CreateDraftAsync(decider);

        using var plain = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/decisions/{id}/publish") { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        plain.Headers.Add("Origin", "https://evil.example");
        await AssertRefusedAsync(await decider.SendAsync(plain, Ct));

        // A form posted from another site: form-encoded, foreign Origin, cross-site fetch metadata.
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/decisions/{id}/publish") { Content = new FormUrlEncodedContent([]) };
        form.Headers.Add("Origin", "null");
        form.Headers.Add("Sec-Fetch-Site", "cross-site");
        await AssertRefusedAsync(await decider.SendAsync(form, Ct));

        var decision = await decider.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{id}", Ct);
        Assert.Equal("draft", decision.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ATextBodyFromTheOwnOrigin_IsUnsupported_AndTheDecisionStaysADraft()
    {
        var decider = await app.As(Roles.Decider);
        var id = await CreateDraftAsync(decider);
        using var plain = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/decisions/{id}/publish") { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await decider.SendAsync(plain, Ct)).StatusCode);
        var decision = await decider.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{id}", Ct);
        Assert.Equal("draft", decision.GetProperty("state").GetString());
    }

    [Fact]
    public async Task JsonFromAnotherOrigin_IsRefused()
    {
        var decider = await app.As(Roles.Decider);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/decisions") { Content = JsonContent.Create(Draft("From elsewhere")) };
        request.Headers.Add("Origin", "http://localhost.evil.example");
        await AssertRefusedAsync(await decider.SendAsync(request, Ct));
    }

    [Fact]
    public async Task AWriteThatDoesNotSayWhereItComesFrom_IsRefused()
    {
        using var decider = await DeciderWithoutOriginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/decisions") { Content = JsonContent.Create(Draft("No origin")) };
        await AssertRefusedAsync(await decider.SendAsync(request, Ct));
    }

    [Fact]
    public async Task OwnPages_PassBySecFetchSite_OrByTheAntiforgeryHeader()
    {
        using var decider = await DeciderWithoutOriginAsync();
        using var bySite = new HttpRequestMessage(HttpMethod.Post, "/api/v1/decisions") { Content = JsonContent.Create(Draft("Same origin")) };
        bySite.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await decider.SendAsync(bySite, Ct)).StatusCode);

        // The token every signed-in page carries in its sign-out form.
        var page = await decider.GetStringAsync("/", Ct);
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        Assert.NotEmpty(token);
        using var byToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/decisions") { Content = JsonContent.Create(Draft("With token")) };
        byToken.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Created, (await decider.SendAsync(byToken, Ct)).StatusCode);

        using var badToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/decisions") { Content = JsonContent.Create(Draft("Forged token")) };
        badToken.Headers.Add("RequestVerificationToken", "forged");
        await AssertRefusedAsync(await decider.SendAsync(badToken, Ct));
    }

    [Fact]
    public async Task SameOriginPublishWithoutABody_IsAccepted()
    {
        var decider = await app.As(Roles.Decider);
        var id = await CreateDraftAsync(decider);
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task AnEndpointThatTakesCsv_AcceptsItFromTheOwnOrigin_NotFromAnother()
    {
        var admin = await app.As(Roles.Admin);
        var csv = "name,birth_date,nationality\nTest Person,1970-01-01,FIN\n";
        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/watchlists/csrf-test/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        Assert.NotEqual(HttpStatusCode.Forbidden, (await admin.SendAsync(own, Ct)).StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/v1/watchlists/csrf-test/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        foreign.Headers.Add("Origin", "https://evil.example");
        await AssertRefusedAsync(await admin.SendAsync(foreign, Ct));
    }

    [Fact]
    public async Task BearerTokens_AreNotAffected()
    {
        var token = (await app.WithAccountsAsync(a => a.CreateTokenAsync("user:test-admin", "csrf-decider", Roles.Decider, [], 1, Ct))).Token!;
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("Origin", "https://elsewhere.example");
        var created = await client.PostAsJsonAsync("/api/v1/decisions", Draft("By token"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static async Task<int> CreateDraftAsync(HttpClient decider)
    {
        var created = await decider.PostAsJsonAsync("/api/v1/decisions", Draft("Close Nuijamaa port to goods in 2032"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Cross-site request refused", problem.GetProperty("title").GetString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class CrossSiteRequestsOnSqlite(SqliteApp app) : CrossSiteRequestTests<SqliteApp>(app);

public sealed class CrossSiteRequestsOnPostgres(PostgresApp app) : CrossSiteRequestTests<PostgresApp>(app);
