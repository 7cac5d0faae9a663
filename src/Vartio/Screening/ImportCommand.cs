using System.CommandLine;
using NodaTime;
using Spectre.Console;
using Vartio.Data;
using Vartio.Hosting;
using Vartio.Users;

namespace Vartio.Screening;

/// <summary>
/// <c>vartio import watchlist FILE --list NAME [--format vartio|opensanctions] [--db PATH | --postgres CONN]</c>:
/// imports a watchlist file into the database, as the import endpoint does. Exits 2 naming the line of a
/// malformed row, and then nothing is applied.
/// </summary>
public static class ImportCommand
{
    public static Command Create(IClock clock)
    {
        var command = new Command("import", "Import reference data into the database.");
        command.Subcommands.Add(CreateWatchlist(clock));
        return command;
    }

    private static Command CreateWatchlist(IClock clock)
    {
        var database = new DatabaseOptions();
        var file = new Argument<FileInfo>("FILE") { Description = "The watchlist file (CSV)" };
        var list = new Option<string>("--list") { Description = "The list to import into, created on first import (e.g. national-refusals)", HelpName = "NAME", Required = true };
        var format = new Option<string>("--format") { Description = "The file's format: vartio (docs/WATCHLISTS.md) or opensanctions (the simple CSV)", HelpName = "FORMAT", DefaultValueFactory = _ => "vartio" };
        var command = new Command("watchlist", "Import a watchlist file into a list: entries absent from the file are removed, changed ones updated; the counts are printed and audited.")
        {
            file, list, format,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(list)!.Trim();
            if (WatchlistImporter.NameProblem(name) is { } nameProblem)
            {
                await error.WriteLineAsync($"--list: {nameProblem}");
                return ExitCodes.Usage;
            }

            if (WatchlistFormats.Parse(parse.GetValue(format)) is not { } fileFormat)
            {
                await error.WriteLineAsync($"--format: {WatchlistFormats.Problem(parse.GetValue(format))}");
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(file)!;
            var (stream, openProblem) = WatchlistFileReader.Open(path.FullName);
            if (stream is null)
            {
                await error.WriteLineAsync(openProblem!.Message);
                return ExitCodes.Usage;
            }

            await using (stream)
            {
                await using var db = await database.OpenAsync(parse, clock, cancellationToken);
                if (db is null)
                {
                    return ExitCodes.Failed;
                }

                // Progress goes to standard error, so that standard output carries only the result.
                var terminal = error == Console.Error && !Console.IsErrorRedirected;
                var result = terminal
                    ? await WithProgressBarsAsync(path.Name, progress => Import(db, clock, progress, name, fileFormat, stream, path.Name, cancellationToken))
                    : await Import(db, clock, new PlainProgress(error, path.Name), name, fileFormat, stream, path.Name, cancellationToken);
                if (result.Counts is not { } counts)
                {
                    foreach (var problem in result.Problems)
                    {
                        await error.WriteLineAsync($"{path.Name}: {problem.Describe()}");
                    }

                    await error.WriteLineAsync("Nothing was imported.");
                    return ExitCodes.Usage;
                }

                var skipped = counts.Skipped > 0 ? $" ({counts.Skipped} rows describe no person and were skipped)" : "";
                await output.WriteLineAsync($"Imported {path.Name} into {name}: {counts}{skipped}. The list holds {counts.Entries} entries.");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Task<WatchlistImportResult> Import(VartioDbContext db, IClock clock, IProgress<WatchlistImportProgress> progress, string list, WatchlistFormat format, Stream file, string fileName, CancellationToken cancellationToken) =>
        new WatchlistImporter(db, clock) { Progress = progress }.ImportAsync(list, format, file, fileName, AdminCli.Actor, cancellationToken);

    /// <summary>Two bars on the terminal's standard error: the file read, then the rows written.</summary>
    private static Task<WatchlistImportResult> WithProgressBarsAsync(string fileName, Func<IProgress<WatchlistImportProgress>, Task<WatchlistImportResult>> import)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask(Markup.Escape($"Reading {fileName}"), maxValue: 1);
                var writing = context.AddTask("Writing changes", autoStart: false, maxValue: 1);
                var result = await import(new BarProgress(reading, writing));
                reading.Value = reading.MaxValue;
                writing.StartTask();
                writing.Value = writing.MaxValue;
                return result;
            });
    }

    private sealed class BarProgress(ProgressTask reading, ProgressTask writing) : IProgress<WatchlistImportProgress>
    {
        public void Report(WatchlistImportProgress value)
        {
            var task = value.Stage == WatchlistImportStage.Reading ? reading : writing;
            task.StartTask();
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = Math.Min(value.Done, task.MaxValue);
        }
    }

    /// <summary>For a log or a pipe: one line on standard error when each stage starts.</summary>
    private sealed class PlainProgress(TextWriter output, string fileName) : IProgress<WatchlistImportProgress>
    {
        private WatchlistImportStage? stage;

        public void Report(WatchlistImportProgress value)
        {
            if (stage == value.Stage)
            {
                return;
            }

            stage = value.Stage;
            output.WriteLine(value.Stage == WatchlistImportStage.Reading ? $"Reading {fileName}…" : $"Writing {value.Total} changes…");
        }
    }
}
