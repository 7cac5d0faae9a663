using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

/// <summary>Sessions, tokens and the audit entries of account changes, against the running server.</summary>
public abstract class AccountSecurityTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "user:test-admin";

    [Fact]
    public async Task ADisabledUsersLiveSession_StopsAtTheNextRequest()
    {
        app.SkipIfUnavailable();
        var (client, name) = await NewOfficerAsync("disabled");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);

        Assert.Null(await app.WithAccountsAsync(a => a.DisableAsync(Admin, name, Ct)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);
        var page = await client.GetAsync("/stations/VAA", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Nor can the account sign in again.
        var again = await VartioApp.LoginAsync(app.Anonymous(), name, PasswordOf(name));
        Assert.Equal("/login?failed=1", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AReassignment_TakesEffectAtTheNextRequest()
    {
        app.SkipIfUnavailable();
        var (client, name) = await NewOfficerAsync("moved");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/stations/VAR", Ct)).StatusCode);

        Assert.Null(await app.WithAccountsAsync(a => a.AssignAsync(Admin, name, null, ["VAR"], Ct)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations/VAR", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);
    }

    [Fact]
    public async Task AToken_ActsInItsRoleAtItsCrossingPoint_AndARevokedOneIsRefused()
    {
        app.SkipIfUnavailable();
        var (token, problem) = await app.WithAccountsAsync(a => a.CreateTokenAsync(Admin, "vaalimaa-kiosk-1", Roles.Officer, ["VAA"], 30, Ct));
        Assert.Null(problem);
        using var client = Bearer(token!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/stations/VAR", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/subscriptions/", Ct)).StatusCode);

        // Only the hash is stored.
        var stored = await app.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "vaalimaa-kiosk-1", Ct));
        Assert.DoesNotContain(stored.SecretHash, token!, StringComparison.Ordinal);
        Assert.Equal(64, stored.SecretHash.Length);

        Assert.Null(await app.WithAccountsAsync(a => a.RevokeTokenAsync(Admin, "vaalimaa-kiosk-1", Ct)));
        var refused = await client.GetAsync("/api/v1/stations/VAA", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused()
    {
        app.SkipIfUnavailable();
        var (token, _) = await app.WithAccountsAsync(a => a.CreateTokenAsync(Admin, "short-lived", Roles.Analyst, [], 1, Ct));
        using var client = Bearer(token!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/decisions/", Ct)).StatusCode);
        var decider = Bearer((await app.WithAccountsAsync(a => a.CreateTokenAsync(Admin, "short-lived-decider", Roles.Decider, [], 1, Ct))).Token!);
        Assert.Equal(HttpStatusCode.OK, (await decider.GetAsync("/api/v1/decisions/1/preview", Ct)).StatusCode);

        app.Clock.Advance(Duration.FromDays(1));
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await decider.GetAsync("/api/v1/decisions/1/preview", Ct)).StatusCode);
        }
        finally
        {
            app.Clock.Reset(VartioApp.DefaultNow);
        }
    }

    [Theory]
    [InlineData("Bearer vartio_not-a-token")]
    [InlineData("Bearer vartio_00000000000000000000000000000000_secret")]
    public async Task AMalformedOrUnknownToken_IsRefused(string header)
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(header);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);
    }

    [Fact]
    public async Task ATokenWithTheRightIdButAnotherSecret_IsRefused()
    {
        app.SkipIfUnavailable();
        var (token, _) = await app.WithAccountsAsync(a => a.CreateTokenAsync(Admin, "guessed", Roles.Officer, ["VAA"], 30, Ct));
        using var client = Bearer(token![..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stations/VAA", Ct)).StatusCode);
    }

    [Fact]
    public async Task NoTokenIsAnAdmin_AndTheLastAdminCannotBeDisabled()
    {
        app.SkipIfUnavailable();
        var (_, tokenProblem) = await app.WithAccountsAsync(a => a.CreateTokenAsync(Admin, "root", Roles.Admin, [], 30, Ct));
        Assert.Equal("role", tokenProblem?.Field);

        // The fixture has two administrators: the first one and the test one. Disabling both is refused at the second.
        Assert.Null(await app.WithAccountsAsync(a => a.DisableAsync(Admin, "admin", Ct)));
        var last = await app.WithAccountsAsync(a => a.DisableAsync(Admin, VartioApp.UserOf(Roles.Admin), Ct));
        Assert.True(last?.Refused);
        Assert.Null(await app.WithAccountsAsync(a => a.EnableAsync(Admin, "admin", Ct)));
    }

    [Fact]
    public async Task AnOfficer_MustBeAssignedToAKnownCrossingPoint()
    {
        app.SkipIfUnavailable();
        Assert.Equal("crossing-point", (await app.WithAccountsAsync(a => a.AddUserAsync(Admin, "nowhere", Roles.Officer, [], Ct))).Problem?.Field);
        Assert.Equal("crossing-point", (await app.WithAccountsAsync(a => a.AddUserAsync(Admin, "atlantis", Roles.Officer, ["ATL"], Ct))).Problem?.Field);
        Assert.Equal("crossing-point", (await app.WithAccountsAsync(a => a.AddUserAsync(Admin, "analyst-at", Roles.Analyst, ["VAA"], Ct))).Problem?.Field);
        Assert.Equal("role", (await app.WithAccountsAsync(a => a.AddUserAsync(Admin, "king", "King", [], Ct))).Problem?.Field);
    }

    [Fact]
    public async Task AccountChanges_AreInTheAuditLog_InOrder_WithTheirActor()
    {
        app.SkipIfUnavailable();
        var (_, name) = await NewOfficerAsync("audited");
        await app.WithAccountsAsync(a => a.ResetPasswordAsync(Admin, name, Ct));
        var entries = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == "user:" + name).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(["user.created", "user.password-reset"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(Admin, e.Actor));
        Assert.Equal("role Officer at VAA", entries[0].Detail);

        // No password, hashed or not, is ever written there.
        Assert.All(entries, e => Assert.DoesNotContain("Va-", e.Detail, StringComparison.Ordinal));
        Assert.Null((await app.WithDbAsync(db => Vartio.Data.AuditTrail.VerifyAsync(db, Ct))).Break);
    }

    [Fact]
    public async Task PublishingADecision_IsAudited_InTheSameTransaction()
    {
        app.SkipIfUnavailable();
        var decider = await app.As(Roles.Decider);
        var draft = await decider.PostAsJsonAsync("/api/v1/decisions/", new
        {
            decidedOn = "2026-01-14",
            title = "Nuijamaa port closed to goods for works",
            text = "Goods traffic stops at Nuijamaa port in June 2032.",
            supersedes = Array.Empty<int>(),
            effects = new[] { new { crossingPoint = "NUP", status = "closed", traffic = new[] { "goods" }, from = "2032-06-01T00:00", until = "2032-07-01T00:00" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var id = (await draft.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"decision:{id}").OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(["decision.drafted", "decision.published"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("user:" + VartioApp.UserOf(Roles.Decider), e.Actor));
        Assert.Equal(VartioApp.DefaultNow, entries[1].At);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private readonly Dictionary<string, string> passwords = new(StringComparer.Ordinal);

    private string PasswordOf(string name) => passwords[name];

    private async Task<(HttpClient Client, string Name)> NewOfficerAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var (password, problem) = await app.WithAccountsAsync(a => a.AddUserAsync(Admin, name, Roles.Officer, ["VAA"], Ct));
        Assert.Null(problem);
        passwords[name] = password!;
        var client = app.Anonymous();
        var login = await VartioApp.LoginAsync(client, name, password!);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        return (client, name);
    }
}

public sealed class AccountSecurityOnSqlite(SqliteApp app) : AccountSecurityTests<SqliteApp>(app);

public sealed class AccountSecurityOnPostgres(PostgresApp app) : AccountSecurityTests<PostgresApp>(app);
