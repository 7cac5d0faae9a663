using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

/// <summary>
/// The shortcuts screening takes to avoid work must never change an answer: a name ruled out by its letters
/// is one the edit distance would have ruled out, and facts compared in packed form decide as the dates do.
/// </summary>
public sealed class MatchingShortcutsTests
{
    /// <summary>
    /// Every pair of short words over a small alphabet within a given distance: the bound drawn from the letters
    /// (each edit brings in at most one new letter, and changes at most two in the set) must hold for all.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Letters_TextsWithinMaxEdits_NeverRuledOut(int max)
    {
        var words = Words("abcs", 5).ToList();
        var checkedPairs = 0;
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                if (EditDistance.Bounded(a, b, max) > max)
                {
                    continue;
                }

                checkedPairs++;
                Assert.True(EditDistance.MayBeWithin(EditDistance.Letters(a), EditDistance.Letters(b), max), $"{a} and {b} ruled out");
                Assert.True(ulong.PopCount(EditDistance.Letters(a) & ~EditDistance.Letters(b)) <= (ulong)max, $"{a} has letters {b} lacks beyond {max} edits");
            }
        }

        Assert.True(checkedPairs > 10_000);
    }

    [Fact]
    public void Letters_FarApartTexts_RuledOut()
    {
        // Petrov and Sukhanov share only o and v: eight letters differ, far more than two edits can explain.
        Assert.False(EditDistance.MayBeWithin(EditDistance.Letters("petrov"), EditDistance.Letters("sukhanov"), 2));
        Assert.True(EditDistance.MayBeWithin(EditDistance.Letters("petrov"), EditDistance.Letters("pertov"), 1));
    }

    /// <summary>
    /// The rule of <see cref="Facts"/>: same date, same year, a day apart in a year, a year off, a few years apart,
    /// more, full dates decades apart, unknown.
    /// </summary>
    [Theory]
    [InlineData("1975-03-02", "1975-03-02", nameof(Facts.Outcome.Same))]
    [InlineData("1975-03-02", "1975-03-03", nameof(Facts.Outcome.DayDiffers))]
    [InlineData("1975-03-02", "1975-04-02", nameof(Facts.Outcome.DayDiffers))]
    [InlineData("1975", "1975-03-02", nameof(Facts.Outcome.SameYear))]
    [InlineData("1975-03-02", "1975", nameof(Facts.Outcome.SameYear))]
    [InlineData("1975-12-31", "1976-01-01", nameof(Facts.Outcome.YearOff))]
    [InlineData("1974", "1975", nameof(Facts.Outcome.YearOff))]
    [InlineData("1975", "1977", nameof(Facts.Outcome.YearsApart))]
    [InlineData("1975-03-02", "1980-03-02", nameof(Facts.Outcome.YearsApart))]
    [InlineData("1975", "1981", nameof(Facts.Outcome.Differs))]
    // Decades apart: ruled out only when both dates are full; a year alone may be approximate.
    [InlineData("1975-03-02", "1995-03-02", nameof(Facts.Outcome.RuledOut))]
    [InlineData("1975", "1995-03-02", nameof(Facts.Outcome.Differs))]
    [InlineData("1975-03-02", "1995", nameof(Facts.Outcome.Differs))]
    [InlineData("", "1975", nameof(Facts.Outcome.NotGiven))]
    [InlineData("1975", "", nameof(Facts.Outcome.UnknownOnList))]
    public void Compare_BirthDates_OutcomeOfTheRule(string query, string list, string outcome)
    {
        var expected = Enum.Parse<Facts.Outcome>(outcome);
        var (a, b) = (PartialDate.Parse(query), PartialDate.Parse(list));
        Assert.Equal(expected, Facts.Compare(a, b));
        Assert.Equal(expected, Facts.Compare(a.Packed, b.Packed));
    }

    [Fact]
    public void Screen_EntryOfSeveralNationalities_RaisedForAnyOfThem()
    {
        var entry = new WatchlistEntry("national", "1", WatchlistKind.RefusalOfEntry, "Yuliya Ivanova", [], PartialDate.Unknown, ["RUS", "UKR"], [], null, null, null);
        var index = WatchlistIndex.Build([entry]);

        var asUkrainian = Assert.Single(index.Screen(new ScreeningQuery("Yuliya Ivanova", PartialDate.Unknown, "UKR"), 0.5));
        var asFinn = Assert.Single(index.Screen(new ScreeningQuery("Yuliya Ivanova", PartialDate.Unknown, "FIN"), 0.5));

        Assert.Equal(ScoreEffect.Raised, asUkrainian.Explanation.Nationality.Effect);
        Assert.Equal(1.0, asUkrainian.Score);
        Assert.Equal(ScoreEffect.Lowered, asFinn.Explanation.Nationality.Effect);
        Assert.Equal(1.0 + Facts.NationalityDiffers, asFinn.Score, 3);
    }

    private static IEnumerable<string> Words(string alphabet, int maxLength)
    {
        IEnumerable<string> level = [""];
        for (var length = 1; length <= maxLength; length++)
        {
            level = level.SelectMany(w => alphabet.Select(c => w + c)).ToList();
            foreach (var word in level)
            {
                yield return word;
            }
        }
    }
}
