using System.Net;
using Microsoft.EntityFrameworkCore;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

/// <summary>Lockout after the configured number of failed sign-ins (here 3, set as an operator would).</summary>
public abstract class LockoutTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    public const int Failures = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterTheConfiguredFailures_EvenTheRightPasswordIsRefused_UntilAnAdminUnlocks()
    {
        app.SkipIfUnavailable();
        var user = VartioApp.UserOf(Roles.Analyst);
        var password = VartioApp.PasswordOf(Roles.Analyst);
        for (var i = 1; i < Failures; i++)
        {
            Assert.Equal("/login?failed=1", (await VartioApp.LoginAsync(app.Anonymous(), user, "wrong password " + i)).Headers.Location?.OriginalString);
        }

        // Still one attempt left: the right password works and resets the count.
        Assert.Equal("/", (await VartioApp.LoginAsync(app.Anonymous(), user, password)).Headers.Location?.OriginalString);

        for (var i = 1; i <= Failures; i++)
        {
            await VartioApp.LoginAsync(app.Anonymous(), user, "wrong password " + i);
        }

        // Locked, the right password gets the answer of any failure: a locked name is not told from an unknown one.
        Assert.Equal("/login?failed=1", (await VartioApp.LoginAsync(app.Anonymous(), user, password)).Headers.Location?.OriginalString);
        var locked = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == "user:" + user && e.Action == "user.locked-out").CountAsync(Ct));
        Assert.Equal(1, locked);

        Assert.Null(await app.WithAccountsAsync(a => a.UnlockAsync("user:test-admin", user, Ct)));
        Assert.Equal("/", (await VartioApp.LoginAsync(app.Anonymous(), user, password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ALockedAccount_AndAnUnknownName_GetTheSameAnswer()
    {
        app.SkipIfUnavailable();
        var user = VartioApp.UserOf(Roles.AsylumCaseworker);
        for (var i = 1; i <= Failures; i++)
        {
            await VartioApp.LoginAsync(app.Anonymous(), user, "wrong password " + i);
        }

        var locked = await VartioApp.LoginAsync(app.Anonymous(), user, VartioApp.PasswordOf(Roles.AsylumCaseworker));
        var unknown = await VartioApp.LoginAsync(app.Anonymous(), "nobody-at-all", "whatever password");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal("/login?failed=1", unknown.Headers.Location?.OriginalString);
        Assert.Equal(unknown.Headers.Location, locked.Headers.Location);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await locked.Content.ReadAsStringAsync(Ct));

        // The page says it may be either, for anyone.
        var page = await app.Anonymous().GetStringAsync("/login?failed=1", Ct);
        Assert.Contains("locked", page, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await app.WithAccountsAsync(a => a.UnlockAsync("user:test-admin", user, Ct)));
    }
}

public sealed class LockoutSqliteApp : SqliteApp
{
    protected override IEnumerable<string> Settings => [.. base.Settings, $"--Accounts:LockoutAfterFailures={LockoutTests<LockoutSqliteApp>.Failures}"];
}

public sealed class LockoutPostgresApp : PostgresApp
{
    protected override IEnumerable<string> Settings => [.. base.Settings, $"--Accounts:LockoutAfterFailures={LockoutTests<LockoutPostgresApp>.Failures}"];
}

public sealed class LockoutOnSqlite(LockoutSqliteApp app) : LockoutTests<LockoutSqliteApp>(app);

public sealed class LockoutOnPostgres(LockoutPostgresApp app) : LockoutTests<LockoutPostgresApp>(app);
