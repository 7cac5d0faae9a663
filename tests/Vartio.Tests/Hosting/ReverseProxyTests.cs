using System.Net;
using System.Text.RegularExpressions;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy that ends TLS: the forwarded scheme and client address are believed from a
/// configured proxy only. The server listens on a real loopback socket, so requests come from 127.0.0.1;
/// the forwarded client addresses are documentation addresses (RFC 5737), only written in headers.
/// </summary>
public sealed partial class ReverseProxyTests(KnownProxyApp known, UnknownProxyApp unknown)
    : IClassFixture<KnownProxyApp>, IClassFixture<UnknownProxyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HttpsForwardedByAKnownProxy_GivesASecureCookieAndHsts()
    {
        var response = await SignInAsync(known, "203.0.113.10", VartioApp.PasswordOf(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HttpsForwardedByAnUnknownSource_IsNotBelieved()
    {
        var response = await SignInAsync(unknown, "203.0.113.10", VartioApp.PasswordOf(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheSignInRateLimit_CountsPerClientBehindAKnownProxy()
    {
        // KnownProxyApp allows three sign-in attempts a minute per address.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(known, "198.51.100.1", "wrong password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(known, "198.51.100.1", "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(known, "198.51.100.2", "wrong password")).StatusCode);
    }

    [Fact]
    public async Task FeedIdsAndLinks_AreTheSameWhateverTheHostHeader()
    {
        var first = await FeedAsync(known, "vartio.example");
        var second = await FeedAsync(known, "attacker.example:8443");
        Assert.Equal(first, second);
        Assert.Contains("<id>https://border.example/feeds/announcements.atom</id>", first, StringComparison.Ordinal);
        Assert.Contains("<id>https://border.example/api/v1/decisions/", first, StringComparison.Ordinal);
        Assert.DoesNotContain("vartio.example", first, StringComparison.Ordinal);
    }

    private static async Task<string> FeedAsync(VartioApp app, string host)
    {
        using var client = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Signs in as the Analyst through the login form, as a proxy would pass it on: HTTPS from <paramref name="client"/>.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(VartioApp app, string client, string password)
    {
        using var http = Client(app);
        using var get = Forwarded(new HttpRequestMessage(HttpMethod.Get, "/login"), client);
        using var page = await http.SendAsync(get, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var post = Forwarded(new HttpRequestMessage(HttpMethod.Post, "/account/login"), client);
        post.Headers.Add("Cookie", cookies);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = VartioApp.UserOf(Roles.Analyst),
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await http.SendAsync(post, Ct);
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request, string client)
    {
        // Not localhost: HSTS is never sent for localhost names.
        request.Headers.Host = "border.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vartio=", StringComparison.Ordinal));

    private static HttpClient Client(VartioApp app)
    {
        app.SkipIfUnavailable();
        return new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = app.BaseAddress };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A server behind a proxy at 127.0.0.1 (where the tests' requests come from), with a public address.</summary>
public sealed class KnownProxyApp : SqliteApp
{
    protected override bool RealSocket => true;

    protected override IEnumerable<string> Settings =>
        [.. base.Settings, "--Proxy:KnownProxies:0=127.0.0.1", "--Vartio:PublicBaseUrl=https://border.example", "--RateLimits:LoginPerMinute=3"];
}

/// <summary>A server whose proxy is elsewhere: the tests' requests from 127.0.0.1 are not from it.</summary>
public sealed class UnknownProxyApp : SqliteApp
{
    protected override bool RealSocket => true;

    protected override IEnumerable<string> Settings => [.. base.Settings, "--Proxy:KnownNetworks:0=192.0.2.0/24"];
}
