namespace Vartio.Domain.Screening;

/// <summary>The language a form of a given name belongs to.</summary>
internal enum NameLanguage
{
    Russian,
    Ukrainian,
    Belarusian,
}

/// <summary>
/// One given name in its Russian, Ukrainian and Belarusian forms (Владимир, Володимир, Уладзімір): one person
/// is written with one form in a Russian document and another in a Ukrainian or Belarusian one. The forms are
/// written in Cyrillic, and each is read under every romanisation <see cref="NameKeys"/> knows (ICAO Doc 9303,
/// BGN/PCGN, the Ukrainian national system of 2010, the Belarusian national system of 2007, ISO 9, German,
/// French, Polish, Czech, Hungarian and Latvian and Lithuanian practice), so Volodymyr, Wolodymyr and
/// Volodimir are all the Ukrainian form of Vladimir, and Uladzimir, Uladzimiras its Belarusian form.
/// Patronymics are made from a form and its language's ending (-ovich, -ovych, -avich; -ovna, -ivna, -auna).
/// </summary>
internal static class NameForms
{
    // Russian | Ukrainian | Belarusian; each cell one or more forms separated by '/'. The forms are those of
    // the names' standard spelling in each language; the romanisations come from the tables named above.
    private static readonly string[] Table =
    [
        "Александр|Олександр|Аляксандр",
        "Алексей|Олексій|Аляксей",
        "Анатолий|Анатолій|Анатоль",
        "Андрей|Андрій|Андрэй",
        "Аркадий|Аркадій|Аркадзь",
        "Борис|Борис|Барыс",
        "Вадим|Вадим|Вадзім",
        "Валентин|Валентин|Валянцін",
        "Валерий|Валерій|Валерый",
        "Василий|Василь|Васіль",
        "Виктор|Віктор|Віктар",
        "Виталий|Віталій|Віталь",
        "Владимир|Володимир|Уладзімір",
        "Владислав|Владислав|Уладзіслаў",
        "Вячеслав|Вячеслав/В'ячеслав|Вячаслаў",
        "Геннадий|Геннадій|Генадзь",
        "Георгий|Георгій|Георгій",
        "Григорий|Григорій|Рыгор",
        "Даниил|Данило|Данііл",
        "Денис|Денис|Дзяніс",
        "Дмитрий|Дмитро|Дзмітрый",
        "Евгений|Євген|Яўген",
        "Егор|Єгор|Ягор",
        "Иван|Іван|Іван",
        "Игорь|Ігор|Ігар",
        "Илья|Ілля|Ілья",
        "Кирилл|Кирило|Кірыл",
        "Константин|Костянтин|Канстанцін",
        "Леонид|Леонід|Леанід",
        "Максим|Максим|Максім",
        "Матвей|Матвій|Мацвей",
        "Михаил|Михайло|Міхаіл",
        "Николай|Микола|Мікалай",
        "Олег|Олег|Алег",
        "Павел|Павло|Павел/Павал",
        "Пётр|Петро|Пятро",
        "Роман|Роман|Раман",
        "Семён|Семен|Сямён",
        "Сергей|Сергій|Сяргей",
        "Станислав|Станіслав|Станіслаў",
        "Степан|Степан|Сцяпан",
        "Тимофей|Тимофій|Цімафей",
        "Фёдор|Федір|Фёдар/Хведар",
        "Юрий|Юрій|Юрый",
        "Ярослав|Ярослав|Яраслаў",
        "Александра|Олександра|Аляксандра",
        "Алла|Алла|Ала",
        "Анна|Ганна/Анна|Ганна",
        "Валентина|Валентина|Валянціна",
        "Вера|Віра|Вера",
        "Галина|Галина|Галіна",
        "Дарья|Дарія/Дар'я|Дар'я",
        "Евгения|Євгенія|Яўгенія",
        "Екатерина|Катерина|Кацярына",
        "Елена|Олена|Алена",
        "Ирина|Ірина|Ірына",
        "Людмила|Людмила|Людміла",
        "Любовь|Любов|Любоў",
        "Мария|Марія|Марыя",
        "Надежда|Надія|Надзея",
        "Наталья/Наталия|Наталія|Наталля",
        "Оксана|Оксана|Аксана",
        "Ольга|Ольга|Вольга",
        "Светлана|Світлана|Святлана",
        "Татьяна|Тетяна|Таццяна",
        "Юлия|Юлія|Юлія",
    ];

