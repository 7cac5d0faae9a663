using NodaTime;
using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

public sealed class WatchlistIndexTests
{
    private static readonly WatchlistIndex Index = WatchlistIndex.Build(
    [
        Person("1", "Щербаков Иван Петрович", birth: "1975-03-02", nationalities: ["RUS"]),
        Person("2", "Yuliya Sergeyevna Ivanova", birth: "1980", nationalities: ["RUS", "UKR"]),
        Person("3", "Muhammad Abdul Rahman Al-Hassan", birth: "1969", nationalities: ["SYR"], aliases: ["Abu Yusuf"]),
        Person("4", "Sergei Petrov", birth: "1975-03-02", nationalities: ["RUS"]),
        Person("5", "Ivan Petrov", birth: "", nationalities: []),
        Person("6", "Anna Maria Eriksson", birth: "1974-08-12", nationalities: ["UTO"]) with { ValidUntil = new LocalDate(2020, 12, 31) },
        new("national", "7", WatchlistKind.LostOrStolenDocument, "", [], PartialDate.Unknown, [], [new("UTO", "L898902C3"), new("D", "C01X00T47")], "stolen 2019", null, null),
    ]);

    private static WatchlistEntry Person(string id, string name, string birth, string[] nationalities, string[]? aliases = null) =>
        new("national", id, WatchlistKind.RefusalOfEntry, name, aliases ?? [], PartialDate.Parse(birth), nationalities, [], "test", null, null);

    private static IReadOnlyList<ScreeningHit> Screen(string name, string birth = "", string? nationality = null) =>
        Index.Screen(new ScreeningQuery(name, PartialDate.Parse(birth), nationality), ScreeningDefaults.Threshold);

    [Theory]
    [InlineData("SHCHERBAKOV IVAN")]
    [InlineData("Ivan Shcherbakov")]
    [InlineData("Schtscherbakow, Iwan")]
    [InlineData("Chtcherbakov Ivan")]
    [InlineData("I. Ščerbakov")]
    [InlineData("Ivan Petrovich Shcherbakov")]
    [InlineData("SHCHERBAKOV<<IVAN<PETROVICH")]
    [InlineData("Ivan Shcherbakow")]
    [InlineData("Ivan Shcherabkov")]
    public void Screen_OtherSpellingOrderOrInitials_FindsTheEntry(string name)
    {
        var hits = Screen(name);
        Assert.Contains(hits, h => h.Entry.Id == "1");
        Assert.Equal("1", hits[0].Entry.Id);
    }

    [Fact]
    public void Screen_ArabicNameWithDroppedParts_FindsTheEntry()
    {
        var hits = Screen("Mohammed Abdelrahman Hassan");
        Assert.Equal("3", Assert.Single(hits).Entry.Id);
        Assert.Equal("Muhammad Abdul Rahman Al-Hassan", hits[0].MatchedName);
    }

    [Fact]
    public void Screen_Alias_ReportsTheAliasAsMatchedName()
    {
        var hits = Screen("Abou Youssef");
        Assert.Equal("Abu Yusuf", Assert.Single(hits).MatchedName);
    }

    [Theory]
    // Same surname, another given name: another person, even on the same birth date.
    [InlineData("Sergei Shcherbakov", "1975-03-02")]
    // The female form of the surname: a relative, not the person.
    [InlineData("Yuliya Ivanov", "1980")]
    [InlineData("Ivan Petrova", "")]
    public void Screen_SimilarNameOfAnotherPerson_NoHit(string name, string birth)
    {
        Assert.DoesNotContain(Screen(name, birth), h => h.Entry.Id is "1" or "2" or "5");
    }

    [Fact]
    public void Screen_BirthDateAndNationalityAlone_NeverAHit()
    {
        Assert.Empty(Screen("Aleksandr Smirnov", "1975-03-02", "RUS"));
    }

    [Fact]
    public void Screen_SameBirthDateAndNationality_RaiseTheScore()
    {
        var plain = Screen("Ivan Shcherbakov")[0];
        var hit = Screen("Ivan Shcherbakov", "1975-03-02", "RUS")[0];
        Assert.True(hit.Score > plain.Score);
        Assert.Equal(ScoreEffect.Raised, hit.Explanation.BirthDate.Effect);
        Assert.Equal(ScoreEffect.Raised, hit.Explanation.Nationality.Effect);
    }

