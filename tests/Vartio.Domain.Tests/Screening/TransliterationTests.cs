using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

/// <summary>
/// Names in other scripts and other romanisations. Expected Latin comes from the tables cited on each case:
/// ICAO Doc 9303 Part 3 (7th ed.), section 6.B, Cyrillic table; BGN/PCGN romanisation of Russian (1947);
/// ISO 9:1995 (= GOST 7.79-2000 system A); the French conventional transcription of Russian
/// (Poutine, Tchekhov, Khrouchtchev) and Duden's German transcription (Tschechow, Chruschtschow);
/// ELOT 743 for Greek.
/// </summary>
public sealed class TransliterationTests
{
    [Theory]
    // ICAO 6.B: Щ SHCH, Е E, Р R, Б B, А A, К K, О O, В V.
    [InlineData("Щербаков", "shcherbakov")]
    // ICAO 6.B: Ю IU, Л L, И I, Я IA.
    [InlineData("Юлия", "iuliia")]
    // ICAO 6.B: Х KH, У U, Щ SHCH, Ё E.
    [InlineData("Хрущёв", "khrushchev")]
    // ICAO 6.B: Ж ZH; Ц TS, Й I.
    [InlineData("Жуков", "zhukov")]
    [InlineData("Цой", "tsoi")]
    // ICAO 6.B: Ъ IE, Ь omitted.
    [InlineData("Подъячев", "podieiachev")]
    [InlineData("Игорь", "igor")]
    // ICAO 6.B, Ukrainian letters: Є IE, Ї I, Ґ G, І I.
    [InlineData("Євген", "ievgen")]
    [InlineData("Їжак", "izhak")]
    [InlineData("Ґонта", "gonta")]
    [InlineData("Іван", "ivan")]
    // ICAO 6.B, Belarusian Ў U.
    [InlineData("Ўладзь", "uladz")]
    // ELOT 743: Π P, Α A, Δ D, Ο O, ΟΥ OU, Λ L, Σ S.
    [InlineData("Παπαδόπουλος", "papadopoulos")]
    // ELOT 743: Γ G, Ε E, Ω O, Ρ R, Ι I; case and accents folded.
    [InlineData("ΓΕΏΡΓΙΟΣ", "georgios")]
    // Diacritics removed, case folded.
    [InlineData("Émilie", "emilie")]
    [InlineData("Jürgen", "jurgen")]
    // ISO 9: Ŝ is Щ, Č Ч, Û Ю, Â Я; read back as ICAO writes them.
    [InlineData("Ščerbakov", "shcherbakov")]
    [InlineData("Ûliâ", "iuliia")]
    [InlineData("Hruŝëv", "hrushchev")]
    // Letters without a decomposition.
    [InlineData("Straße", "strasse")]
    [InlineData("Łukasz", "lukasz")]
    public void Parts_NonLatinOrDiacritics_TransliteratedToLowerCaseLatin(string name, string expected)
    {
        Assert.Equal([expected], ScreeningNames.Parts(name));
    }

    [Theory]
    // ICAO Doc 9303 Part 3 (Щ → SHCH), the scientific transliteration (Щ → šč), French (Щ → chtch), German
    // (Щ → schtsch) and the Cyrillic original of one surname.
    [InlineData("Shcherbakov", "Ščerbakov", "Chtcherbakov", "Schtscherbakow", "Щербаков")]
    // ICAO (Iuliia), BGN/PCGN (Yuliya), ISO 9 (Ûliâ), French (Iouliia), German (Julija).
    [InlineData("Iuliia", "Yuliya", "Ûliâ", "Iouliia", "Julija")]
    // ICAO (Khrushchev), BGN/PCGN (Khrushchëv), ISO 9 (Hruŝëv), French (Khrouchtchev), Cyrillic with Ё written.
    [InlineData("Khrushchev", "Khrushchëv", "Hruŝëv", "Khrouchtchev", "Хрущёв")]
    // ICAO Zhukov, French Joukov, German Schukow, ISO 9 Žukov.
    [InlineData("Zhukov", "Joukov", "Schukow", "Žukov", "Жуков")]
    // ICAO Chekhov, French Tchekhov, German Tschechow, ISO 9 Čehov.
    [InlineData("Chekhov", "Tchekhov", "Tschechow", "Čehov", "Чехов")]
    // ICAO Putin, French Poutine (French transcription: у → ou, final -ine), German Putin.
    [InlineData("Putin", "Poutine", "PUTIN", "Путин", "putin")]
    // ICAO Tsvetkov, ISO 9 Cvetkov, German Zwetkow, French Tsvetkov.
    [InlineData("Tsvetkov", "Cvetkov", "Zwetkow", "Цветков", "TSVETKOV")]
    // ICAO Evgenii, BGN Yevgeniy, German Jewgeni, French Evgueni.
    [InlineData("Evgenii", "Yevgeniy", "Jewgeni", "Evgueni", "Евгений")]
    // ICAO Sergei, BGN Sergey, German Sergej, French Sergueï.
    [InlineData("Sergei", "Sergey", "Sergej", "Sergueï", "Сергей")]
    // Common Latin spellings of one Arabic name.
    [InlineData("Muhammad", "Mohammed", "Mohamed", "Mohammad", "Muhammed")]
    [InlineData("Hussein", "Husain", "Hussain", "Hosseyn", "Husayn")]
    [InlineData("Youssef", "Yusef", "Yousef", "Jussef", "Yussef")]
    public void Keys_OneNameInFiveSpellings_ShareAKey(string a, string b, string c, string d, string e)
    {
        foreach (var other in new[] { b, c, d, e })
        {
            Assert.True(ScreeningNames.ShareKey(a, other), $"{a} [{string.Join(' ', ScreeningNames.Keys(a))}] and {other} [{string.Join(' ', ScreeningNames.Keys(other))}] share no key");
        }
    }

