using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// TD1 and TD2 document numbers longer than nine characters (Doc 9303 Parts 5 and 6, the document number
/// field): a filler in the check-digit position, the rest of the number and its check digit at the start of
/// the optional data. Doc 9303 computes that check digit over the whole number; some issuers include the filler.
/// Both are accepted.
/// </summary>
public sealed class MrzOverlongNumberTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    // D231458901AC: check digit 6 over D231458901AC (Doc 9303), 4 over D23145890<1AC (filler included).
    private const string Line2 = "7408122F1204159UTO<<<<<<<<<<<";
    private const string Line3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    [Fact]
    public void Parse_Td1CheckDigitOverTheWholeNumber_IsValid()
    {
        var result = MrzParser.Parse(["I<UTOD23145890<1AC6<<<<<<<<<<<", Line2 + "2", Line3], Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("D231458901AC", result.DocumentNumber);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_Td1CheckDigitCountingTheFiller_IsValid()
    {
        var result = MrzParser.Parse(["I<UTOD23145890<1AC4<<<<<<<<<<<", Line2 + "6", Line3], Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("D231458901AC", result.DocumentNumber);
    }

    [Fact]
    public void Parse_Td1CheckDigitMatchingNeitherConvention_IsAProblemNamingBoth()
    {
        var result = MrzParser.Parse(["I<UTOD23145890<1AC5<<<<<<<<<<<", Line2 + "6", Line3], Today);

        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal((1, 19), (problem.Line, problem.Position));
        Assert.StartsWith("check digit 5 does not match the characters it covers, which give 6 (or 4 counting the filler after the first nine);", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Td1OverlongNumberFollowedByOptionalData_SeparatesThem()
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D231458901AC", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "XY12"));
        Assert.Equal("I<UTOD23145890<1AC6<XY12<<<<<<", lines[0]);

        var result = MrzParser.Parse(lines, Today);

        Assert.True(result.IsValid);
        Assert.Equal("D231458901AC", result.DocumentNumber);
        Assert.Equal("XY12", result.OptionalData);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_Td2OverlongNumberUnderEitherConvention_IsValid(bool fillerInChecked)
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td2, "I", "UTO", "D231458901AC", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "", FillerInCheckedNumber: fillerInChecked));
        Assert.Equal(fillerInChecked ? "1AC4<" : "1AC6<", lines[1][28..33]);

        var result = MrzParser.Parse(lines, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("D231458901AC", result.DocumentNumber);
    }
}
