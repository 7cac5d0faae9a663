using System.CommandLine;
using System.Text.Json;
using NodaTime;
using Vartio.Domain.Stays;
using Vartio.Hosting;

namespace Vartio.Stays;

/// <summary>
/// <c>vartio stay control</c> and <c>vartio stay plan</c>: the 90/180 rule for a list of stays read from a
/// file or standard input.
/// </summary>
public static class StayCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <param name="standardInput">Where stays are read from when no file is named.</param>
    internal static Command Create(Func<TextReader> standardInput)
    {
        var command = new Command("stay", "The 90/180 rule: days used in the 180-day window, and how long a traveller may stay.");
        command.Subcommands.Add(ControlCommand(standardInput));
        command.Subcommands.Add(PlanCommand(standardInput));
        return command;
    }

    private static Command ControlCommand(Func<TextReader> standardInput)
    {
        var on = new Option<string>("--on") { Description = "The control date, YYYY-MM-DD", HelpName = "DATE", Required = true };
        var stays = StaysOption();
        var exclude = ExcludeOption();
        var json = JsonOption();
        var command = new Command("control", "Is the traveller within 90 days in the 180 days ending on the control date, and until when may the present stay last?");
        command.Options.Add(on);
        command.Options.Add(stays);
        command.Options.Add(exclude);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (StayLines.ParseDate(parse.GetValue(on)) is not { } date)
            {
                await error.WriteLineAsync($"--on: cannot read '{parse.GetValue(on)}'. Expected a date, YYYY-MM-DD.");
                return ExitCodes.Usage;
            }

            var excluded = await ReadExcludedAsync(parse.GetValue(exclude), error);
            var input = await ReadStaysAsync(parse.GetValue(stays), standardInput, error, cancellationToken);
            if (input is null || excluded is null)
            {
                return ExitCodes.Usage;
            }

            var result = StayCalculator.Control([.. input.Select(s => s.Stay)], date, excluded);
            if (result.Assessment is not { } control)
            {
                await WriteProblemsAsync(result.Problems, input, error);
                return ExitCodes.Usage;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json(writer =>
                {
                    writer.WriteString("mode", "control");
                    writer.WriteString("on", StayLines.FormatDate(control.On));
                    writer.WriteNumber("daysUsed", control.DaysUsed);
                    writer.WriteBoolean("lawful", control.Lawful);
                    writer.WriteNumber("overstayDays", control.OverstayDays);
                    WriteDateOrNull(writer, "latestExit", control.LatestExit);
                    writer.WriteString("windowStart", StayLines.FormatDate(control.Window.Start));
                }));
                await WriteWarningsAsync(control.Warnings, error);
            }
            else
            {
                await output.WriteLineAsync(control.Lawful
                    ? $"Within the limit on {StayLines.FormatDate(control.On)}: {control.DaysUsed} of {StayRule.MaxDays} days used."
                    : $"Over the limit on {StayLines.FormatDate(control.On)}: {control.DaysUsed} days used, an overstay of {control.OverstayDays}.");
                if (control.LatestExit is { } latest)
                {
                    await output.WriteLineAsync($"The present stay may last until {StayLines.FormatDate(latest)}.");
                }

                await WriteExplanationAsync(control.Explanation(), control.Rule, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command PlanCommand(Func<TextReader> standardInput)
    {
        var entry = new Option<string>("--entry") { Description = "The planned date of entry, YYYY-MM-DD", HelpName = "DATE", Required = true };
        var stays = StaysOption();
        var exclude = ExcludeOption();
        var json = JsonOption();
        var command = new Command("plan", "Entering on a date, how many consecutive days may the traveller stay?");
        command.Options.Add(entry);
        command.Options.Add(stays);
        command.Options.Add(exclude);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (StayLines.ParseDate(parse.GetValue(entry)) is not { } date)
            {
                await error.WriteLineAsync($"--entry: cannot read '{parse.GetValue(entry)}'. Expected a date, YYYY-MM-DD.");
                return ExitCodes.Usage;
            }

            var excluded = await ReadExcludedAsync(parse.GetValue(exclude), error);
            var input = await ReadStaysAsync(parse.GetValue(stays), standardInput, error, cancellationToken);
            if (input is null || excluded is null)
            {
                return ExitCodes.Usage;
            }

            var result = StayCalculator.Plan([.. input.Select(s => s.Stay)], date, excluded);
            if (result.Assessment is not { } plan)
            {
                await WriteProblemsAsync(result.Problems, input, error);
                return ExitCodes.Usage;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json(writer =>
                {
                    writer.WriteString("mode", "plan");
                    writer.WriteString("entry", StayLines.FormatDate(plan.Entry));
                    writer.WriteNumber("maxDays", plan.MaxDays);
                    WriteDateOrNull(writer, "latestExit", plan.LatestExit);
                    writer.WriteNumber("daysUsedBeforeEntry", plan.DaysUsedBeforeEntry);
                    writer.WriteString("fullStayFrom", StayLines.FormatDate(plan.FullStayFrom));
                }));
                await WriteWarningsAsync(plan.Warnings, error);
            }
            else
            {
                await output.WriteLineAsync(plan.LatestExit is { } latest
                    ? $"Entering on {StayLines.FormatDate(plan.Entry)}: {plan.MaxDays} days, until {StayLines.FormatDate(latest)}."
                    : $"Entering on {StayLines.FormatDate(plan.Entry)}: not allowed, the 180 days before hold {plan.DaysUsedBeforeEntry} days already.");
                await output.WriteLineAsync($"A full stay of {StayRule.MaxDays} days is possible from {StayLines.FormatDate(plan.FullStayFrom)}.");
                await WriteExplanationAsync(plan.Explanation(), plan.Rule, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<FileInfo> StaysOption() => new("--stays")
    {
        Description = $"The stays, one per line: {StayLines.Format}. Default: standard input",
        HelpName = "FILE",
    };

    private static Option<string[]> ExcludeOption() => new("--exclude")
    {
        Description = "Days under a residence permit or long-stay visa, which do not count: FROM..TO, both "
            + "YYYY-MM-DD and both included; repeat for several periods",
        HelpName = "FROM..TO",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object instead of text" };

    /// <summary>The stays, or null after writing every malformed line (or why the file cannot be read).</summary>
    private static async Task<IReadOnlyList<StayLine>?> ReadStaysAsync(FileInfo? file, Func<TextReader> standardInput, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<StayLine> stays;
        IReadOnlyList<StayLineProblem> problems;
        if (file is null)
        {
            (stays, problems) = StayLines.Read(standardInput());
        }
        else
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"--stays: cannot read {file.Name}: {e.Message}");
                return null;
            }

            using var reader = new StringReader(text);
            (stays, problems) = StayLines.Read(reader);
        }

        foreach (var problem in problems)
        {
            await error.WriteLineAsync(StayLines.Line(problem.LineNumber, problem.Message));
        }

        return problems.Count == 0 ? stays : null;
    }

    /// <summary>The excluded periods, or null after naming every value that is not a period.</summary>
    private static async Task<IReadOnlyList<ExcludedPeriod>?> ReadExcludedAsync(string[]? values, TextWriter error)
    {
        var periods = new List<ExcludedPeriod>();
        var readable = true;
        foreach (var value in values ?? [])
        {
            if (StayLines.ParsePeriod(value) is { } period)
            {
                periods.Add(period);
            }
            else
            {
                await error.WriteLineAsync($"--exclude: cannot read '{value}'. Expected FROM..TO, two dates YYYY-MM-DD (2024-02-01..2024-02-20).");
                readable = false;
            }
        }

        return readable ? periods : null;
    }

    /// <summary>Each reason the input was rejected, with the line of the stay or the option at fault.</summary>
    private static async Task WriteProblemsAsync(IReadOnlyList<Vartio.Domain.Problems.Problem> problems, IReadOnlyList<StayLine> input, TextWriter error)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(
                StayFields.StayIndex(problem.Field) is { } index ? StayLines.Line(input[index].LineNumber, problem.Message)
                : problem.Field.StartsWith("excluded", StringComparison.Ordinal) ? $"--exclude: {problem.Message}"
                : problem.Message);
        }
    }

    private static async Task WriteWarningsAsync(IReadOnlyList<string> warnings, TextWriter error)
    {
        foreach (var warning in warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }
    }

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

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDateOrNull(Utf8JsonWriter writer, string name, LocalDate? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, StayLines.FormatDate(d));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
