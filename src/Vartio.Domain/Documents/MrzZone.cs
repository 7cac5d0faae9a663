using NodaTime;

namespace Vartio.Domain.Documents;

/// <summary>
/// One recognised zone being read: corrects what the fields' character types decide, then validates every
/// field and builds the result. Works on a stack copy of the normalised text; the only heap allocations are the
/// result, the strings it holds, the remarks (an expired document, a single name) and, for a faulty zone, its
/// lists of problems, corrections and look-alike readings.
/// </summary>
/// <remarks>
/// This file holds the zone's state and the order of the work; the check digits are in
/// <c>MrzZone.Checks.cs</c>, the corrections and the look-alike readings in <c>MrzZone.Correction.cs</c>, the character and
/// document-code validation in <c>MrzZone.Validation.cs</c> and the reading of each field in
/// <c>MrzZone.Fields.cs</c>.
/// </remarks>
internal ref partial struct MrzZone
{
    public const int MaxChecks = 5;

    private readonly MrzLayout layout;
    private readonly ReadOnlySpan<char> original;
    private readonly Span<char> work;
    private readonly Span<Check> checks;
    private readonly LocalDate reference;
    private int checkCount;
    private List<MrzProblem>? problems;

    // A document number longer than nine characters (TD1, TD2): a filler stands in the check-digit position
    // and the number continues at the start of the optional data, followed by its check digit and a filler.
    private bool overlong;
    private int continuationStart;
    private int continuationLength;
    private int overlongCheckDigit = -1;
    private int optionalStart;

    // Per failing check, the look-alike readings it would accept (null when there are none).
    private List<MrzCandidate>?[]? candidates;
    private List<string>? remarks;

    public MrzZone(MrzLayout layout, ReadOnlySpan<char> original, Span<char> work, Span<Check> checks, LocalDate reference)
    {
        this.layout = layout;
        this.original = original;
        this.work = work;
        this.checks = checks;
        this.reference = reference;
        original.CopyTo(work);
        optionalStart = layout.OptionalData.Start;
    }

    public MrzResult Read(IReadOnlyList<string> normalisations)
    {
        LocateDocumentNumber();
        BuildChecks();
        var irregular = HasIrregularCharacters();
        var allPass = Evaluate();
        if (irregular || !allPass)
        {
            Correct();
            ReportCharacters();
            FindCandidates();
        }

        var result = new MrzResultBuilder();
        ReadFields(ref result);
        ReportChecks();
        // A document is valid through its date of expiry; it has expired from the next day on.
        var expired = false;
        if (result.DateOfExpiry is { } expiry && expiry < reference)
        {
            expired = true;
            Remark(ExpiredRemark(expiry));
        }

        return new MrzResult(layout.Format, SortedProblems(), Corrections(), normalisations, (IReadOnlyList<string>?)remarks ?? [])
        {
            IsExpired = expired,
            DocumentCode = result.DocumentCode,
            IssuingState = result.IssuingState,
            DocumentNumber = result.DocumentNumber,
            PrimaryIdentifier = result.PrimaryIdentifier,
            SecondaryIdentifier = result.SecondaryIdentifier,
            Nationality = result.Nationality,
            DateOfBirth = result.DateOfBirth,
            YearOfBirth = result.DateOfBirth?.Year ?? ReadYearOfBirth(),
            Sex = result.Sex,
            DateOfExpiry = result.DateOfExpiry,
            OptionalData = result.OptionalData,
            OptionalData2 = result.OptionalData2,
            DateOfIssue = result.DateOfIssue,
        };
    }

    private void LocateDocumentNumber()
    {
        if (layout.Overflow.IsNone || work[layout.DocumentNumberCheck] != '<' || work[layout.DocumentNumber.End - 1] == '<')
        {
            return;
        }

        overlong = true;
        var end = layout.Overflow.Start;
        while (end < layout.Overflow.End && work[end] != '<')
        {
            end++;
        }

        // At least one more character of the number, then its check digit.
        if (end - layout.Overflow.Start >= 2)
        {
            continuationStart = layout.Overflow.Start;
            continuationLength = end - layout.Overflow.Start - 1;
            overlongCheckDigit = end - 1;
            optionalStart = end;
        }
    }

    private readonly CharKind KindAt(int offset) => offset == overlongCheckDigit ? CharKind.Numeric : layout.Kinds[offset];

    /// <summary>The field a position belongs to, as problems report it.</summary>
    private readonly MrzField FieldAt(int offset)
    {
        if (overlong)
        {
            if (offset == overlongCheckDigit || offset == layout.DocumentNumberCheck)
            {
                return MrzField.DocumentNumberCheckDigit;
            }

            if (continuationLength > 0 && offset >= continuationStart && offset < continuationStart + continuationLength)
            {
                return MrzField.DocumentNumber;
            }
        }

        if (layout.Name.Contains(offset) && layout.GivenNames.IsNone)
        {
            var separator = NameSeparator(work.Slice(layout.Name.Start, layout.Name.Length));
            return separator >= 0 && offset - layout.Name.Start >= separator ? MrzField.SecondaryIdentifier : MrzField.PrimaryIdentifier;
        }

        return layout.Fields[offset];
    }

    private readonly int Line(int offset) => (offset / layout.LineLength) + 1;

    private readonly int Position(int offset) => (offset % layout.LineLength) + 1;

    private void Problem(MrzField field, int offset, string message) =>
        (problems ??= []).Add(new MrzProblem(field, Line(offset), Position(offset), message));

    private void Problem(MrzField field, int offset, string message, IReadOnlyList<MrzCandidate> offered) =>
        (problems ??= []).Add(new MrzProblem(field, Line(offset), Position(offset), message) { Candidates = offered });

    private void Remark(string remark) => (remarks ??= []).Add(remark);

    private const string ExpiredOn = "the document expired on ";

    /// <summary>
    /// "the document expired on YYYY-MM-DD", written straight into the one string: an interpolated string would
    /// also allocate a buffer while its formatting code is not yet optimised, and a parse allocates nothing the
    /// result does not keep.
    /// </summary>
    private static string ExpiredRemark(LocalDate expiry) =>
        string.Create(ExpiredOn.Length + 10, expiry, static (span, date) =>
        {
            ExpiredOn.CopyTo(span);
            var digits = span[ExpiredOn.Length..];
            Write(digits[..4], date.Year);
            digits[4] = '-';
            Write(digits.Slice(5, 2), date.Month);
            digits[7] = '-';
            Write(digits.Slice(8, 2), date.Day);
        });

    /// <summary>Writes <paramref name="value"/> in decimal, padded with zeros to the span's length.</summary>
    private static void Write(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private readonly IReadOnlyList<MrzProblem> SortedProblems()
    {
        if (problems is null)
        {
            return [];
        }

        // In the order of the zone, keeping the order of discovery within one position (stable sort).
        return problems.Count == 1 ? problems : [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Position)];
    }
}
