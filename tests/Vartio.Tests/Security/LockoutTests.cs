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

        Assert.Equal("/login?locked=1", (await VartioApp.LoginAsync(app.Anonymous(), user, password)).Headers.Location?.OriginalString);
        var locked = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == "user:" + user && e.Action == "user.locked-out").CountAsync(Ct));
        Assert.Equal(1, locked);

        Assert.Null(await app.WithAccountsAsync(a => a.UnlockAsync("user:test-admin", user, Ct)));
        Assert.Equal("/", (await VartioApp.LoginAsync(app.Anonymous(), user, password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheLoginPage_SaysTheAccountIsLocked_WithoutSayingWhetherItExists()
    {
        app.SkipIfUnavailable();
        var page = await app.Anonymous().GetStringAsync("/login?locked=1", Ct);
        Assert.Contains("locked", page, StringComparison.OrdinalIgnoreCase);
        var unknown = await VartioApp.LoginAsync(app.Anonymous(), "nobody-at-all", "whatever password");
        Assert.Equal("/login?failed=1", unknown.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
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
