using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>Zones written from random fields (seeded, so a failure can be replayed) read back to the same fields.</summary>
public sealed class MrzRoundTripTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Parse_ZoneWrittenFromRandomFields_ReadsBackEveryField(int seed)
    {
        var zones = new RandomZones(seed, Today);
        for (var i = 0; i < 2_000; i++)
        {
            var (content, birth, expiry) = zones.Next();
            var lines = MrzWriter.Write(content);

            var result = MrzParser.Parse(lines, Today);

            var because = $"seed {seed}, zone {i}: {string.Join(" / ", lines)}: {string.Join("; ", result.Problems)}";
            Assert.True(result.IsValid, because);
            Assert.Empty(result.Corrections);
            Assert.Equal(content.Format, result.Format);
            Assert.Equal(content.DocumentCode, result.DocumentCode);
            Assert.Equal(content.IssuingState.TrimEnd('<'), result.IssuingState);
            Assert.Equal(content.DocumentNumber, result.DocumentNumber);
            Assert.Equal(content.PrimaryIdentifier, result.PrimaryIdentifier);
            Assert.Equal(content.SecondaryIdentifier, result.SecondaryIdentifier);
            Assert.Equal(content.Nationality.TrimEnd('<'), result.Nationality);
            Assert.Equal(birth, result.DateOfBirth);
            Assert.Equal(expiry, result.DateOfExpiry);
            Assert.Equal(content.Sex switch { 'M' => Sex.Male, 'F' => Sex.Female, _ => Sex.Unspecified }, result.Sex);
            Assert.Equal(content.OptionalData, result.OptionalData);
            Assert.Equal(content.Format == MrzFormat.Td1 ? content.OptionalData2 : null, result.OptionalData2);
        }
    }
}
