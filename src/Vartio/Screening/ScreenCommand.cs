using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Hosting;

namespace Vartio.Screening;

/// <summary>
/// <c>vartio screen --list FILE [--format vartio|opensanctions] (--name NAME | --queries FILE.csv)
/// [--birth-date D] [--exact-birth-date] [--nationality ISO3] [--threshold X] [--json]</c>: screens people against a watchlist
/// file, without a database. Exits 0 whether or not there are hits, 2 for bad input.
/// </summary>
public static class ScreenCommand
{
    private static readonly JsonSerializerOptions Compact = JsonOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = JsonOptions(indented: true);

    public static Command Create()
    {
        var list = new Option<FileInfo>("--list") { Description = "The watchlist file", HelpName = "FILE", Required = true };
        var format = new Option<string>("--format") { Description = "The list's format: vartio (docs/WATCHLISTS.md) or opensanctions (the simple CSV)", HelpName = "FORMAT", DefaultValueFactory = _ => "vartio" };
        var name = new Option<string>("--name") { Description = "The name to screen, in any script and order", HelpName = "NAME" };
        var birthDate = new Option<string>("--birth-date") { Description = "Date of birth, YYYY or YYYY-MM-DD", HelpName = "DATE" };
        var nationality = new Option<string>("--nationality") { Description = "Nationality, ISO 3166-1 alpha-3", HelpName = "ISO3" };
        var exactBirthDate = new Option<bool>("--exact-birth-date") { Description = "Only entries whose birth date agrees (or is unknown) are hits; by default a date years apart only lowers a hit" };
        var threshold = new Option<string>("--threshold") { Description = $"Lowest score reported, 0 to 1 (default {ScreeningDefaults.Threshold.ToString(CultureInfo.InvariantCulture)})", HelpName = "X" };
        var queries = new Option<FileInfo>("--queries") { Description = "A CSV of people to screen (columns name,birth_date,nationality); prints one JSON object per line", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var command = new Command("screen", "Screen a person against a watchlist file: names in any script or romanisation, with birth date and nationality.");
        foreach (var option in new Option[] { list, format, name, birthDate, nationality, exactBirthDate, threshold, queries, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (WatchlistFormats.Parse(parse.GetValue(format)) is not { } listFormat)
            {
                await error.WriteLineAsync($"--format: {WatchlistFormats.Problem(parse.GetValue(format))}");
                return ExitCodes.Usage;
            }

            var (cutoff, thresholdProblem) = ScreeningInput.ParseThreshold(parse.GetValue(threshold), ScreeningFields.Options);
            var queriesFile = parse.GetValue(queries);
            var single = parse.GetValue(name);
            if ((queriesFile is null) == (single is null))
            {
                await error.WriteLineAsync("Give either --name or --queries.");
                return ExitCodes.Usage;
            }

            var (people, problems) = thresholdProblem is not null
                ? ([], [thresholdProblem])
                : single is not null
                    ? One(ScreeningInput.Read(new ScreeningRequest(single, parse.GetValue(birthDate), parse.GetValue(nationality), null, cutoff, parse.GetValue(exactBirthDate)), ScreeningFields.Options))
                    : await ReadQueriesAsync(queriesFile!, cutoff, parse.GetValue(exactBirthDate), cancellationToken);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(queriesFile is null || thresholdProblem is not null ? problem.Describe() : $"--queries {queriesFile.Name}: {problem.Describe()}");
                }

                return ExitCodes.Usage;
            }

            var listFile = parse.GetValue(list)!;
            var reader = new WatchlistFileReader(listFormat, Path.GetFileNameWithoutExtension(listFile.Name));
            var entries = await reader.ReadFileAsync(listFile.FullName, cancellationToken);
            if (!entries.IsValid)
            {
                foreach (var problem in entries.Problems)
                {
                    await error.WriteLineAsync($"--list {listFile.Name}: {problem.Describe()}");
                }

                return ExitCodes.Usage;
            }

            var index = WatchlistIndex.Build(entries.Entries);
            foreach (var person in people)
            {
                var hits = index.Screen(person.Query!, person.Threshold);
                if (queriesFile is not null)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(ScreeningResult.From(person.Query!, hits), Compact));
                }
                else if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(ScreeningResult.From(person.Query!, hits), Indented));
                }
                else
                {
                    WriteText(output, person.Query!, hits, index.Count, person.Threshold);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (List<ScreeningInput> People, List<Problem> Problems) One(ScreeningInput input) =>
        input.IsValid ? ([input], []) : ([], [.. input.Problems]);

    /// <summary>Every person of a queries file (columns name, birth_date, nationality), or every problem in it (up to a hundred).</summary>
    private static async Task<(List<ScreeningInput> People, List<Problem> Problems)> ReadQueriesAsync(FileInfo file, double? threshold, bool exactBirthDate, CancellationToken cancellationToken)
    {
        var people = new List<ScreeningInput>();
        var problems = new List<Problem>();
        var (stream, openProblem) = WatchlistFileReader.Open(file.FullName);
        if (stream is null)
        {
            return ([], [openProblem!]);
        }

        await using (stream)
        {
            await using var csv = CsvFile.Open(stream);
            var fields = ScreeningFields.Columns;
            if (await csv.ReadHeaderAsync([fields.Name], $"{fields.Name},{fields.BirthDate},{fields.Nationality}", cancellationToken) is { } headerProblem)
            {
                return ([], [headerProblem]);
            }

            while (problems.Count < WatchlistFileReader.MaxProblems && await csv.NextAsync(cancellationToken) is { Kind: not CsvStepKind.End } step)
            {
                if (step.Problem is { } problem)
                {
                    problems.Add(problem);
                    continue;
                }

                var request = new ScreeningRequest(csv.Text(fields.Name), csv.Text(fields.BirthDate), csv.Text(fields.Nationality), null, threshold, exactBirthDate);
                var input = ScreeningInput.Read(request, fields, csv.Line);
                if (input.IsValid)
                {
                    people.Add(input);
                }
                else
                {
                    problems.AddRange(input.Problems);
                }
            }
        }

        return problems.Count > 0 ? ([], [.. problems.OrderBy(p => p.Line ?? 0)]) : (people, []);
    }

    private static void WriteText(TextWriter output, ScreeningQuery query, IReadOnlyList<ScreeningHit> hits, int listSize, double threshold)
    {
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

        var who = string.Join(", ", new[] { query.Name, query.BirthDate.ToString(), query.Nationality ?? "" }.Where(s => s.Length > 0));
        if (hits.Count == 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No hit for {who} among {listSize} entries (threshold {threshold:0.00})."));
            return;
        }

        var table = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{hits.Count} hit(s) for {who} among {listSize} entries (threshold {threshold:0.00})")));
        table.AddColumns("Score", "Id", "Kind", "Name on the list", "Born", "Nationality", "Why");
        foreach (var hit in hits)
        {
            table.AddRow(
                hit.Score.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(hit.Entry.Id),
                Markup.Escape(hit.Entry.Kind.Name()),
                Markup.Escape(hit.MatchedName),
                Markup.Escape(hit.Entry.BirthDate.ToString()),
                Markup.Escape(string.Join(' ', hit.Entry.Nationalities)),
                Markup.Escape(hit.Explanation.ToString()));
        }

        console.Write(table);
    }

    private static JsonSerializerOptions JsonOptions(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        VartioHost.ConfigureJson(options);
        return options;
    }
}
