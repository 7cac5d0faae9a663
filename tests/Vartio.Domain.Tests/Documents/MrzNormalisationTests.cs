using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>Forgiving input, never silently: every normalisation is reported.</summary>
public sealed class MrzNormalisationTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    [Fact]
    public void Parse_SurroundingWhitespace_IsRemovedAndReported()
    {
        var result = MrzParser.Parse(["  " + Specimens.Td3[0] + "\t", Specimens.Td3[1] + " "], Today);

        Assert.True(result.IsValid);
        Assert.Equal(["surrounding whitespace removed"], result.Normalisations);
    }

    [Fact]
    public void Parse_LowerCase_IsReadAsUpperCaseAndReported()
    {
        var result = MrzParser.Parse([Specimens.Td1[0].ToLowerInvariant(), Specimens.Td1[1], Specimens.Td1[2]], Today);

        Assert.True(result.IsValid);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal(["lower-case letters read as upper case"], result.Normalisations);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Parse_OneTextWithLineBreaks_IsReadLineByLineWithoutANormalisation(string lineBreak)
    {
        var result = MrzParser.Parse(string.Join(lineBreak, Specimens.Td1) + lineBreak, Today);

        Assert.True(result.IsValid);
        Assert.Empty(result.Normalisations);
    }

    [Fact]
    public void Parse_EveryNormalisationAtOnce_ReportsEachOnce()
    {
        var result = MrzParser.Parse("  " + string.Concat(Specimens.MrvB).ToLowerInvariant() + "  ", Today);

        Assert.True(result.IsValid);
        Assert.Equal(MrzFormat.MrvB, result.Format);
        Assert.Equal(
            ["surrounding whitespace removed", "lower-case letters read as upper case", "a single line of 72 characters read as 2 lines of 36"],
            result.Normalisations);
    }

    [Fact]
    public void Parse_BlankLinesBetweenLines_AreSkippedAndReported()
    {
        var result = MrzParser.Parse([Specimens.Td2[0], "   ", Specimens.Td2[1]], Today);

        Assert.True(result.IsValid);
        Assert.Equal(["surrounding whitespace removed"], result.Normalisations);
    }

    [Fact]
    public void Parse_NullLines_AreSkipped()
    {
        var result = MrzParser.Parse([null, Specimens.Td2[0], Specimens.Td2[1]], Today);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_ProblemsAfterASplitLine_CountPositionsWithinTheSplitLines()
    {
        var pasted = string.Concat(Specimens.Td3.With(2, 21, "Q"));

        var result = MrzParser.Parse(pasted, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.Sex, 2, 21), (problem.Field, problem.Line, problem.Position));
    }

    [Fact]
    public void Parse_Td2ShapedZoneBeginningIdfra_IsReadAsTheFrenchCard()
    {
        // Recognition by document code: a 2 × 36 zone starting IDFRA is the French national card, whose layout
        // differs from TD2 (France issued no TD2 identity card with that code).
        var result = MrzParser.Parse(Specimens.FrenchIdentityCard, Today);

        Assert.Equal(MrzFormat.FrenchIdentityCard, result.Format);
        Assert.Equal(MrzFormat.Td2, MrzParser.Parse(Specimens.Td2, Today).Format);
        Assert.Equal(MrzFormat.MrvB, MrzParser.Parse(Specimens.MrvB, Today).Format);
    }

    [Fact]
    public void ReadLines_PastedLowerCaseLine_GivesTheLinesThePositionsReferTo()
    {
        var lines = MrzParser.ReadLines(["  " + string.Concat(Specimens.Td1).ToLowerInvariant()]);

        Assert.Equal(Specimens.Td1, lines);
    }

    [Fact]
    public void ReadLines_LinesOfNoZoneShape_AreStillReturnedAsRead()
    {
        Assert.Equal(["ABC", "DE"], MrzParser.ReadLines([" abc\n", "de "]));
        Assert.Empty(MrzParser.ReadLines([new string('<', 200)]));
    }
}
