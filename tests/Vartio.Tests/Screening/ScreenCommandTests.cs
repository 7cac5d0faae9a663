using System.Text;
using System.Text.Json;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Screening;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Screening;

/// <summary><c>vartio screen</c> and the watchlist file readers, run in process as the executable runs them.</summary>
public sealed class ScreenCommandTests : IDisposable
{
    private const string VartioList = """
        id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until
        R-1,refusal-of-entry,Щербаков Иван Петрович,Ivan Shcherbakov,1975-03-02,RUS,RUS:751234567,"SIS alert, Art. 24",2023-01-01,
        W-2,wanted-person,Muhammad Abdul Rahman Al-Hassan,محمد عبد الرحمن الحسن;Abu Yusuf,1969,SYR,,Europol,,
        D-3,lost-or-stolen-document,,,,,UTO:L898902C3,stolen,,
        """;

    private const string OpenSanctionsList = """
        id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change
        NK-1,Person,Yuliya Sergeyevna Ivanova,Юлия Сергеевна Иванова;Julija Iwanowa,1980-05-04;1980,ru;ua,,,EU travel ban,,,EU Financial Sanctions,2022-01-01,2024-01-01,2023-01-01
        NK-2,Company,Acme Trading LLC,,,ru,,,,,,EU Financial Sanctions,2022-01-01,2024-01-01,2023-01-01
        NK-3,Person,Ivan Petrov,,1970;1971,suhh,,,,,,OFAC SDN,2022-01-01,2024-01-01,2023-01-01
        """;

    private readonly List<string> files = [];

    [Fact]
    public async Task ScreenPrintsTheDocumentedJsonBestFirst()
    {
        var (code, output, error) = await RunAsync("screen", "--list", File(VartioList), "--name", "Shcherbakov Ivan", "--birth-date", "1975-03-02", "--nationality", "RUS", "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["query", "hits"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Shcherbakov Ivan", root.GetProperty("query").GetProperty("name").GetString());
        var hit = root.GetProperty("hits")[0];
        Assert.Equal("R-1", hit.GetProperty("id").GetString());
        Assert.Equal("Ivan Shcherbakov", hit.GetProperty("name").GetString());
        Assert.Equal(1.0, hit.GetProperty("score").GetDouble());
        Assert.Equal("raised", hit.GetProperty("explanation").GetProperty("birthDate").GetProperty("effect").GetString());
    }

