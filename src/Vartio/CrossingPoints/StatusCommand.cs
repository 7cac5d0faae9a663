using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Spectre.Console;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary><c>vartio status</c>: which crossing points are open, now or at any instant.</summary>
public static class StatusCommand
{
    public static Command Create(IClock clock)
    {
        var database = new DatabaseOptions();
        var at = new Option<string>("--at") { Description = $"The instant to ask about, {TimeInput.InstantFormat}. Default: now", HelpName = "INSTANT" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var command = new Command("status", "Show the status of every crossing point, the decision behind it and the next scheduled change.");
        command.Options.Add(at);
        command.Options.Add(json);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var instant = clock.GetCurrentInstant();
            if (parse.GetValue(at) is { } text && !TimeInput.TryReadInstant(text, out instant, out var error))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--at: cannot use '{text}'. {error}");
                return ExitCodes.Usage;
            }

            await using var db = await database.OpenAsync(parse, clock, cancellationToken);
            if (db is null)
            {
                return ExitCodes.Failed;
            }

            var timeline = await db.LoadTimelineAsync(cancellationToken);
            var statuses = timeline.StatusAt(instant);
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                VartioHost.ConfigureJson(options);
                await output.WriteLineAsync(JsonSerializer.Serialize(StatusResponse.From(instant, statuses), options));
            }
            else
            {
                WriteTable(output, instant, statuses, timeline);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, Instant at, IReadOnlyList<CrossingPointStatus> statuses, BorderTimeline timeline)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            // Not a terminal: no width to detect, so use one that fits the table on one line per row.
            console.Profile.Width = 140;
        }

        var zone = statuses.Count > 0 ? statuses[0].CrossingPoint.Zone : DateTimeZone.Utc;
        var table = new Table().Title($"Crossing points at {TimeInput.Local(at, zone)}, local times in {zone.Id}");
        table.AddColumns("Code", "Crossing point", "Status", "Asylum", "Hours today", "Since", "Next change", "Decision");
        foreach (var s in statuses)
        {
            var state = s.State switch
            {
                CrossingPointState.Open => "[green]open[/]",
                CrossingPointState.Closed => "[red]closed[/]",
                _ => "[yellow]restricted[/]",
            };
            if (s.State != CrossingPointState.Closed && s.WithinOpeningHours == false)
            {
                state += " (outside hours)";
            }

            var zoneOf = s.CrossingPoint.Zone;
            var next = s.NextChange is { } n
                ? $"{n.To.State.ToString().ToLowerInvariant()}{(n.To.ReceivesAsylumApplications != n.From.ReceivesAsylumApplications ? (n.To.ReceivesAsylumApplications ? ", asylum received" : ", asylum not received") : "")} {Short(n.At, zoneOf)}"
                : "none";
            var decision = s.DecisionId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "";
            table.AddRow(
                Markup.Escape(s.CrossingPoint.Code),
                Markup.Escape(s.CrossingPoint.Name),
                state,
                s.ReceivesAsylumApplications ? "yes" : "no",
                Markup.Escape(s.HoursToday?.ToString() ?? (s.CrossingPoint.Hours.IsKnown ? "closed" : "not recorded")),
                s.Since is { } since ? Short(since, zoneOf) : "",
                Markup.Escape(next),
                Markup.Escape(decision));
        }

        console.Write(table);
        var governing = statuses.Where(s => s.DecisionId is not null).Select(s => s.DecisionId!.Value).Distinct().Order();
        foreach (var id in governing)
        {
            output.WriteLine($"Decision {id}: {timeline.Decisions[id].Title}");
        }
    }

    private static string Short(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).LocalDateTime.ToString("uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);
}
