using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Documents;

/// <summary>
/// Reads and validates a machine-readable zone (ICAO Doc 9303 Parts 3–7, and the French identity card of
/// 1988–2021). Never throws for bad input: whatever the text, the result says what was read and lists
/// every problem with its field, line and position.
/// </summary>
/// <remarks>
/// The work is bounded by the input's length: the input is read once, anything longer than the largest zone
/// (3 × 44 characters) is rejected before parsing, and the search for look-alike readings changes at
/// most <see cref="MaxCandidateSwaps"/> characters of one field at a time. Apart from the result and the strings it
/// holds, a valid zone is parsed without allocating.
/// </remarks>
public static class MrzParser
{
    /// <summary>
    /// The most look-alike characters a reading offered beside a failing check digit may change. One misread
    /// character is the common case and two still a plausible one; with more, chance alone would make a
    /// tenth of all readings pass.
    /// </summary>
    public const int MaxCandidateSwaps = 2;

    /// <summary>The most readings offered beside one failing check digit.</summary>
    public const int MaxCandidates = 6;

    /// <summary>The largest zone: TD3 and MRV-A, 2 × 44.</summary>
    internal const int Capacity = 132;

    internal const string WhitespaceRemoved = "surrounding whitespace removed";
    internal const string LowerCaseRead = "lower-case letters read as upper case";
    private const string SplitTd1 = "a single line of 90 characters read as 3 lines of 30";
    private const string SplitTwoBy36 = "a single line of 72 characters read as 2 lines of 36";
    private const string SplitTwoBy44 = "a single line of 88 characters read as 2 lines of 44";

    /// <summary>Parses a zone given as one text: its lines separated by line breaks, or pasted as one line.</summary>
    /// <param name="referenceDate">The day of the check, which places two-digit years (see <see cref="MrzDates"/>).</param>
    public static MrzResult Parse(string? text, LocalDate referenceDate)
    {
        Span<char> buffer = stackalloc char[Capacity];
        var input = new InputReader(buffer);
        input.Add(text);
        return Parse(ref input, referenceDate);
    }

    /// <summary>Parses a zone given line by line (a line may itself hold line breaks).</summary>
    /// <param name="referenceDate">The day of the check, which places two-digit years (see <see cref="MrzDates"/>).</param>
    public static MrzResult Parse(ReadOnlySpan<string?> lines, LocalDate referenceDate)
    {
        Span<char> buffer = stackalloc char[Capacity];
        var input = new InputReader(buffer);
        foreach (var line in lines)
        {
            input.Add(line);
        }

        return Parse(ref input, referenceDate);
    }

    /// <summary>
    /// The lines as the parser reads them (split, trimmed, upper-cased, a pasted line cut to the zone's
    /// shape), so that a screen can show the zone beside the result's line and position numbers. Empty when
    /// the input is longer than any zone.
    /// </summary>
    public static IReadOnlyList<string> ReadLines(ReadOnlySpan<string?> lines)
    {
        Span<char> buffer = stackalloc char[Capacity];
        var input = new InputReader(buffer);
        foreach (var line in lines)
        {
            input.Add(line);
        }

        if (input.TooLong || input.LineCount is 0 or > 3)
        {
            return [];
        }

        var text = input.Text;
        if (input.LineCount == 1 && text.Length is 90 or 72 or 88)
        {
            var length = text.Length == 90 ? 30 : text.Length / 2;
            var split = new string[text.Length / length];
            for (var i = 0; i < split.Length; i++)
            {
                split[i] = text.Slice(i * length, length).ToString();
            }

            return split;
        }

        var result = new string[input.LineCount];
        var start = 0;
        for (var i = 0; i < result.Length; i++)
        {
            var length = input.LineLength(i);
            result[i] = text.Slice(start, length).ToString();
            start += length;
        }

        return result;
    }

    private static MrzResult Parse(ref InputReader input, LocalDate referenceDate)
    {
        if (input.LineCount == 0)
        {
            return NotRecognised(input.Whitespace ? "the input holds only whitespace" : "the input is empty");
        }

        if (input.TooLong && input.LineCount <= 3)
        {
            return NotRecognised(string.Create(CultureInfo.InvariantCulture,
                $"the input ({input.TotalCharacters} characters) is longer than any machine-readable zone (at most 2 lines of 44)"));
        }

        var text = input.Text;
        string? split = null;
        int lineCount = input.LineCount, lineLength = input.FirstLineLength;
        if (lineCount == 1)
        {
            (lineCount, lineLength, split) = text.Length switch
            {
                90 => (3, 30, SplitTd1),
                72 => (2, 36, SplitTwoBy36),
                88 => (2, 44, SplitTwoBy44),
                _ => (1, text.Length, null),
            };
        }
        else if (lineCount > 3 || !input.LinesOfEqualLength)
        {
            lineLength = -1;
        }

        var layout = Recognise(text, lineCount, lineLength);
        if (layout is null)
        {
            return NotRecognised(string.Create(CultureInfo.InvariantCulture,
                $"{input.DescribeLines()}: no machine-readable zone has this shape (TD1 is 3 lines of 30 characters; TD2, MRV-B and the French identity card 2 of 36; TD3 and MRV-A 2 of 44)"));
        }

        var normalisations = Normalisations(input.Whitespace, input.LowerCase, split);
        Span<char> work = stackalloc char[Capacity];
        Span<MrzZone.Check> checks = stackalloc MrzZone.Check[MrzZone.MaxChecks];
        var zone = new MrzZone(layout, text, work[..text.Length], checks, referenceDate);
        return zone.Read(normalisations);
    }

