using System.Text;

namespace Vartio.Domain.Screening;

/// <summary>
/// The form in which document numbers are compared: upper case, without the MRZ filler <c>&lt;</c>, spaces or
/// hyphens, and with the letters an OCR or a tired officer confuses with digits read as the digit (O as 0,
/// I as 1; ICAO Doc 9303 Part 3 allows both letters and digits in a document number, so a list written by
/// hand and a zone read by a machine can disagree on exactly these).
/// </summary>
public static class DocumentNumbers
{
    public static string Normalise(string number)
    {
        var text = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            switch (char.ToUpperInvariant(c))
            {
                case '<' or '-' or '–' or '/' or '.':
                    break;
                case 'O':
                    text.Append('0');
                    break;
                case 'I':
                    text.Append('1');
                    break;
                case var upper when !char.IsWhiteSpace(upper):
                    text.Append(upper);
                    break;
            }
        }

        return text.ToString();
    }
}
