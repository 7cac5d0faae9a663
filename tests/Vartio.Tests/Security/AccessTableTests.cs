using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

/// <summary>
/// The authorisation matrix: every endpoint the application maps is in <see cref="AccessTable"/>, and every
/// one of them, called as anonymous and as every role, is allowed or refused exactly as the table says,
/// including the station rule (an Officer of Vaalimaa is refused at Vartius).
/// </summary>
public abstract class AccessTableTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The crossing point the test Officer and StationHead are assigned to, and one they are not.</summary>
    private const string Home = "VAA";
    private const string Elsewhere = "VAR";

    [Fact]
    public void EveryMappedEndpoint_IsInTheTable_AndEveryEntryIsMapped()
    {
        app.SkipIfUnavailable();
        var keys = MappedKeys();
        var missing = keys.Where(k => AccessTable.Find(k) is null).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from AccessTable: " + string.Join(", ", missing));
        var stale = AccessTable.Entries.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "AccessTable entries no endpoint has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryEndpoint_AllowsAndRefuses_AsTheTableSays()
    {
        app.SkipIfUnavailable();
        var callers = new List<(string Name, string[]? Roles, HttpClient Client)> { ("anonymous", null, app.Anonymous()) };
        foreach (var role in Roles.All)
        {
            callers.Add((role, [role], await app.As(role)));
        }

        var failures = new List<string>();
        foreach (var key in MappedKeys().Where(Callable).Order(StringComparer.Ordinal))
        {
            var access = AccessTable.Find(key)!;
            foreach (var code in access.AtStation ? new[] { Home, Elsewhere } : [Home])
            {
                var (method, path) = RequestFor(key, code);
                foreach (var (name, roles, client) in callers)
                {
                    var points = roles is not null && Roles.AtCrossingPoints(roles[0]) ? new[] { Home } : [];
                    var expected = access.Allows(roles, points, code);
                    using var request = new HttpRequestMessage(method, path);
                    if (method != HttpMethod.Get && method != HttpMethod.Delete)
                    {
                        request.Content = key.StartsWith("POST /account", StringComparison.Ordinal)
                            ? new FormUrlEncodedContent([])
                            : new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request, Ct);
                    var allowed = !Refused(response);
                    if (allowed != expected)
                    {
                        failures.Add($"{method} {path} as {name}: expected {(expected ? "allowed" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task AnOfficerOfVaalimaa_IsRefusedAtVartius_ButServedAtVaalimaa()
    {
        app.SkipIfUnavailable();
        var officer = await app.As(Roles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/stations/{Home}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/stations/{Elsewhere}", Ct)).StatusCode);
        var page = await officer.GetAsync($"/stations/{Elsewhere}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The station rule compares codes whatever their case.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/stations/vaa", Ct)).StatusCode);
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        app.SkipIfUnavailable();
        foreach (var key in MappedKeys().Where(k => k.StartsWith("PAGE ", StringComparison.Ordinal)))
        {
            var (_, path) = RequestFor(key, Home);
            var access = AccessTable.Find(key)!;
            var role = Roles.All.First(r => access.Allows([r], Roles.AtCrossingPoints(r) ? [Home] : [], Home));
            var client = await app.As(role);
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OverHttps_StrictTransportSecurity_IsSent()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        client.BaseAddress = new Uri("https://vartio.example/");
        using var response = await client.GetAsync("/status", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSessionGoesOn()
    {
        app.SkipIfUnavailable();
        var analyst = await app.As(Roles.Analyst);
        using var response = await analyst.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await analyst.GetStringAsync("/status", Ct);
        Assert.Contains(VartioApp.UserOf(Roles.Analyst), page, StringComparison.Ordinal);
    }

    /// <summary>Refused: 401 or 403 for the API, a redirect to sign in or to "denied" for pages.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            && (location.OriginalString.Contains("/login?ReturnUrl", StringComparison.OrdinalIgnoreCase) || location.OriginalString.Contains("/denied", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The framework's own endpoints (static files, the interactive connection) are not called one by one.</summary>
    private static bool Callable(string key) =>
        key != AccessTable.StaticFiles && !key.Contains("/_blazor", StringComparison.Ordinal) && !key.Contains("/_framework", StringComparison.Ordinal);

    private HashSet<string> MappedKeys()
    {
        var source = app.App.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().Select(e => AccessTable.KeyOf(e.RoutePattern.RawText, [.. e.Metadata]))];
    }

    private static (HttpMethod Method, string Path) RequestFor(string key, string code)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var method = key[..space] switch
        {
            "PAGE" or "GET" or "ANY" => HttpMethod.Get,
            "POST" => HttpMethod.Post,
            "DELETE" => HttpMethod.Delete,
            "PUT" => HttpMethod.Put,
            var other => throw new InvalidOperationException($"No sample request for {other}"),
        };
        var path = key[(space + 1)..]
            .Replace("{code}", code, StringComparison.Ordinal)
            .Replace("{Code}", code, StringComparison.Ordinal)
            .Replace("{id:int}", "1", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{name}", "access-test", StringComparison.Ordinal);
        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return (method, path);
    }
}

public sealed class AccessTableOnSqlite(SqliteApp app) : AccessTableTests<SqliteApp>(app);

public sealed class AccessTableOnPostgres(PostgresApp app) : AccessTableTests<PostgresApp>(app);
