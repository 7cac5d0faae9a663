namespace Vartio.Domain.Documents;

/// <summary>A run of characters in the zone, by offset into the lines laid end to end.</summary>
internal readonly record struct Segment(int Start, int Length)
{
    public static Segment None => new(0, 0);

    public int End => Start + Length;

    public bool IsNone => Length == 0;

    public bool Contains(int offset) => offset >= Start && offset < Start + Length;
}

/// <summary>The class of an ASCII character as a bit (digit, letter, filler), for checking a zone in one pass.</summary>
internal static class CharClass
{
    public const byte Digit = 1;
    public const byte Letter = 2;
    public const byte Filler = 4;

    public static byte Of(char c) => c < 128 ? Classes[c] : (byte)0;

    public static byte Admitted(CharKind kind) => kind switch
    {
        CharKind.Alpha => Letter | Filler,
        CharKind.Numeric => Digit,
        CharKind.NumericOrFiller => Digit | Filler,
        _ => Digit | Letter | Filler,
    };

    private static ReadOnlySpan<byte> Classes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0–9
        0, 0, 4, 0, 0, 0, // ':' ';' '<' '=' '>' '?'
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, // '@' A–P
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, // Q–Z '[' '\' ']' '^' '_'
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}

/// <summary>Which characters a position admits; decides how a confusable character may be corrected.</summary>
internal enum CharKind : byte
{
    /// <summary>A–Z and the filler: codes, names, sex. A confusable digit here is read as its letter.</summary>
    Alpha,

    /// <summary>0–9: dates and check digits. A confusable letter here is read as its digit.</summary>
    Numeric,

    /// <summary>0–9, or the filler where the field may be left empty or unknown.</summary>
    NumericOrFiller,

    /// <summary>A–Z, 0–9 and the filler: document numbers, optional data. Only check digits can tell O from 0.</summary>
    AlphaNumeric,
}

/// <summary>
/// Where each field of one format lies. Positions are written as Doc 9303 gives them (line, 1-based first
/// and last character) and kept as offsets into the lines laid end to end.
/// </summary>
internal sealed class MrzLayout
{
    private MrzLayout(MrzFormat format, int lineCount, int lineLength)
    {
        Format = format;
        LineCount = lineCount;
        LineLength = lineLength;
        Kinds = new CharKind[lineCount * lineLength];
        Allowed = new byte[lineCount * lineLength];
        Fields = new MrzField[lineCount * lineLength];
    }

    public MrzFormat Format { get; }

    public int LineCount { get; }

    public int LineLength { get; }

    public int Size => LineCount * LineLength;

    public CharKind[] Kinds { get; }

    /// <summary>Per position, the character classes its kind admits (see <see cref="CharClass"/>).</summary>
    public byte[] Allowed { get; }

    /// <summary>The field each position belongs to (name positions say primary identifier; see the parser).</summary>
    public MrzField[] Fields { get; }

    public Segment DocumentCode { get; private set; }

    public Segment IssuingState { get; private set; }

    /// <summary>The name zone: primary, <c>&lt;&lt;</c>, secondary. For the French card, the surname only.</summary>
    public Segment Name { get; private set; }

    /// <summary>The French card's given names, on their own in line 2; none elsewhere.</summary>
    public Segment GivenNames { get; private set; }

    public Segment DocumentNumber { get; private set; }

    public int DocumentNumberCheck { get; private set; }

    public Segment Nationality { get; private set; }

    public Segment DateOfBirth { get; private set; }

    public int DateOfBirthCheck { get; private set; }

    public int Sex { get; private set; }

    public Segment DateOfExpiry { get; private set; }

    public int DateOfExpiryCheck { get; private set; } = -1;

    public Segment OptionalData { get; private set; }

    /// <summary>The passport personal number's check digit (TD3 only); -1 elsewhere.</summary>
    public int OptionalDataCheck { get; private set; } = -1;

    public Segment OptionalData2 { get; private set; }

    public Segment DateOfIssue { get; private set; }

    public int Composite { get; private set; } = -1;

    public Segment[] CompositeRanges { get; private set; } = [];

    /// <summary>
    /// Where a document number longer than nine characters continues (TD1 line 1 from position 16, TD2 line 2
    /// from position 29), or none where the format has no such provision.
    /// </summary>
    public Segment Overflow { get; private set; }

    /// <summary>ICAO Doc 9303 Part 4: passports, 2 lines of 44.</summary>
    public static MrzLayout Td3 { get; } = Passport(MrzFormat.Td3, 44);

    /// <summary>ICAO Doc 9303 Part 7: full-size visa, 2 lines of 44, no composite check digit.</summary>
    public static MrzLayout MrvA { get; } = Visa(MrzFormat.MrvA, 44);

