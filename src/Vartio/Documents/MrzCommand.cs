using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Documents;
using Vartio.Hosting;

namespace Vartio.Documents;

/// <summary>
/// <c>vartio mrz [--json] [LINE ...]</c>: reads and validates a machine-readable zone given as arguments, or
/// on standard input when there are none. Exits 0 when the zone is valid, 1 when it is a zone with problems,
/// 2 when the input is not a machine-readable zone or the usage is wrong.
/// </summary>
public static class MrzCommand
{
    /// <param name="input">Where lines are read when none are given; null for standard input.</param>
    public static Command Create(IClock clock, TextReader? input)
    {
        // The command line may run on any officer's machine: the day of the check is that machine's date.
        var reader = DocumentReader.OnThisMachine(clock);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the API's response) instead of text" };
        var lines = new Argument<string[]>("LINE")
        {
            Description = "The zone's lines (or the whole zone pasted as one); read from standard input when none are given",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // A zone never begins with '-': such a word is a mistyped option, not a line.
        lines.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        var command = new Command("mrz", "Read and validate a travel document's machine-readable zone (ICAO Doc 9303).");
        command.Options.Add(json);
        command.Arguments.Add(lines);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var given = parse.GetValue(lines) ?? [];
            if (given.Length == 0)
            {
                given = await ReadAllLinesAsync(input ?? Console.In, cancellationToken);
            }

            var result = reader.Parse(given);
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                VartioHost.ConfigureJson(options);
                await output.WriteLineAsync(JsonSerializer.Serialize(MrzResponse.From(result, given), options));
            }
            else if (result.Format is null)
            {
                await error.WriteLineAsync($"Not a machine-readable zone: {result.Problems[0].Message}.");
            }
            else
            {
                await output.WriteAsync(Describe(result, MrzParser.ReadLines(given)));
            }

            return result.Format is null ? ExitCodes.Usage : result.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<string[]> ReadAllLinesAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var read = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            read.Add(line);
        }

        return [.. read];
    }

    /// <summary>The zone as read, its fields, and every correction, problem and normalisation.</summary>
    internal static string Describe(MrzResult result, IReadOnlyList<string> zone)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var verdict = result.IsValid ? "valid" : $"not valid, {MrzText.Count(result.Problems.Count, "problem")}";
        text.WriteLine($"{MrzText.Describe(result.Format!.Value)}: {verdict}{(result.IsExpired ? "; EXPIRED" : "")}");
        foreach (var line in zone)
        {
            text.WriteLine($"  {line}");
        }

        text.WriteLine();
        Field("Document code", result.DocumentCode);
        Field("Issuing state", result.IssuingState);
        Field("Document number", result.DocumentNumber);
        Field("Primary identifier", result.PrimaryIdentifier);
        Field("Secondary identifier", result.SecondaryIdentifier);
        Field("Nationality", result.Nationality);
        Field("Date of birth", result.DateOfBirth is { } birth ? LocalDatePattern.Iso.Format(birth) : null);
        Field("Sex", result.Sex switch { Sex.Male => "M", Sex.Female => "F", Sex.Unspecified => "X (unspecified)", _ => null });
        if (result.Format != MrzFormat.FrenchIdentityCard)
        {
            Field("Date of expiry", result.DateOfExpiry is { } expiry ? LocalDatePattern.Iso.Format(expiry) : null);
        }
        else
        {
            Field("Month of issue", result.DateOfIssue?.ToString("uuuu-MM", CultureInfo.InvariantCulture));
        }

        Field("Optional data", result.OptionalData);
        if (result.Format == MrzFormat.Td1)
        {
            Field("Optional data (line 2)", result.OptionalData2);
        }

        foreach (var remark in result.Remarks)
        {
            text.WriteLine($"Remark: {remark}");
        }

        foreach (var c in result.Corrections)
        {
            text.WriteLine($"Corrected {c.Field.Name()} at line {c.Line} position {c.Position}: {c.From} → {c.To}");
        }

        foreach (var p in result.Problems)
        {
            text.WriteLine($"Problem in {p.Field.Name()} at line {p.Line} position {p.Position}: {p.Message}");
            foreach (var candidate in p.Candidates)
            {
                text.WriteLine($"  Compare with the printed page: {candidate.Field.Name()} would pass as {candidate.Reading.TrimEnd('<')}");
            }
        }

        foreach (var n in result.Normalisations)
        {
            text.WriteLine($"Input normalised: {n}");
        }

        return text.ToString();

        void Field(string name, string? value) => text.WriteLine($"{name,-22}{(value is null ? "(unreadable)" : value.Length == 0 ? "(empty)" : value)}");
    }
}
