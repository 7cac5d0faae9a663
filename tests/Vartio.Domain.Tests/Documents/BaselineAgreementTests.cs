using System.Globalization;
using System.Text.Json;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// Field-by-field comparison with the npm package <c>mrz</c> 5.0.2, the performance baseline, on the zones
/// of benchmarks/mrz-baseline/agreement-inputs.json. Its readings were recorded with
/// <c>node fields.mjs &gt; baseline-fields.json</c>. Every disagreement is listed in <see cref="Expected"/>
/// with the rule that decides it; any other disagreement fails the test.
/// </summary>
public sealed class BaselineAgreementTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    /// <summary>(zone, field) → why Vartio's reading is right.</summary>
    private static readonly Dictionary<(string Zone, string Field), string> Expected = new()
    {
        [("TD3 specimen", "valid")] = Utopia,
        [("TD3 Part 11 specimen", "valid")] = Utopia,
        [("TD2 specimen", "valid")] = Utopia,
        [("TD2 overlong specimen", "valid")] = Utopia,
        [("TD1 specimen", "valid")] = Utopia,
        [("TD1 overlong specimen", "valid")] = Utopia,
        [("TD2 overlong specimen", "optionalData")] = Continuation,
        [("TD1 overlong specimen", "optionalData")] = Continuation,
        [("TD2 overlong SWE", "optionalData")] = Continuation,
        [("TD1 overlong SWE", "optionalData")] = Continuation,
        [("TD1 overlong, Doc 9303 convention", "optionalData")] = Continuation,
        [("TD1 overlong, filler convention", "optionalData")] = Continuation,
        [("TD2 overlong, Doc 9303 convention", "optionalData")] = Continuation,
        [("TD2 overlong, filler convention", "optionalData")] = Continuation,
        [("MRV-A specimen", "format")] = Visa,
        [("MRV-A specimen", "valid")] = Visa,
        [("MRV-B specimen", "format")] = Visa,
        [("MRV-B specimen", "valid")] = Visa,
        [("French card specimen", "documentNumber")] = FrenchNumber,
        [("French card with administrative code", "documentNumber")] = FrenchNumber,
        [("French card with administrative code", "secondaryIdentifier")] =
            "Given names on the French card are separated by two fillers; each run of fillers is one separator, read as one space, as for every other name field. The baseline turns each filler into a space.",
        [("TD3 31 February", "valid")] =
            "February 1974 has 28 days. The baseline only checks that a day lies between 01 and 31.",
        [("TD3 expiry before birth", "valid")] =
            "A document cannot expire before its holder is born: one of the dates is wrong. The baseline checks each date on its own.",
        [("TD3 sex X", "valid")] =
            "Documents for holders of unspecified sex are issued with X in the sex position (and the issue asks for X as the output for unspecified); Vartio reads X like the filler. The baseline accepts only M, F and <.",
        [("TD3 misread in date", "valid")] = Misread,
    };

    private const string Utopia =
        "UTO is Utopia, the fictional state of ICAO's specimens (Doc 9303 Part 3). The baseline's country list lacks it and rejects ICAO's own specimens.";

    private const string Continuation =
        "The rest of an overlong document number and its check digit belong to the document number (Doc 9303 Parts 5 and 6, the document number field); the optional data starts after the filler that ends them. The baseline also reports them as optional data.";

    private const string Visa =
        "Document code V in 2 × 44 (MRV-A) or 2 × 36 (MRV-B) is a visa (Doc 9303 Part 7), which has no composite check digit. The baseline has no visa formats: it reads a passport or TD2 card and rejects it.";

    private const string FrenchNumber =
        "The card number is all twelve characters of line 2 positions 1–12 (month of issue, department, sequence), which the check digit at position 13 covers. The baseline reports only the last five.";

    private const string Misread =
        "The baseline runs with its default, no correction. Vartio corrects the O read for a 0 in a date, whose field type admits only digits, and lists the correction. (An O in a document number, which admits letters and digits, is not corrected: both agree that the zone is not valid.)";

    [Fact]
    public void Parse_SharedZones_DisagreesWithTheBaselineOnlyWhereARuleSaysSo()
    {
        var actual = Disagreements().ToDictionary(d => (d.Zone, d.Field), d => d.Detail);

        var unexplained = actual.Keys.Except(Expected.Keys).Select(k => $"{k.Zone} / {k.Field}: {actual[k]}").ToList();
        var vanished = Expected.Keys.Except(actual.Keys).Select(k => $"{k.Zone} / {k.Field}").ToList();
        Assert.True(unexplained.Count == 0, "unexplained disagreements:\n" + string.Join("\n", unexplained));
        Assert.True(vanished.Count == 0, "expected disagreements that no longer occur:\n" + string.Join("\n", vanished));
    }

    [Fact]
    public void Parse_SharedZones_AgreeOnEveryFieldOfTheRandomValidZones()
    {
        Assert.DoesNotContain(Disagreements(), d => d.Zone.StartsWith("random", StringComparison.Ordinal));
        Assert.Equal(60, Inputs().Count(i => i.Name.StartsWith("random", StringComparison.Ordinal)));
    }

    private static IEnumerable<(string Zone, string Field, string Detail)> Disagreements()
    {
        var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", "Baseline", "baseline-fields.json")))
            .RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, StringComparer.Ordinal);
        foreach (var (name, lines) in Inputs())
        {
            var ours = MrzParser.Parse(lines, Today);
            var theirs = baseline[name];
            if (theirs.TryGetProperty("error", out var error))
            {
                yield return (name, "format", $"ours {ours.Format?.Code()}, baseline throws: {error.GetString()}");
                continue;
            }

            var theirFormat = theirs.GetProperty("format").GetString();
            if (theirFormat != ours.Format?.Code() && !(theirFormat == "FRENCH_NATIONAL_ID" && ours.Format == MrzFormat.FrenchIdentityCard))
            {
                yield return (name, "format", $"ours {ours.Format?.Code()}, baseline {theirFormat}");
            }

            var theirValid = theirs.GetProperty("valid").GetBoolean();
            if (theirValid != ours.IsValid)
            {
                yield return (name, "valid", $"ours {ours.IsValid} ({string.Join("; ", ours.Problems.Select(p => p.Message))}), baseline {theirValid}");
            }

            var fields = theirs.GetProperty("fields");
            foreach (var (field, value) in OurFields(ours))
            {
                var key = BaselineName(field, ours.Format);
                if (key is null || !fields.TryGetProperty(key, out var their) || their.ValueKind == JsonValueKind.Null || value is null)
                {
                    // Only what both read is compared: a field one side leaves unread is covered by "valid".
                    continue;
                }

                var theirText = their.GetString();
                if (field == "sex")
                {
                    theirText = theirText switch { "male" => "M", "female" => "F", _ => "X" };
                }

                if (!string.Equals(value, theirText, StringComparison.Ordinal))
                {
                    yield return (name, field, $"ours '{value}', baseline '{theirText}'");
                }
            }
        }
    }

    private static IEnumerable<(string Name, string[] Lines)> Inputs() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", "Baseline", "agreement-inputs.json")))
            .RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToArray()));

    private static IEnumerable<(string Field, string? Value)> OurFields(MrzResult r)
    {
        yield return ("documentCode", r.DocumentCode);
        yield return ("issuingState", r.IssuingState);
        yield return ("documentNumber", r.DocumentNumber);
        yield return ("primaryIdentifier", r.PrimaryIdentifier);
        yield return ("secondaryIdentifier", r.SecondaryIdentifier);
        yield return ("nationality", r.Nationality);
        yield return ("dateOfBirth", r.DateOfBirth?.ToString("yyMMdd", CultureInfo.InvariantCulture));
        yield return ("sex", r.Sex switch { Sex.Male => "M", Sex.Female => "F", Sex.Unspecified => "X", _ => null });
        yield return ("dateOfExpiry", r.DateOfExpiry?.ToString("yyMMdd", CultureInfo.InvariantCulture));
        yield return ("optionalData", r.OptionalData);
        yield return ("optionalData2", r.OptionalData2);
        yield return ("dateOfIssue", r.DateOfIssue?.ToString("yyMM", CultureInfo.InvariantCulture));
    }

    private static string? BaselineName(string field, MrzFormat? format) => field switch
    {
        "documentCode" or "issuingState" or "documentNumber" or "nationality" or "sex" => field,
        "primaryIdentifier" => "lastName",
        "secondaryIdentifier" => "firstName",
        "dateOfBirth" => "birthDate",
        "dateOfExpiry" => "expirationDate",
        "dateOfIssue" => "issueDate",
        "optionalData" => format switch
        {
            MrzFormat.Td3 => "personalNumber",
            MrzFormat.Td1 => "optional1",
            MrzFormat.FrenchIdentityCard => "administrativeCode",
            _ => "optional",
        },
        "optionalData2" => "optional2",
        _ => null,
    };
}
