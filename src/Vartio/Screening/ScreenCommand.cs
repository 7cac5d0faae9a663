using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;
using Vartio.Domain.Screening;
using Vartio.Hosting;

namespace Vartio.Screening;

/// <summary>
/// <c>vartio screen --list FILE [--format vartio|opensanctions] (--name NAME | --queries FILE.csv)
/// [--birth-date D] [--nationality ISO3] [--threshold X] [--json]</c>: screens people against a watchlist
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
        var threshold = new Option<string>("--threshold") { Description = $"Lowest score reported, 0 to 1 (default {ScreeningDefaults.Threshold.ToString(CultureInfo.InvariantCulture)})", HelpName = "X" };
        var queries = new Option<FileInfo>("--queries") { Description = "A CSV of people to screen (columns name,birth_date,nationality); prints one JSON object per line", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var command = new Command("screen", "Screen a person against a watchlist file: names in any script or romanisation, with birth date and nationality.");
        foreach (var option in new Option[] { list, format, name, birthDate, nationality, threshold, queries, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (WatchlistFileReader.ParseFormat(parse.GetValue(format)) is not { } listFormat)
            {
                await error.WriteLineAsync($"--format: '{parse.GetValue(format)}' is not a format: expected vartio or opensanctions.");
                return ExitCodes.Usage;
            }

            var cutoff = ScreeningDefaults.Threshold;
            if (parse.GetValue(threshold) is { } thresholdText
                && (!double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out cutoff) || cutoff is <= 0 or > 1))
            {
                await error.WriteLineAsync($"--threshold: '{thresholdText}' is not a score: expected a number above 0 and at most 1.");
                return ExitCodes.Usage;
            }

            var queriesFile = parse.GetValue(queries);
            var single = parse.GetValue(name);
            if ((queriesFile is null) == (single is null))
            {
                await error.WriteLineAsync("Give either --name or --queries.");
                return ExitCodes.Usage;
            }

            List<ScreeningQuery> people;
            if (single is not null)
            {
                if (Query(single, parse.GetValue(birthDate), parse.GetValue(nationality)) is not { } query)
                {
                    await error.WriteLineAsync(QueryProblem("--birth-date", parse.GetValue(birthDate), "--nationality", parse.GetValue(nationality)));
                    return ExitCodes.Usage;
                }

                people = [query];
            }
            else
            {
                var (read, problem) = await ReadQueriesAsync(queriesFile!, cancellationToken);
                if (problem is not null)
                {
                    await error.WriteLineAsync($"--queries: {problem}");
                    return ExitCodes.Usage;
                }

                people = read;
            }

            var listFile = parse.GetValue(list)!;
            var reader = new WatchlistFileReader(listFormat, Path.GetFileNameWithoutExtension(listFile.Name));
            var entries = await reader.ReadFileAsync(listFile.FullName, cancellationToken);
            if (!entries.IsValid)
            {
                foreach (var problem in entries.Problems)
                {
                    await error.WriteLineAsync($"--list {listFile.Name}: {problem}");
                }

                return ExitCodes.Usage;
            }

            var index = WatchlistIndex.Build(entries.Entries);
            foreach (var person in people)
            {
                var hits = index.Screen(person, cutoff);
                if (queriesFile is not null)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(ScreeningResult.From(person, hits), Compact));
                }
                else if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(ScreeningResult.From(person, hits), Indented));
                }
                else
                {
                    WriteText(output, person, hits, index.Count, cutoff);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static ScreeningQuery? Query(string name, string? birthDate, string? nationality)
    {
        if (!PartialDate.TryParse(birthDate, out var birth))
        {
            return null;
        }

        var code = string.IsNullOrWhiteSpace(nationality) ? null : nationality.Trim().ToUpperInvariant();
        return code is null || WatchlistFileReader.IsCountryCode(code) ? new ScreeningQuery(name, birth, code) : null;
    }

    private static string QueryProblem(string birthName, string? birth, string nationalityName, string? nationality) =>
        !PartialDate.TryParse(birth, out _)
            ? $"{birthName}: '{birth}' is not a date: expected YYYY or YYYY-MM-DD."
            : $"{nationalityName}: '{nationality}' is not a nationality: expected an ISO 3166-1 alpha-3 code such as FIN.";

    /// <summary>Every query of the file, or the first malformed line.</summary>
    private static async Task<(List<ScreeningQuery> Queries, string? Problem)> ReadQueriesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var queries = new List<ScreeningQuery>();
        try
        {
            await using var stream = File.OpenRead(file.FullName);
            var options = new CsvReaderOptions
            {
                HasHeader = true,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Throw,
            };
            await using var csv = CsvReader.Create(stream, options, false);
            var checkedHeader = false;
            while (await csv.ReadAsync(cancellationToken) is var more && (more || !checkedHeader))
            {
                if (!checkedHeader)
                {
                    if (!csv.Headers.Contains("name", StringComparer.Ordinal))
                    {
                        return ([], $"{file.Name} line 1: the header needs a column name (and may have birth_date, nationality)");
                    }

                    checkedHeader = true;
                    if (!more)
                    {
                        break;
                    }
                }

                var line = csv.LineNumber;
                var name = csv.GetString("name")?.Trim() ?? "";
                var birth = csv.Headers.Contains("birth_date", StringComparer.Ordinal) ? csv.GetString("birth_date") : null;
                var nationality = csv.Headers.Contains("nationality", StringComparer.Ordinal) ? csv.GetString("nationality") : null;
                if (name.Length == 0)
                {
                    return ([], string.Create(CultureInfo.InvariantCulture, $"{file.Name} line {line}, column name: empty; a name is required"));
                }

                if (Query(name, birth, nationality) is not { } query)
                {
                    return ([], string.Create(CultureInfo.InvariantCulture, $"{file.Name} line {line}, column {QueryProblem("birth_date", birth, "nationality", nationality)}"));
                }

                queries.Add(query);
            }
        }
        catch (CsvFormatException e)
        {
            return ([], string.Create(CultureInfo.InvariantCulture, $"{file.Name} line {e.LineNumber}: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"cannot read {file.Name}: {e.Message}");
        }

        return (queries, null);
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
                Markup.Escape(ScreeningResult.KindName(hit.Entry.Kind)),
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

/// <summary>The JSON the command prints for one query (and that the HTTP API can return).</summary>
public sealed record ScreeningResult(ScreeningResult.QueryJson Query, IReadOnlyList<ScreeningResult.HitJson> Hits)
{
    public static ScreeningResult From(ScreeningQuery query, IReadOnlyList<ScreeningHit> hits) => new(
        new QueryJson(query.Name, query.BirthDate.IsUnknown ? null : query.BirthDate.ToString(), query.Nationality),
        [.. hits.Select(h => new HitJson(h.Entry.Id, h.Entry.List, KindName(h.Entry.Kind), h.MatchedName, h.Score, h.Explanation.ToString(), h.Explanation))]);

    public static string KindName(WatchlistKind kind) => kind switch
    {
        WatchlistKind.RefusalOfEntry => "refusal-of-entry",
        WatchlistKind.WantedPerson => "wanted-person",
        _ => "lost-or-stolen-document",
    };

    public sealed record QueryJson(string Name, string? BirthDate, string? Nationality);

    /// <param name="Name">The list's name (or alias) that matched.</param>
    /// <param name="Summary">The explanation in one line.</param>
    public sealed record HitJson(string Id, string List, string Kind, string Name, double Score, string Summary, ScreeningExplanation Explanation);
}
