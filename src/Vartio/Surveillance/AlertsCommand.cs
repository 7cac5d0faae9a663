using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Vartio.Hosting;

namespace Vartio.Surveillance;

/// <summary><c>vartio alerts</c>: the surge alerts, as a table or as the API's JSON array.</summary>
public static class AlertsCommand
{
    public static Command Create(IClock clock)
    {
        var database = new DatabaseOptions();
        var json = new Option<bool>("--json") { Description = "Print the JSON array GET /api/v1/alerts returns instead of a table" };
        var open = new Option<bool>("--open") { Description = "Only the alerts still open" };
        var scope = new Option<string>("--scope") { Description = "Only alerts of one scope: crossing-point, section or national", HelpName = "SCOPE" };
        var crossingPoint = new Option<string>("--crossing-point") { Description = "Only the alerts of one crossing point, by its code", HelpName = "CODE" };
        var command = new Command("alerts", "Show the surge alerts (docs/SURGE.md), the most recently opened first, with their evidence.");
        command.Options.Add(json);
        command.Options.Add(open);
        command.Options.Add(scope);
        command.Options.Add(crossingPoint);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (query, problems) = AlertQuery.Read(parse.GetValue(open) ? AlertQuery.Open : AlertQuery.All, parse.GetValue(scope), parse.GetValue(crossingPoint));
            if (query is null)
            {
                foreach (var problem in problems)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"--{(problem.Field == "crossingPoint" ? "crossing-point" : problem.Field)}: {problem.Message}");
                }

                return ExitCodes.Usage;
            }

            await using var db = await database.OpenAsync(parse, clock, cancellationToken);
            if (db is null)
            {
                return ExitCodes.Failed;
            }

            var alerts = await query.ListAsync(db, cancellationToken);
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(await db.CrossingPoints.Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "") ?? DateTimeZone.Utc;
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                VartioHost.ConfigureJson(options);
                await output.WriteLineAsync(JsonSerializer.Serialize(alerts, options));
            }
            else
            {
                WriteTable(output, alerts, zone);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <param name="zone">The border's zone (its crossing points'), in which the times are shown.</param>
    private static void WriteTable(TextWriter output, IReadOnlyList<AlertResponse> alerts, DateTimeZone zone)
    {
        if (alerts.Count == 0)
        {
            output.WriteLine("No alerts.");
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        var table = new Table().Title($"Surge alerts, local times in {zone.Id}");
        table.AddColumns("Scope", "Place", "Opened", "Closed", "Evidence");
        foreach (var a in alerts)
        {
            table.AddRow(
                a.Scope,
                Markup.Escape(a.CrossingPoint ?? a.Section ?? "whole border"),
                Short(a.OpenedAt, zone),
                a.ClosedAt is { } closed ? Short(closed, zone) : "[yellow]open[/]",
                Markup.Escape(a.Evidence));
        }

        console.Write(table);
    }

    private static string Short(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).LocalDateTime.ToString("uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);
}
