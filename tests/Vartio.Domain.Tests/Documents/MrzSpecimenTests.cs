using NodaTime;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>Every format read from its published specimen (sources in <see cref="Specimens"/>).</summary>
public sealed class MrzSpecimenTests
{
    internal static readonly LocalDate Today = new(2026, 1, 15);

    [Fact]
    public void Parse_IcaoPassportSpecimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td3, Today);

        AssertValid(result, MrzFormat.Td3);
        Assert.Equal("P", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("L898902C3", result.DocumentNumber);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", result.SecondaryIdentifier);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal(new LocalDate(1974, 8, 12), result.DateOfBirth);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new LocalDate(2012, 4, 15), result.DateOfExpiry);
        Assert.Equal("ZE184226B", result.OptionalData);
        Assert.Null(result.OptionalData2);
        Assert.Null(result.DateOfIssue);
    }

    [Fact]
    public void Parse_IcaoPart11PassportWithShortNumber_DropsTheNumbersFiller()
    {
        var result = MrzParser.Parse(Specimens.Td3Part11, Today);

        AssertValid(result, MrzFormat.Td3);
        Assert.Equal("L898902C", result.DocumentNumber);
        Assert.Equal(new LocalDate(1969, 8, 6), result.DateOfBirth);
        Assert.Equal(new LocalDate(1994, 6, 23), result.DateOfExpiry);
        Assert.Equal("ZE184226B", result.OptionalData);
    }

    [Fact]
    public void Parse_IcaoTd2Specimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td2, Today);

        AssertValid(result, MrzFormat.Td2);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", result.SecondaryIdentifier);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal(new LocalDate(1974, 8, 12), result.DateOfBirth);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new LocalDate(2012, 4, 15), result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_IcaoTd2OverlongSpecimen_JoinsTheNumberFromTheOptionalData()
    {
        var result = MrzParser.Parse(Specimens.Td2Overlong, Today);

        AssertValid(result, MrzFormat.Td2);
        Assert.Equal("D23145890734", result.DocumentNumber);
        Assert.Equal("STEVENSON", result.PrimaryIdentifier);
        Assert.Equal("PETER JOHN", result.SecondaryIdentifier);
        Assert.Equal(new LocalDate(1934, 7, 12), result.DateOfBirth);
        Assert.Equal(Sex.Male, result.Sex);
        Assert.Equal(new LocalDate(1995, 7, 12), result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_IcaoTd1Specimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td1, Today);

        AssertValid(result, MrzFormat.Td1);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", result.SecondaryIdentifier);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal(new LocalDate(1974, 8, 12), result.DateOfBirth);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new LocalDate(2012, 4, 15), result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal(string.Empty, result.OptionalData2);
    }

    [Fact]
    public void Parse_IcaoTd1OverlongSpecimen_JoinsTheNumberFromTheOptionalData()
    {
        var result = MrzParser.Parse(Specimens.Td1Overlong, Today);

        AssertValid(result, MrzFormat.Td1);
        Assert.Equal("D23145890734", result.DocumentNumber);
        Assert.Equal("STEVENSON", result.PrimaryIdentifier);
        Assert.Equal("PETER JOHN", result.SecondaryIdentifier);
        Assert.Equal(new LocalDate(1934, 7, 12), result.DateOfBirth);
        Assert.Equal(new LocalDate(1995, 7, 12), result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_IcaoMrvASpecimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.MrvA, Today);

        AssertValid(result, MrzFormat.MrvA);
        Assert.Equal("V", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", result.SecondaryIdentifier);
        Assert.Equal("XXX", result.Nationality);
        Assert.Equal(new LocalDate(1940, 9, 7), result.DateOfBirth);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new LocalDate(1996, 12, 10), result.DateOfExpiry);
        Assert.Equal("6ZE184226B", result.OptionalData);
    }

    [Fact]
    public void Parse_IcaoMrvBSpecimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.MrvB, Today);

        AssertValid(result, MrzFormat.MrvB);
        Assert.Equal("V", result.DocumentCode);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("ERIKSSON", result.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", result.SecondaryIdentifier);
        Assert.Equal("XXX", result.Nationality);
        Assert.Equal(new LocalDate(1940, 9, 7), result.DateOfBirth);
        Assert.Equal(new LocalDate(1996, 12, 10), result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Parse_FrenchIdentityCardSpecimen_ReadsItsOwnLayout()
    {
        var result = MrzParser.Parse(Specimens.FrenchIdentityCard, Today);

        AssertValid(result, MrzFormat.FrenchIdentityCard);
        Assert.Equal("ID", result.DocumentCode);
        Assert.Equal("FRA", result.IssuingState);
        Assert.Equal("880692310285", result.DocumentNumber);
        Assert.Equal("BERTHIER", result.PrimaryIdentifier);
        Assert.Equal("CORINNE", result.SecondaryIdentifier);
        Assert.Equal("FRA", result.Nationality);
        Assert.Equal(new LocalDate(1965, 12, 6), result.DateOfBirth);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Null(result.DateOfExpiry);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal(new YearMonth(1988, 6), result.DateOfIssue);
    }

    [Theory]
    [MemberData(nameof(AllSpecimens))]
    public void Parse_AnySpecimenAsOnePastedLine_ReadsTheSameAndSaysSo(string name, string[] lines)
    {
        var separate = MrzParser.Parse(lines, Today);
        var pasted = MrzParser.Parse(string.Concat(lines), Today);

        Assert.True(pasted.IsValid, name);
        Assert.Equal(separate.Format, pasted.Format);
        Assert.Equal(separate.DocumentNumber, pasted.DocumentNumber);
        Assert.Equal(separate.PrimaryIdentifier, pasted.PrimaryIdentifier);
        Assert.Single(pasted.Normalisations);
        Assert.Contains("single line", pasted.Normalisations[0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> AllSpecimens() => new()
    {
        { "TD3", Specimens.Td3 },
        { "TD3 Part 11", Specimens.Td3Part11 },
        { "TD2", Specimens.Td2 },
        { "TD2 overlong", Specimens.Td2Overlong },
        { "TD1", Specimens.Td1 },
        { "TD1 overlong", Specimens.Td1Overlong },
        { "MRV-A", Specimens.MrvA },
        { "MRV-B", Specimens.MrvB },
        { "French identity card", Specimens.FrenchIdentityCard },
    };

    internal static void AssertValid(MrzResult result, MrzFormat format)
    {
        Assert.Equal(format, result.Format);
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Empty(result.Corrections);
        Assert.Empty(result.Normalisations);
    }
}
