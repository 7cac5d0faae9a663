using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Simulation;

/// <summary>
/// <c>vartio simulate --scenario autumn-2023|normal-year</c>: fills the database through the services the API uses,
/// on a simulated clock, day by day (docs/SIMULATION.md).
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var scenario = new Option<string>("--scenario")
        {
            Description = "What to simulate: autumn-2023 (August–December 2023, the published daily asylum figures) or normal-year (November 2022–October 2023, a low background)",
            HelpName = "autumn-2023|normal-year",
            Required = true,
        };
        var from = new Option<string>("--from") { Description = "First local day simulated (YYYY-MM-DD); default: the scenario's", HelpName = "DATE" };
        var to = new Option<string>("--to") { Description = "Last local day simulated (YYYY-MM-DD); default: the scenario's", HelpName = "DATE" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random draws: the same seed gives the same records", HelpName = "N", DefaultValueFactory = _ => SimulationOptions.DefaultSeed };
        var scale = new Option<double>("--scale")
        {
            Description = "Share of the normal traffic simulated, above 0 and at most 1 (1: every crossing, about 7,600 a day, which takes hours); asylum arrivals are always at full scale",
            HelpName = "SHARE",
            DefaultValueFactory = _ => SimulationOptions.DefaultScale,
        };
        var append = new Option<bool>("--append") { Description = "Add to a database that already holds checks, records or asylum applications (refused otherwise)" };
        var command = new Command("simulate", "Fill the database with a simulated border: normal crossings and asylum arrivals, recorded through the same checks and registrations as the API, at their instants on a simulated clock.")
        {
            scenario, from, to, seed, scale, append,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var (options, problem) = Read(parse.GetValue(scenario), parse.GetValue(from), parse.GetValue(to), parse.GetValue(seed), parse.GetValue(scale));
            if (options is null)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.Usage;
            }

            if (await database.ResolveExistingAsync(parse, cancellationToken) is not { } settings)
            {
                return ExitCodes.Failed;
            }

            // Created, migrated and seeded first, as every command opens it; then the services take it over.
            await using (var db = Database.Open(settings))
            {
                await Database.PrepareAsync(db, SystemClock.Instance, cancellationToken);
                if (!parse.GetValue(append) && await BorderSimulation.HoldsRecordsAsync(db, cancellationToken))
                {
                    await error.WriteLineAsync("The database already holds checks, records or asylum applications: give --append to add the simulation to them, or another database.");
                    return ExitCodes.Failed;
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Simulating {options.Scenario.Name} from {Iso(options.From)} to {Iso(options.To)} (seed {options.Seed}, traffic scale {options.Scale}) into {settings.Describe()}"));
            await using var host = SimulationHost.Create(settings, new SimulatedClock(BorderSimulation.StartOf(options.From)));
            var simulation = host.Simulation();
            var tally = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error)
                ? await WithBarAsync(simulation, options, cancellationToken)
                : await simulation.RunAsync(options, Lines(error, options), cancellationToken);
            await output.WriteLineAsync($"Recorded: {tally.Describe()}.");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tally.Records:N0} records in {tally.Elapsed.TotalSeconds:0.0} s: {tally.RecordsPerSecond:N0} records per second."));
            if (tally.NotRecorded > 0)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tally.NotRecorded:N0} crossings or registrations were refused by the services."));
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The options read and checked together; the problem names the option.</summary>
    public static (SimulationOptions? Options, string? Problem) Read(string? scenarioName, string? fromText, string? toText, int seed, double scale)
    {
        if (SimulationScenario.Find(scenarioName) is not { } scenario)
        {
            return (null, $"--scenario: '{scenarioName}' is not a scenario; give one of {string.Join(", ", SimulationScenario.All.Select(s => s.Name))}.");
        }

        LocalDate? Date(string? text) => LocalDatePattern.Iso.Parse(text?.Trim() ?? "") is { Success: true } r && r.Value.Year is >= 1900 and <= 2200 ? r.Value : null;
        var from = scenario.From;
        var to = scenario.To;
        if (fromText is not null)
        {
            from = Date(fromText) ?? default;
            if (from == default)
            {
                return (null, $"--from: '{fromText}' is not a date; give YYYY-MM-DD.");
            }
        }

        if (toText is not null)
        {
            to = Date(toText) ?? default;
            if (to == default)
            {
                return (null, $"--to: '{toText}' is not a date; give YYYY-MM-DD.");
            }
        }

        if (to < from)
        {
            return (null, $"--to: {Iso(to)} is before --from {Iso(from)}.");
        }

        if (Period.DaysBetween(from, to) >= 3660)
        {
            return (null, "--to: at most ten years at once.");
        }

        if (!(scale > 0 && scale <= 1))
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"--scale: {scale} is not a share above 0 and at most 1 (0.01 is one crossing in a hundred)."));
        }

        return (new SimulationOptions(scenario, from, to, seed, scale), null);
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A line about every twentieth of the period, for a log or a pipe.</summary>
    private static Action<SimulationProgress> Lines(TextWriter error, SimulationOptions options) => p =>
    {
        var step = Math.Max(1, options.Days / 20);
        if (p.DaysDone % step == 0 || p.DaysDone == p.Days)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulate: {Iso(p.Day)} done ({p.DaysDone}/{p.Days} days), {p.Tally.Records:N0} records, {p.Tally.RecordsPerSecond:N0}/s"));
        }
    };

    /// <summary>A progress bar on the terminal's standard error.</summary>
    private static async Task<SimulationTally> WithBarAsync(BorderSimulation simulation, SimulationOptions options, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        SimulationTally? tally = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{options.Scenario.Name} {Iso(options.From)}", maxValue: options.Days);
                tally = await simulation.RunAsync(
                    options,
                    p =>
                    {
                        task.Value = p.DaysDone;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{Iso(p.Day)}: {p.Tally.Records:N0} records");
                    },
                    cancellationToken);
            });
        return tally!;
    }
}
