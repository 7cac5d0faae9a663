using System.Globalization;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Documents;

/// <summary>Correcting the characters an OCR confuses, where the check digits prove the correction.</summary>
internal ref partial struct MrzZone
{
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

            ambiguousFirst = new Swaps(candidates[firstI], firstJ >= 0 ? candidates[firstJ] : -1);
            ambiguousSecond = new Swaps(candidates[secondI], secondJ >= 0 ? candidates[secondJ] : -1);
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

    /// <summary>One or two positions whose characters a correction swaps; <see cref="Second"/> is -1 for one.</summary>
    private readonly record struct Swaps(int First, int Second);

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

    private readonly string DescribeSwaps(Swaps swaps)
    {
        var first = DescribeSwap(swaps.First);
        return swaps.Second < 0 ? first : $"{first} with {DescribeSwap(swaps.Second)}";
    }

    private readonly string DescribeSwap(int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"'{work[offset]}'→'{Swap(work[offset])}' at line {Line(offset)} position {Position(offset)}");

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
