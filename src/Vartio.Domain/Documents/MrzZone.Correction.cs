using Vartio.Domain.Countries;

namespace Vartio.Domain.Documents;

/// <summary>Correcting the characters an OCR confuses where the field's type decides, and offering readings where it cannot.</summary>
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
    /// Corrects OCR-confusable characters where the field's character type decides: a letter among digits (a
    /// date, a check digit) becomes its digit and a digit among letters (a name, a state code) its letter. Then
    /// any correction a failing check still covers is undone, as is one in an unchecked field that leaves the
    /// field invalid.
    /// </summary>
    /// <remarks>
    /// A field that admits both letters and digits (a document number, optional data) is never corrected: a
    /// look-alike swap that satisfies its check digit proves nothing, since a single check digit is satisfied
    /// by a tenth of all readings and the composite check digit covers the same characters with the same
    /// weights (ICAO Doc 9303 Part 3, check digits; Parts 4–6, the composite), so it adds no evidence. A
    /// swapped number would also escape the lost and stolen document lists. Such a check is reported as
    /// failing, with the look-alike readings it would accept (<see cref="FindCandidates"/>) for the officer to
    /// compare with the printed data page.
    /// </remarks>
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

        Settle();
    }

    /// <summary>
    /// For each failing check, the readings of the letters-and-digits field it covers that differ by one or
    /// two look-alike characters (O/0, I/1, B/8, S/5, Z/2) and that it would accept, without breaking a check
    /// that passes. A field's own check digit offers readings of that field; the composite offers readings
    /// only of fields no other check digit covers (TD1 and TD2 optional data). At most
    /// <see cref="MrzParser.MaxCandidates"/> readings per check, single swaps before pairs.
    /// </summary>
    private void FindCandidates()
    {
        for (var k = 0; k < checkCount; k++)
        {
            if (checks[k].Passed || work[checks[k].Digit] is < '0' or > '9')
            {
                continue;
            }

            List<MrzCandidate>? found = null;
            for (var swaps = 1; swaps <= MrzParser.MaxCandidateSwaps && found is null; swaps++)
            {
                for (var p = 0; p < work.Length; p++)
                {
                    if (!Swappable(k, p))
                    {
                        continue;
                    }

                    if (swaps == 1)
                    {
                        if (Accepts(k, p, -1))
                        {
                            Offer(ref found, p, -1);
                        }

                        continue;
                    }

                    var unit = UnitAt(p);
                    for (var q = p + 1; q < unit.End; q++)
                    {
                        if (Swappable(k, q) && Accepts(k, p, q))
                        {
                            Offer(ref found, p, q);
                        }
                    }
                }
            }

            if (found is not null)
            {
                (candidates ??= new List<MrzCandidate>?[MaxChecks])[k] = found;
            }
        }
    }

    /// <summary>Whether check k may offer a reading with the character at this position swapped for its look-alike.</summary>
    private readonly bool Swappable(int k, int offset)
    {
        if (KindAt(offset) != CharKind.AlphaNumeric || Swap(work[offset]) == work[offset] || WeightIndexOf(checks[k], offset, alternative: false) < 0)
        {
            return false;
        }

        for (var j = 0; j < checkCount; j++)
        {
            if (j == k || WeightIndexOf(checks[j], offset, alternative: false) < 0)
            {
                continue;
            }

            // The composite leaves to a field's own check digit the readings of that field.
            if (checks[k].Field == MrzField.CompositeCheckDigit || checks[j].Passed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether check k passes with the characters at p (and q, unless -1) swapped for their look-alikes.</summary>
    private readonly bool Accepts(int k, int p, int q)
    {
        ref readonly var check = ref checks[k];
        var sumA = check.SumA + Delta(check, p, alternative: false) + (q >= 0 ? Delta(check, q, alternative: false) : 0);
        var sumB = check.EitherConvention
            ? check.SumB + Delta(check, p, alternative: true) + (q >= 0 ? Delta(check, q, alternative: true) : 0)
            : sumA;
        return Passes(check, sumA, sumB);
    }

    /// <summary>What swapping the character at this position adds to the check's weighted sum.</summary>
    private readonly int Delta(in Check check, int offset, bool alternative)
    {
        var index = WeightIndexOf(check, offset, alternative);
        return index < 0 ? 0 : (CheckDigit.ValueOf(Swap(work[offset])) - CheckDigit.ValueOf(work[offset])) * CheckDigit.Weight(index);
    }

    private readonly void Offer(ref List<MrzCandidate>? found, int p, int q)
    {
        found ??= [];
        if (found.Count >= MrzParser.MaxCandidates)
        {
            return;
        }

        var unit = UnitAt(p);
        Span<char> reading = stackalloc char[unit.Length];
        work.Slice(unit.Start, unit.Length).CopyTo(reading);
        reading[p - unit.Start] = Swap(work[p]);
        if (q >= 0)
        {
            reading[q - unit.Start] = Swap(work[q]);
        }

        found.Add(new MrzCandidate(FieldAt(p), Line(unit.Start), Position(unit.Start), reading.ToString()));
    }

    /// <summary>The look-alike a check digit could tell apart: O/0, I/1, B/8, S/5, Z/2 (not G/6, which differ by 10).</summary>
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
