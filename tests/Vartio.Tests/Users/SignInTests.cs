using System.Net;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Users;

/// <summary>Cookie sign-in through the real login form.</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RightPassword_SignsIn_AndTheCookieIsHttpOnlyAndStrict()
    {
        var client = app.Anonymous();
        var response = await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Analyst), VartioApp.PasswordOf(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vartio=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WrongPassword_ReturnsToTheLoginPageWithoutACookie()
    {
        var client = app.Anonymous();
        var response = await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Decider), "not the password");
        Assert.Equal("/login?failed=1", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("vartio=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/decisions/1/publish", null, Ct)).StatusCode);
    }

    /// <summary>
    /// An unknown name and a known name with a wrong password get the same status, the same place to go and
    /// the same page (apart from its per-request protected values). The timing is measured apart, not here: docs/SECURITY.md.
    /// </summary>
    [Fact]
    public async Task UnknownName_AndWrongPassword_GetTheSameAnswer()
    {
        var unknownClient = app.Anonymous();
        var knownClient = app.Anonymous();
        var unknown = await VartioApp.LoginAsync(unknownClient, "no-such-user", "not the password");
        var known = await VartioApp.LoginAsync(knownClient, VartioApp.UserOf(Roles.Analyst), "not the password");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await known.Content.ReadAsStringAsync(Ct));
        Assert.Equal(
            WithoutTokens(await unknownClient.GetStringAsync(unknown.Headers.Location, Ct)),
            WithoutTokens(await knownClient.GetStringAsync(known.Headers.Location, Ct)));
    }

    /// <summary>The page without its per-request values (anti-forgery token, interactive component descriptors, the script nonce).</summary>
    private static string WithoutTokens(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "CfDJ8[A-Za-z0-9_+/=-]+|nonce=\"[^\"]*\"", "");

    [Fact]
    public async Task LoginPostWithoutAntiforgeryToken_IsRefused()
    {
        var response = await app.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = VartioApp.UserOf(Roles.Admin),
            ["password"] = VartioApp.PasswordOf(Roles.Admin),
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("vartio=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReturnUrlToAnotherSite_IsIgnored()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = VartioApp.UserOf(Roles.Analyst),
            ["password"] = VartioApp.PasswordOf(Roles.Analyst),
            ["returnUrl"] = "//evil.example/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), Ct);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>A control character makes a Location header Kestrel cannot write; it answered 500 after the right password.</summary>
    [Theory]
    [InlineData("/decisions\u0001")]
    [InlineData("/\u001b[31m")]
    [InlineData("/decisions\r\nSet-Cookie: x=1")]
    [InlineData("/\u007f")]
    public async Task ReturnUrlWithAControlCharacter_SignsInAndGoesHome(string returnUrl)
    {
        var client = app.Anonymous();
        var response = await VartioApp.LoginAsync(client, VartioApp.UserOf(Roles.Analyst), VartioApp.PasswordOf(Roles.Analyst), returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LocalReturnUrl_IsFollowed()
    {
        var response = await VartioApp.LoginAsync(app.Anonymous(), VartioApp.UserOf(Roles.Analyst), VartioApp.PasswordOf(Roles.Analyst), "/decisions?at=2023-11-20");
        Assert.Equal("/decisions?at=2023-11-20", response.Headers.Location?.OriginalString);
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
