using System.Text;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>What a generated zone should say; dates as the six digits YYMMDD the zone carries.</summary>
internal sealed record MrzContent(
    MrzFormat Format,
    string DocumentCode,
    string IssuingState,
    string DocumentNumber,
    string PrimaryIdentifier,
    string SecondaryIdentifier,
    string Nationality,
    string DateOfBirth,
    char Sex,
    string DateOfExpiry,
    string OptionalData,
    string OptionalData2 = "",
    bool FillerInCheckedNumber = false);

/// <summary>
/// Writes a valid zone from its content, straight from the layouts of Doc 9303 Parts 4–7 and the French
/// card, with its own check-digit arithmetic, so that tests do not check the parser against itself.
/// </summary>
internal static class MrzWriter
{
    public static string[] Write(MrzContent c) => c.Format switch
    {
        MrzFormat.Td3 => Td3OrVisa(c, 44, composite: true),
        MrzFormat.MrvA => Td3OrVisa(c, 44, composite: false),
        MrzFormat.MrvB => Td3OrVisa(c, 36, composite: false),
        MrzFormat.Td2 => Td2(c),
        MrzFormat.Td1 => Td1(c),
        MrzFormat.FrenchIdentityCard => French(c),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>Doc 9303 Part 3 §4.9: weights 7, 3, 1; A=10 … Z=35; filler 0; sum modulo 10.</summary>
    public static char Check(string characters)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            var c = characters[i];
            var value = c == '<' ? 0 : char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    public static string Name(string primary, string secondary, int length)
    {
        var name = primary.Replace(' ', '<') + "<<" + secondary.Replace(' ', '<');
        return Fit(name, length);
    }

    public static string Fit(string text, int length) =>
        text.Length >= length ? text[..length] : text + new string('<', length - text.Length);

    private static string[] Td3OrVisa(MrzContent c, int length, bool composite)
    {
        var line1 = Fit(c.DocumentCode, 2) + Fit(c.IssuingState, 3) + Name(c.PrimaryIdentifier, c.SecondaryIdentifier, length - 5);
        var number = Fit(c.DocumentNumber, 9);
        var line2 = new StringBuilder()
            .Append(number).Append(Check(number))
            .Append(Fit(c.Nationality, 3))
            .Append(c.DateOfBirth).Append(Check(c.DateOfBirth))
            .Append(c.Sex)
            .Append(c.DateOfExpiry).Append(Check(c.DateOfExpiry));
        if (composite)
        {
            var personal = Fit(c.OptionalData, 14);
            line2.Append(personal).Append(c.OptionalData.Length == 0 ? '<' : Check(personal));
            var s = line2.ToString();
            line2.Append(Check(s[..10] + s[13..20] + s[21..43]));
        }
        else
        {
            line2.Append(Fit(c.OptionalData, length - 28));
        }

        return [line1, line2.ToString()];
    }

    private static string[] Td2(MrzContent c)
    {
        var line1 = Fit(c.DocumentCode, 2) + Fit(c.IssuingState, 3) + Name(c.PrimaryIdentifier, c.SecondaryIdentifier, 31);
        var (number, optional) = NumberAndOptional(c, 7);
        var line2 = number + Fit(c.Nationality, 3) + c.DateOfBirth + Check(c.DateOfBirth) + c.Sex
            + c.DateOfExpiry + Check(c.DateOfExpiry) + optional;
        return [line1, line2 + Check(line2[..10] + line2[13..20] + line2[21..35])];
    }

    private static string[] Td1(MrzContent c)
    {
        var (number, optional) = NumberAndOptional(c, 15);
        var line1 = Fit(c.DocumentCode, 2) + Fit(c.IssuingState, 3) + number + optional;
        var line2 = c.DateOfBirth + Check(c.DateOfBirth) + c.Sex + c.DateOfExpiry + Check(c.DateOfExpiry)
            + Fit(c.Nationality, 3) + Fit(c.OptionalData2, 11);
        line2 += Check(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]);
        return [line1, line2, Name(c.PrimaryIdentifier, c.SecondaryIdentifier, 30)];
    }

    /// <summary>
    /// The document number with its check digit (ten characters) and the optional data field. A number
    /// longer than nine characters puts a filler in the check-digit position and continues in the optional
    /// data, followed by its check digit and a filler (Doc 9303 Parts 5 and 6, the document number field).
    /// </summary>
    private static (string Number, string Optional) NumberAndOptional(MrzContent c, int optionalLength)
    {
        if (c.DocumentNumber.Length <= 9)
        {
            var number = Fit(c.DocumentNumber, 9);
            return (number + Check(number), Fit(c.OptionalData, optionalLength));
        }

        var head = c.DocumentNumber[..9];
        var tail = c.DocumentNumber[9..];
        var check = Check(c.FillerInCheckedNumber ? head + "<" + tail : c.DocumentNumber);
        return (head + "<", Fit(tail + check + "<" + c.OptionalData, optionalLength));
    }

    /// <summary>
    /// The French card: the number is given whole (12 characters, starting with the year and month of
    /// issue); the optional data is the administrative code at the end of line 1. Given names are
    /// separated by two fillers, as on the cards.
    /// </summary>
    private static string[] French(MrzContent c)
    {
        var line1 = "IDFRA" + Fit(c.PrimaryIdentifier.Replace(' ', '<'), 25) + Fit(c.OptionalData, 6);
        var line2 = c.DocumentNumber + Check(c.DocumentNumber) + Fit(c.SecondaryIdentifier.Replace(" ", "<<", StringComparison.Ordinal), 14)
            + c.DateOfBirth + Check(c.DateOfBirth) + c.Sex;
        return [line1, line2 + Check(line1 + line2)];
    }
}