    [Fact]
    public async Task ScreenWithABirthYearApart_HitsLowerUnlessAnExactDateIsAsked()
    {
        // Lists' birth dates are often approximate: four years apart lowers a full name's hit by 0.05 (docs/SCREENING.md) and says so.
        var (code, output, _) = await RunAsync("screen", "--list", File(VartioList), "--name", "Ivan Shcherbakov", "--birth-date", "1979-03-02", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("R-1", hit.GetProperty("id").GetString());
        Assert.Equal(0.95, hit.GetProperty("score").GetDouble(), 3);
        Assert.Equal("birth year 4 years apart (1979-03-02, list 1975-03-02)", hit.GetProperty("explanation").GetProperty("birthDate").GetProperty("detail").GetString());

        var (exactCode, exact, _) = await RunAsync("screen", "--list", File(VartioList), "--name", "Ivan Shcherbakov", "--birth-date", "1979-03-02", "--exact-birth-date");
        Assert.Equal(0, exactCode);
        Assert.Contains("No hit for Ivan Shcherbakov", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenWithoutHitsExitsZero()
    {
        var (code, output, _) = await RunAsync("screen", "--list", File(VartioList), "--name", "Aleksandr Smirnov", "--birth-date", "1975-03-02");

        Assert.Equal(0, code);
        Assert.Contains("No hit for Aleksandr Smirnov", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenPrintsATableOfHits()
    {
        var (code, output, _) = await RunAsync("screen", "--list", File(VartioList), "--name", "Mohamed Abdelrahman Hassan");

        Assert.Equal(0, code);
        Assert.Contains("W-2", output, StringComparison.Ordinal);
        Assert.Contains("Muhammad Abdul Rahman Al-Hassan", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueriesFilePrintsOneJsonObjectPerLine()
    {
        var queries = File("name,birth_date,nationality\nYulia Ivanova,1980,RUS\nNobody Known,,\n");
        var (code, output, error) = await RunAsync("screen", "--list", File(OpenSanctionsList), "--format", "opensanctions", "--queries", queries);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("NK-1", first.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, second.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("--birth-date", "1975-02-30", "--birth-date")]
    [InlineData("--nationality", "XYZ", "--nationality")]
    [InlineData("--threshold", "1.5", "--threshold")]
    [InlineData("--format", "xml", "--format")]
    public async Task BadOptionExitsTwoNamingIt(string option, string value, string named)
    {
        var (code, output, error) = await RunAsync("screen", "--list", File(VartioList), "--name", "Ivan", option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedQueriesLineExitsTwoNamingTheLine()
    {
        var queries = File("name,birth_date,nationality\nIvan Petrov,1970,RUS\nYulia Ivanova,80,RUS\n");
        var (code, _, error) = await RunAsync("screen", "--list", File(VartioList), "--queries", queries);

        Assert.Equal(2, code);
        Assert.Contains("Line 3 (birth_date): '80' is not a date", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedListRowExitsTwoNamingLineAndColumn()
    {
        var list = VartioList + "\nR-4,refusal-of-entry,Ivan Ivanov,,1975-13-01,RUS,,,,\n";
        var (code, _, error) = await RunAsync("screen", "--list", File(list), "--name", "Ivan");

        Assert.Equal(2, code);
        Assert.Contains("Line 5 (birth_date): '1975-13-01' is not a date", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingListFileExitsTwo()
    {
        var (code, _, error) = await RunAsync("screen", "--list", "/nonexistent/list.csv", "--name", "Ivan");

        Assert.Equal(2, code);
        Assert.Contains("cannot read list.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VartioFormatReadsEveryField()
    {
        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(Stream(VartioList), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        var first = result.Entries[0];
        Assert.Equal(("national", "R-1", WatchlistKind.RefusalOfEntry), (first.List, first.Id, first.Kind));
        Assert.Equal(["Ivan Shcherbakov"], first.Aliases);
        Assert.Equal("1975-03-02", first.BirthDate.ToString());
        Assert.Equal([new WatchlistDocument("RUS", "751234567")], first.Documents);
        Assert.Equal("SIS alert, Art. 24", first.Reason);
        Assert.Equal(new NodaTime.LocalDate(2023, 1, 1), first.ValidFrom);
        Assert.Null(first.ValidUntil);
        Assert.Equal(2, result.Entries[1].Aliases.Count);
        Assert.Equal(WatchlistKind.LostOrStolenDocument, result.Entries[2].Kind);
    }

    [Fact]
    public async Task OpenSanctionsFormatKeepsPersonsWithAlpha3Countries()
    {
        var reader = new WatchlistFileReader(WatchlistFormat.OpenSanctions, "eu");
        var result = await reader.ReadAllAsync(Stream(OpenSanctionsList), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(["NK-1", "NK-3"], result.Entries.Select(e => e.Id));
        Assert.Equal(1, result.Skipped);
        var first = result.Entries[0];
        Assert.Equal(WatchlistKind.RefusalOfEntry, first.Kind);
        Assert.Equal(["RUS", "UKR"], first.Nationalities);
        // Two dates in one year keep the year; two years are unknown.
        Assert.Equal("1980", first.BirthDate.ToString());
        Assert.True(result.Entries[1].BirthDate.IsUnknown);
        Assert.Empty(result.Entries[1].Nationalities);
        Assert.Equal("EU travel ban", first.Reason);
    }

    [Fact]
    public async Task StreamingReaderGivesEachRow_AMalformedOneAsItsProblem_AndReportsProgress()
    {
        var list = VartioList + "\nR-4,refusal-of-entry,Ivan Ivanov,,,RUS,FIN-123,,,\n";
        var progress = new List<long>();
        var reader = new WatchlistFileReader(WatchlistFormat.Vartio, "national") { Progress = new SynchronousProgress(progress.Add) };
        var rows = new List<WatchlistFileRow>();

        await foreach (var row in reader.ReadAsync(Stream(list), TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        Assert.Equal(["R-1", "W-2", "D-3"], rows.Take(3).Select(r => r.Entry?.Id));
        Assert.Equal(new WatchlistFileRow(null, new Problem("documents", "'FIN-123' is not a document: expected STATE:NUMBER, e.g. FIN:XP1234567", 5)), rows[3]);
        Assert.Equal(4, rows.Count);
        Assert.True(progress.Count >= 4);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(Encoding.UTF8.GetByteCount(list), progress[^1]);
    }

    [Theory]
    [InlineData("", 0, "file")]
    [InlineData("id,kind,name\n", 1, "aliases")]
    [InlineData("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n1,bad,Ivan,,,,,,,\n", 2, "kind")]
    [InlineData("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n1,wanted-person,Ivan,,,,,,\n", 2, "file")]
    [InlineData("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n1,wanted-person,\"Ivan \"the\" Terrible\",,,,,,,\n", 2, "file")]
    [InlineData("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n1,wanted-person,,,,,,,,\n", 2, "name")]
    [InlineData("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n1,wanted-person,Ivan,,,,,,2024-01-02,2024-01-01\n", 2, "valid_until")]
    public async Task MalformedFileIsAProblemWithLineAndColumnAndNoEntries(string text, int line, string column)
    {
        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(Stream(text), TestContext.Current.CancellationToken);

        Assert.False(result.IsValid);
        Assert.Empty(result.Entries);
        Assert.Equal((line, column), (result.Problems[0].Line ?? 0, result.Problems[0].Field));
    }

    [Fact]
    public async Task IdsAndNamesThatCannotBeStoredAreProblemsOfTheirLine_ADuplicateNamingTheFirst()
    {
        var list = VartioList + $"""

            R-1,wanted-person,Ivan Ivanov,,,,,,,
            {new string('X', 201)},wanted-person,Ivan Ivanov,,,,,,,
            W-5,wanted-person,{new string('a', 1001)},,,,,,,
            W-6,wanted-person,Ivan Ivanov,,,,,"reported
            twice",,
            W-2,wanted-person,Ivan Ivanov,,1975-13-01,,,,,
            W-2,wanted-person,Ivan Ivanov,,,,,,,
            """;

        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(Stream(list), TestContext.Current.CancellationToken);

        Assert.Empty(result.Entries);
        // The row on lines 8 and 9 is valid; a row with two problems is reported with the first (its id).
        Problem[] expected =
            [
                new("id", "the id 'R-1' is already given to the entry on line 2; each entry needs its own", 5),
                new("id", $"the id '{new string('X', 40)}…' is longer than 200 characters", 6),
                new("name", "the name is longer than 1000 characters", 7),
                new("id", "the id 'W-2' is already given to the entry on line 3; each entry needs its own", 10),
                new("id", "the id 'W-2' is already given to the entry on line 3; each entry needs its own", 11),
            ];
        Assert.Equal(expected, result.Problems);
    }

    [Fact]
    public async Task ADuplicateIdIsAProblemOfItsLine_AndOpenSanctionsSkippedRowsHoldNoId()
    {
        var list = OpenSanctionsList + """

            NK-2,Person,Acme Trading,,,,,,,,,EU Financial Sanctions,2022-01-01,2024-01-01,2023-01-01
            NK-1,Person,Yulia Ivanova,,,,,,,,,EU Financial Sanctions,2022-01-01,2024-01-01,2023-01-01
            """;
        var reader = new WatchlistFileReader(WatchlistFormat.OpenSanctions, "eu");
        var rows = new List<WatchlistFileRow>();

        await foreach (var row in reader.ReadAsync(Stream(list), TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        // NK-2 was a company on line 3, not an entry, so the person NK-2 is the list's first.
        Assert.Equal(["NK-1", null, "NK-3", "NK-2", null], rows.Select(r => r.Entry?.Id));
        var problem = rows[^1].Problem!;
        Assert.Equal(new Problem("id", "the id 'NK-1' is already given to the entry on line 2; each entry needs its own", 6), problem);
        Assert.Equal("Line 6 (id): the id 'NK-1' is already given to the entry on line 2; each entry needs its own.", problem.Describe());
    }

    [Fact]
    public async Task ALatin1File_IsAProblemOfTheLineAndPositionOfItsFirstInvalidByte_AndNoEntries()
    {
        // "Jürgen" as Latin-1 writes ü as the single byte 0xFC, which UTF-8 never has; the second row's reason
        // runs over two lines, and its ü on the second (line 4) follows a valid UTF-8 "ü" on line 3.
        var header = "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n"u8.ToArray();
        byte[] file =
        [
            .. header,
            .. Encoding.Latin1.GetBytes("R-1,refusal-of-entry,Jürgen Schmidt,,1970,DEU,,,,\n"),
            .. Encoding.UTF8.GetBytes("R-2,wanted-person,Jürgen Müller,,,,,\"Listed\nby M"), 0xFC, .. "ller\",,\n"u8.ToArray(),
        ];

        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(new MemoryStream(file), TestContext.Current.CancellationToken);

        Assert.Empty(result.Entries);
        Assert.Equal([("name", 2, 23), ("reason", 4, 5)], result.Problems.Select(p => (p.Field, p.Line, p.Position)));
        Assert.Equal(
            "Line 2, position 23 (name): the file is not UTF-8: byte 0xFC here is not valid UTF-8; save the file as UTF-8 (not Latin-1 or Windows-1252) and import it again.",
            result.Problems[0].Describe());
    }

    [Fact]
    public async Task AHeaderThatIsNotUtf8_IsAProblemOfLineOne()
    {
        var file = Encoding.Latin1.GetBytes("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until,bemerkung_für_prüfer\nR-1,wanted-person,Ivan,,,,,,,,\n");

        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(new MemoryStream(file), TestContext.Current.CancellationToken);

        Assert.Empty(result.Entries);
        var problem = Assert.Single(result.Problems);
        // The header's first 97 characters end with "bemerkung_f"; the ü is the 98th.
        Assert.Equal(("file", 1, 98), (problem.Field, problem.Line, problem.Position));
        Assert.StartsWith("the file is not UTF-8: the byte here is not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenRefusesAListThatIsNotUtf8_NamingLineAndPosition()
    {
        var path = File("");
        await System.IO.File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetBytes(VartioList + "\n"), .. Encoding.Latin1.GetBytes("R-9,refusal-of-entry,Jürgen Schmidt,,1970,DEU,,,,\n")], TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("screen", "--list", path, "--name", "Jurgen Schmidt");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Line 5, position 23 (name): the file is not UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueriesFileThatIsNotUtf8_IsRefusedNamingLineAndPosition()
    {
        var queries = File("");
        await System.IO.File.WriteAllBytesAsync(queries, Encoding.Latin1.GetBytes("name,birth_date,nationality\nJürgen Schmidt,1970,DEU\n"), TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("screen", "--list", File(VartioList), "--queries", queries);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Line 2, position 2 (name): the file is not UTF-8", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ivan\u0007Petrov", "name", "Character 5 (U+0007) is a control character or a non-character and cannot be stored")]
    [InlineData("Ivan Petrov,Iwan\uFFFEPetrow", "aliases", "Character 5 (U+FFFE) is a control character or a non-character and cannot be stored")]
    [InlineData("Ivan Petrov,,,,,SIS\u001Balert", "reason", "Character 4 (U+001B) is a control character or a non-character and cannot be stored")]
    public async Task AControlCharacterOrANonCharacter_IsAProblemOfItsLineAndColumn(string fields, string column, string message)
    {
        var list = VartioList + $"\nR-4,wanted-person,{fields}" + new string(',', 9 - fields.Count(c => c == ',') - 2) + "\n";

        var result = await new WatchlistFileReader(WatchlistFormat.Vartio, "national").ReadAllAsync(Stream(list), TestContext.Current.CancellationToken);

        Assert.Empty(result.Entries);
        Assert.Equal(new Problem(column, message, 5), Assert.Single(result.Problems));
    }

    [Fact]
    public async Task ScreenAppliesTheApisRules_ANameTooLongIsRefused()
    {
        // The API refuses names over 500 characters; the command used to screen them.
        var (code, _, error) = await RunAsync("screen", "--list", File(VartioList), "--name", new string('a', 501));

        Assert.Equal(2, code);
        Assert.StartsWith("--name: At most 500 characters.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueriesFileProblems_AreEveryLineAtFault_WithItsColumn()
    {
        var queries = File("name,birth_date,nationality\nIvan Petrov,1970,FINLAND\n,1980,RUS\nYulia Ivanova,1980,RUS\n");

        var (code, output, error) = await RunAsync("screen", "--list", File(VartioList), "--queries", queries);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Line 2 (nationality): 'FINLAND' is not a nationality", lines[0], StringComparison.Ordinal);
        Assert.Contains("Line 3 (name): Give the traveller's name", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUS", true)]
    [InlineData("D", true)]
    [InlineData("XXA", true)]
    [InlineData("RKS", true)]
    [InlineData("UTO", true)]
    [InlineData("D<<", false)]
    [InlineData("D<", false)]
    [InlineData("XYZ", false)]
    [InlineData("rus", false)]
    [InlineData("", false)]
    [InlineData("RUSS", false)]
    [InlineData("R1S", false)]
    public void CountryCodesAreThoseAResultReports(string code, bool accepted)
    {
        Assert.Equal(accepted, WatchlistFileReader.IsCountryCode(code));
        // The lookup agrees with the list of codes it stands for.
        Assert.Equal(Vartio.Domain.Countries.Country.All.Any(c => c.MrzCode == code || c.Alpha3 == code), accepted);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private string File(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-screen-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllText(path, content);
        files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            System.IO.File.Delete(file);
        }
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
