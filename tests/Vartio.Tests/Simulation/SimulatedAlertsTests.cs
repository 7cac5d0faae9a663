using NodaTime;
using Vartio.Data;
using Vartio.Simulation;
using Vartio.Surveillance;

namespace Vartio.Tests.Simulation;

/// <summary>
/// The surge alerts on the simulated autumn of 2023 and a simulated normal year (docs/SIMULATION.md, docs/SURGE.md):
/// the simulator fills the database through the services on its own clock, the monitor evaluates as records are
/// written and at the end of each day, and the alerts are read as `vartio alerts` reads them.
/// </summary>
public sealed class SimulatedAlertsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    /// <summary>A little traffic (a few crossings a day): the alerts are about the asylum arrivals, always at full scale.</summary>
    private const double Scale = 0.0005;

    private static async Task<List<AlertResponse>> SimulateAsync(SimulationScenario scenario, LocalDate from, LocalDate to)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-alerts-{Guid.NewGuid():N}.db");
        try
        {
            var settings = DatabaseSettings.SqliteFile(path);
            await using (var db = Database.Open(settings))
            {
                await Database.PrepareAsync(db, SystemClock.Instance, Ct);
            }

            await using (var host = SimulationHost.Create(settings, new SimulatedClock(BorderSimulation.StartOf(from))))
            {
                await host.Simulation().RunAsync(new SimulationOptions(scenario, from, to, Seed: 1, Scale), null, Ct);
            }

            await using var read = Database.Open(settings);
            return await new AlertQuery(OpenOnly: false, Scope: null, CrossingPoint: null).ListAsync(read, Ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static LocalDate Opened(AlertResponse alert) => alert.OpenedAt.InZone(Helsinki).Date;

    [Fact]
    public async Task Autumn2023_AlertsTheSouthEastBy14November_AndVartiusBy18November()
    {
        // From September: the 28 days before 13 November are all simulated, so the baseline is the simulation's own.
        var alerts = await SimulateAsync(SimulationScenario.Autumn2023, new LocalDate(2023, 9, 1), new LocalDate(2023, 11, 20));

        // DOMAIN.md §4: 39, 55 and 75 arrivals in south-east Finland on 13–15 November; 67 at Vartius on 18 November.
        var southEast = Assert.Single(alerts, a => a.Scope == "section" && a.Section == "South-East Finland");
        Assert.True(Opened(southEast) <= new LocalDate(2023, 11, 14), $"south-east opened {Opened(southEast)}: {southEast.Evidence}");
        var vartius = Assert.Single(alerts, a => a.Scope == "crossing-point" && a.CrossingPoint == "VAR");
        Assert.True(Opened(vartius) <= new LocalDate(2023, 11, 18), $"Vartius opened {Opened(vartius)}: {vartius.Evidence}");
        Assert.DoesNotContain(alerts, a => Opened(a) < new LocalDate(2023, 11, 1));
    }

    [Fact]
    public async Task ANormalYear_RaisesNoAlert()
    {
        // About 117 arrivals in 304 days over the whole border, some in families (DOMAIN.md §4).
        var alerts = await SimulateAsync(SimulationScenario.NormalYear, new LocalDate(2022, 11, 1), new LocalDate(2023, 10, 31));

        Assert.Empty(alerts);
    }
}
