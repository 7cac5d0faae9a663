using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// OCR-confusable characters (O/0, I/1, B/8, S/5, Z/2, G/6) are corrected only where the field's character
/// type decides (a letter in a date or a check digit, a digit in a name or a state code), and kept only when
/// every check covering the correction then passes. In a field that admits letters and digits (document
/// number, optional data) nothing is corrected: the failing check digit is reported with the look-alike
/// readings it would accept, for the officer to compare with the printed data page.
/// </summary>
public sealed class MrzCorrectionTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;
    private const string PassportLine1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";

    [Fact]
    public void Parse_ChangedDigitInADocumentNumber_IsNotTurnedIntoALookAlikeNumber()
    {
        // The Part 4 specimen with the number's last digit changed: L898902C4 where the page prints L898902C3.
        // Its check digit 6 no longer matches (the weighted sum 7·L + 3·8 + 1·9 + 7·8 + 3·9 + 1·0 + 7·2 + 3·C
        // + 1·4 ends in 7). Reading the 8 at position 2 as B adds 3·(11 − 8) = 9 and so would pass, and the
        // composite covers the same characters with the same weights: the checks cannot tell LB98902C4 from a
        // changed number, so the number stays as read and the error stands, with LB98902C4 offered.
        var result = MrzParser.Parse([PassportLine1, "L898902C46UTO7408122F1204159ZE184226B<<<<<10"], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("L898902C4", result.DocumentNumber);
        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal((2, 10), (problem.Line, problem.Position));
        Assert.StartsWith("check digit 6 does not match the characters it covers, which give 7;", problem.Message, StringComparison.Ordinal);
        Assert.Equal([new MrzCandidate(MrzField.DocumentNumber, 2, 1, "LB98902C4")], problem.Candidates);
        Assert.Equal('6', MrzWriter.Check("LB98902C4"));
        var composite = Assert.Single(result.Problems, p => p.Field == MrzField.CompositeCheckDigit);
        Assert.Empty(composite.Candidates);
    }

    [Fact]
    public void Parse_LetterOForZeroInAPassportNumber_IsNotCorrectedButOffered()
    {
        // The Part 4 specimen read with O for the 0 at line 2 position 6: the zone as read fails its checks,
        // and the printed number L898902C3 is among the readings offered.
        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("L8989O2C3", result.DocumentNumber);
        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal([new MrzCandidate(MrzField.DocumentNumber, 2, 1, "L898902C3")], problem.Candidates);
        Assert.Contains("L898902C3 (documentNumber) would pass: compare with the printed data page", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoSwapsWouldEachSatisfyTheChecks_OffersBoth()
    {
        // The Part 4 specimen read with B for the 8 at position 4: swapping it back passes both checks, but so
        // does swapping the 8 at position 2 for a B (3·(11 − 8) = 9 and 7·(8 − 11) = −21 agree modulo 10).
        var result = MrzParser.Parse([PassportLine1, "L89B902C36UTO7408122F1204159ZE184226B<<<<<10"], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("L89B902C3", result.DocumentNumber);
        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal((2, 10), (problem.Line, problem.Position));
        Assert.Equal(["LB9B902C3", "L898902C3"], problem.Candidates.Select(c => c.Reading));
        Assert.All(problem.Candidates, c => Assert.Equal('6', MrzWriter.Check(c.Reading)));
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
    public void Parse_MisreadNumberWhileAnotherCheckFails_IsNotCorrectedButOffered()
    {
        // O for 0 in the number, and a wrong expiry check digit (8 for 9): the composite fails either way, and
        // the number's own check digit still offers the printed number for comparison.
        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204158ZE184226B<<<<<10"], Today);

        Assert.Empty(result.Corrections);
        Assert.Equal(
            [MrzField.DocumentNumberCheckDigit, MrzField.DateOfExpiryCheckDigit, MrzField.CompositeCheckDigit],
            result.Problems.Select(p => p.Field));
        Assert.Equal(["L898902C3"], result.Problems[0].Candidates.Select(c => c.Reading));
        Assert.Empty(result.Problems[1].Candidates);
    }

    [Fact]
    public void Parse_TwoMisreadFieldsWithTheirOwnChecks_EachOffersItsReading()
    {
        // Written from fields with the personal number A1C (one confusable character), then read with O for 0
        // in the number and I for 1 in the personal number.
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "A1C"));
        Assert.Equal("L898902C36UTO7408122F1204159A1C<<<<<<<<<<<58", written[1]);

        var result = MrzParser.Parse([PassportLine1, "L8989O2C36UTO7408122F1204159AIC<<<<<<<<<<<58"], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        var number = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Equal([new MrzCandidate(MrzField.DocumentNumber, 2, 1, "L898902C3")], number.Candidates);
        var personal = Assert.Single(result.Problems, p => p.Field == MrzField.OptionalDataCheckDigit);
        Assert.Equal([new MrzCandidate(MrzField.OptionalData, 2, 29, "A1C<<<<<<<<<<<")], personal.Candidates);
    }

    [Fact]
    public void Parse_MisreadOptionalDataOfATd1Card_IsOfferedByTheComposite()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D23145890", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", "", "X0Y4K"));

        var result = MrzParser.Parse(written.With(2, 20, "O"), Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("XOY4K", result.OptionalData2);
        var composite = Assert.Single(result.Problems);
        Assert.Equal(MrzField.CompositeCheckDigit, composite.Field);
        Assert.Contains(new MrzCandidate(MrzField.OptionalData2, 2, 19, "X0Y4K<<<<<<"), composite.Candidates);
    }

    [Fact]
    public void Parse_MisreadContinuationOfAnOverlongNumber_IsOffered()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D231458901AC", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", ""));
        Assert.Equal("I<UTOD23145890<1AC6<<<<<<<<<<<", written[0]);

        var result = MrzParser.Parse(written.With(1, 16, "I"), Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Equal("D23145890IAC", result.DocumentNumber);
        var problem = Assert.Single(result.Problems, p => p.Field == MrzField.DocumentNumberCheckDigit);
        Assert.Contains(new MrzCandidate(MrzField.DocumentNumber, 1, 16, "1AC"), problem.Candidates);
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