    /// <summary>ICAO Doc 9303 Part 7: small visa, 2 lines of 36, no composite check digit.</summary>
    public static MrzLayout MrvB { get; } = Visa(MrzFormat.MrvB, 36);

    /// <summary>ICAO Doc 9303 Part 6: 2 lines of 36.</summary>
    public static MrzLayout Td2 { get; } = BuildTd2();

    /// <summary>ICAO Doc 9303 Part 5: 3 lines of 30.</summary>
    public static MrzLayout Td1 { get; } = BuildTd1();

    /// <summary>
    /// The French identity card of 1988–2021 (the laminated card of the decree of 19 March 1987): line 1 is
    /// <c>ID</c>, <c>FRA</c>, the surname (6–30) and the issuing department and office (31–36); line 2 is the
    /// card number (1–12: year and month of issue, department, sequence) and its check digit (13), the given
    /// names (14–27), the birth date (28–33) and its check digit (34), the sex (35), and a check digit over
    /// everything before it in both lines (36).
    /// </summary>
    public static MrzLayout FrenchIdentityCard { get; } = BuildFrenchIdentityCard();

    private static MrzLayout Passport(MrzFormat format, int length)
    {
        var l = new MrzLayout(format, 2, length);
        l.NameLine1();
        l.Line2UpToExpiry();
        l.OptionalData = l.Set(MrzField.OptionalData, CharKind.AlphaNumeric, 2, 29, 42);
        l.OptionalDataCheck = l.At(MrzField.OptionalDataCheckDigit, CharKind.NumericOrFiller, 2, 43);
        l.Composite = l.At(MrzField.CompositeCheckDigit, CharKind.Numeric, 2, 44);
        l.CompositeRanges = [l.Seg(2, 1, 10), l.Seg(2, 14, 20), l.Seg(2, 22, 43)];
        return l;
    }

    private static MrzLayout Visa(MrzFormat format, int length)
    {
        var l = new MrzLayout(format, 2, length);
        l.NameLine1();
        l.Line2UpToExpiry();
        l.OptionalData = l.Set(MrzField.OptionalData, CharKind.AlphaNumeric, 2, 29, length);
        return l;
    }

    private static MrzLayout BuildTd2()
    {
        var l = new MrzLayout(MrzFormat.Td2, 2, 36);
        l.NameLine1();
        l.Line2UpToExpiry();
        l.DocumentNumberCheck = l.At(MrzField.DocumentNumberCheckDigit, CharKind.NumericOrFiller, 2, 10);
        l.OptionalData = l.Set(MrzField.OptionalData, CharKind.AlphaNumeric, 2, 29, 35);
        l.Overflow = l.OptionalData;
        l.Composite = l.At(MrzField.CompositeCheckDigit, CharKind.Numeric, 2, 36);
        l.CompositeRanges = [l.Seg(2, 1, 10), l.Seg(2, 14, 20), l.Seg(2, 22, 35)];
        return l;
    }

    private static MrzLayout BuildTd1()
    {
        var l = new MrzLayout(MrzFormat.Td1, 3, 30);
        l.DocumentCode = l.Set(MrzField.DocumentCode, CharKind.Alpha, 1, 1, 2);
        l.IssuingState = l.Set(MrzField.IssuingState, CharKind.Alpha, 1, 3, 5);
        l.DocumentNumber = l.Set(MrzField.DocumentNumber, CharKind.AlphaNumeric, 1, 6, 14);
        l.DocumentNumberCheck = l.At(MrzField.DocumentNumberCheckDigit, CharKind.NumericOrFiller, 1, 15);
        l.OptionalData = l.Set(MrzField.OptionalData, CharKind.AlphaNumeric, 1, 16, 30);
        l.Overflow = l.OptionalData;
        l.DateOfBirth = l.Set(MrzField.DateOfBirth, CharKind.NumericOrFiller, 2, 1, 6);
        l.DateOfBirthCheck = l.At(MrzField.DateOfBirthCheckDigit, CharKind.Numeric, 2, 7);
        l.Sex = l.At(MrzField.Sex, CharKind.Alpha, 2, 8);
        l.DateOfExpiry = l.Set(MrzField.DateOfExpiry, CharKind.Numeric, 2, 9, 14);
        l.DateOfExpiryCheck = l.At(MrzField.DateOfExpiryCheckDigit, CharKind.Numeric, 2, 15);
        l.Nationality = l.Set(MrzField.Nationality, CharKind.Alpha, 2, 16, 18);
        l.OptionalData2 = l.Set(MrzField.OptionalData2, CharKind.AlphaNumeric, 2, 19, 29);
        l.Composite = l.At(MrzField.CompositeCheckDigit, CharKind.Numeric, 2, 30);
        l.CompositeRanges = [l.Seg(1, 6, 30), l.Seg(2, 1, 7), l.Seg(2, 9, 15), l.Seg(2, 19, 29)];
        l.Name = l.Set(MrzField.PrimaryIdentifier, CharKind.Alpha, 3, 1, 30);
        return l;
    }

