using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

/// <summary>
/// The kinds of miss found on real list data: one wrong letter, birth dates years apart, Ё written several
/// ways, the same name in another Slavic language or spelling convention, and titles in other languages.
/// Expected spellings come from the rules cited on each case: ICAO Doc 9303 Part 3 (7th ed.), section 6.B;
/// BGN/PCGN romanisation of Russian (1947) and of Belarusian (1979); GOST 16876-71 (Ё as jo, Щ as shh); the
/// Ukrainian national system (Cabinet of Ministers of Ukraine resolution 55 of 27 January 2010); the
/// Belarusian national system (2007, adopted by UNGEGN); and Latvian, Lithuanian, Hungarian, Polish and
/// Czech practice for Russian names.
/// </summary>
public sealed class RecallKindsTests
{
    private static WatchlistEntry Entry(string id, string name, string birth = "") =>
        new("list", id, WatchlistKind.RefusalOfEntry, name, [], PartialDate.Parse(birth), [], [], null, null, null);

    private static readonly WatchlistIndex Index = WatchlistIndex.Build(
    [
        Entry("ibrahim", "Ibrahim Musa Haddad", "1975-03-02"),
        Entry("yusuf", "Yusuf Ali", "1980"),
        Entry("kim", "Kim Sung Hoi", "1961-05-20"),
        Entry("guo", "Guo Min", "1970-01-01"),
        Entry("fedor", "Фёдор Семёнович Королёв", "1958-07-11"),
        Entry("khrushchev", "Хрущёв Никита Сергеевич", "1894-04-15"),
        Entry("vladimir", "Владимир Владимирович Путин", "1952-10-07"),
        Entry("aleksandr", "Aleksandr Viktorovich Ivanov", "1965-02-01"),
        Entry("petrov", "Vladimir Petrovich Sidorov", "1970"),
    ]);

    private static ScreeningHit? Find(string name, string id, string birth = "", bool exact = false) =>
        Index.Screen(new ScreeningQuery(name, PartialDate.Parse(birth), null, ExactBirthDate: exact), ScreeningDefaults.Threshold)
            .SingleOrDefault(h => h.Entry.Id == id);

    private static NamePartMatch PartOf(ScreeningHit? hit, string queryPart)
    {
        Assert.NotNull(hit);
        return Assert.Single(hit.Explanation.Parts, p => p.QueryPart == queryPart);
    }

    [Theory]
    // A dropped letter, a doubled one, two swapped, in a part of five letters or more.
    [InlineData("Ibrahm Musa Haddad", "Ibrahm", "letter i dropped")]
    [InlineData("Ibrahim Mussa Haddad", "Mussa", "letter s doubled")]
    [InlineData("Ibarhim Musa Haddad", "Ibarhim", "letters r and a swapped")]
    public void OneWrongLetter_FoundAndNamed(string query, string part, string difference)
    {
        var hit = Find(query, "ibrahim");
        Assert.Equal(difference, PartOf(hit, part).Difference);
    }

    [Fact]
    public void OneLetterSlidAcrossTheSpace_FoundAsOneMovedLetter()
    {
        var hit = Find("Yusufa Li", "yusuf");
        Assert.NotNull(hit);
        Assert.Equal("a letter moved across the space between two parts", Assert.Single(hit.Explanation.Parts).Difference);
        Assert.Empty(hit.Explanation.UnmatchedQueryParts);
        Assert.Empty(hit.Explanation.UnmatchedListParts);
    }

    [Fact]
    public void OneLetterReplacedInAThreeLetterPart_FoundBesideTwoAgreeingParts()
    {
        var part = PartOf(Find("Kim Sung Hol", "kim"), "Hol");
        Assert.Equal(NamePartMatchKind.EditDistance, part.How);
        Assert.Equal("letter i replaced by l", part.Difference);

        // Beside one agreeing part alone, a replaced letter is another name: Guo Xin is not Guo Min.
        Assert.Null(Find("Guo Xin", "guo"));
    }

