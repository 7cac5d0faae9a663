using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime.Text;
using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Domain.Text;

namespace Vartio.Screening;

/// <summary>What reading a whole file found: every entry, or every problem (then no entry).</summary>
/// <param name="Problems">Each with the column's name as its field and the line where its row starts.</param>
/// <param name="Skipped">Rows that are valid but describe no person (OpenSanctions' companies, vessels, ...).</param>
public sealed record WatchlistFileResult(IReadOnlyList<WatchlistEntry> Entries, IReadOnlyList<Problem> Problems, int Skipped)
{
    public bool IsValid => Problems.Count == 0;

    public static WatchlistFileResult Rejected(Problem problem) => new([], [problem], 0);
}

/// <summary>One row of a file as <see cref="WatchlistFileReader.ReadAsync"/> gives it: an entry, a problem, or neither (a row that describes no person).</summary>
public readonly record struct WatchlistFileRow(WatchlistEntry? Entry, Problem? Problem);

/// <summary>
/// Reads watchlist files (docs/WATCHLISTS.md), strictly: a file that is not UTF-8, a malformed row, a value that
/// cannot be stored (too long, a control character) or an id given twice is a <see cref="Problem"/> of its line
/// and column, never an exception. <see cref="ReadAllAsync"/> gives every entry or every problem, so that an
/// importer applies a whole file or nothing; <see cref="ReadAsync"/> gives the rows one by one.
/// </summary>
public sealed class WatchlistFileReader
{
    /// <summary>How many problems <see cref="ReadAllAsync"/> collects before it stops reading.</summary>
    public const int MaxProblems = 100;

    /// <summary>The longest entry id a list stores (the database column's length).</summary>
    public const int MaxIdLength = 200;

    /// <summary>The longest primary name a list stores (the database column's length).</summary>
    public const int MaxNameLength = 1000;

    private readonly WatchlistFormat format;
    private readonly string list;