    private static MrzLayout BuildFrenchIdentityCard()
    {
        var l = new MrzLayout(MrzFormat.FrenchIdentityCard, 2, 36);
        l.DocumentCode = l.Set(MrzField.DocumentCode, CharKind.Alpha, 1, 1, 2);
        l.IssuingState = l.Set(MrzField.IssuingState, CharKind.Alpha, 1, 3, 5);
        l.Name = l.Set(MrzField.PrimaryIdentifier, CharKind.Alpha, 1, 6, 30);
        l.OptionalData = l.Set(MrzField.OptionalData, CharKind.AlphaNumeric, 1, 31, 36);

        // The card number: year and month of issue (digits), the issuing department (three characters,
        // letters for Corsica's 2A and 2B), a five-digit sequence number.
        l.DocumentNumber = l.Set(MrzField.DocumentNumber, CharKind.AlphaNumeric, 2, 1, 12);
        l.DateOfIssue = l.Set(MrzField.DocumentNumber, CharKind.Numeric, 2, 1, 4);
        l.Set(MrzField.DocumentNumber, CharKind.Numeric, 2, 8, 12);
        l.DocumentNumberCheck = l.At(MrzField.DocumentNumberCheckDigit, CharKind.Numeric, 2, 13);
        l.GivenNames = l.Set(MrzField.SecondaryIdentifier, CharKind.Alpha, 2, 14, 27);
        l.DateOfBirth = l.Set(MrzField.DateOfBirth, CharKind.NumericOrFiller, 2, 28, 33);
        l.DateOfBirthCheck = l.At(MrzField.DateOfBirthCheckDigit, CharKind.Numeric, 2, 34);
        l.Sex = l.At(MrzField.Sex, CharKind.Alpha, 2, 35);
        l.Composite = l.At(MrzField.CompositeCheckDigit, CharKind.Numeric, 2, 36);
        l.CompositeRanges = [l.Seg(1, 1, 36), l.Seg(2, 1, 35)];
        return l;
    }

    /// <summary>Line 1 of TD2, TD3 and the visas: document code, issuing state, name zone.</summary>
    private void NameLine1()
    {
        DocumentCode = Set(MrzField.DocumentCode, CharKind.Alpha, 1, 1, 2);
        IssuingState = Set(MrzField.IssuingState, CharKind.Alpha, 1, 3, 5);
        Name = Set(MrzField.PrimaryIdentifier, CharKind.Alpha, 1, 6, LineLength);
    }

    /// <summary>Line 2 positions 1–28, the same in TD2, TD3 and both visas.</summary>
    private void Line2UpToExpiry()
    {
        DocumentNumber = Set(MrzField.DocumentNumber, CharKind.AlphaNumeric, 2, 1, 9);
        DocumentNumberCheck = At(MrzField.DocumentNumberCheckDigit, CharKind.Numeric, 2, 10);
        Nationality = Set(MrzField.Nationality, CharKind.Alpha, 2, 11, 13);
        DateOfBirth = Set(MrzField.DateOfBirth, CharKind.NumericOrFiller, 2, 14, 19);
        DateOfBirthCheck = At(MrzField.DateOfBirthCheckDigit, CharKind.Numeric, 2, 20);
        Sex = At(MrzField.Sex, CharKind.Alpha, 2, 21);
        DateOfExpiry = Set(MrzField.DateOfExpiry, CharKind.Numeric, 2, 22, 27);
        DateOfExpiryCheck = At(MrzField.DateOfExpiryCheckDigit, CharKind.Numeric, 2, 28);
    }

    private Segment Seg(int line, int first, int last) => new(((line - 1) * LineLength) + first - 1, last - first + 1);

    private Segment Set(MrzField field, CharKind kind, int line, int first, int last)
    {
        var segment = Seg(line, first, last);
        for (var i = segment.Start; i < segment.End; i++)
        {
            Kinds[i] = kind;
            Allowed[i] = CharClass.Admitted(kind);
            Fields[i] = field;
        }

        return segment;
    }

    private int At(MrzField field, CharKind kind, int line, int position) => Set(field, kind, line, position, position).Start;
}