    [Theory]
    // Arabic has one short vowel (kasra) where Latin spellings write e or i, and a silent final ta marbuta
    // written h or not: عائشة, خالد, سليمان, حمزة, فاطمة, عادل.
    [InlineData("Aisha", "Ayesha")]
    [InlineData("Aisha", "Aicha")]
    [InlineData("Aisha", "Aishah")]
    [InlineData("Khalid", "Khaled")]
    [InlineData("Suleiman", "Soliman")]
    [InlineData("Hamza", "Hamzah")]
    [InlineData("Fatima", "Fatemah")]
    [InlineData("Adil", "Adel")]
    public void Keys_ArabicNameWithItsVowelsSpelledOtherwise_ShareAKey(string a, string b)
    {
        Assert.True(ScreeningNames.ShareKey(a, b), $"{a} [{string.Join(' ', ScreeningNames.Keys(a))}] and {b} [{string.Join(' ', ScreeningNames.Keys(b))}] share no key");
    }

    [Theory]
    // Consonants alone never match two Latin spellings: Petrov is not Patrova, Hassan is not Husni.
    [InlineData("Petrov", "Patrova")]
    [InlineData("Hassan Ali", "Husni Ali")]
    // Nor an Arabic-script name a Latin one of other consonants.
    [InlineData("محمد حسن", "Rashid Hassan")]
    public void Score_SameConsonantsOtherName_BelowTheDefaultThreshold(string query, string listName)
    {
        Assert.True(ScreeningNames.Score(query, listName) < ScreeningDefaults.Threshold, $"{query} / {listName}: {ScreeningNames.Score(query, listName)}");
    }

    [Theory]
    [InlineData("Hassan", "Hussein")]
    [InlineData("Ivanov", "Ivanova")]
    [InlineData("Maria", "Marina")]
    [InlineData("Petrov", "Petrenko")]
    public void Keys_DifferentNames_ShareNoKey(string a, string b)
    {
        Assert.False(ScreeningNames.ShareKey(a, b));
    }

    [Theory]
    // German practice writes Ё as o: one edit from the ICAO key.
    [InlineData("Nikita Khrushchev", "Nikita Chruschtschow")]
    // Arabic script has no short vowels: matched on consonants.
    [InlineData("Muhammad Hassan", "محمد حسن")]
    [InlineData("Mohamed Hassan", "محمد حسن")]
    // The other way: a name read in Arabic script from a document finds the Latin spellings on a list.
    [InlineData("محمد حسن", "Muhammad Hassan")]
    [InlineData("محمد حسن", "Mohamed Hasan")]
    [InlineData("عائشة", "Aisha")]
    // Greek: ELOT 743 χ is ch, read as the German ch.
    [InlineData("Christos Papadopoulos", "Χρήστος Παπαδόπουλος")]
    public void Score_CrossScriptPairs_AtLeastTheDefaultThreshold(string query, string listName)
    {
        Assert.True(ScreeningNames.Score(query, listName) >= ScreeningDefaults.Threshold, $"{query} / {listName}: {ScreeningNames.Score(query, listName)}");
    }
}
