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
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };

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
        var sum = 0;
        var w = weightIndex;
        foreach (var c in characters)
        {
            var value = ValueOf(c);
            if (value > 0)
            {
                sum += value * Weight(w);
            }

            w = w == 2 ? 0 : w + 1;
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
}