    [Fact]
    public void Screen_DifferentBirthYear_LowersTheScore()
    {
        var plain = Screen("Ivan Shcherbakov")[0];
        var hits = Index.Screen(new ScreeningQuery("Ivan Shcherbakov", PartialDate.Parse("1990"), "FIN"), threshold: 0.3);
        var hit = Assert.Single(hits, h => h.Entry.Id == "1");
        Assert.True(hit.Score < plain.Score);
        Assert.Equal(ScoreEffect.Lowered, hit.Explanation.BirthDate.Effect);
        Assert.Equal(ScoreEffect.Lowered, hit.Explanation.Nationality.Effect);
    }

    [Fact]
    public void Screen_Hit_ExplainsEachPart()
    {
        var hit = Screen("Ivan Shcherbakov")[0];
        Assert.Equal("Щербаков Иван Петрович", hit.MatchedName);
        Assert.Equal(
            [("Ivan", "Иван", NamePartMatchKind.TransliterationKey), ("Shcherbakov", "Щербаков", NamePartMatchKind.TransliterationKey)],
            hit.Explanation.Parts.Select(p => (p.QueryPart, p.ListPart, p.How)));
        Assert.Equal(["Петрович"], hit.Explanation.UnmatchedListParts);
        Assert.Contains("Shcherbakov ~ Щербаков (transliteration: Cyrillic written in Latin letters)", hit.Explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_Typo_ExplainedAsEditDistance()
    {
        var hit = Screen("Ivan Shcherabkov")[0];
        var part = Assert.Single(hit.Explanation.Parts, p => p.QueryPart == "Shcherabkov");
        Assert.Equal(NamePartMatchKind.EditDistance, part.How);
        Assert.Equal(1, part.Distance);
    }

    [Fact]
    public void Screen_Hits_SortedBestFirstAndCapped()
    {
        var hits = Index.Screen(ScreeningQuery.ForName("Ivan Petrov"), threshold: 0.1, maxHits: 2);
        Assert.Equal(2, hits.Count);
        Assert.Equal("5", hits[0].Entry.Id);
        Assert.True(hits[0].Score >= hits[1].Score);
    }

    [Fact]
    public void Screen_OnADate_LeavesOutEntriesNotValid()
    {
        Assert.Single(Index.Screen(ScreeningQuery.ForName("Anna Eriksson"), ScreeningDefaults.Threshold, on: new LocalDate(2020, 12, 31)));
        Assert.Empty(Index.Screen(ScreeningQuery.ForName("Anna Eriksson"), ScreeningDefaults.Threshold, on: new LocalDate(2021, 1, 1)));
    }

    [Theory]
    [InlineData("UTO", "L898902C3")]
    [InlineData("uto", "l898902c3")]
    [InlineData("UTO", "L898902C3<")]
    [InlineData("UTO", "L 898-902 C3")]
    // Germany as the MRZ writes it and as ISO does; O read for 0, I for 1 (ICAO Doc 9303 document numbers).
    [InlineData("DEU", "C01X00T47")]
    [InlineData("D<<", "CO1XOOT47")]
    [InlineData("D", "C0IX00T47")]
    public void FindDocument_NormalisedNumber_Found(string state, string number)
    {
        Assert.Equal("7", Assert.Single(Index.FindDocument(state, number)).Id);
    }

    [Fact]
    public void FindDocument_OtherStateOrNumber_NotFound()
    {
        Assert.Empty(Index.FindDocument("FIN", "L898902C3"));
        Assert.Empty(Index.FindDocument("UTO", "L898902C4"));
    }

    [Fact]
    public void Screen_LostDocument_HitWithScoreOneWhateverTheName()
    {
        var hits = Index.Screen(new ScreeningQuery("Nobody Atall", PartialDate.Unknown, null, new WatchlistDocument("UTO", "L898902C3")), ScreeningDefaults.Threshold);
        var hit = Assert.Single(hits);
        Assert.Equal(1.0, hit.Score);
        Assert.Equal(new WatchlistDocument("UTO", "L898902C3"), hit.Explanation.Document);
    }

    [Fact]
    public void Screen_LostDocumentInALargeIndex_HitIsThatEntryWithItsName()
    {
        // Equal entries apart from the one naming the document: the hit must be the entry the build was given.
        var entries = Enumerable.Range(0, 20_000)
            .Select(i => Person(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Ivan Petrov{i % 7}", birth: "1970", nationalities: ["RUS"]))
            .ToList();
        entries[17_321] = entries[17_321] with { Kind = WatchlistKind.LostOrStolenDocument, Documents = [new("FIN", "XP1234567")] };
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("Nobody Atall", PartialDate.Unknown, null, new WatchlistDocument("FIN", "XP 1234567")), ScreeningDefaults.Threshold);

        var hit = Assert.Single(hits);
        Assert.Same(entries[17_321], hit.Entry);
        Assert.Equal(1.0, hit.Score);
        Assert.Equal("Ivan Petrov3", hit.MatchedName);
        Assert.Same(entries[17_321], Assert.Single(index.FindDocument("FIN", "XP1234567")));
    }

    [Fact]
    public void Screen_ManyNamesSharingParts_SameScoresAsEachNameAlone()
    {
        // Part comparisons are reused across the names of one query: a name's score must not depend on which
        // other names were scored before it.
        string[] given = ["Sergei", "Sergey", "Chena", "Cheni", "Ivan", "Iwan"];
        string[] surnames = ["Chenko", "Chena", "Cheni", "Shcherbakov", "Sergeev", "Chenina"];
        var entries = (from g in given from h in given from s in surnames select $"{g} {h} {s}")
            .Select((name, i) => Person(i.ToString(System.Globalization.CultureInfo.InvariantCulture), name, birth: "", nationalities: []))
            .ToList();
        var index = WatchlistIndex.Build(entries);
        var query = new ScreeningQuery("chena cheni sergei", PartialDate.Unknown, null);

        var hits = index.Screen(query, 0.5, maxHits: entries.Count);

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var alone = WatchlistIndex.Build([hit.Entry]).Screen(query, 0.5);
            Assert.Equal(Assert.Single(alone).Score, hit.Score);
        }
    }

    [Theory]
    [InlineData(900, 400)]
    [InlineData(400, 900)]
    public void Screen_EveryPartCommon_FindsWhatEachNameAloneWouldAndNothingElse(int ivans, int petrovs)
    {
        // Hundreds of Ivans and of Petrovs: the index then scores only the names that have the rarer part and
        // another, found by walking the parts' postings together: the rarer part's names through the other's
        // long postings, and the short postings of the other's neighbours (Ivon, Petrob) through those names.
        // Those must be exactly the names that would be hits if each were screened alone. (From a thousand
        // names, a part is taken as spelled right and its typos are no longer looked for.)
        var entries = new List<WatchlistEntry>();
        for (var i = 0; i < ivans; i++)
        {
            entries.Add(Person($"i{i}", $"Ivan {Surname(i)}", birth: "", nationalities: []));
        }

        for (var i = 0; i < petrovs; i++)
        {
            entries.Add(Person($"p{i}", $"{Surname(i + 2_000)} Petrov", birth: "", nationalities: []));
        }

        string[] namesakes = ["Petrov Ivan", "Iwan Petrow", "Иван Петров", "Ivan Sergeevich Petrov", "Ivan Petrova", "Ivana Petrov", "Ivan Pertov", "Ivon Petrov", "Ivan Petrob"];
        entries.AddRange(namesakes.Select((name, i) => Person($"n{i}", name, birth: "", nationalities: [])));
        var index = WatchlistIndex.Build(entries);
        var query = new ScreeningQuery("Ivan Petrov", PartialDate.Unknown, null);

        var found = index.Screen(query, ScreeningDefaults.Threshold, maxHits: entries.Count).Select(h => h.Entry.Id).Order().ToList();

        var alone = entries.Where(e => WatchlistIndex.Build([e]).Screen(query, ScreeningDefaults.Threshold).Count > 0).Select(e => e.Id).Order().ToList();
        Assert.Equal(alone, found);
        // The same person in four spellings, orders and with a patronymic, and three typos; not the Petrova or
        // Ivana of the same family.
        Assert.Equal(["n0", "n1", "n2", "n3", "n6", "n7", "n8"], found);
    }

    /// <summary>A surname made of syllables, different for each number and sharing no key with Ivan or Petrov.</summary>
    private static string Surname(int number)
    {
        string[] syllables = ["ka", "lo", "mu", "ne", "sa", "ti", "bo", "du"];
        var text = new System.Text.StringBuilder("Z");
        for (var n = number; n > 0 || text.Length < 4; n /= syllables.Length)
        {
            text.Append(syllables[n % syllables.Length]);
        }

        return text.ToString();
    }

    [Fact]
    public void Screen_ManyThreadsAtOnce_SameAnswers()
    {
        var expected = Screen("Ivan Shcherbakov")[0].Score;
        Parallel.For(0, 200, _ => Assert.Equal(expected, Screen("Ivan Shcherbakov")[0].Score));
    }

    [Fact]
    public void Count_EveryEntry()
    {
        Assert.Equal(7, Index.Count);
        Assert.Equal(0, WatchlistIndex.Empty.Count);
    }
}
