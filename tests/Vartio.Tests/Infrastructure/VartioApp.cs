using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;
using Vartio.Users;

namespace Vartio.Tests.Infrastructure;

/// <summary>
/// The real application, in process, on a real database: SQLite in a temporary file, or a fresh
/// PostgreSQL database. One instance per test class (a class fixture); the clock is fixed and can be moved.
/// </summary>
public abstract partial class VartioApp : IAsyncLifetime
{
    /// <summary>The fixed "now" of the tests: after every seeded decision, so the whole land border is closed.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 1, 15, 10, 0);

    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> shared = new(StringComparer.Ordinal);

    public FakeClock Clock { get; } = new(DefaultNow);

    public WebApplication App { get; private set; } = null!;

    public DatabaseSettings? Database { get; private set; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? Unavailable { get; private set; }

    public abstract string ProviderName { get; }

    /// <summary>Extra configuration, as command-line style key=value pairs.</summary>
    protected virtual IEnumerable<string> Settings => ["--Webhooks:Enabled=false", "--Checks:RetentionJob=false", "--Surge:EvaluationMinutes=0"];

    protected abstract Task<DatabaseSettings?> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>A password per role for the test users (one user per role, named after it in lower case).</summary>
    public static string PasswordOf(string role) => $"{role}-test-password";

    public static string UserOf(string role) => $"test-{role.ToLowerInvariant()}";

    public virtual async ValueTask InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        if (Database is null)
        {
            return;
        }

        var builder = VartioHost.CreateBuilder(
            new ServeOptions { Database = Database, Clock = Clock, Output = TextWriter.Null },
            ["--RateLimits:LoginPerMinute=10000", .. Settings]);
        if (RealSocket)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        ConfigureBuilder(builder);
        App = VartioHost.Build(builder);
        ConfigureApp(App);
        await VartioHost.InitializeAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
            foreach (var role in Roles.All)
            {
                if (await users.FindByNameAsync(UserOf(role)) is null)
                {
                    await Accounts.CreateAsync(users, UserOf(role), role, PasswordOf(role), role switch { Roles.Officer => ["VAA", "HEL"], Roles.StationHead => ["VAA"], _ => [] });
                }
            }
        }

        await App.StartAsync();
        if (RealSocket)
        {
            var address = App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address + "/");
        }
    }

    /// <summary>Listen on a loopback port (for a browser) instead of the in-memory test server.</summary>
    protected virtual bool RealSocket => false;

    /// <summary>Where a browser reaches the server when <see cref="RealSocket"/> is set.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    protected virtual void ConfigureBuilder(WebApplicationBuilder builder)
    {
    }

    /// <summary>Maps what a suite needs beside the application's own endpoints.</summary>
    protected virtual void ConfigureApp(WebApplication app)
    {
    }

    protected void MarkUnavailable(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ProviderName} is required when CI=true: {reason}");
        }

        Unavailable = reason;
    }

    /// <summary>Skips the calling test, with the reason, when this provider cannot run here.</summary>
    public void SkipIfUnavailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");

    /// <summary>
    /// A client with an Officer's API token for one crossing point (for points the test users are not assigned to),
    /// made at the clock's present reading and valid for 30 days.
    /// </summary>
    public async Task<HttpClient> OfficerAtAsync(string code)
    {
        var (token, problem) = await WithAccountsAsync(a => a.CreateTokenAsync(UserOf(Roles.Admin), $"{code.ToLowerInvariant()}-{Guid.NewGuid():N}", Roles.Officer, [code], 30, TestContext.Current.CancellationToken));
        Assert.Null(problem);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Records that several tests of a class read, made once per fixture (the first caller makes them).</summary>
    public Task OnceAsync(string key, Func<Task> make) => shared.GetOrAdd(key, _ => new Lazy<Task>(make)).Value;

    /// <summary>A client with its own cookies, not signed in.</summary>
    public HttpClient Anonymous()
    {
        SkipIfUnavailable();
        return NewClient();
    }

    /// <summary>A client that says where its requests come from, as a browser on Vartio's own pages does (Origin).</summary>
    private HttpClient NewClient()
    {
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = App.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost/") };
        client.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return client;
    }

    /// <summary>A client signed in through the real login form as the test user of a role.</summary>
    public async Task<HttpClient> As(string role)
    {
        SkipIfUnavailable();
        if (clients.TryGetValue(role, out var existing))
        {
            return existing;
        }

        var client = NewClient();
        await LoginAsync(client, UserOf(role), PasswordOf(role));
        clients[role] = client;
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        };
        if (returnUrl is not null)
        {
            form["returnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Runs work against the account service, as an administrator would from the page.</summary>
    public async Task<T> WithAccountsAsync<T>(Func<AccountAdministration, Task<T>> work)
    {
        SkipIfUnavailable();
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }

    /// <summary>The database options of the command line for this app's database.</summary>
    public string[] DatabaseArguments => Database!.Provider == DatabaseProvider.Postgres
        ? ["--postgres", Database.ConnectionString]
        : ["--db", new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString).DataSource];

    public async Task<T> WithDbAsync<T>(Func<VartioDbContext, Task<T>> work)
    {
        SkipIfUnavailable();
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<VartioDbContext>());
    }

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            if (App is not null)
            {
                await App.StopAsync();
                await App.DisposeAsync();
            }

            await DropDatabaseAsync();
        }
        catch (Exception e)
        {
            // Every test of the fixture has run and been judged: a server that will not stop or a scratch
            // database that will not drop on a busy machine is left behind and said, not counted as a failure.
            await Console.Error.WriteLineAsync($"{GetType().Name} ({ProviderName}) could not clean up: {e}");
        }

        GC.SuppressFinalize(this);
    }
}

public class SqliteApp : VartioApp
{
    private string? path;

    public override string ProviderName => "SQLite";

    protected override Task<DatabaseSettings?> CreateDatabaseAsync()
    {
        path = Path.Combine(Path.GetTempPath(), $"vartio-test-{Guid.NewGuid():N}.db");
        return Task.FromResult<DatabaseSettings?>(DatabaseSettings.SqliteFile(path));
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".key" })
        {
            if (path is not null && File.Exists(path + suffix))
            {
                File.Delete(path + suffix);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>A fresh database per fixture on the server named by VARTIO_TEST_POSTGRES.</summary>
public class PostgresApp : VartioApp
{
    private string? admin;
    private string? name;

    /// <summary>A fixed secrets key: PostgreSQL has no file beside it to keep one in (see SecretCipher).</summary>
    public const string SecretsKey = "dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=";

    public override string ProviderName => "PostgreSQL";

    protected override IEnumerable<string> Settings => [.. base.Settings, $"--{SecretCipher.ConfigurationKey}={SecretsKey}"];

    protected override async Task<DatabaseSettings?> CreateDatabaseAsync()
    {
        (admin, name, var settings, var reason) = await TestPostgres.CreateDatabaseAsync();
        if (settings is null)
        {
            MarkUnavailable(reason!);
        }

        return settings;
    }

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(admin, name);
}
