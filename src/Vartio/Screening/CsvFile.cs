using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Vartio.Domain.Problems;

namespace Vartio.Screening;

/// <summary>What <see cref="CsvFile.NextAsync"/> found.</summary>
public enum CsvStepKind
{
    /// <summary>A record, readable through the <see cref="CsvFile"/> until the next step.</summary>
    Row,

    /// <summary>A record that cannot be read, or a problem of the file; the reading goes on.</summary>
    Problem,

    /// <summary>The end of the file.</summary>
    End,
}

/// <param name="Problem">Set when <paramref name="Kind"/> is <see cref="CsvStepKind.Problem"/>.</param>
public readonly record struct CsvStep(CsvStepKind Kind, Problem? Problem = null);

/// <summary>
/// A CSV file as Vartio reads one (watchlists, the people <c>vartio screen</c> is given): RFC 4180, comma-separated,
/// with a header row, in UTF-8 only. What is wrong comes back as <see cref="Problem"/>s, never as an exception: the
/// column's name in <see cref="Problem.Field"/> (or <see cref="FileField"/> for the file or a whole row) and the
/// line where the record starts. A record with broken quoting or the wrong number of fields is skipped and reported;
/// a record that is not valid UTF-8 is reported with the line and character position of its first invalid byte,
/// rather than read with replacement characters that no name would ever match.
/// </summary>
public sealed class CsvFile : IAsyncDisposable
{
    /// <summary>The field of a problem of the file as a whole or of a whole row.</summary>
    public const string FileField = "file";

    private readonly CsvReader csv;
    private readonly List<Problem> pending = [];
    private int reported;
    private bool ended;

    private CsvFile(Stream stream)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => pending.Add(Malformed(record)),
        };
        csv = CsvReader.Create(stream, options, leaveOpen: true);
    }

    /// <summary>Reads <paramref name="stream"/> from its current position; the stream stays open.</summary>
    public static CsvFile Open(Stream stream) => new(stream);

    /// <summary>The header's column names, once <see cref="ReadHeaderAsync"/> has read them.</summary>
    public IReadOnlyList<string> Headers => csv.Headers;

    /// <summary>The 1-based line where the current record starts.</summary>
    public int Line => checked((int)csv.LineNumber);

    /// <summary>Bytes read from the stream up to the current record, for progress.</summary>
    public long ByteOffset => csv.ByteOffset;

    /// <summary>Whether the header has the column.</summary>
    public bool Has(string column) => csv.Headers.Contains(column, StringComparer.Ordinal);

    /// <summary>The current record's value in <paramref name="column"/>, as written (untrimmed); empty when absent.</summary>
    public string Text(string column) => Has(column) ? csv.GetString(column) ?? "" : "";

    /// <summary>
    /// Reads the header: a problem when the file is empty, is not UTF-8, or lacks one of the
    /// <paramref name="required"/> columns (<paramref name="expected"/> says what a header looks like).
    /// </summary>
    public async Task<Problem?> ReadHeaderAsync(IReadOnlyList<string> required, string expected, CancellationToken cancellationToken)
    {
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            ended = true;
            return Failed(e);
        }

        if (csv.Headers.Count == 0)
        {
            return new Problem(FileField, $"the file is empty: expected the header {expected}");
        }

        // The header's bytes are not kept once it is read: its names, decoded with a replacement character for each
        // invalid sequence, give the position (exact for a header of unquoted names, as headers are written).
        var position = 1;
        foreach (var header in csv.Headers)
        {
            if (header.IndexOf('\uFFFD', StringComparison.Ordinal) is var at and >= 0)
            {
                return new Problem(FileField, NotUtf8(null), 1, position + at);
            }

            position += header.Length + 1;
        }

        var missing = required.Where(c => !Has(c)).ToList();
        return missing.Count == 0
            ? null
            : new Problem(missing[0], $"the header has no column {string.Join(", ", missing)}; expected {expected}", 1);
    }

    /// <summary>
    /// The next record, or a problem (of a record that was skipped, or of the file), or the end. Problems of
    /// skipped records may come after records that follow them in the file.
    /// </summary>
    public async ValueTask<CsvStep> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (reported < pending.Count)
            {
                return new CsvStep(CsvStepKind.Problem, pending[reported++]);
            }

            if (ended)
            {
                return new CsvStep(CsvStepKind.End);
            }

            try
            {
                if (!await csv.ReadAsync(cancellationToken))
                {
                    ended = true;
                    continue;
                }
            }
            catch (CsvFormatException e)
            {
                // Only what the options cannot skip, such as a record longer than the reader's limit: the rest of the
                // file cannot be read.
                ended = true;
                pending.Add(Failed(e));
                continue;
            }

            return Utf8Problem() is { } problem ? new CsvStep(CsvStepKind.Problem, problem) : new CsvStep(CsvStepKind.Row);
        }
    }

    public ValueTask DisposeAsync() => csv.DisposeAsync();

    /// <summary>The current record's first byte that is not UTF-8, as a problem of its column; null when it is all UTF-8.</summary>
    private Problem? Utf8Problem()
    {
        var raw = csv.RawRecord;
        if (Utf8.IsValid(raw))
        {
            return null;
        }

        var field = FileField;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (!Utf8.IsValid(csv.GetRawSpan(i)))
            {
                field = i < csv.Headers.Count ? csv.Headers[i] : FileField;
                break;
            }
        }

        var (lines, position, value) = FirstInvalid(raw);
        return new Problem(field, NotUtf8(value), Line + lines, position);
    }

    private static string NotUtf8(byte? value) => string.Create(
        CultureInfo.InvariantCulture,
        $"the file is not UTF-8: {(value is { } b ? $"byte 0x{b:X2}" : "the byte")} here is not valid UTF-8; save the file as UTF-8 (not Latin-1 or Windows-1252) and import it again");

    /// <summary>
    /// Where the first byte that is not UTF-8 is in <paramref name="raw"/>: the line breaks before it (CR, LF and
    /// CR LF each one, as the CSV reader counts lines), its 1-based position in characters on its line, and its value.
    /// </summary>
    private static (int Lines, int Position, byte Value) FirstInvalid(ReadOnlySpan<byte> raw)
    {
        var (lines, position) = (0, 1);
        for (var i = 0; i < raw.Length;)
        {
            if (Rune.DecodeFromUtf8(raw[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return (lines, position, raw[i]);
            }

            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                (lines, position) = (lines + 1, 1);
            }
            else if (raw[i] != '\r')
            {
                position++;
            }

            i += consumed;
        }

        return (lines, 0, 0);
    }

    private static Problem Failed(CsvFormatException e) =>
        new(FileField, e.Message, e.LineNumber > 0 ? checked((int)e.LineNumber) : null);

    private static Problem Malformed(CsvMalformedRecord record) => new(
        FileField,
        record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one; quote the whole field and double the quotes in it",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
            CsvMalformedReason.FieldCountMismatch => "the row does not have as many fields as the header",
            _ => "the row is malformed",
        },
        record.LineNumber > 0 ? checked((int)record.LineNumber) : null);
}
