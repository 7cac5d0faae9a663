using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Simulation;

/// <summary>
/// The simulation a demo server runs in the background for its page (<c>/demo/simulate</c>): one at a time, into
/// the server's own database, on a clock of its own, with its progress for any page that watches. Refused by a
/// server not started with <c>--demo</c>: a simulation on a real border's database would mix invented records
/// with real ones.
/// </summary>
public sealed class DemoSimulations(ServeOptions serve, IHostApplicationLifetime lifetime, ILogger<DemoSimulations> logger)
{
    private readonly Lock gate = new();
    private Task? running;

    /// <summary>Whether the server offers the simulation at all.</summary>
    public bool Offered => serve.Demo;

    public SimulationOptions? Options { get; private set; }

    public SimulationProgress? Progress { get; private set; }

    public SimulationTally? Result { get; private set; }

    public string? Failure { get; private set; }

    public bool Running => running is { IsCompleted: false };

    /// <summary>Raised after each simulated day and at the end; handlers must not block.</summary>
    public event Action? Changed;

    /// <summary>Starts the simulation; the reason when it cannot start (not a demo server, one already running, records there without append).</summary>
    public async Task<string?> StartAsync(SimulationOptions options, bool append, CancellationToken cancellationToken)
    {
        if (!Offered)
        {
            return "The simulation is offered only by a server started with --demo.";
        }

        if (!append)
        {
            await using var db = Database.Open(serve.Database);
            if (await BorderSimulation.HoldsRecordsAsync(db, cancellationToken))
            {
                return "The database already holds checks, records or asylum applications: tick 'Add to the records already there' to add the simulation to them.";
            }
        }

        lock (gate)
        {
            if (Running)
            {
                return "A simulation is running already: wait for it to finish.";
            }

            (Options, Progress, Result, Failure) = (options, null, null, null);
            running = Task.Run(() => RunAsync(options, lifetime.ApplicationStopping), CancellationToken.None);
        }

        Changed?.Invoke();
        return null;
    }

    private async Task RunAsync(SimulationOptions options, CancellationToken stopping)
    {
        try
        {
            await using var host = SimulationHost.Create(serve.Database, new SimulatedClock(BorderSimulation.StartOf(options.From)));
            Result = await host.Simulation().RunAsync(options, p =>
            {
                Progress = p;
                Changed?.Invoke();
            }, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Failure = "Stopped with the server.";
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The demo simulation failed.");
            Failure = ex.Message;
        }

        Changed?.Invoke();
    }
}

/// <summary>The simulation's services in the server.</summary>
public static class SimulationModule
{
    public static IServiceCollection AddSimulation(this IServiceCollection services) => services.AddSingleton<DemoSimulations>();
}
