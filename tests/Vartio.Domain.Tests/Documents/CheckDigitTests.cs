using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>The check digit of Doc 9303 Part 3 §4.9, with the worked values of Doc 9303 and of its specimens.</summary>
public sealed class CheckDigitTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('A', 10)]
    [InlineData('L', 21)]
    [InlineData('Z', 35)]
    [InlineData('<', 0)]
    [InlineData('a', -1)]
    [InlineData(' ', -1)]
    [InlineData('«', -1)]
    public void ValueOf_Character_IsItsDoc9303Value(char c, int expected) => Assert.Equal(expected, CheckDigit.ValueOf(c));

    [Fact]
    public void ValueOf_EveryCharacterUpToU2000_MatchesTheDefinition()
    {
        for (var c = '\0'; c < '\u2000'; c++)
        {
            var expected = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => -1,
            };
            Assert.Equal(expected, CheckDigit.ValueOf(c));
        }
    }

    [Fact]
    public void Compute_AnyLengthAndAlphabet_MatchesTheDefinition()
    {
        var random = new Random(7);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 50)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(int.Parse(MrzWriter.Check(text).ToString(), System.Globalization.CultureInfo.InvariantCulture), CheckDigit.Compute(text));
        }
    }

    [Theory]
    // Doc 9303 Part 3 §4.9, worked examples: a document number and a date.
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    // The Part 4 specimen passport: expiry date, personal number.
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    // The Part 4 specimen's composite: line 2 positions 1–10, 14–20 and 22–43.
    [InlineData("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", 0)]
    // The Part 5 specimen TD1's composite: line 1 positions 6–30, line 2 positions 1–7, 9–15, 19–29.
    [InlineData("D231458907<<<<<<<<<<<<<<<" + "7408122" + "1204159" + "<<<<<<<<<<<", 6)]
    // An empty field: every filler counts 0.
    [InlineData("<<<<<<<<<<<<<<", 0)]
    [InlineData("", 0)]
    public void Compute_WorkedValue_GivesTheDigitDoc9303Prints(string characters, int expected) =>
        Assert.Equal(expected, CheckDigit.Compute(characters));

    [Fact]
    public void Compute_OverlongNumberOfPart11_GivesNineUnderEitherConvention()
    {
        // Doc 9303 Part 11 Appendix D: D23145890734 has check digit 9. Counting the filler that stands in the
        // first check-digit position (D23145890<734) happens to give 9 as well.
        Assert.Equal(9, CheckDigit.Compute("D23145890734"));
        Assert.Equal(9, CheckDigit.Compute("D23145890<734"));
    }

    [Fact]
    public void Compute_ForeignCharacter_CountsAsZero() =>
        Assert.Equal(CheckDigit.Compute("AB<"), CheckDigit.Compute("AB*"));
}
