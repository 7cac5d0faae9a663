using System.Buffers;
using System.Globalization;
using System.Text;

namespace Vartio.Domain.Text;

/// <summary>
/// The one rule for text that Vartio stores and later writes out again (titles, decision texts, names, notes):
/// no control characters other than tab, carriage return and line feed, no unpaired surrogates and no
/// Unicode non-characters. Such characters cannot be written into XML 1.0 (the Atom feed), are never typed on
/// purpose, and have been used to break readers of stored data; they are refused at the edge, never cleaned
/// silently.
/// </summary>
public static class StoredText
{
    /// <summary>
    /// The first character that may not be stored, as a message naming its 1-based position and code point,
    /// or null when <paramref name="text"/> may be stored.
    /// </summary>
    public static string? Fault(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var position = 0;
        for (var i = 0; i < text.Length; i++)
        {
            position++;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Character {position} is half of a surrogate pair (U+{(int)text[i]:X4}); the text is not valid Unicode.");
            }

            if (!Allowed(rune))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Character {position} (U+{rune.Value:X4}) is a control character or a non-character and cannot be stored.");
            }

            i += consumed - 1;
        }

        return null;
    }

    /// <summary>Whether <paramref name="rune"/> may be stored.</summary>
    public static bool Allowed(Rune rune)
    {
        var value = rune.Value;
        if (value is '\t' or '\n' or '\r')
        {
            return true;
        }

        // C0 controls, DEL, C1 controls.
        if (value < 0x20 || (value >= 0x7F && value <= 0x9F))
        {
            return false;
        }

        // Non-characters: U+FDD0..U+FDEF and the last two code points of every plane (Unicode §23.7).
        return !(value is >= 0xFDD0 and <= 0xFDEF) && (value & 0xFFFE) != 0xFFFE;
    }
}
