using System.CommandLine;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Vartio.Documents;
using Vartio.Hosting;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Documents;

/// <summary><c>vartio mrz</c>: text or JSON, exit 0 valid, 1 invalid, 2 not a zone or wrong usage.</summary>
public sealed class MrzCommandTests
{
    // ICAO Doc 9303 Part 4's specimen passport, and Part 5's specimen TD1 card.
    private static readonly string[] Passport = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
    private static readonly string[] Card = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

    public static readonly string[] Keys =
    [
        "format", "valid", "documentCode", "issuingState", "documentNumber", "primaryIdentifier", "secondaryIdentifier",
        "nationality", "dateOfBirth", "dateOfExpiry", "sex", "optionalData", "corrections", "errors", "normalisations",
        "dateOfIssue", "zone", "expired", "remarks",
    ];

    [Fact]
    public async Task Mrz_ValidPassport_PrintsItsFieldsAndExitsZero()
    {
        var (exit, output, error) = await RunAsync(["mrz", .. Passport]);

        Assert.True(exit == 0, error);
        Assert.Contains("TD3 (passport, 2 × 44): valid", output, StringComparison.Ordinal);
        Assert.Contains("Document number       L898902C3", output, StringComparison.Ordinal);
        Assert.Contains("Secondary identifier  ANNA MARIA", output, StringComparison.Ordinal);
        Assert.Contains("Date of birth         1974-08-12", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrzJson_PrintsOneObjectWithExactlyTheDocumentedKeys()
    {
        var (exit, output, _) = await RunAsync(["mrz", "--json", .. Card]);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Keys, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TD1", json.GetProperty("format").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("D23145890", json.GetProperty("documentNumber").GetString());
        Assert.Equal("1974-08-12", json.GetProperty("dateOfBirth").GetString());
        Assert.Equal("2012-04-15", json.GetProperty("dateOfExpiry").GetString());
        Assert.Equal("F", json.GetProperty("sex").GetString());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task MrzJson_LetterInADate_IsCorrectedAndListed()
    {
        // The specimen's birth date 740812 read with O for its 0: a date holds only digits, so the O is a 0.
        var (exit, output, _) = await RunAsync("mrz", "--json", Passport[0], "L898902C36UTO74O8122F1204159ZE184226B<<<<<10");

        Assert.Equal(0, exit);
        var correction = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("corrections").EnumerateArray());
        Assert.Equal(["field", "from", "to", "line", "position"], correction.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dateOfBirth", correction.GetProperty("field").GetString());
        Assert.Equal("74O812", correction.GetProperty("from").GetString());
        Assert.Equal("740812", correction.GetProperty("to").GetString());
        Assert.Equal((2, 14), (correction.GetProperty("line").GetInt32(), correction.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task MrzJson_ChangedDigitInTheDocumentNumber_IsNotCorrectedButTheLookAlikeOfferedAndExitsOne()
    {
        // The specimen's number L898902C3 changed to L898902C4: LB98902C4 would pass both check digits, which
        // proves nothing about a field of letters and digits.
        var (exit, output, _) = await RunAsync("mrz", "--json", Passport[0], "L898902C46UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(1, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("L898902C4", json.GetProperty("documentNumber").GetString());
        Assert.Equal(0, json.GetProperty("corrections").GetArrayLength());
        var candidate = Assert.Single(json.GetProperty("errors")[0].GetProperty("candidates").EnumerateArray());
        Assert.Equal(["field", "reading", "line", "position"], candidate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("documentNumber", "LB98902C4", 2, 1), (candidate.GetProperty("field").GetString(), candidate.GetProperty("reading").GetString(), candidate.GetProperty("line").GetInt32(), candidate.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task Mrz_ChangedDigitInTheDocumentNumber_PrintsTheReadingToCompare()
    {
        var (exit, output, _) = await RunAsync("mrz", Passport[0], "L898902C46UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(1, exit);
        Assert.Contains("Document number       L898902C4", output, StringComparison.Ordinal);
        Assert.Contains("  Compare with the printed page: documentNumber would pass as LB98902C4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Corrected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrz_ExpiredPassport_SaysSoPlainly()
    {
        // ICAO's specimen passport expired on 2012-04-15 (line 2 positions 22–27).
        var (exit, output, _) = await RunAsync(["mrz", .. Passport]);

        Assert.Equal(0, exit);
        Assert.Contains("TD3 (passport, 2 × 44): valid; EXPIRED", output, StringComparison.Ordinal);
        Assert.Contains("Remark: the document expired on 2012-04-15", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrzJson_FaultyZone_ListsEveryErrorWithLineAndPositionAndExitsOne()
    {
        // Expiry check digit 9 → 8: it and the composite fail.
        var (exit, output, _) = await RunAsync("mrz", "--json", Passport[0], "L898902C36UTO7408122F1204158ZE184226B<<<<<10");

        Assert.Equal(1, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(
            [("dateOfExpiryCheckDigit", 2, 28), ("compositeCheckDigit", 2, 44)],
            json.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("position").GetInt32())));
        Assert.Equal(["field", "line", "position", "message", "candidates"], json.GetProperty("errors")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, json.GetProperty("errors")[0].GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task Mrz_FaultyZone_PrintsEachProblemAndExitsOne()
    {
        var (exit, output, _) = await RunAsync("mrz", Passport[0], "L898902C36UTO7408122F1204158ZE184226B<<<<<10");

        Assert.Equal(1, exit);
        Assert.Contains("not valid, 2 problems", output, StringComparison.Ordinal);
        Assert.Contains("Problem in dateOfExpiryCheckDigit at line 2 position 28", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrz_TextThatIsNoZone_ExitsTwoWithTheReason()
    {
        var (exit, output, error) = await RunAsync("mrz", "hello world");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Not a machine-readable zone: 1 line of 11 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrzJson_TextThatIsNoZone_PrintsANullFormatAndExitsTwo()
    {
        var (exit, output, _) = await RunAsync("mrz", "--json", "hello");

        Assert.Equal(2, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("format").ValueKind);
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("input", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Mrz_UnknownOption_IsAUsageErrorExitingTwo()
    {
        var (exit, _, error) = await RunAsync("mrz", "--jsn", Passport[0], Passport[1]);

        Assert.Equal(2, exit);
        Assert.Contains("--jsn", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrz_ZonePastedAsOneLowerCaseArgument_IsReadAndTheNormalisationsShown()
    {
        var (exit, output, _) = await RunAsync("mrz", string.Concat(Card).ToLowerInvariant());

        Assert.Equal(0, exit);
        Assert.Contains("Input normalised: lower-case letters read as upper case", output, StringComparison.Ordinal);
        Assert.Contains("Input normalised: a single line of 90 characters read as 3 lines of 30", output, StringComparison.Ordinal);
        Assert.Contains("  " + Card[2], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrz_NoLineArguments_ReadsStandardInput()
    {
        var command = MrzCommand.Create(new FakeClock(Instant.FromUtc(2026, 1, 15, 10, 0)), new StringReader(string.Join("\n", Card) + "\n"));
        var root = new RootCommand { Subcommands = { command } };
        var output = new StringWriter();

        var exit = await root.Parse(["mrz", "--json"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal("D23145890", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task Mrz_Help_NamesTheCommand()
    {
        var (exit, output, _) = await RunAsync("mrz", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("machine-readable zone", output, StringComparison.Ordinal);
    }
}
