using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Screening;

namespace Vartio.Screening;

/// <summary>The file formats a watchlist is imported from (docs/WATCHLISTS.md).</summary>
public enum WatchlistFormat
{
    /// <summary>Vartio's own CSV: one row per entry, every field of <see cref="WatchlistEntry"/>.</summary>
    Vartio,

    /// <summary>The OpenSanctions "simple" CSV export; its Person rows become refusal-of-entry entries.</summary>
    OpenSanctions,
}

/// <summary>Why a watchlist file cannot be imported: the line and column at fault.</summary>
/// <param name="Line">1-based line of the file where the row at fault starts; 0 when the file as a whole is at fault.</param>
/// <param name="Column">The column's name in the header; empty when the row or the file as a whole is at fault.</param>
public sealed record WatchlistFileProblem(int Line, string Column, string Message)
{
    public override string ToString() => Line == 0
        ? Message
        : Column.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {Message}");
}

/// <summary>Thrown by the streaming readers at the first malformed row: an import must then apply nothing.</summary>
public sealed class WatchlistFileException(WatchlistFileProblem problem) : Exception(problem.ToString())
{
    public WatchlistFileProblem Problem { get; } = problem;
}

/// <summary>What reading a whole file found: every entry, or every problem (then no entry).</summary>
/// <param name="Skipped">Rows that are valid but describe no person (OpenSanctions' companies, vessels, ...).</param>
public sealed record WatchlistFileResult(IReadOnlyList<WatchlistEntry> Entries, IReadOnlyList<WatchlistFileProblem> Problems, int Skipped)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads watchlist files. <see cref="ReadAsync"/> streams entries for an importer that shows progress and
/// throws <see cref="WatchlistFileException"/> at the first malformed row, so a caller that applies the entries
/// only once the enumeration has finished never applies half a file; <see cref="ReadAllAsync"/> collects every
/// problem instead, for a report.
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

    /// <summary>Rows read but not turned into entries by the last read (see <see cref="WatchlistFileResult.Skipped"/>).</summary>
    public int Skipped { get; private set; }

    public static WatchlistFormat? ParseFormat(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "vartio" => WatchlistFormat.Vartio,
        "opensanctions" => WatchlistFormat.OpenSanctions,
        _ => null,
    };

    /// <summary>The entries one by one; throws <see cref="WatchlistFileException"/> at the first malformed row.</summary>
    public async IAsyncEnumerable<WatchlistEntry> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (entry, problem) in ReadRowsAsync(stream, cancellationToken))
        {
            if (problem is not null)
            {
                throw new WatchlistFileException(problem);
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>Every entry of the file, or every problem in it (up to <see cref="MaxProblems"/>) and no entry.</summary>
    public async Task<WatchlistFileResult> ReadAllAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var entries = new List<WatchlistEntry>();
        var problems = new List<WatchlistFileProblem>();
        await foreach (var (entry, problem) in ReadRowsAsync(stream, cancellationToken))
        {
            if (problem is not null)
            {
                problems.Add(problem);
                if (problems.Count == MaxProblems)
                {
                    break;
                }
            }
            else if (entry is not null && problems.Count == 0)
            {
                entries.Add(entry);
            }
        }

        return problems.Count == 0 ? new(entries, [], Skipped) : new([], problems, Skipped);
    }

    /// <summary>Reads a file from disk; a file that cannot be opened is a problem of the file as a whole.</summary>
    public async Task<WatchlistFileResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [new WatchlistFileProblem(0, "", $"cannot read {Path.GetFileName(path)}: {e.Message}")], 0);
        }

        await using (stream)
        {
            return await ReadAllAsync(stream, cancellationToken);
        }
    }

    /// <summary>Each row as an entry (null for a skipped row) or its first problem; a broken file ends with its problem.</summary>
    private async IAsyncEnumerable<(WatchlistEntry? Entry, WatchlistFileProblem? Problem)> ReadRowsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Skipped = 0;
        var columns = format == WatchlistFormat.Vartio ? VartioColumns.All : OpenSanctionsColumns.All;
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            MissingField = CsvMissingFieldHandling.Throw,
        };
        await using var csv = CsvReader.Create(stream, options, true);
        // The line where each entry's id was first given, so that a second entry with it names the first.
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerChecked = false;
        while (true)
        {
            var next = await NextAsync(csv, cancellationToken);
            if (next.Problem is not null)
            {
                yield return (null, next.Problem);
                yield break;
            }

            if (!headerChecked)
            {
                var missing = columns.Where(c => !csv.Headers.Contains(c, StringComparer.Ordinal)).ToList();
                if (missing.Count > 0)
                {
                    var problem = csv.Headers.Count == 0
                        ? new WatchlistFileProblem(0, "", $"the file is empty: expected the header {string.Join(',', columns)}")
                        : new WatchlistFileProblem(1, missing[0], $"the header has no column {string.Join(", ", missing)}; expected {string.Join(',', columns)}");
                    yield return (null, problem);
                    yield break;
                }

                headerChecked = true;
            }

            if (!next.Read)
            {
                break;
            }

            Progress?.Report(csv.ByteOffset);
            var row = new Row(csv, checked((int)csv.LineNumber));
            var entry = format == WatchlistFormat.Vartio ? ReadVartio(row, idLines) : ReadOpenSanctions(row, idLines);
            if (row.Problem is not null)
            {
                yield return (null, row.Problem);
            }
            else
            {
                if (entry is null)
                {
                    Skipped++;
                }

                yield return (entry, null);
            }
        }

        Progress?.Report(csv.ByteOffset);
    }

    private static async Task<(bool Read, WatchlistFileProblem? Problem)> NextAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            return (await csv.ReadAsync(cancellationToken), null);
        }
        catch (CsvFormatException e)
        {
            return (false, new WatchlistFileProblem(checked((int)e.LineNumber), "", e.Message));
        }
    }

    private WatchlistEntry? ReadVartio(Row row, Dictionary<string, int> idLines)
    {
        var id = EntryId(row, VartioColumns.Id, idLines);
        var kind = row.Text(VartioColumns.Kind) switch
        {
            "refusal-of-entry" => WatchlistKind.RefusalOfEntry,
            "wanted-person" => WatchlistKind.WantedPerson,
            "lost-or-stolen-document" => WatchlistKind.LostOrStolenDocument,
            var other => row.Fail<WatchlistKind>(VartioColumns.Kind, $"'{other}' is not a kind: expected refusal-of-entry, wanted-person or lost-or-stolen-document"),
        };
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
            .Select(CountryAlpha2.Alpha3)
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
    /// with fillers and looked up in the MRZ's table, which costs no scan of the codes for every row of a list.
    /// </summary>
    internal static bool IsCountryCode(string code)
    {
        if (code.Length is 0 or > 3)
        {
            return false;
        }

        Span<char> padded = ['<', '<', '<'];
        code.AsSpan().CopyTo(padded);
        return Domain.Documents.CountryCodes.Find(padded) is { } found && string.Equals(found.Value, code, StringComparison.Ordinal);
    }

    /// <summary>One row being read; the first problem found in it is kept, later ones ignored.</summary>
    private sealed class Row(CsvReader csv, int line)
    {
        public int Line => line;

        public WatchlistFileProblem? Problem { get; private set; }

        public string Text(string column) => (csv.GetString(column) ?? "").Trim();

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
            Problem ??= new WatchlistFileProblem(line, column, message);
            return default!;
        }
    }
}

/// <summary>The header of Vartio's own watchlist CSV (docs/WATCHLISTS.md).</summary>
public static class VartioColumns
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string BirthDate = "birth_date";
    public const string Nationalities = "nationalities";
    public const string Documents = "documents";
    public const string Reason = "reason";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";

    public static IReadOnlyList<string> All { get; } = [Id, Kind, Name, Aliases, BirthDate, Nationalities, Documents, Reason, ValidFrom, ValidUntil];
}

/// <summary>The columns of the OpenSanctions "simple" CSV that Vartio reads (the others are required in the header but unused).</summary>
public static class OpenSanctionsColumns
{
    public const string Id = "id";
    public const string Schema = "schema";
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string BirthDate = "birth_date";
    public const string Countries = "countries";
    public const string Sanctions = "sanctions";
    public const string Dataset = "dataset";

    public static IReadOnlyList<string> All { get; } =
        ["id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers", "sanctions", "phones", "emails", "dataset", "first_seen", "last_seen", "last_change"];
}