    /// <param name="list">The list the entries belong to (the importer's <c>--list NAME</c>).</param>
    public WatchlistFileReader(WatchlistFormat format, string list)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        this.format = format;
        this.list = list;
    }

    /// <summary>Called with the number of bytes read from the stream so far, at most once per row.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Every entry of the file, or every problem in it (up to <see cref="MaxProblems"/>, by line) and no entry.</summary>
    public async Task<WatchlistFileResult> ReadAllAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var entries = new List<WatchlistEntry>();
        var problems = new List<Problem>();
        var skipped = 0;
        await foreach (var (entry, problem) in ReadAsync(stream, cancellationToken))
        {
            if (problem is not null)
            {
                problems.Add(problem);
                if (problems.Count == MaxProblems)
                {
                    break;
                }
            }
            else if (entry is null)
            {
                skipped++;
            }
            else if (problems.Count == 0)
            {
                entries.Add(entry);
            }
        }

        return problems.Count == 0 ? new(entries, [], skipped) : new([], [.. problems.OrderBy(p => p.Line ?? 0)], skipped);
    }

    /// <summary>Reads a file from disk; a file that cannot be opened is a problem of the file as a whole.</summary>
    public async Task<WatchlistFileResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var (stream, problem) = Open(path);
        if (stream is null)
        {
            return WatchlistFileResult.Rejected(problem!);
        }

        await using (stream)
        {
            return await ReadAllAsync(stream, cancellationToken);
        }
    }

    /// <summary>The file opened for reading, or why it cannot be (a missing file, a folder, no permission).</summary>
    public static (FileStream? Stream, Problem? Problem) Open(string path)
    {
        // The one place where the file system's answer comes as an exception; it becomes a problem here.
        try
        {
            return (File.OpenRead(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new Problem(CsvFile.FileField, $"cannot read {Path.GetFileName(path)}: {e.Message}"));
        }
    }

    /// <summary>
    /// Each row as an entry (null for a row that describes no person) or its first problem, in the file's order;
    /// problems of the file as a whole (not UTF-8, no header) end it. The rows after a problem are still read and
    /// checked, so that every problem of a file is found in one pass.
    /// </summary>
    public async IAsyncEnumerable<WatchlistFileRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var columns = format == WatchlistFormat.Vartio ? VartioColumns.All : OpenSanctionsColumns.All;
        await using var csv = CsvFile.Open(stream);
        if (await csv.ReadHeaderAsync(columns, string.Join(',', columns), cancellationToken) is { } headerProblem)
        {
            yield return new(null, headerProblem);
            yield break;
        }

        // The line where each entry's id was first given, so that a second entry with it names the first.
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await csv.NextAsync(cancellationToken) is { Kind: not CsvStepKind.End } step)
        {
            if (step.Problem is { } problem)
            {
                yield return new(null, problem);
                continue;
            }

            Progress?.Report(csv.ByteOffset);
            var row = new Row(csv);
            var entry = format == WatchlistFormat.Vartio ? ReadVartio(row, idLines) : ReadOpenSanctions(row, idLines);
            yield return new(row.Problem is null ? entry : null, row.Problem);
        }

        Progress?.Report(stream.CanSeek ? stream.Position : csv.ByteOffset);
    }

    private WatchlistEntry? ReadVartio(Row row, Dictionary<string, int> idLines)
    {
        var id = EntryId(row, VartioColumns.Id, idLines);
        var kindName = row.Text(VartioColumns.Kind);
        var kind = WatchlistKinds.Parse(kindName) ?? row.Fail<WatchlistKind>(VartioColumns.Kind, $"'{kindName}' is not a kind: expected {WatchlistKinds.Expected}");
        var documents = row.Values(VartioColumns.Documents).Select(d => Document(row, d)).ToList();
        var name = row.Text(VartioColumns.Name);
        if (name.Length == 0 && kind != WatchlistKind.LostOrStolenDocument)
        {
            row.Fail<string>(VartioColumns.Name, "a person's entry needs a name");
        }

        CheckNameLength(row, VartioColumns.Name, name);

        if (kind == WatchlistKind.LostOrStolenDocument && documents.Count == 0)
        {
            row.Fail<string>(VartioColumns.Documents, "a lost or stolen document entry needs at least one STATE:NUMBER");
        }

        var validFrom = row.Date(VartioColumns.ValidFrom);
        var validUntil = row.Date(VartioColumns.ValidUntil);
        if (validFrom is { } from && validUntil is { } until && until < from)
        {
            row.Fail<string>(VartioColumns.ValidUntil, "valid_until is before valid_from");
        }

        var entry = new WatchlistEntry(
            list,
            id,
            kind,
            name,
            row.Values(VartioColumns.Aliases),
            row.BirthDate(VartioColumns.BirthDate),
            row.Values(VartioColumns.Nationalities).Select(n => Nationality(row, n)).ToList(),
            documents,
            row.Text(VartioColumns.Reason) is { Length: > 0 } reason ? reason : null,
            validFrom,
            validUntil);
        return row.Problem is null ? entry : null;
    }

    private WatchlistEntry? ReadOpenSanctions(Row row, Dictionary<string, int> idLines)
    {
        if (row.Text(OpenSanctionsColumns.Schema) != "Person")
        {
            // Not an entry, so its id is neither stored nor compared; it must still be given.
            row.Required(OpenSanctionsColumns.Id);
            return null;
        }

        var id = EntryId(row, OpenSanctionsColumns.Id, idLines);
        var name = row.Required(OpenSanctionsColumns.Name);
        CheckNameLength(row, OpenSanctionsColumns.Name, name);
        var nationalities = row.Values(OpenSanctionsColumns.Countries)
            .Select(code => Country.FromAlpha2(code)?.Alpha3)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var sanctions = row.Text(OpenSanctionsColumns.Sanctions);
        var entry = new WatchlistEntry(
            list,
            id,
            WatchlistKind.RefusalOfEntry,
            name,
            row.Values(OpenSanctionsColumns.Aliases).Where(a => a != name).Distinct(StringComparer.Ordinal).ToList(),
            OpenSanctionsBirthDate(row),
            nationalities,
            [],
            sanctions.Length > 0 ? sanctions : row.Text(OpenSanctionsColumns.Dataset),
            null,
            null);
        return row.Problem is null ? entry : null;
    }

    /// <summary>
    /// The entry's id: given, short enough to be stored, and not given to an earlier entry of the file (whose line
    /// is named). The first line of each id is kept even when its row has another problem, so that every later
    /// entry with the id is reported at once.
    /// </summary>
    private static string EntryId(Row row, string column, Dictionary<string, int> idLines)
    {
        var id = row.Required(column);
        if (id.Length > MaxIdLength)
        {
            return row.Fail<string>(column, $"the id '{Shorten(id)}' is longer than {MaxIdLength} characters");
        }

        if (id.Length > 0 && !idLines.TryAdd(id, row.Line))
        {
            row.Fail<string>(column, string.Create(CultureInfo.InvariantCulture, $"the id '{Shorten(id)}' is already given to the entry on line {idLines[id]}; each entry needs its own"));
        }

        return id;
    }

    private static void CheckNameLength(Row row, string column, string name)
    {
        if (name.Length > MaxNameLength)
        {
            row.Fail<string>(column, $"the name is longer than {MaxNameLength} characters");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>
    /// OpenSanctions gives every date a source knows, separated by <c>;</c>. One date (or several that agree) is
    /// kept; several in the same year keep the year; dates in different years are unknown, so that they neither
    /// raise nor lower a score.
    /// </summary>
    private static PartialDate OpenSanctionsBirthDate(Row row)
    {
        var dates = row.Values(OpenSanctionsColumns.BirthDate).Select(d => row.BirthDateValue(OpenSanctionsColumns.BirthDate, d)).Distinct().ToList();
        return dates.Count switch
        {
            0 => PartialDate.Unknown,
            1 => dates[0],
            _ when dates.All(d => d.Year == dates[0].Year) => PartialDate.FromYear(dates[0].Year!.Value),
            _ => PartialDate.Unknown,
        };
    }

    private static WatchlistDocument Document(Row row, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            return row.Fail<WatchlistDocument>(VartioColumns.Documents, $"'{value}' is not a document: expected STATE:NUMBER, e.g. FIN:XP1234567");
        }

        var state = value[..colon].Trim().ToUpperInvariant();
        return IsCountryCode(state)
            ? new WatchlistDocument(state, value[(colon + 1)..].Trim())
            : row.Fail<WatchlistDocument>(VartioColumns.Documents, $"'{state}' is not an issuing state code (ISO 3166-1 alpha-3 or ICAO)");
    }

    private static string Nationality(Row row, string value)
    {
        var code = value.Trim().ToUpperInvariant();
        return IsCountryCode(code)
            ? code
            : row.Fail<string>(VartioColumns.Nationalities, $"'{value}' is not a nationality code (ISO 3166-1 alpha-3 or ICAO)");
    }

    /// <summary>
    /// Whether the code is accepted, as a result reports it (<c>D</c> for Germany, not <c>D&lt;&lt;</c>): padded
    /// looked up in the country table, which costs no scan of the codes for every row of a list.
    /// </summary>
    internal static bool IsCountryCode(string code) => Country.FromAlpha3(code) is not null;

    /// <summary>One row being read; the first problem found in it is kept, later ones ignored.</summary>
    private sealed class Row(CsvFile csv)
    {
        public int Line { get; } = csv.Line;

        public Problem? Problem { get; private set; }

        /// <summary>The column's value, trimmed; a value that may not be stored (<see cref="StoredText"/>) is a problem.</summary>
        public string Text(string column)
        {
            var value = csv.Text(column);
            if (StoredText.Fault(value) is { } fault)
            {
                Fail<string>(column, fault.TrimEnd('.'));
                return "";
            }

            return value.Trim();
        }

        public string Required(string column)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                Fail<string>(column, "empty; a value is required");
            }

            return value;
        }

        public IReadOnlyList<string> Values(string column)
        {
            var value = Text(column);
            return value.Length == 0 ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        public PartialDate BirthDate(string column) => BirthDateValue(column, Text(column));

        public PartialDate BirthDateValue(string column, string value) => PartialDate.TryParse(value, out var date)
            ? date
            : Fail<PartialDate>(column, $"'{value}' is not a date: expected YYYY, YYYY-MM-DD or nothing");

        public LocalDate? Date(string column)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(value);
            return parsed.Success ? parsed.Value : Fail<LocalDate?>(column, $"'{value}' is not a date: expected YYYY-MM-DD or nothing");
        }

        public T Fail<T>(string column, string message)
        {
            Problem ??= new Problem(column, message, Line);
            return default!;
        }
    }
}
