using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Data;
using Vartio.Simulation;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>simulation-rate</c>: the simulator's records per second (entry, exit and refusal records, asylum applications
/// and irregular arrivals), each made through the check and the officer's decision or the registration, into a new
/// database, as <c>vartio simulate</c> makes them (docs/PERFORMANCE.md, "The simulator").
/// </summary>
public static class SimulationRate
{
    private const string Usage = "usage: simulation-rate [--scenario NAME] [--from DATE] [--to DATE] [--scale S] [--postgres CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        string scenario = SimulationScenario.Autumn2023Name;
        string from = "2023-11-01";
        string to = "2023-11-20";
        double scale = SimulationOptions.DefaultScale;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--scenario": scenario = args[i + 1]; break;
                case "--from": from = args[i + 1]; break;
                case "--to": to = args[i + 1]; break;
                case "--scale": scale = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var (options, problem) = SimulateCommand.Read(scenario, from, to, 1, scale);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem + Environment.NewLine + Usage);
            return 2;
        }

        var path = Path.Combine(Path.GetTempPath(), $"vartio-simulation-rate-{Environment.ProcessId}.db");
        var settings = postgres is null ? DatabaseSettings.SqliteFile(path) : DatabaseSettings.Postgres(postgres);
        try
        {
            await using (var db = Database.Open(settings))
            {
                await Database.PrepareAsync(db, SystemClock.Instance, CancellationToken.None);
                if (await BorderSimulation.HoldsRecordsAsync(db, CancellationToken.None))
                {
                    throw new InvalidOperationException("Give an empty database.");
                }
            }

            await using var host = SimulationHost.Create(settings, new SimulatedClock(BorderSimulation.StartOf(options.From)));
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var tally = await host.Simulation().RunAsync(options, null, CancellationToken.None);
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {settings.Provider}; {options.Scenario.Name} {LocalDatePattern.Iso.Format(options.From)}..{LocalDatePattern.Iso.Format(options.To)}, scale {options.Scale}"));
            Console.WriteLine($"{tally.Describe()}.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tally.Records:N0} records in {tally.Elapsed.TotalSeconds:0.0} s: {tally.RecordsPerSecond:N1} records per second; the process's processor time {cpu.TotalSeconds:0.0} s, {cpu.TotalMilliseconds / Math.Max(1, tally.Records):0.0} ms per record ({tally.Records / Math.Max(0.001, cpu.TotalSeconds):N0} records per second of processor time)."));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".key" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