    /// <summary>
    /// Patronymic endings by language, longest first: Russian -ovich, -evich, -ovna, -evna (and the German and
    /// French spellings -owitsch, -ovitch); Ukrainian -ovych, -iovych, -ivna; Belarusian -avich, -evich,
    /// -auna, -eunа (Ў as u); -ich, -ichna after a vowel (Ilyich, Kuzminichna).
    /// </summary>
    private static readonly string[] PatronymicEndings =
    [
        "owitsch", "ewitsch", "ovitch", "evitch", "iovych", "yovych", "ovich", "evich", "ovych", "evych", "avich",
        "ovitj", "ovna", "evna", "ivna", "auna", "euna", "ichna", "ovic", "evic",
    ];

    private static readonly Dictionary<string, (int Group, NameLanguage Language)> GroupOfKey = Build();

    private static readonly string[] FemaleEndings = ["ovna", "evna", "ivna", "auna", "euna", "ichna"];

    /// <summary>
    /// The marked key shared by every form of one name (<c>!12</c>), or of its patronymics, a son's (<c>!12m</c>)
    /// or a daughter's (<c>!12f</c>): never compared by edit distance.
    /// </summary>
    public static string GroupKey(int group, bool patronymic, bool female = false) => patronymic ? $"!{group}{(female ? 'f' : 'm')}" : $"!{group}";

    /// <summary>The name group and language of a normalised part's keys, if it is a form in the table.</summary>
    public static (int Group, NameLanguage Language)? Find(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (GroupOfKey.TryGetValue(key, out var found) && found.Group >= 0)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The group key of a part: its own name's, or, for a patronymic, the name it was made from (Volodymyrovych
    /// from Volodymyr, Sergeevich from Sergei). Null when it is in no group.
    /// </summary>
    public static string? KeyOf(string normalised, string[] keys)
    {
        if (Find(keys) is { } given)
        {
            return GroupKey(given.Group, patronymic: false);
        }

        return PatronymicOf(normalised) is { } patronymic
            ? GroupKey(patronymic.Group, patronymic: true, female: FemaleEndings.Any(e => normalised.EndsWith(e, StringComparison.Ordinal)))
            : null;
    }

    /// <summary>The name a patronymic is made from, with its language, when that name is in the table.</summary>
    public static (int Group, NameLanguage Language)? PatronymicOf(string normalised)
    {
        if (normalised.Length < 7)
        {
            return null;
        }

        foreach (var ending in PatronymicEndings)
        {
            if (!normalised.EndsWith(ending, StringComparison.Ordinal) || normalised.Length - ending.Length < 3)
            {
                continue;
            }

            // The stem loses the name's last vowel or й: Sergeevich is Serge(i), Petrovych Petr(o), Dmitrievich Dmitri(i).
            var stem = normalised[..^ending.Length];
            foreach (var tail in (string[])["", "i", "y", "o", "a", "ii", "ei"])
            {
                if (Find(NameKeys.SpellingKeys(stem + tail, Script.Latin)) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return null;
    }

    private static Dictionary<string, (int Group, NameLanguage Language)> Build()
    {
        var result = new Dictionary<string, (int, NameLanguage)>(StringComparer.Ordinal);
        for (var group = 0; group < Table.Length; group++)
        {
            var languages = Table[group].Split('|');
            for (var language = 0; language < languages.Length; language++)
            {
                foreach (var form in languages[language].Split('/'))
                {
                    foreach (var key in NameKeys.SpellingKeys(NameParts.Normalise(form), Script.Latin))
                    {
                        // A key two groups share (none today) would tie unrelated names: it is left out.
                        if (result.TryGetValue(key, out var known) && known.Item1 != group)
                        {
                            result[key] = (-1, known.Item2);
                            continue;
                        }

                        result.TryAdd(key, (group, (NameLanguage)language));
                    }
                }
            }
        }

        return result;
    }
}
