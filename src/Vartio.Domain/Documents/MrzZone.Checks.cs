using System.Globalization;
using System.Runtime.CompilerServices;

namespace Vartio.Domain.Documents;

/// <summary>The check digits of a zone: which characters each covers, and whether it passes.</summary>
internal ref partial struct MrzZone
{
    /// <summary>A check digit and the characters it covers (up to four ranges, weights continuing across them).</summary>
    internal struct Check
    {
        public MrzField Field;
        public int Digit;
        public CheckRanges Ranges;
        public int RangeCount;

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

        /// <summary>The first range: the field whose check digit this is (for the composite, the first field it covers).</summary>
        public readonly Segment First => Ranges[0];
    }

    /// <summary>The ranges of characters one check digit covers, in order; a TD1 composite covers four.</summary>
    [InlineArray(4)]
    internal struct CheckRanges
    {
        private Segment first;
    }

    private void BuildChecks()
    {
        ref var number = ref Add(MrzField.DocumentNumberCheckDigit, layout.DocumentNumberCheck, layout.DocumentNumber);
        if (overlongCheckDigit >= 0)
        {
            number.Digit = overlongCheckDigit;
            number.Ranges[number.RangeCount++] = new Segment(continuationStart, continuationLength);
            number.EitherConvention = true;
        }

        Add(MrzField.DateOfBirthCheckDigit, layout.DateOfBirthCheck, layout.DateOfBirth);
        if (layout.DateOfExpiryCheck >= 0)
        {
            Add(MrzField.DateOfExpiryCheckDigit, layout.DateOfExpiryCheck, layout.DateOfExpiry);
        }

        if (layout.OptionalDataCheck >= 0)
        {
            Add(MrzField.OptionalDataCheckDigit, layout.OptionalDataCheck, layout.OptionalData).FillerWhenEmpty = true;
        }

        if (layout.Composite >= 0)
        {
            var ranges = layout.CompositeRanges;
            ref var composite = ref Add(MrzField.CompositeCheckDigit, layout.Composite, ranges[0]);
            for (var r = 1; r < ranges.Length; r++)
            {
                composite.Ranges[composite.RangeCount++] = ranges[r];
            }
        }
    }

    private ref Check Add(MrzField field, int digit, Segment range)
    {
        ref var check = ref checks[checkCount++];
        check = new Check { Field = field, Digit = digit, RangeCount = 1 };
        check.Ranges[0] = range;
        return ref check;
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
        for (var r = 0; r < check.RangeCount; r++)
        {
            var range = check.Ranges[r];
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

        return digit == '<' && check.FillerWhenEmpty && IsAllFiller(work.Slice(check.First.Start, check.First.Length));
    }

    private static int Mod10(int sum) => ((sum % 10) + 10) % 10;

    /// <summary>The weight index of a position within a check's characters, or -1 when the check does not cover it.</summary>
    private static int WeightIndexOf(in Check check, int offset, bool alternative)
    {
        var before = 0;
        for (var r = 0; r < check.RangeCount; r++)
        {
            var range = check.Ranges[r];
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
        || (check.EitherConvention && offset == check.First.End);

    private static string Describe(MrzCandidate candidate) =>
        string.Create(CultureInfo.InvariantCulture, $"{candidate.Reading.TrimEnd('<')} ({candidate.Field.Name()})");

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
                if (candidates?[k] is { } offered)
                {
                    message += offered.Count == 1
                        ? $"; read with a look-alike character, {Describe(offered[0])} would pass: compare with the printed data page, the check digit cannot tell which is right"
                        : $"; read with look-alike characters, {string.Join(" or ", offered.Select(Describe))} would pass: compare with the printed data page, the check digit cannot tell which is right";
                    Problem(check.Field, check.Digit, message, offered);
                }
                else
                {
                    Problem(check.Field, check.Digit, message);
                }
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
}
