namespace Vartio.Domain.Documents;

/// <summary>
/// The check digit of ICAO Doc 9303 Part 3 §4.9: each character takes a value (digits their own, A=10 … Z=35,
/// the filler <c>&lt;</c> 0), values are multiplied by the weights 7, 3, 1 repeating from the first character,
/// and the check digit is the sum modulo 10. Doc 9303's worked examples: <c>L898902C3</c> → 6,
/// <c>740812</c> → 2.
/// </summary>
public static class CheckDigit
{
    /// <summary>The value of an MRZ character, or -1 for a character outside A–Z, 0–9 and <c>&lt;</c>.</summary>
    public static int ValueOf(char c) => c == '<' ? 0 : c < 128 && Values[c] != 0 ? Values[c] - 1 : -1;

    /// <summary>
    /// The check digit over <paramref name="characters"/>. A character outside the MRZ alphabet counts as
    /// zero here; the parser reports it separately.
    /// </summary>
    public static int Compute(ReadOnlySpan<char> characters) => WeightedSum(characters, 0) % 10;

    /// <summary>
    /// The weighted sum of <paramref name="characters"/> when the first of them takes the weight at
    /// <paramref name="weightIndex"/> (0 → 7, 1 → 3, 2 → 1). Several ranges checked by one digit (the
    /// composite check) continue the weight sequence from one range to the next.
    /// </summary>
    internal static int WeightedSum(ReadOnlySpan<char> characters, int weightIndex)
    {
        // The weights, rotated to start at weightIndex, applied three characters at a time.
        var (w0, w1, w2) = weightIndex switch
        {
            0 => (7, 3, 1),
            1 => (3, 1, 7),
            _ => (1, 7, 3),
        };
        var sum = 0;
        var i = 0;
        for (; i + 2 < characters.Length; i += 3)
        {
            sum += (Value(characters[i]) * w0) + (Value(characters[i + 1]) * w1) + (Value(characters[i + 2]) * w2);
        }

        if (i < characters.Length)
        {
            sum += Value(characters[i]) * w0;
            if (i + 1 < characters.Length)
            {
                sum += Value(characters[i + 1]) * w1;
            }
        }

        return sum;
    }

    /// <summary>7, 3, 1 for weight index 0, 1, 2.</summary>
    internal static int Weight(int weightIndex) => weightIndex switch
    {
        0 => 7,
        1 => 3,
        _ => 1,
    };

    /// <summary>The value for the sum: outside the alphabet counts 0 (and is reported elsewhere).</summary>
    private static int Value(char c) => c < 128 ? Math.Max(Values[c] - 1, 0) : 0;

    /// <summary>Value + 1 per ASCII character; 0 for characters outside the MRZ alphabet (the filler is 1: value 0).</summary>
    private static ReadOnlySpan<byte> Values =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, // 0–9
        0, 0, 1, 0, 0, 0, // ':' ';' '<' '=' '>' '?'
        0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, // '@' A–P
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 0, 0, 0, 0, // Q–Z '[' '\' ']' '^' '_'
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
