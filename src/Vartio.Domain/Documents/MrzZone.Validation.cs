namespace Vartio.Domain.Documents;

/// <summary>Characters and document codes that no correction can make right, reported as problems.</summary>
internal ref partial struct MrzZone
{
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
}
