using System.Globalization;
using NodaTime;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Documents;

/// <summary>
/// One recognised zone being read: corrects what the check digits prove, then validates every field and
/// builds the result. Works on a stack copy of the normalised text; the only heap allocations are the
/// result, the strings it holds and, for a faulty zone, its lists of problems and corrections.
/// </summary>
internal ref struct MrzZone
{
    public const int MaxChecks = 5;

    private static readonly string[] MonthNames =
    [
        "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    private static readonly string?[] DocumentCodeTexts = new string?[27 * 27];

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

    // Two corrections that would each satisfy the check digits: reported, neither made.
    private int ambiguousCheck = -1;
    private int ambiguousA = -1;
    private int ambiguousB = -1;
    private int ambiguousC = -1;
    private int ambiguousD = -1;

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

    /// <summary>A check digit and the characters it covers (up to four ranges, weights continuing across them).</summary>
    internal struct Check
    {
        public MrzField Field;
        public int Digit;
        public Segment R0;
        public Segment R1;
        public Segment R2;
        public Segment R3;
        public int Ranges;

        /// <summary>A passport's personal-number check digit may be a filler (or 0) when the number is empty.</summary>
        public bool FillerWhenEmpty;

        /// <summary>
        /// An overlong document number's check digit: issuers differ on whether the filler in the first
        /// check-digit position is part of the checked characters, so either reading passes.
        /// </summary>
        public bool EitherConvention;

        public int SumA;
        public int SumB;
        public bool Passed;

        public readonly Segment Range(int i) => i switch
        {
            0 => R0,
            1 => R1,
            2 => R2,
            _ => R3,
        };
    }

    /// <summary>The letter a digit is confused with (0→O, 1→I, 8→B, 5→S, 2→Z, 6→G); other characters unchanged.</summary>
    public static char AsLetter(char c) => c switch
    {
        '0' => 'O',
        '1' => 'I',
        '8' => 'B',
        '5' => 'S',
        '2' => 'Z',
        '6' => 'G',
        _ => c,
    };

    /// <summary>The digit a letter is confused with (O→0, I→1, B→8, S→5, Z→2, G→6); other characters unchanged.</summary>
    public static char AsDigit(char c) => c switch
    {
        'O' => '0',
        'I' => '1',
        'B' => '8',
        'S' => '5',
        'Z' => '2',
        'G' => '6',
        _ => c,
    };

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
        }

        var result = new MrzResultBuilder();
        ReadFields(ref result);
        ReportChecks();
        return new MrzResult(layout.Format, SortedProblems(), Corrections(), normalisations)
        {
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

    private ref struct MrzResultBuilder
    {
        public string? DocumentCode;
        public string? IssuingState;
        public string? DocumentNumber;
        public string? PrimaryIdentifier;
        public string? SecondaryIdentifier;
        public string? Nationality;
        public LocalDate? DateOfBirth;
        public Sex? Sex;
        public LocalDate? DateOfExpiry;
        public string? OptionalData;
        public string? OptionalData2;
        public YearMonth? DateOfIssue;
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

    private void BuildChecks()
    {
        ref var number = ref checks[checkCount++];
        number = new Check { Field = MrzField.DocumentNumberCheckDigit, R0 = layout.DocumentNumber, Ranges = 1, Digit = layout.DocumentNumberCheck };
        if (overlongCheckDigit >= 0)
        {
            number.Digit = overlongCheckDigit;
            number.R1 = new Segment(continuationStart, continuationLength);
            number.Ranges = 2;
            number.EitherConvention = true;
        }

        checks[checkCount++] = new Check { Field = MrzField.DateOfBirthCheckDigit, R0 = layout.DateOfBirth, Ranges = 1, Digit = layout.DateOfBirthCheck };
        if (layout.DateOfExpiryCheck >= 0)
        {
            checks[checkCount++] = new Check { Field = MrzField.DateOfExpiryCheckDigit, R0 = layout.DateOfExpiry, Ranges = 1, Digit = layout.DateOfExpiryCheck };
        }

        if (layout.OptionalDataCheck >= 0)
        {
            checks[checkCount++] = new Check { Field = MrzField.OptionalDataCheckDigit, R0 = layout.OptionalData, Ranges = 1, Digit = layout.OptionalDataCheck, FillerWhenEmpty = true };
        }

        if (layout.Composite >= 0)
        {
            ref var composite = ref checks[checkCount++];
            var ranges = layout.CompositeRanges;
            composite = new Check { Field = MrzField.CompositeCheckDigit, Digit = layout.Composite, Ranges = ranges.Length, R0 = ranges[0] };
            composite.R1 = ranges.Length > 1 ? ranges[1] : Segment.None;
            composite.R2 = ranges.Length > 2 ? ranges[2] : Segment.None;
            composite.R3 = ranges.Length > 3 ? ranges[3] : Segment.None;
        }
    }

    private readonly CharKind KindAt(int offset) => offset == overlongCheckDigit ? CharKind.Numeric : layout.Kinds[offset];

    /// <summary>Whether any character is outside the alphabet or wrong for its field type (a letter among digits).</summary>
    private readonly bool HasIrregularCharacters()
    {
        var allowed = layout.Allowed.AsSpan(0, work.Length);
        var irregular = 0;
        for (var p = 0; p < allowed.Length; p++)
        {
            irregular |= (CharClass.Of(work[p]) & allowed[p]) == 0 ? 1 : 0;
        }

        return irregular != 0 || (overlongCheckDigit >= 0 && work[overlongCheckDigit] is < '0' or > '9');
    }

    /// <summary>Computes every check on the current text; true when all pass.</summary>
    private readonly bool Evaluate()
    {
        var all = true;
        for (var k = 0; k < checkCount; k++)
        {
            ref var check = ref checks[k];
            check.SumA = Sum(check, alternative: false);
            check.SumB = check.EitherConvention ? Sum(check, alternative: true) : check.SumA;
            check.Passed = Passes(check, check.SumA, check.SumB);
            all &= check.Passed;
        }

        return all;
    }

    private readonly int Sum(in Check check, bool alternative)
    {
        var sum = 0;
        var weightIndex = 0;
        for (var r = 0; r < check.Ranges; r++)
        {
            var range = check.Range(r);
            sum += CheckDigit.WeightedSum(work.Slice(range.Start, range.Length), weightIndex);
            weightIndex = (weightIndex + range.Length) % 3;
            if (alternative && r == 0)
            {
                // The filler in the first check-digit position counts as a character of value 0.
                weightIndex = (weightIndex + 1) % 3;
            }
        }

        return sum;
    }

    private readonly bool Passes(in Check check, int sumA, int sumB)
    {
        var digit = work[check.Digit];
        if (digit is >= '0' and <= '9')
        {
            var value = digit - '0';
            return Mod10(sumA) == value || (check.EitherConvention && Mod10(sumB) == value);
        }

        return digit == '<' && check.FillerWhenEmpty && IsAllFiller(work.Slice(check.R0.Start, check.R0.Length));
    }

    private static int Mod10(int sum) => ((sum % 10) + 10) % 10;

    /// <summary>The weight index of a position within a check's characters, or -1 when the check does not cover it.</summary>
    private static int WeightIndexOf(in Check check, int offset, bool alternative)
    {
        var before = 0;
        for (var r = 0; r < check.Ranges; r++)
        {
            var range = check.Range(r);
            if (range.Contains(offset))
            {
                return (before + offset - range.Start) % 3;
            }

            before += range.Length + (alternative && r == 0 ? 1 : 0);
        }

        return -1;
    }

    private static bool Covers(in Check check, int offset) =>
        offset == check.Digit || WeightIndexOf(check, offset, alternative: false) >= 0
        || (check.EitherConvention && offset == check.R0.End);

    /// <summary>
    /// Corrects OCR-confusable characters. First by field type: a letter among digits becomes its digit and a
    /// digit among letters its letter. Then, where a check still fails, by search: the smallest set of
    /// O/0, I/1, B/8, S/5, Z/2 swaps in document numbers and optional data that makes every check covering it
    /// pass, provided exactly one such set exists. (G and 6 differ by exactly 10 in value, so no check digit
    /// can tell them apart: they are corrected by field type only.) Last, any correction a failing check still
    /// covers is undone, as is a type correction in an unchecked field that leaves the field invalid.
    /// </summary>
    private void Correct()
    {
        for (var p = 0; p < work.Length; p++)
        {
            work[p] = KindAt(p) switch
            {
                CharKind.Numeric or CharKind.NumericOrFiller => AsDigit(work[p]),
                CharKind.Alpha => AsLetter(work[p]),
                _ => work[p],
            };
        }

        if (!Evaluate())
        {
            Search();
        }

        Settle();
    }

    private void Search()
    {
        Span<int> candidates = stackalloc int[work.Length];
        var count = 0;
        for (var p = 0; p < work.Length; p++)
        {
            if (KindAt(p) != CharKind.AlphaNumeric || Swap(work[p]) == work[p])
            {
                continue;
            }

            for (var k = 0; k < checkCount; k++)
            {
                if (!checks[k].Passed && Covers(checks[k], p))
                {
                    candidates[count++] = p;
                    break;
                }
            }
        }

        if (count == 0)
        {
            return;
        }

        // What swapping each candidate adds to each check's sums, so a set of swaps is tried by addition.
        Span<int> deltaA = stackalloc int[count * MaxChecks];
        Span<int> deltaB = stackalloc int[count * MaxChecks];
        Span<bool> covers = stackalloc bool[count * MaxChecks];
        for (var i = 0; i < count; i++)
        {
            var p = candidates[i];
            var change = CheckDigit.ValueOf(Swap(work[p])) - CheckDigit.ValueOf(work[p]);
            for (var k = 0; k < checkCount; k++)
            {
                var a = WeightIndexOf(checks[k], p, alternative: false);
                var b = checks[k].EitherConvention ? WeightIndexOf(checks[k], p, alternative: true) : a;
                covers[(i * MaxChecks) + k] = a >= 0;
                deltaA[(i * MaxChecks) + k] = a >= 0 ? change * CheckDigit.Weight(a) : 0;
                deltaB[(i * MaxChecks) + k] = b >= 0 ? change * CheckDigit.Weight(b) : 0;
            }
        }

        int found = 0, firstI = -1, firstJ = -1, secondI = -1, secondJ = -1;
        for (var i = 0; i < count && found < 2; i++)
        {
            if (Solves(i, -1, deltaA, deltaB, covers))
            {
                Record(ref found, i, -1, ref firstI, ref firstJ, ref secondI, ref secondJ);
            }
        }

        for (var i = 0; found == 0 && i < count; i++)
        {
            for (var j = i + 1; j < count && found < 2; j++)
            {
                if (Solves(i, j, deltaA, deltaB, covers))
                {
                    Record(ref found, i, j, ref firstI, ref firstJ, ref secondI, ref secondJ);
                }
            }
        }

        if (found == 1)
        {
            SwapAt(candidates[firstI]);
            if (firstJ >= 0)
            {
                SwapAt(candidates[firstJ]);
            }

            Evaluate();
        }
        else if (found > 1)
        {
            for (var k = 0; k < checkCount; k++)
            {
                if (!checks[k].Passed && Covers(checks[k], candidates[firstI]))
                {
                    ambiguousCheck = k;
                    break;
                }
            }

            ambiguousA = candidates[firstI];
            ambiguousB = firstJ >= 0 ? candidates[firstJ] : -1;
            ambiguousC = candidates[secondI];
            ambiguousD = secondJ >= 0 ? candidates[secondJ] : -1;
        }

        static void Record(ref int found, int i, int j, ref int firstI, ref int firstJ, ref int secondI, ref int secondJ)
        {
            if (found == 0)
            {
                (firstI, firstJ) = (i, j);
            }
            else
            {
                (secondI, secondJ) = (i, j);
            }

            found++;
        }
    }

    /// <summary>Whether swapping candidates i (and j) makes every check that covers them pass.</summary>
    private readonly bool Solves(int i, int j, ReadOnlySpan<int> deltaA, ReadOnlySpan<int> deltaB, ReadOnlySpan<bool> covers)
    {
        for (var k = 0; k < checkCount; k++)
        {
            var coveredI = covers[(i * MaxChecks) + k];
            var coveredJ = j >= 0 && covers[(j * MaxChecks) + k];
            if (!coveredI && !coveredJ)
            {
                continue;
            }

            var sumA = checks[k].SumA + deltaA[(i * MaxChecks) + k] + (j >= 0 ? deltaA[(j * MaxChecks) + k] : 0);
            var sumB = checks[k].SumB + deltaB[(i * MaxChecks) + k] + (j >= 0 ? deltaB[(j * MaxChecks) + k] : 0);
            if (!Passes(checks[k], sumA, sumB))
            {
                return false;
            }
        }

        return true;
    }

    private readonly void SwapAt(int offset) => work[offset] = Swap(work[offset]);

    /// <summary>The confusable partner a check digit can decide: O/0, I/1, B/8, S/5, Z/2 (not G/6).</summary>
    private static char Swap(char c) => c switch
    {
        'O' => '0',
        '0' => 'O',
        'I' => '1',
        '1' => 'I',
        'B' => '8',
        '8' => 'B',
        'S' => '5',
        '5' => 'S',
        'Z' => '2',
        '2' => 'Z',
        _ => c,
    };

    /// <summary>Undoes every correction that a failing check covers, or that leaves an unchecked field invalid.</summary>
    private readonly void Settle()
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            Evaluate();
            for (var p = 0; p < work.Length; p++)
            {
                if (work[p] == original[p])
                {
                    continue;
                }

                var covered = false;
                var keep = true;
                for (var k = 0; k < checkCount; k++)
                {
                    if (Covers(checks[k], p))
                    {
                        covered = true;
                        keep &= checks[k].Passed;
                    }
                }

                if (!covered)
                {
                    keep = UncheckedFieldIsValid(p);
                }

                if (!keep)
                {
                    work[p] = original[p];
                    changed = true;
                }
            }
        }
    }

    private readonly bool UncheckedFieldIsValid(int offset)
    {
        if (layout.IssuingState.Contains(offset))
        {
            return Country.FromMrz(work.Slice(layout.IssuingState.Start, 3)) is not null;
        }

        if (layout.Nationality.Contains(offset))
        {
            return Country.FromMrz(work.Slice(layout.Nationality.Start, 3)) is not null;
        }

        if (offset == layout.Sex)
        {
            return work[offset] is 'M' or 'F' or 'X' or '<';
        }

        if (layout.DocumentCode.Contains(offset))
        {
            return DocumentCodeProblem() is null;
        }

        return true;
    }

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

    private void ReportCharacters()
    {
        for (var p = 0; p < work.Length; p++)
        {
            var c = work[p];
            if (CheckDigit.ValueOf(c) < 0)
            {
                Problem(FieldAt(p), p, $"'{c}' is not a character of a machine-readable zone (A–Z, 0–9, <)");
                continue;
            }

            var message = KindAt(p) switch
            {
                CharKind.Numeric when c is not (>= '0' and <= '9') => $"'{c}' where a digit is required",
                CharKind.NumericOrFiller when c is not ((>= '0' and <= '9') or '<') => $"'{c}' where a digit (or a filler) is required",
                CharKind.Alpha when c is >= '0' and <= '9' => $"'{c}' where a letter or a filler is required",
                _ => null,
            };
            if (message is not null)
            {
                Problem(FieldAt(p), p, message);
            }
        }
    }

    private void ReportChecks()
    {
        for (var k = 0; k < checkCount; k++)
        {
            ref var check = ref checks[k];
            if (check.Passed)
            {
                continue;
            }

            var digit = work[check.Digit];
            if (digit is >= '0' and <= '9')
            {
                var message = check.EitherConvention
                    ? string.Create(CultureInfo.InvariantCulture, $"check digit {digit} does not match the characters it covers, which give {Mod10(check.SumA)} (or {Mod10(check.SumB)} counting the filler after the first nine)")
                    : string.Create(CultureInfo.InvariantCulture, $"check digit {digit} does not match the characters it covers, which give {Mod10(check.SumA)}");
                if (k == ambiguousCheck)
                {
                    message += $"; {DescribeSwaps(ambiguousA, ambiguousB)} and {DescribeSwaps(ambiguousC, ambiguousD)} would each make it pass, so neither correction is made";
                }

                Problem(check.Field, check.Digit, message);
            }
            else if (digit == '<')
            {
                var message = check.FillerWhenEmpty
                    ? "the personal number is present, so its check digit cannot be a filler"
                    : check.Field == MrzField.DocumentNumberCheckDigit && !layout.Overflow.IsNone
                        ? "a filler in place of the check digit announces a document number longer than nine characters, but the optional data does not continue it with its check digit"
                        : "a filler stands where the check digit belongs";
                Problem(check.Field, check.Digit, message);
            }

            // Any other character in a check-digit position was reported as not a digit.
        }
    }

    private readonly string DescribeSwaps(int a, int b)
    {
        var first = DescribeSwap(a);
        return b < 0 ? first : $"{first} with {DescribeSwap(b)}";
    }

    private readonly string DescribeSwap(int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"'{work[offset]}'→'{Swap(work[offset])}' at line {Line(offset)} position {Position(offset)}");

    private readonly string? DocumentCodeProblem()
    {
        var first = work[layout.DocumentCode.Start];
        return layout.Format switch
        {
            MrzFormat.Td3 when first != 'P' => "a passport's document code begins with P",
            MrzFormat.MrvA or MrzFormat.MrvB when first != 'V' => "a visa's document code begins with V",
            MrzFormat.Td1 or MrzFormat.Td2 when first is not ('A' or 'C' or 'I') => "the document code of an identity document begins with A, C or I",
            MrzFormat.FrenchIdentityCard when first != 'I' || work[layout.DocumentCode.Start + 1] != 'D' => "the French identity card's document code is ID",
            _ => null,
        };
    }

    private void ReadFields(ref MrzResultBuilder result)
    {
        var codeProblem = DocumentCodeProblem();
        if (codeProblem is not null)
        {
            Problem(MrzField.DocumentCode, layout.DocumentCode.Start, codeProblem);
        }

        result.DocumentCode = DocumentCodeText(work[layout.DocumentCode.Start], work[layout.DocumentCode.Start + 1]);
        result.IssuingState = ReadCountry(MrzField.IssuingState, layout.IssuingState);
        if (layout.Format == MrzFormat.FrenchIdentityCard && result.IssuingState is not null && result.IssuingState != "FRA")
        {
            Problem(MrzField.IssuingState, layout.IssuingState.Start, "the French identity card is issued by FRA");
        }

        ReadDocumentNumber(ref result);
        ReadNames(ref result);
        result.Nationality = layout.Nationality.IsNone ? "FRA" : ReadCountry(MrzField.Nationality, layout.Nationality);
        result.DateOfBirth = ReadDate(MrzField.DateOfBirth, layout.DateOfBirth, inThePast: true);
        result.Sex = ReadSex();
        if (!layout.DateOfExpiry.IsNone)
        {
            result.DateOfExpiry = ReadDate(MrzField.DateOfExpiry, layout.DateOfExpiry, inThePast: false);
            if (result.DateOfExpiry is { } expiry && result.DateOfBirth is { } birth && expiry < birth)
            {
                Problem(MrzField.DateOfExpiry, layout.DateOfExpiry.Start, string.Create(CultureInfo.InvariantCulture,
                    $"the document expires ({expiry:yyyy-MM-dd}) before its holder was born ({birth:yyyy-MM-dd})"));
            }
        }

        result.OptionalData = Text(work[optionalStart..layout.OptionalData.End]);
        if (!layout.OptionalData2.IsNone)
        {
            result.OptionalData2 = Text(work.Slice(layout.OptionalData2.Start, layout.OptionalData2.Length));
        }

        if (!layout.DateOfIssue.IsNone)
        {
            result.DateOfIssue = ReadDateOfIssue();
        }
    }

    private readonly string DocumentCodeText(char first, char second)
    {
        if (first is >= 'A' and <= 'Z' && second is (>= 'A' and <= 'Z') or '<')
        {
            var slot = ((first - 'A') * 27) + (second == '<' ? 26 : second - 'A');
            return DocumentCodeTexts[slot] ??= second == '<' ? first.ToString() : string.Concat(first.ToString(), second.ToString());
        }

        return Text(work.Slice(layout.DocumentCode.Start, 2));
    }

    private string ReadCountry(MrzField field, Segment segment)
    {
        var code = work.Slice(segment.Start, segment.Length);
        var known = Country.FromMrz(code);
        if (known is not null)
        {
            return known.WrittenIn(code);
        }

        Problem(field, segment.Start, $"'{code}' is not a country code (ISO 3166-1 alpha-3 or ICAO Doc 9303 Part 3)");
        return Text(code);
    }

    private readonly void ReadDocumentNumber(ref MrzResultBuilder result)
    {
        var main = work.Slice(layout.DocumentNumber.Start, layout.DocumentNumber.Length).TrimEnd('<');
        result.DocumentNumber = continuationLength > 0
            ? string.Concat(main, work.Slice(continuationStart, continuationLength))
            : main.ToString();
    }

    private void ReadNames(ref MrzResultBuilder result)
    {
        var zone = work.Slice(layout.Name.Start, layout.Name.Length);
        if (zone[0] == '<')
        {
            Problem(MrzField.PrimaryIdentifier, layout.Name.Start, "the name begins with a filler: the primary identifier is missing");
        }

        if (layout.GivenNames.IsNone)
        {
            var separator = NameSeparator(zone);
            result.PrimaryIdentifier = Text(separator < 0 ? zone : zone[..separator]);
            result.SecondaryIdentifier = separator < 0 ? string.Empty : Text(zone[(separator + 2)..]);
        }
        else
        {
            result.PrimaryIdentifier = Text(zone);
            result.SecondaryIdentifier = Text(work.Slice(layout.GivenNames.Start, layout.GivenNames.Length));
        }
    }

    private Sex? ReadSex()
    {
        var c = work[layout.Sex];
        switch (c)
        {
            case 'M':
                return Sex.Male;
            case 'F':
                return Sex.Female;
            case '<' or 'X':
                return Sex.Unspecified;
            case >= 'A' and <= 'Z':
                Problem(MrzField.Sex, layout.Sex, $"sex is M, F or < (unspecified), not '{c}'");
                return null;
            default:
                return null; // a digit or a foreign character, reported as such
        }
    }

    /// <summary>
    /// A YYMMDD date. A birth date may give unknown parts as fillers (Doc 9303 Part 3): it is then null
    /// without a problem.
    /// </summary>
    private LocalDate? ReadDate(MrzField field, Segment segment, bool inThePast)
    {
        var text = work.Slice(segment.Start, segment.Length);
        if (!IsAllDigits(text))
        {
            if (inThePast && !text.ContainsAnyExcept("0123456789<"))
            {
                var unknownMonth = text[2..4];
                if (!unknownMonth.Contains('<') && !IsMonth(Number(unknownMonth)))
                {
                    Problem(field, segment.Start + 2, $"month {unknownMonth} does not exist");
                }
            }

            return null;
        }

        int year = Number(text[..2]), month = Number(text[2..4]), day = Number(text[4..]);
        if (!IsMonth(month))
        {
            Problem(field, segment.Start + 2, $"month {text[2..4]} does not exist");
            return null;
        }

        year = inThePast ? MrzDates.PastYear(year, month, day, reference) : MrzDates.ExpiryYear(year, reference);
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            Problem(field, segment.Start + 4, string.Create(CultureInfo.InvariantCulture, $"{MonthNames[month]} {year} has no day {day} (it has {days})"));
            return null;
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// The year of a birth date whose month or day the document gives as unknown (fillers, Doc 9303 Part 3)
    /// while its year is in digits; null otherwise. Its century is that of the earliest date it may be.
    /// </summary>
    private readonly int? ReadYearOfBirth()
    {
        var text = work.Slice(layout.DateOfBirth.Start, layout.DateOfBirth.Length);
        if (!IsAllDigits(text[..2]) || IsAllDigits(text) || text.ContainsAnyExcept("0123456789<"))
        {
            return null;
        }

        var month = IsAllDigits(text[2..4]) ? Number(text[2..4]) : 1;
        return IsMonth(month) ? MrzDates.PastYear(Number(text[..2]), month, 1, reference) : null;
    }

    /// <summary>
    /// The French card's month of issue (the first four characters of its number). The card of this model
    /// was issued from 1988 until it was replaced in 2021.
    /// </summary>
    private YearMonth? ReadDateOfIssue()
    {
        var text = work.Slice(layout.DateOfIssue.Start, 4);
        if (!IsAllDigits(text))
        {
            return null;
        }

        var month = Number(text[2..]);
        if (!IsMonth(month))
        {
            Problem(MrzField.DateOfIssue, layout.DateOfIssue.Start + 2, $"month {text[2..]} does not exist");
            return null;
        }

        var year = MrzDates.PastYear(Number(text[..2]), month, 1, reference);
        if (year is < 1988 or > 2021)
        {
            Problem(MrzField.DateOfIssue, layout.DateOfIssue.Start, string.Create(CultureInfo.InvariantCulture,
                $"this model of French identity card was issued from 1988 to 2021, not in {year}"));
        }

        return new YearMonth(year, month);
    }

    private static bool IsMonth(int month) => month is >= 1 and <= 12;

    // Plain loops over a few dozen characters rather than MemoryExtensions' generic searches: as fast at
    // this length, and free of allocation before the JIT has optimised the caller.
    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllFiller(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c != '<')
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstFiller(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the primary identifier ends: the first <c>&lt;&lt;</c>, or -1.</summary>
    private static int NameSeparator(ReadOnlySpan<char> zone)
    {
        for (var i = 0; i + 1 < zone.Length; i++)
        {
            if (zone[i] == '<' && zone[i + 1] == '<')
            {
                return i;
            }
        }

        return -1;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>
    /// A text field's value: leading and trailing fillers dropped, each inner run of fillers a single space
    /// (the filler stands for a space in names and free text, Doc 9303 Part 3).
    /// </summary>
    private static string Text(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim('<');
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        if (FirstFiller(raw) < 0)
        {
            return raw.ToString();
        }

        Span<char> buffer = stackalloc char[raw.Length];
        var length = 0;
        var gap = false;
        foreach (var c in raw)
        {
            if (c == '<')
            {
                gap = true;
                continue;
            }

            if (gap)
            {
                buffer[length++] = ' ';
                gap = false;
            }

            buffer[length++] = c;
        }

        return buffer[..length].ToString();
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

    /// <summary>One correction per field (or check digit) whose characters changed.</summary>
    private readonly IReadOnlyList<MrzCorrection> Corrections()
    {
        List<MrzCorrection>? corrections = null;
        for (var p = 0; p < work.Length; p++)
        {
            if (work[p] == original[p])
            {
                continue;
            }

            var unit = UnitAt(p);
            corrections ??= [];
            corrections.Add(new MrzCorrection(FieldAt(p), Line(unit.Start), Position(unit.Start),
                original.Slice(unit.Start, unit.Length).ToString(), work.Slice(unit.Start, unit.Length).ToString()));
            p = unit.End - 1;
        }

        return (IReadOnlyList<MrzCorrection>?)corrections ?? [];
    }

    /// <summary>The stretch a correction at this position is reported over: its field, or the single check digit.</summary>
    private readonly Segment UnitAt(int offset)
    {
        if (continuationLength > 0 && offset >= continuationStart && offset < continuationStart + continuationLength)
        {
            return new Segment(continuationStart, continuationLength);
        }

        Span<Segment> fields =
        [
            layout.DocumentCode, layout.IssuingState, layout.Name, layout.GivenNames, layout.DocumentNumber,
            layout.Nationality, layout.DateOfBirth, layout.DateOfExpiry, layout.OptionalData, layout.OptionalData2,
        ];
        if (offset == overlongCheckDigit)
        {
            return new Segment(offset, 1);
        }

        if (offset >= optionalStart && layout.OptionalData.Contains(offset))
        {
            return new Segment(optionalStart, layout.OptionalData.End - optionalStart);
        }

        foreach (var field in fields)
        {
            if (field.Contains(offset))
            {
                return field;
            }
        }

        return new Segment(offset, 1);
    }
}
