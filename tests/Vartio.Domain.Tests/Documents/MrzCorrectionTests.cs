using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// OCR-confusable characters (O/0, I/1, B/8, S/5, Z/2, G/6) are corrected by field type, and by the check
/// digits where both readings are allowed, only when every check covering the correction then passes and the
/// correction is the only one that does.
/// </summary>
public sealed class MrzCorrectionTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;
    private const string PassportLine1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";

    [Fact]
    public void Parse_LetterOForZeroInAPassportNumber_IsCorrectedBecauseOnlyThatSwapPassesBothChecks()
    {
        // The Part 4 specimen read with O for the 0 at line 2 position 6.
        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"], Today);

        Assert.True(result.IsValid);
        Assert.Equal("L898902C3", result.DocumentNumber);
        Assert.Equal([new MrzCorrection(MrzField.DocumentNumber, 2, 1, "L8989O2C3", "L898902C3")], result.Corrections);
    }

    [Fact]
    public void Parse_TwoSwapsWouldEachSatisfyTheChecks_CorrectsNothingAndNamesBoth()
    {
        // The Part 4 specimen read with B for the 8 at position 4: swapping it back passes both checks, but so
        // does swapping the 8 at position 2 for a B (same change of the weighted sum, modulo 10).
        var result = MrzParser.Parse([PassportLine1, "L89B902C36UTO7408122F1204159ZE184226B<<<<<10"], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("L89B902C3", result.DocumentNumber);
        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal((2, 10), (problem.Line, problem.Position));
        Assert.Contains("'8'→'B' at line 2 position 2 and 'B'→'8' at line 2 position 4 would each make it pass, so neither correction is made", problem.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Field == MrzField.CompositeCheckDigit);
    }

    [Fact]
    public void Parse_LetterOInADate_IsCorrectedByFieldType()
    {
        var result = MrzParser.Parse([PassportLine1, "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"], Today);

        Assert.True(result.IsValid);
        Assert.Equal(new NodaTime.LocalDate(1974, 8, 12), result.DateOfBirth);
        Assert.Equal([new MrzCorrection(MrzField.DateOfBirth, 2, 14, "74O812", "740812")], result.Corrections);
    }

    [Fact]
    public void Parse_LettersInCheckDigitPositions_AreCorrectedByFieldType()
    {
        // G for the 6 at position 10 and Z for the 2 at position 20.
        var result = MrzParser.Parse([PassportLine1, "L898902C3GUTO740812ZF1204159ZE184226B<<<<<10"], Today);

        Assert.True(result.IsValid);
        Assert.Equal(
            [new MrzCorrection(MrzField.DocumentNumberCheckDigit, 2, 10, "G", "6"), new MrzCorrection(MrzField.DateOfBirthCheckDigit, 2, 20, "Z", "2")],
            result.Corrections);
    }

    [Fact]
    public void Parse_ZeroInAName_IsCorrectedByFieldTypeThoughNoCheckDigitCoversIt()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 12, "0"), Today);

        Assert.True(result.IsValid);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        var correction = Assert.Single(result.Corrections);
        Assert.Equal((MrzField.PrimaryIdentifier, 1, 6), (correction.Field, correction.Line, correction.Position));
        Assert.StartsWith("ERIKSS0N<<", correction.From, StringComparison.Ordinal);
        Assert.StartsWith("ERIKSSON<<", correction.To, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZeroInACountryCode_IsCorrectedWhenTheResultIsAKnownCode()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 5, "0"), Today);

        Assert.True(result.IsValid);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal([new MrzCorrection(MrzField.IssuingState, 1, 3, "UT0", "UTO")], result.Corrections);
    }

    [Fact]
    public void Parse_ZeroInACountryCode_IsLeftWhenTheResultIsNoKnownCode()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 3, "0TA"), Today);

        Assert.Empty(result.Corrections);
        Assert.Equal(2, result.Problems.Count(p => p is { Field: MrzField.IssuingState, Line: 1, Position: 3 }));
    }

    [Fact]
    public void Parse_MisreadNumberWhileAnotherCheckFails_IsNotCorrected()
    {
        // O for 0 in the number, and a wrong expiry check digit (8 for 9): the composite covers the number and
        // still fails after the swap, so the swap is not proven.
        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204158ZE184226B<<<<<10"], Today);

        Assert.Empty(result.Corrections);
        Assert.Equal(
            [MrzField.DocumentNumberCheckDigit, MrzField.DateOfExpiryCheckDigit, MrzField.CompositeCheckDigit],
            result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Parse_TwoMisreadFieldsEachProvenByItsCheck_AreBothCorrected()
    {
        // Written from fields with the personal number A1C (one confusable character), then read with O for 0
        // in the number and I for 1 in the personal number.
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "A1C"));
        Assert.Equal("L898902C36UTO7408122F1204159A1C<<<<<<<<<<<58", written[1]);

        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204159AIC<<<<<<<<<<<58"], Today);

        Assert.True(result.IsValid);
        Assert.Equal(
            [new MrzCorrection(MrzField.DocumentNumber, 2, 1, "L8989O2C3", "L898902C3"), new MrzCorrection(MrzField.OptionalData, 2, 29, "AIC<<<<<<<<<<<", "A1C<<<<<<<<<<<")],
            result.Corrections);
    }

    [Fact]
    public void Parse_MisreadOptionalDataOfATd1Card_IsCorrectedByTheCompositeAlone()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D23145890", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "", "X0Y4K"));

        var result = MrzParser.Parse(written.With(2, 20, "O"), Today);

        Assert.True(result.IsValid);
        Assert.Equal("X0Y4K", result.OptionalData2);
        Assert.Equal([new MrzCorrection(MrzField.OptionalData2, 2, 19, "XOY4K<<<<<<", "X0Y4K<<<<<<")], result.Corrections);
    }

    [Fact]
    public void Parse_MisreadContinuationOfAnOverlongNumber_IsCorrected()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D231458901AC", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", ""));
        Assert.Equal("I<UTOD23145890<1AC6<<<<<<<<<<<", written[0]);

        var result = MrzParser.Parse(written.With(1, 16, "I"), Today);

        Assert.True(result.IsValid);
        Assert.Equal("D231458901AC", result.DocumentNumber);
        Assert.Equal([new MrzCorrection(MrzField.DocumentNumber, 1, 16, "IAC", "1AC")], result.Corrections);
    }

    [Fact]
    public void Parse_FrenchCardRead_CorrectsByTheCompositeOverBothLines()
    {
        var result = MrzParser.Parse(Specimens.FrenchIdentityCard.With(1, 1, "1").With(2, 3, "O"), Today);

        Assert.True(result.IsValid);
        Assert.Equal(MrzFormat.FrenchIdentityCard, result.Format);
        Assert.Equal(
            [new MrzCorrection(MrzField.DocumentCode, 1, 1, "1D", "ID"), new MrzCorrection(MrzField.DocumentNumber, 2, 1, "88O692310285", "880692310285")],
            result.Corrections);
    }

    [Fact]
    public void Parse_GForSixInADocumentNumber_PassesUnseenBecauseNoCheckDigitCanTell()
    {
        // G (16) and 6 differ by exactly 10, so every weighted sum is the same modulo 10: a G/6 confusion in a
        // field that admits both is invisible to the check digits. Here the personal number's 6 read as G.
        var result = MrzParser.Parse([PassportLine1, "L898902C36UTO7408122F1204159ZE18422GB<<<<<10"], Today);

        Assert.True(result.IsValid);
        Assert.Equal("ZE18422GB", result.OptionalData);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Parse_LetterGInADate_IsCorrectedToSixByFieldType()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.MrvB, "V", "UTO", "L8988901C", "ERIKSSON", "ANNA MARIA", "XXX", "860612", 'F', "301210", ""));

        var result = MrzParser.Parse(written.With(2, 15, "G"), Today);

        Assert.True(result.IsValid);
        Assert.Equal(new NodaTime.LocalDate(1986, 6, 12), result.DateOfBirth);
        Assert.Equal([new MrzCorrection(MrzField.DateOfBirth, 2, 14, "8G0612", "860612")], result.Corrections);
    }
}
