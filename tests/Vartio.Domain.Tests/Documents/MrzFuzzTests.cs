using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// Properties that hold for any input: the parser returns a coherent result and never throws. Its work is
/// bounded by construction (one pass over the input, nothing parsed beyond 132 characters, corrections tried
/// at most two characters at a time); these tests hold it to returning for tens of thousands of inputs.
/// </summary>
public sealed class MrzFuzzTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    // Weighted towards the zone's own characters, with the confusables, case, whitespace, line breaks and
    // characters from outside the alphabet.
    private const string Alphabet = "<<<<<<<<ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789OIBSZG01852O6abcz \t\r\n\n«€é*\u0000\u200B";

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Parse_AnyStringUpTo200Characters_ReturnsACoherentResult(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(0, 201);
            var text = string.Create(length, random, static (span, r) =>
            {
                for (var k = 0; k < span.Length; k++)
                {
                    span[k] = Alphabet[r.Next(Alphabet.Length)];
                }
            });

            AssertCoherent(MrzParser.Parse(text, Today), text);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Parse_ZoneOfEveryShapeWithRandomCharacters_ReturnsACoherentResult(int seed)
    {
        // Random characters in exactly the shapes of the zones, so every format's field code runs on garbage.
        var random = new Random(seed);
        (int Lines, int Length)[] shapes = [(3, 30), (2, 36), (2, 44)];
        for (var i = 0; i < 10_000; i++)
        {
            var (count, length) = shapes[random.Next(shapes.Length)];
            var lines = new string[count];
            for (var l = 0; l < count; l++)
            {
                lines[l] = string.Create(length, random, static (span, r) =>
                {
                    for (var k = 0; k < span.Length; k++)
                    {
                        span[k] = Alphabet[r.Next(Alphabet.Length - 8)];
                    }
                });
            }

            if (random.Next(4) == 0)
            {
                lines[0] = (random.Next(3) switch { 0 => "IDFRA", 1 => "V<UTO", _ => "P<UTO" }) + lines[0][5..];
            }

            AssertCoherent(MrzParser.Parse(lines, Today), string.Join("/", lines));
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Parse_ValidZoneWithRandomMisreads_CorrectsOnlyToAZoneThatIsValidAsWritten(int seed)
    {
        var zones = new RandomZones(seed, Today);
        var random = zones.Random;
        const string misreads = "OIBSZG018526<X";
        var corrected = 0;
        var offered = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var lines = MrzWriter.Write(zones.Next().Content);
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var line = random.Next(lines.Length);
                var position = random.Next(lines[line].Length);
                lines = lines.With(line + 1, position + 1, misreads[random.Next(misreads.Length)].ToString());
            }

            var result = MrzParser.Parse(lines, Today);
            var because = string.Join(" / ", lines);
            AssertCoherent(result, because);

            // A field of letters and digits is never corrected (the French card's number is all digits).
            if (result.Format != MrzFormat.FrenchIdentityCard)
            {
                Assert.DoesNotContain(result.Corrections, c => c.Field is MrzField.DocumentNumber or MrzField.OptionalData or MrzField.OptionalData2);
            }

            // A reading offered beside a failing check digit differs from the zone by one or two look-alikes.
            foreach (var candidate in result.Problems.SelectMany(p => p.Candidates))
            {
                offered++;
                var asRead = lines[candidate.Line - 1].Substring(candidate.Position - 1, candidate.Reading.Length);
                var swapped = asRead.Zip(candidate.Reading).Where(pair => pair.First != pair.Second).ToList();
                Assert.InRange(swapped.Count, 1, MrzParser.MaxCandidateSwaps);
                Assert.All(swapped, pair => Assert.True(IsConfusablePair(pair.First, pair.Second) && pair.First is not ('G' or '6'), because));
            }

            // Applying the corrections gives a zone that is valid as it stands and needs no correction.
            if (result.IsValid && result.Corrections.Count > 0)
            {
                corrected++;
                var fixedLines = lines;
                foreach (var correction in result.Corrections)
                {
                    Assert.Equal(correction.From, fixedLines[correction.Line - 1].Substring(correction.Position - 1, correction.From.Length));
                    Assert.Equal(correction.From.Length, correction.To.Length);
                    for (var k = 0; k < correction.From.Length; k++)
                    {
                        var (from, to) = (correction.From[k], correction.To[k]);
                        Assert.True(from == to || IsConfusablePair(from, to), $"{from}→{to} in {because}");
                    }

                    fixedLines = fixedLines.With(correction.Line, correction.Position, correction.To);
                }

                var again = MrzParser.Parse(fixedLines, Today);
                Assert.True(again.IsValid, because);
                Assert.Empty(again.Corrections);
            }
        }

        Assert.True(corrected > 100, $"only {corrected} zones were corrected: the property was hardly exercised");
        Assert.True(offered > 100, $"only {offered} readings were offered: the property was hardly exercised");
    }

    private static bool IsConfusablePair(char a, char b) =>
        (a, b) is ('O', '0') or ('0', 'O') or ('I', '1') or ('1', 'I') or ('B', '8') or ('8', 'B')
            or ('S', '5') or ('5', 'S') or ('Z', '2') or ('2', 'Z') or ('G', '6') or ('6', 'G');

    private static void AssertCoherent(MrzResult result, string input)
    {
        Assert.NotNull(result);
        Assert.Equal(result.Format is not null && result.Problems.Count == 0, result.IsValid);
        if (result.Format is null)
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal((MrzField.Input, 0, 0), (problem.Field, problem.Line, problem.Position));
            Assert.Empty(result.Corrections);
            return;
        }

        var (lines, length) = result.Format switch
        {
            MrzFormat.Td1 => (3, 30),
            MrzFormat.Td3 or MrzFormat.MrvA => (2, 44),
            _ => (2, 36),
        };
        foreach (var problem in result.Problems)
        {
            Assert.InRange(problem.Line, 1, lines);
            Assert.InRange(problem.Position, 1, length);
            Assert.False(string.IsNullOrEmpty(problem.Message), input);
            Assert.NotEqual(MrzField.Input, problem.Field);
        }

        foreach (var correction in result.Corrections)
        {
            Assert.InRange(correction.Line, 1, lines);
            Assert.InRange(correction.Position + correction.From.Length - 1, 1, length);
            Assert.NotEqual(correction.From, correction.To);
        }
    }
}