    [Fact]
    public void BirthYearsApart_StillAHitRankedLowerAndSaid()
    {
        var same = Find("Ibrahim Musa Haddad", "ibrahim", "1975-03-02");
        var apart = Find("Ibrahim Musa Haddad", "ibrahim", "1979-03-02");
        Assert.NotNull(same);
        Assert.NotNull(apart);
        Assert.True(apart.Score < same.Score);
        Assert.Equal(1.0 + Facts.YearsApart, apart.Score, 3);
        Assert.Equal(ScoreEffect.Lowered, apart.Explanation.BirthDate.Effect);
        Assert.Equal("birth year 4 years apart (1979-03-02, list 1975-03-02)", apart.Explanation.BirthDate.Detail);

        // Years apart with a year alone on one side: still a hit, however far.
        Assert.NotNull(Find("Yusuf Ali", "yusuf", "1960-01-01"));
    }

    [Fact]
    public void BirthDates_FullDatesDecadesApartOrAnExactDateAsked_RuleTheHitOut()
    {
        Assert.Null(Find("Ibrahim Musa Haddad", "ibrahim", "1955-03-02"));
        Assert.Null(Find("Ibrahim Musa Haddad", "ibrahim", "1976-03-02", exact: true));
        Assert.NotNull(Find("Ibrahim Musa Haddad", "ibrahim", "1975-03-02", exact: true));
    }

    [Fact]
    public void BirthYearsApart_NotForgivenAPartialName()
    {
        // A typo and a birth date years off: two doubts together.
        Assert.NotNull(Find("Ibrahm Musa Haddad", "ibrahim", "1975-03-02"));
        Assert.Null(Find("Ibrahm Musa Haddad", "ibrahim", "1981-03-02"));
    }

    [Theory]
    // ICAO writes Ё as E; BGN/PCGN as Ë (Yo at the start); the German and Polish practice jo and io; English yo.
    [InlineData("Fedor Semenovich Korolev", null)]
    [InlineData("Fëdor Semënovich Korolëv", null)]
    [InlineData("Fyodor Semyonovich Korolyov", "ё written yo")]
    [InlineData("Fjodor Semjonovich Koroljov", "ё written jo")]
    [InlineData("Fiodor Siemionowicz Korolow", "ё written io")]
    public void Yo_WrittenAnyWay_Found(string query, string? difference)
    {
        var part = PartOf(Find(query, "fedor"), query.Split(' ')[0]);
        if (difference is not null)
        {
            Assert.Equal(difference, part.Difference);
        }
    }

    [Theory]
    // ICAO: Khrushchev; BGN/PCGN: Khrushchëv; English: Khrushchyov; GOST 16876-71: Khrushhjov (Щ shh, Ё jo);
    // Latvian: Hruščovs; Polish: Chruszczow; Hungarian: Hruscsov.
    [InlineData("Nikita Khrushchev")]
    [InlineData("Nikita Khrushchëv")]
    [InlineData("Nikita Khrushchyov")]
    [InlineData("Nikita Khrushhjov")]
    [InlineData("Ņikita Hruščovs")]
    [InlineData("Nikita Chruszczow")]
    [InlineData("Nyikita Hruscsov")]
    public void Khrushchev_InEveryConvention_Found(string query) => Assert.NotNull(Find(query, "khrushchev"));

    [Theory]
    // Ukrainian national system 2010: Володимир Володимирович is Volodymyr Volodymyrovych.
    [InlineData("Volodymyr Volodymyrovych Putin", "Ukrainian and Russian forms of one given name")]
    // Belarusian national system 2007: Уладзімір Уладзіміравіч is Uladzimir Uladzimiravich.
    [InlineData("Uladzimir Uladzimiravich Putsin", "Belarusian and Russian forms of one given name")]
    public void GivenNameAndPatronymic_InUkrainianOrBelarusianForm_Found(string query, string difference)
    {
        var hit = Find(query, "vladimir");
        var part = PartOf(hit, query.Split(' ')[0]);
        Assert.Equal(NamePartMatchKind.NameForm, part.How);
        Assert.Equal(difference, part.Difference);
        Assert.Equal(NamePartMatchKind.NameForm, PartOf(hit, query.Split(' ')[1]).How);
    }

