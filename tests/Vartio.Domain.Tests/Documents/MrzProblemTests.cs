using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>Every kind of problem, each with its field, line and position; never an exception.</summary>
public sealed class MrzProblemTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  \t ", "whitespace")]
    [InlineData("P<UTOERIKSSON", "1 line of 13 characters")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1", "2 lines of 44 and 43 characters")]
    [InlineData("A\nB\nC\nD", "4 lines")]
    public void Parse_InputOfNoZoneShape_IsNotRecognisedAndSaysWhy(string input, string expected)
    {
        var result = MrzParser.Parse(input, Today);

        Assert.Null(result.Format);
        Assert.False(result.IsRecognised);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(MrzField.Input, problem.Field);
        Assert.Equal((0, 0), (problem.Line, problem.Position));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InputLongerThanAnyZone_IsNotRecognisedWithoutReadingItAll()
    {
        var result = MrzParser.Parse(new string('<', 1_000_000), Today);

        Assert.Null(result.Format);
        Assert.Contains("longer than any machine-readable zone", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CharacterOutsideTheAlphabet_IsReportedWhereItStands()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 8, "*"), Today);

        Assert.Equal(MrzFormat.Td3, result.Format);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.PrimaryIdentifier, 1, 8), (problem.Field, problem.Line, problem.Position));
        Assert.Contains("'*' is not a character", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LetterInADate_IsReportedWhenNoDigitCanBeMeant()
    {
        // X is no digit's look-alike, so nothing corrects it; the date and the checks over it fail.
        var result = MrzParser.Parse(Specimens.Td3.With(2, 16, "X"), Today);

        Assert.Contains(result.Problems, p => p is { Field: MrzField.DateOfBirth, Line: 2, Position: 16 } && p.Message.StartsWith("'X' where a digit", StringComparison.Ordinal));
        Assert.Null(result.DateOfBirth);
        Assert.Contains(result.Problems, p => p.Field == MrzField.DateOfBirthCheckDigit);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Parse_DigitInAName_IsReportedWhenNoLetterCanBeMeant()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 7, "3"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.PrimaryIdentifier, 1, 7), (problem.Field, problem.Line, problem.Position));
        Assert.Contains("letter or a filler is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DigitAmongTheGivenNames_IsReportedAgainstTheSecondaryIdentifier()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 17, "7"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.SecondaryIdentifier, 1, 17), (problem.Field, problem.Line, problem.Position));
    }

    [Theory]
    // The birth date's check digit (line 2 position 20) 2 → 3; the composite covers it too.
    [InlineData(20, "3", MrzField.DateOfBirthCheckDigit)]
    // The expiry date's check digit (position 28) 9 → 8.
    [InlineData(28, "8", MrzField.DateOfExpiryCheckDigit)]
    // The personal number's check digit (position 43) 1 → 7.
    [InlineData(43, "7", MrzField.OptionalDataCheckDigit)]
    public void Parse_WrongCheckDigitOfAPassportField_ReportsItAndTheComposite(int position, string digit, MrzField field)
    {
        var result = MrzParser.Parse(Specimens.Td3.With(2, position, digit), Today);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Field == field && p.Line == 2 && p.Position == position && p.Message.Contains("does not match", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Field: MrzField.CompositeCheckDigit, Line: 2, Position: 44 });
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Parse_WrongCompositeCheckDigit_ReportsOnlyTheComposite()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(2, 44, "5"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.CompositeCheckDigit, 2, 44), (problem.Field, problem.Line, problem.Position));
        Assert.Equal("check digit 5 does not match the characters it covers, which give 0", problem.Message);
    }

    [Fact]
    public void Parse_WrongDocumentNumberCheckDigitOfAVisa_ReportsItAlone()
    {
        // Visas have no composite check digit (Doc 9303 Part 7).
        var result = MrzParser.Parse(Specimens.MrvA.With(2, 10, "7"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DocumentNumberCheckDigit, 2, 10), (problem.Field, problem.Line, problem.Position));
    }

    [Fact]
    public void Parse_FillerForAPresentPersonalNumbersCheckDigit_IsAProblem()
    {
        // The composite is recomputed for the filler (value 0 instead of 1 at weight 1): 0 - 1 → 9.
        var result = MrzParser.Parse(Specimens.Td3.With(2, 43, "<9"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.OptionalDataCheckDigit, 2, 43), (problem.Field, problem.Line, problem.Position));
        Assert.Contains("cannot be a filler", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("0")]
    public void Parse_EmptyPersonalNumberWithFillerOrZeroCheckDigit_IsValid(string checkDigit)
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "120415", ""));
        Assert.Equal('<', lines.At(2, 43));
        lines = lines.With(2, 43, checkDigit); // both count 0 in the composite

        var result = MrzParser.Parse(lines, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_FillerAsAPassportNumbersCheckDigit_IsAProblem()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(2, 10, "<"), Today);

        Assert.Contains(result.Problems, p => p is { Field: MrzField.DocumentNumberCheckDigit, Line: 2, Position: 10 });
        Assert.False(result.IsValid);
    }

    [Theory]
    // 31 February 1974 (line 2 positions 14–19, day at 18); the check digits are recomputed so only the date is wrong.
    [InlineData("740231", 18, "February 1974 has no day 31 (it has 28)")]
    [InlineData("741312", 16, "month 13 does not exist")]
    [InlineData("740800", 18, "August 1974 has no day 0 (it has 31)")]
    [InlineData("000229", -1, null)]
    [InlineData("990229", 18, "February 1999 has no day 29 (it has 28)")]
    public void Parse_ImpossibleBirthDate_IsAProblemAtTheDay(string date, int position, string? message)
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", date, 'F', "300415", "ZE184226B"));

        var result = MrzParser.Parse(lines, Today);

        if (message is null)
        {
            Assert.True(result.IsValid);
            Assert.Equal(new NodaTime.LocalDate(2000, 2, 29), result.DateOfBirth);
            return;
        }

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DateOfBirth, 2, position, message), (problem.Field, problem.Line, problem.Position, problem.Message));
        Assert.Null(result.DateOfBirth);
    }

    [Fact]
    public void Parse_ImpossibleExpiryDate_IsAProblem()
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td1, "I", "UTO", "D23145890", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', "270631", ""));

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DateOfExpiry, 2, 13, "June 2027 has no day 31 (it has 30)"), (problem.Field, problem.Line, problem.Position, problem.Message));
    }

    [Fact]
    public void Parse_BirthDateGivenAsUnknown_IsValidWithoutADate()
    {
        // Doc 9303 Part 3: unknown parts of a birth date are fillers.
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "XXA", "74<<<<", 'F', "300415", ""));

        var result = MrzParser.Parse(lines, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Null(result.DateOfBirth);
    }

    [Fact]
    public void Parse_ExpiryBeforeBirth_IsAProblem()
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "100101", 'F', "050101", ""));

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DateOfExpiry, 2, 22), (problem.Field, problem.Line, problem.Position));
        Assert.Contains("before its holder was born", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3, "QQQ", MrzField.IssuingState)]
    [InlineData(2, 11, "ABC", MrzField.Nationality)]
    public void Parse_UnknownCountryCode_IsAProblem(int line, int position, string code, MrzField field)
    {
        var lines = Specimens.Td2.With(line, position, code);
        if (field == MrzField.Nationality)
        {
            // Nationality is outside every TD2 check digit, so the zone is otherwise intact.
            Assert.Equal("UTO", Specimens.Td2[1][10..13]);
        }

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((field, line, position), (problem.Field, problem.Line, problem.Position));
        Assert.Contains($"'{code}' is not a country code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GermanySingleLetterCode_IsKnown()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 3, "D<<").With(2, 11, "D<<"), Today);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("D", result.IssuingState);
        Assert.Equal("D", result.Nationality);
    }

    [Theory]
    [InlineData("TD1", "X<")]
    [InlineData("TD3", "I<")]
    public void Parse_DocumentCodeOfAnotherKind_IsAProblem(string format, string code)
    {
        var lines = (format == "TD1" ? Specimens.Td1 : Specimens.Td3).With(1, 1, code);

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DocumentCode, 1, 1), (problem.Field, problem.Line, problem.Position));
    }

    [Fact]
    public void Parse_SexOtherThanMFOrFiller_IsAProblem()
    {
        // Sex is outside every check digit of a TD3 zone.
        var result = MrzParser.Parse(Specimens.Td3.With(2, 21, "Q"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.Sex, 2, 21), (problem.Field, problem.Line, problem.Position));
        Assert.Null(result.Sex);
    }

    [Theory]
    [InlineData("<", Sex.Unspecified)]
    [InlineData("X", Sex.Unspecified)]
    [InlineData("M", Sex.Male)]
    public void Parse_SexCharacter_ReadsAsItsMeaning(string character, Sex expected)
    {
        var result = MrzParser.Parse(Specimens.Td3.With(2, 21, character), Today);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Sex);
    }

    [Fact]
    public void Parse_NameBeginningWithASingleFiller_IsAProblem()
    {
        // One filler, then a name: neither a primary identifier nor the << that opens a single name.
        var result = MrzParser.Parse(Specimens.Td3.With(1, 6, "<ERIKSSON<<ANNA"), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.PrimaryIdentifier, 1, 6), (problem.Field, problem.Line, problem.Position));
    }

    [Fact]
    public void Parse_NameOfFillersOnly_IsEmpty()
    {
        var result = MrzParser.Parse(Specimens.Td3.With(1, 6, new string('<', 39)), Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.PrimaryIdentifier, 1, 6, "the name is empty"), (problem.Field, problem.Line, problem.Position, problem.Message));
    }

    [Fact]
    public void Parse_OverlongNumberAnnouncedButNotContinued_IsAProblem()
    {
        // The TD1 specimen with a filler in the check-digit position (line 1 position 15) and nothing after it.
        var result = MrzParser.Parse(Specimens.Td1.With(1, 15, "<"), Today);

        Assert.Contains(result.Problems, p => p is { Field: MrzField.DocumentNumberCheckDigit, Line: 1, Position: 15 } && p.Message.Contains("longer than nine characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FrenchCardIssuedOutsideTheModelsYears_IsAProblem()
    {
        // Issued in May 2023 (2305…), two years after the model was replaced.
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.FrenchIdentityCard, "ID", "FRA", "230592310285", "BERTHIER", "CORINNE", "FRA", "651206", 'F', "", ""));

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DateOfIssue, 2, 1), (problem.Field, problem.Line, problem.Position));
    }

    [Fact]
    public void Parse_FrenchCardWithMonth13OfIssue_IsAProblem()
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.FrenchIdentityCard, "ID", "FRA", "881392310285", "BERTHIER", "CORINNE", "FRA", "651206", 'F', "", ""));

        var result = MrzParser.Parse(lines, Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((MrzField.DateOfIssue, 2, 3, "month 13 does not exist"), (problem.Field, problem.Line, problem.Position, problem.Message));
        Assert.Null(result.DateOfIssue);
    }

    [Fact]
    public void Parse_SeveralFaults_ListsEveryOneInZoneOrder()
    {
        var lines = Specimens.Td3
            .With(1, 3, "QQQ")  // unknown issuing state
            .With(1, 8, "*")    // foreign character in the name
            .With(2, 21, "Q")   // no such sex
            .With(2, 28, "0");  // expiry check digit (and so the composite)

        var result = MrzParser.Parse(lines, Today);

        Assert.Equal(
            [(1, 3, MrzField.IssuingState), (1, 8, MrzField.PrimaryIdentifier), (2, 21, MrzField.Sex), (2, 28, MrzField.DateOfExpiryCheckDigit), (2, 44, MrzField.CompositeCheckDigit)],
            result.Problems.Select(p => (p.Line, p.Position, p.Field)));
        Assert.Equal("ER*KSSON", result.PrimaryIdentifier);
    }
}
