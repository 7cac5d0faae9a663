using NodaTime;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// What a valid zone tells the officer beyond its fields: that the document has expired, and that the holder's
/// single name is in the secondary identifier.
/// </summary>
public sealed class MrzRemarkTests
{
    private static readonly LocalDate Today = MrzSpecimenTests.Today;

    // A passport of a holder with a single name: the name field (TD3 line 1 positions 6–44, Doc 9303 Part 4)
    // opens with the separator <<, so the primary identifier is empty. Check digits by Doc 9303 Part 3
    // (weights 7, 3, 1; J = 19; filler 0): J8369854< gives 133 + 24 + 3 + 42 + 27 + 8 + 35 + 12 = 284 → 4;
    // 850315 gives 56 + 15 + 0 + 21 + 3 + 5 = 100 → 0; 320917 gives 21 + 6 + 0 + 63 + 3 + 7 = 100 → 0; the
    // empty personal number's check digit is a filler; the composite over positions 1–10, 14–20, 22–43 → 0.
    private static readonly string[] SingleName =
    [
        "P<IND<<FIRST<NAME<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "J8369854<4IND8503150M3209170<<<<<<<<<<<<<<<0",
    ];

    [Fact]
    public void Parse_NameOnlyInTheSecondaryIdentifier_IsValidWithARemark()
    {
        var result = MrzParser.Parse(SingleName, Today);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal("", result.PrimaryIdentifier);
        Assert.Equal("FIRST NAME", result.SecondaryIdentifier);
        Assert.Equal("J8369854", result.DocumentNumber);
        Assert.Equal("IND", result.Nationality);
        Assert.False(result.IsExpired);
        Assert.Equal(["the name has no primary identifier: the holder's single name is in the secondary identifier only"], result.Remarks);
    }

    [Fact]
    public void Parse_SingleNameAgreesWithTheIndependentWriter()
    {
        var written = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "IND", "J8369854", "", "FIRST NAME", "IND", "850315", 'M', "320917", ""));

        Assert.Equal(SingleName, written);
    }

    [Fact]
    public void Parse_ExpiredSpecimen_IsValidAndSaysItHasExpired()
    {
        // ICAO Doc 9303 Part 4's specimen passport expires on 2012-04-15 (line 2 positions 22–27, 120415).
        var result = MrzParser.Parse(Specimens.Td3, Today);

        Assert.True(result.IsValid);
        Assert.True(result.IsExpired);
        Assert.Equal(["the document expired on 2012-04-15"], result.Remarks);
    }

    [Theory]
    [InlineData("260115", false)] // expires on the day of the check: still valid that day
    [InlineData("260114", true)] // expired the day before
    public void Parse_ExpiryAroundTheDayOfTheCheck_IsExpiredFromTheNextDay(string expiry, bool expired)
    {
        var lines = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "740812", 'F', expiry, ""));

        var result = MrzParser.Parse(lines, Today);

        Assert.True(result.IsValid);
        Assert.Equal(expired, result.IsExpired);
        Assert.Equal(expired ? ["the document expired on 2026-01-14"] : [], result.Remarks);
    }
}