    /// <summary>Which format, from line count, line length and document code; null when none fits.</summary>
    private static MrzLayout? Recognise(ReadOnlySpan<char> text, int lineCount, int lineLength)
    {
        switch (lineCount, lineLength)
        {
            case (3, 30):
                return MrzLayout.Td1;
            case (2, 44):
                return text[0] == 'V' ? MrzLayout.MrvA : MrzLayout.Td3;
            case (2, 36):
                if (text[0] == 'V')
                {
                    return MrzLayout.MrvB;
                }

                // Read as letters, as the corrections will: a reader that took the I of IDFRA for a 1 still
                // has a French card in front of it.
                var french = true;
                for (var i = 0; i < 5; i++)
                {
                    french &= MrzZone.AsLetter(text[i]) == "IDFRA"[i];
                }

                return french ? MrzLayout.FrenchIdentityCard : MrzLayout.Td2;
            default:
                return null;
        }
    }

    private static IReadOnlyList<string> Normalisations(bool whitespace, bool lowerCase, string? split)
    {
        var count = (whitespace ? 1 : 0) + (lowerCase ? 1 : 0) + (split is null ? 0 : 1);
        if (count == 0)
        {
            return [];
        }

        var list = new string[count];
        var i = 0;
        if (whitespace)
        {
            list[i++] = WhitespaceRemoved;
        }

        if (lowerCase)
        {
            list[i++] = LowerCaseRead;
        }

        if (split is not null)
        {
            list[i] = split;
        }

        return list;
    }

    private static MrzResult NotRecognised(string message) =>
        new(null, [new MrzProblem(MrzField.Input, 0, 0, message)], [], [], []);

    /// <summary>
    /// Collects the input's lines into one buffer: splits at line breaks, trims surrounding whitespace, skips
    /// blank lines and upper-cases a–z, noting what it changed. Stops copying (but keeps counting) once the
    /// input is longer than any zone, so its work is one pass over the input.
    /// </summary>
    private ref struct InputReader(Span<char> buffer)
    {
        private readonly Span<char> buffer = buffer;
        private int length;
        private int secondLineLength;
        private int thirdLineLength;
        private bool unequal;

        public int LineCount { get; private set; }

        public int FirstLineLength { get; private set; }

        public int TotalCharacters { get; private set; }

        public bool Whitespace { get; private set; }

        public bool LowerCase { get; private set; }

        public bool TooLong { get; private set; }

        public readonly bool LinesOfEqualLength => !unequal;

        public readonly ReadOnlySpan<char> Text => buffer[..length];

        public readonly int LineLength(int index) => index switch
        {
            0 => FirstLineLength,
            1 => secondLineLength,
            _ => thirdLineLength,
        };

        public void Add(string? chunk)
        {
            var rest = chunk.AsSpan();
            var start = 0;
            for (var i = 0; i < rest.Length; i++)
            {
                if (rest[i] is '\r' or '\n')
                {
                    AddLine(rest[start..i]);
                    start = i + 1;
                }
            }

            AddLine(rest[start..]);
        }

        public readonly string DescribeLines()
        {
            var lengths = LineCount switch
            {
                1 => string.Create(CultureInfo.InvariantCulture, $"1 line of {FirstLineLength} characters"),
                2 => string.Create(CultureInfo.InvariantCulture, $"2 lines of {FirstLineLength} and {secondLineLength} characters"),
                3 => string.Create(CultureInfo.InvariantCulture, $"3 lines of {FirstLineLength}, {secondLineLength} and {thirdLineLength} characters"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{LineCount} lines"),
            };
            return lengths;
        }

        private void AddLine(ReadOnlySpan<char> line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length != line.Length)
            {
                Whitespace = true;
            }

            if (trimmed.IsEmpty)
            {
                return;
            }

            LineCount++;
            TotalCharacters += trimmed.Length;
            switch (LineCount)
            {
                case 1:
                    FirstLineLength = trimmed.Length;
                    break;
                case 2:
                    secondLineLength = trimmed.Length;
                    unequal |= secondLineLength != FirstLineLength;
                    break;
                case 3:
                    thirdLineLength = trimmed.Length;
                    unequal |= thirdLineLength != FirstLineLength;
                    break;
                default:
                    // No zone has more than three lines: count the rest, copy nothing more.
                    return;
            }

            if (TooLong || length + trimmed.Length > buffer.Length)
            {
                TooLong = true;
                return;
            }

            var target = buffer.Slice(length, trimmed.Length);
            for (var i = 0; i < trimmed.Length; i++)
            {
                var c = trimmed[i];
                if (c is >= 'a' and <= 'z')
                {
                    c = (char)(c - ('a' - 'A'));
                    LowerCase = true;
                }

                target[i] = c;
            }

            length += trimmed.Length;
        }
    }
}
