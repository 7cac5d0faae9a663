using System.Net;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;
using Vartio.Simulation;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Simulation;

/// <summary>The demo page <c>/demo/simulate</c>: Admins only (the access matrix tests every role), and only on a demo server.</summary>
public sealed class SimulatePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutsideDemoModeTheAdminIsToldTheSimulationIsNotOffered()
    {
        var admin = await app.As(Roles.Admin);

        var page = await admin.GetStringAsync("/demo/simulate", Ct);

        Assert.Contains("offered only by a server started with", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnalystIsRefusedThePage()
    {
        var analyst = await app.As(Roles.Analyst);

        var response = await analyst.GetAsync("/demo/simulate", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADemoServerRunsTheSimulationInTheBackgroundAndReportsEachDay()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-demo-simulation-{Guid.NewGuid():N}.db");
        try
        {
            var settings = DatabaseSettings.SqliteFile(path);
            await using (var db = Database.Open(settings))
            {
                await Database.PrepareAsync(db, SystemClock.Instance, Ct);
            }

            var simulations = new DemoSimulations(new ServeOptions { Database = settings, Demo = true }, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<DemoSimulations>.Instance);
            var days = new List<LocalDate>();
            var finished = new TaskCompletionSource();
            simulations.Changed += () =>
            {
                if (simulations.Progress is { } p && !days.Contains(p.Day))
                {
                    days.Add(p.Day);
                }

                if (simulations.Result is not null || simulations.Failure is not null)
                {
                    finished.TrySetResult();
                }
            };
            var (options, _) = SimulateCommand.Read("autumn-2023", "2023-11-27", "2023-11-28", 1, 0.002);

            Assert.Null(await simulations.StartAsync(options!, append: false, Ct));
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(2), Ct);

            Assert.Null(simulations.Failure);
            Assert.Equal([new LocalDate(2023, 11, 27), new LocalDate(2023, 11, 28)], days);
            // Raja-Jooseppi, the only crossing point receiving: 3 on 27 November and 0 on the 28th (DOMAIN §4).
            Assert.Equal(3, simulations.Result!.AsylumApplications);
            await using (var db = Database.Open(settings))
            {
                Assert.Equal(3, await db.AsylumApplications.CountAsync(a => a.CrossingPointCode == "RAJ", Ct));
            }

            // Now the database holds records: another run must be asked to add to them.
            Assert.Contains("Add to the records", await simulations.StartAsync(options!, append: false, Ct), StringComparison.Ordinal);
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