    [Theory]
    [InlineData("Oleksandr Viktorovych Ivanov")]
    [InlineData("Aliaksandr Viktaravich Ivanou")]
    [InlineData("Alyaksandr Ivanov")]
    public void Aleksandr_InUkrainianAndBelarusianForms_Found(string query) => Assert.NotNull(Find(query, "aleksandr"));

    [Theory]
    // Latvian adds -s, Lithuanian -as (-us after j) to a man's name: Vladimirs Putins, Vladimiras Putinas.
    [InlineData("Vladimirs Putins", "Latvian or Lithuanian ending -s")]
    [InlineData("Vladimiras Putinas", "Latvian or Lithuanian ending -as")]
    public void BalticEndings_Found(string query, string difference)
    {
        var part = PartOf(Find(query, "vladimir"), query.Split(' ')[1]);
        Assert.Equal(difference, part.Difference);
    }

    [Theory]
    // Hungarian: ди gyi, ти tyi, ч cs (Vlagyimir Vlagyimirovics Putyin); Polish: в w, ч cz (Władimir
    // Władimirowicz); Czech: ч č.
    [InlineData("Vlagyimir Vlagyimirovics Putyin")]
    [InlineData("Władimir Władimirowicz Putin")]
    [InlineData("Vladimir Vladimirovič Putin")]
    public void HungarianPolishAndCzechSpellings_Found(string query) => Assert.NotNull(Find(query, "vladimir"));

    [Fact]
    public void GivenNameAndPatronymic_AreNotOneAnother()
    {
        // Vladimir Petrovich is not Petr Vladimirovich: a given name does not pair with a patronymic of it.
        Assert.Null(Find("Petr Vladimirovich Sidorov", "petrov", "1970"));

        // A son's patronymic is not a daughter's: Sergeevich and Serhiiovych share a form, Sergeevna another.
        Assert.Equal(GroupKey("serhiiovych"), GroupKey("sergeevich"));
        Assert.Equal(GroupKey("serhiivna"), GroupKey("sergeevna"));
        Assert.NotEqual(GroupKey("sergeevich"), GroupKey("sergeevna"));
        Assert.NotEqual(GroupKey("sergei"), GroupKey("sergeevich"));
    }

    private static string? GroupKey(string normalised) => NameForms.KeyOf(normalised, NameKeys.SpellingKeys(normalised, Script.Latin));

    [Theory]
    [InlineData("President Vladimir Putin")]
    [InlineData("Presidente Vladimir Putin")]
    [InlineData("Präsident Wladimir Putin")]
    [InlineData("Президент Владимир Путин")]
    [InlineData("Prezydent Władimir Putin")]
    public void TitlesInOtherLanguages_AreHonorifics(string query)
    {
        var hit = Find(query, "vladimir");
        Assert.NotNull(hit);
        Assert.Empty(hit.Explanation.UnmatchedQueryParts);
    }

    [Theory]
    [InlineData("ibrahm", "ibrahim", "letter i dropped")]
    [InlineData("mussa", "musa", "letter s doubled")]
    [InlineData("musa", "mussa", "double s written single")]
    [InlineData("ibrahimm", "ibrahim", "letter m doubled")]
    [InlineData("ibrahiem", "ibrahim", "letter e added")]
    [InlineData("ibarhim", "ibrahim", "letters r and a swapped")]
    [InlineData("hol", "hoi", "letter i replaced by l")]
    [InlineData("hola", "hoi", null)]
    public void OneEdit_NamedFromTheListToTheQuery(string query, string list, string? expected) =>
        Assert.Equal(expected, NameDifferences.OneEdit(query, list));
}
