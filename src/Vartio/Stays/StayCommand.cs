using System.CommandLine;
using System.Text.Json;
using Vartio.Domain.Stays;
using Vartio.Hosting;

namespace Vartio.Stays;

/// <summary>
/// <c>vartio stay control</c> and <c>vartio stay plan</c>: the 90/180 rule for a list of stays read from a
/// file or standard input. <c>--json</c> prints the API's response (<see cref="StayAssessResponse"/>).
/// </summary>
public static class StayCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <param name="standardInput">Where stays are read from when no file is named.</param>
    internal static Command Create(Func<TextReader> standardInput)
    {
        var command = new Command("stay", "The 90/180 rule: days used in the 180-day window, and how long a traveller may stay.");
        command.Subcommands.Add(ModeCommand(
            "control",
            "Is the traveller within 90 days in the 180 days ending on the control date, and until when may the present stay last?",
            new Option<string>("--on") { Description = "The control date, YYYY-MM-DD", HelpName = "DATE", Required = true },
            isControl: true,
            standardInput));
        command.Subcommands.Add(ModeCommand(
            "plan",
            "Entering on a date, how many consecutive days may the traveller stay?",
            new Option<string>("--entry") { Description = "The planned date of entry, YYYY-MM-DD", HelpName = "DATE", Required = true },
            isControl: false,
            standardInput));
        return command;
    }

    private static Command ModeCommand(string name, string description, Option<string> date, bool isControl, Func<TextReader> standardInput)
    {
        var stays = new Option<FileInfo>("--stays")
        {
            Description = $"The stays, one per line: {StayInputReader.LineFormat}. Default: standard input",
            HelpName = "FILE",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Days under a residence permit or long-stay visa, which do not count: FROM..TO, both "
                + "YYYY-MM-DD and both included; repeat for several periods",
            HelpName = "FROM..TO",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print the API's response (POST /api/v1/stays/assess) as JSON instead of text" };
        var command = new Command(name, description) { date, stays, exclude, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var file = parse.GetValue(stays);
            string text;
            try
            {
                text = file is null ? await standardInput().ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"--stays: cannot read {file?.Name}: {e.Message}");
                return ExitCodes.Usage;
            }

            using var lines = new StringReader(text);
            var value = parse.GetValue(date);
            var input = StayInputReader.Read(lines, isControl ? value : null, isControl ? null : value, parse.GetValue(exclude) ?? []);
            var answer = new StayAssessor().Assess(input);
            if (answer.Response is not { } response)
            {
                foreach (var problem in answer.Problems)
                {
                    await error.WriteLineAsync(problem.Describe());
                }

                return ExitCodes.Usage;
            }

            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                VartioHost.ConfigureJson(options);
                await output.WriteLineAsync(JsonSerializer.Serialize(response, options));
                foreach (var warning in response.Control?.Warnings ?? response.Plan?.Warnings ?? [])
                {
                    await error.WriteLineAsync($"warning: {warning}");
                }
            }
            else if (response.Control is { } control)
            {
                await output.WriteLineAsync(control.Lawful
                    ? $"Within the limit on {Date(control.On)}: {control.DaysUsed} of {StayRule.MaxDays} days used."
                    : $"Over the limit on {Date(control.On)}: {control.DaysUsed} days used, an overstay of {control.OverstayDays}.");
                if (control.LatestExit is { } latest)
                {
                    await output.WriteLineAsync($"The present stay may last until {Date(latest)}.");
                }

                await WriteExplanationAsync(control.Explanation, response.Rule, output);
            }
            else if (response.Plan is { } plan)
            {
                await output.WriteLineAsync(plan.LatestExit is { } latest
                    ? $"Entering on {Date(plan.Entry)}: {plan.MaxDays} days, until {Date(latest)}."
                    : $"Entering on {Date(plan.Entry)}: not allowed, the 180 days before hold {plan.DaysUsedBeforeEntry} days already.");
                await output.WriteLineAsync($"A full stay of {StayRule.MaxDays} days is possible from {Date(plan.FullStayFrom)}.");
                await WriteExplanationAsync(plan.Explanation, response.Rule, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Date(NodaTime.LocalDate date) => StayInputReader.FormatDate(date);

    private static async Task WriteExplanationAsync(IReadOnlyList<string> explanation, string rule, TextWriter output)
    {
        await output.WriteLineAsync();
        foreach (var line in explanation)
        {
            await output.WriteLineAsync($"  {line}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Rule: {rule}");
    }
}
