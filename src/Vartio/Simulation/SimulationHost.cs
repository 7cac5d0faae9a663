using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Simulation;

/// <summary>
/// The server's services on a simulated clock, over a database that exists already: the checks, decisions and
/// registrations the simulation calls are the ones the API calls, configured as <c>vartio serve</c> configures
/// them, without the server's background jobs (webhooks, retention) and without its logs.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulationHost(WebApplication app, SimulatedClock clock)
    {
        this.app = app;
        Clock = clock;
    }

    public SimulatedClock Clock { get; }

    public IServiceProvider Services => app.Services;

    public static SimulationHost Create(DatabaseSettings database, SimulatedClock clock)
    {
        List<string> args =
        [
            "--Webhooks:Enabled=false",
            "--Checks:RetentionJob=false",
            // The decisions do not change while the simulation runs: read them once, not every 5 simulated seconds.
            "--Status:CacheSeconds=2000000000",
        ];
        if (database.Provider == DatabaseProvider.Postgres && string.IsNullOrEmpty(DatabaseOptions.LoadConfiguration()[SecretCipher.ConfigurationKey]))
        {
            // The server refuses PostgreSQL without the secrets key; the simulation encrypts and reads no secret (no
            // webhook, no sign-in), so a key of its own, used by nothing, lets it run where the key is not configured.
            args.Add($"--{SecretCipher.ConfigurationKey}={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}");
        }

        var builder = VartioHost.CreateBuilder(new ServeOptions { Database = database, Clock = clock, Output = TextWriter.Null }, [.. args]);
        builder.Logging.ClearProviders();
        return new SimulationHost(builder.Build(), clock);
    }

    /// <summary>
    /// The simulation, with the surge monitor evaluating every place at the end of each simulated day (as the
    /// server's periodic evaluation does), so alerts open, update and close as the days go; then <paramref name="dayEnded"/>.
    /// </summary>
    public BorderSimulation Simulation(Func<NodaTime.Instant, CancellationToken, Task>? dayEnded = null) =>
        new(app.Services, Clock, async (end, ct) =>
        {
            await app.Services.GetRequiredService<Surveillance.SurgeMonitor>().EvaluateAsync(end, ct);
            if (dayEnded is not null)
            {
                await dayEnded(end, ct);
            }
        });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
