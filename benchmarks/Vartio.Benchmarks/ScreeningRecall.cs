using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bogus;
using NodaTime;
using Vartio.Domain.Screening;
using static Vartio.Benchmarks.RecallNames;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>screening-recall [--queries N] [--negatives N] [--misses]</c>: recall per kind of miss, and the share of
/// unrelated names that get a hit, for Vartio at its default threshold and for a plain Jaro–Winkler scan at
/// 0.90, on a generated list of 12,000 people of many origins (docs/SCREENING.md, "Recall by kind").
/// </summary>
/// <remarks>
/// Everything is generated from fixed seeds, so each run sees the same list and queries. The list mixes the
/// names of 26 Bogus locales (real given names and surnames of each country) with Arabic, Korean and Chinese
/// names in their common Latin spellings, and Russian names in Cyrillic or by ICAO. The queries of each kind
/// come in two parts: <b>tuning</b> (seed 1; negatives seed 101), which the matcher's rules were checked
/// against, and <b>held-out</b> (seed 2; negatives seed 102), which was not looked at while tuning and must not
/// be.
/// </remarks>
public static class ScreeningRecall
{
    private const int ListSeed = 20261204;
    private const int ListSize = 12_000;
    private const double BaselineThreshold = 0.90;

    private sealed record Person(string Id, string ListName, string Latin, PartialDate Birth, RussianName? Russian);

    /// <summary>A Russian person's name in Cyrillic, to be written by other systems.</summary>
    private sealed record RussianName(string Given, string? Father, string Surname, bool Male);

    private sealed record Query(string Kind, string Variant, ScreeningQuery Person, string? Expected);

    private static readonly string[] Locales =
    [
        "en", "de", "fr", "es", "it", "pt_BR", "pl", "cz", "sk", "tr", "az", "vi", "id_ID", "en_IND", "ro", "hr", "lv",
        "nl", "sv", "fi", "af_ZA", "ne", "uk",
    ];

    private static readonly string[] ArabicGiven =
    [
        "Muhammad", "Ahmed", "Ali", "Omar", "Yusuf", "Ibrahim", "Hassan", "Hussein", "Khalid", "Abdullah", "Mahmoud",
        "Mustafa", "Karim", "Tariq", "Samir", "Walid", "Faisal", "Hamza", "Bilal", "Nabil", "Rashid", "Said", "Jamal",
        "Adel", "Fatima", "Aisha", "Mariam", "Layla", "Noor", "Huda", "Amina", "Zainab", "Salma", "Rania", "Musa", "Idris",
        "Anas", "Ziad", "Osama", "Majid", "Fahd", "Nasser", "Sami", "Hadi", "Imad", "Jalal", "Kamal", "Lutfi", "Mazen",
    ];

    private static readonly string[] ArabicFamily =
    [
        "Al-Masri", "Haddad", "Khoury", "Nasser", "Saleh", "Mansour", "Aziz", "Hamdan", "Darwish", "Qasim", "Rahman",
        "Bakr", "Othman", "Sultan", "Abbas", "Farouk", "Haidar", "Jaber", "Karam", "Moussa", "Najjar", "Obeid",
        "Sabbagh", "Tamimi", "Yassin", "Zaki", "Al-Amin", "Barakat", "Chahine", "Dabbagh", "Ezzeddine", "Ghanem",
        "Hijazi", "Issa", "Jabri", "Kanaan", "Labib", "Maalouf", "Nassar", "Qureshi", "Rifai", "Shami", "Toubia",
    ];

    private static readonly string[] KoreanFamily = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Ko", "Moon", "Yang", "Son"];

    private static readonly string[] KoreanSyllables = ["Min", "Jun", "Seo", "Hyun", "Ji", "Woo", "Sung", "Hoi", "Yeon", "Soo", "Young", "Chul", "Ho", "Jin", "Hee", "Kyung", "Dong", "Sang", "Tae", "Eun", "Hye", "Won", "Gil", "Nam", "Il", "Yong", "Bok", "Mun", "Ryong", "Kuk"];

    private static readonly string[] ChineseFamily = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng"];

    private static readonly string[] ChineseSyllables = ["Wei", "Fang", "Min", "Jie", "Jun", "Lei", "Tao", "Hui", "Yan", "Ping", "Gang", "Qiang", "Hong", "Bo", "Yong", "Xin", "Ying", "Hua", "Lan", "Jing", "Ming", "Dong", "Feng", "Hao", "Kai", "Lin", "Ning", "Qing", "Rui", "Shan"];

    /// <summary>Surnames written with Ё, and given names and fathers' names with it.</summary>
    private static readonly string[] YoSurnames =
    [
        "Королёв", "Хрущёв", "Горбачёв", "Пугачёв", "Соловьёв", "Воробьёв", "Ковалёв", "Журавлёв", "Новосёлов", "Селезнёв",
        "Киселёв", "Снегирёв", "Шмелёв", "Муравьёв", "Грачёв", "Фёдоров", "Семёнов", "Артёмов", "Алёшин", "Берёзкин",
        "Озёров", "Звёздин", "Лёвкин", "Щёголев", "Чернышёв", "Толкачёв", "Скворцов", "Бобылёв", "Дроздов", "Пискарёв",
    ];

    private static readonly string[] YoGiven = ["Фёдор", "Пётр", "Семён", "Артём", "Алёна", "Фёкла", "Парфён", "Ерёма"];

    private static readonly string[] RussianSurnames =
    [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Морозов",
        "Волков", "Алексеев", "Лебедев", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев",
        "Макаров", "Никитин", "Захаров", "Зайцев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьев", "Сергеев",
        "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королев", "Гусев", "Киселев", "Ильин", "Максимов", "Поляков",
        "Сорокин", "Виноградов", "Ковалев", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
        "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков",
        "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков",
        "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов",
        "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышев", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев",
        "Воронин", "Климов", "Филатов", "Пономарев", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлев",
    ];

    private static readonly string[] Titles =
    [
        "President", "Presidente", "Präsident", "Президент", "Président", "Prezydent", "Prezident", "General", "Генерал",
        "Colonel", "Полковник", "Coronel", "Dr.", "Doktor", "Prof.", "Professor", "Minister", "Ministro", "Senator",
        "Sheikh", "Señor", "Herr", "Monsieur", "Mr", "Mrs", "Gospodin",
    ];

    public static void Run(string[] args)
    {
        var perKind = Option(args, "--queries", 300);
        var negatives = Option(args, "--negatives", 1_000);
        var people = List();
        var entries = people.Select(p => new WatchlistEntry("recall", p.Id, WatchlistKind.RefusalOfEntry, p.ListName, [], p.Birth, [], [], null, null, null)).ToList();
        var index = WatchlistIndex.Build(entries);
        var baseline = new ScreeningBaseline(entries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entries.Count:N0} list entries ({people.Count(p => p.Russian is not null):N0} Russian, {people.Count(p => p.ListName.Any(c => c is >= '\u0400' and <= '\u04FF')):N0} of them in Cyrillic); Vartio at {ScreeningDefaults.Threshold:0.00}, Jaro–Winkler at {BaselineThreshold:0.00}."));
        Console.WriteLine();
        Console.WriteLine("| kind | part | queries | Vartio recall | Vartio other entries | Jaro–Winkler recall | Jaro–Winkler other entries |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var misses = new List<string>();
        foreach (var (part, seed, negativeSeed) in new[] { ("tuning", 1, 101), ("held-out", 2, 102) })
        {
            var queries = Queries(people, seed, perKind);
            queries.AddRange(Negatives(people, negativeSeed, negatives));
            var vartio = new (string Id, double Score)[queries.Count][];
            var jaroWinkler = new (string Id, double Score)[queries.Count][];
            Parallel.For(0, queries.Count, i =>
            {
                vartio[i] = [.. index.Screen(queries[i].Person, ScreeningDefaults.Threshold, maxHits: 50).Select(h => (h.Entry.Id, h.Score))];
                jaroWinkler[i] = [.. baseline.Screen(queries[i].Person.Name, BaselineThreshold, maxHits: 50).Select(h => (h.Entry.Id, h.Score))];
            });

            foreach (var kind in queries.Select(q => q.Kind).Distinct())
            {
                var of = Enumerable.Range(0, queries.Count).Where(i => queries[i].Kind == kind).ToList();
                var positive = queries[of[0]].Expected is not null;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {part} | {of.Count:N0} | {(positive ? Recall(vartio, of, queries).ToString("0.000", CultureInfo.InvariantCulture) : "–")} | {Other(vartio, of, queries):0.0 %} | {(positive ? Recall(jaroWinkler, of, queries).ToString("0.000", CultureInfo.InvariantCulture) : "–")} | {Other(jaroWinkler, of, queries):0.0 %} |"));
                foreach (var variant in positive && kind != "titles in other languages" ? of.Select(i => queries[i].Variant).Distinct().Order().ToList() : [])
                {
                    var ofVariant = of.Where(i => queries[i].Variant == variant).ToList();
                    if (variant.Length > 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"|   {variant} | {part} | {ofVariant.Count:N0} | {Recall(vartio, ofVariant, queries):0.000} | {Other(vartio, ofVariant, queries):0.0 %} | {Recall(jaroWinkler, ofVariant, queries):0.000} | {Other(jaroWinkler, ofVariant, queries):0.0 %} |"));
                    }
                }

                foreach (var i in of)
                {
                    var q = queries[i];
                    var found = q.Expected is null || vartio[i].Any(h => h.Id == q.Expected);
                    var other = vartio[i].Where(h => h.Id != q.Expected).ToList();
                    if (!found || other.Count > 0)
                    {
                        var why = found || q.Expected is null ? "" : index.Screen(q.Person, 0.3, maxHits: 200).FirstOrDefault(h => h.Entry.Id == q.Expected)?.ToString() ?? "not a candidate";
                        var listed = q.Expected is null ? "(none)" : $"{q.Expected} {people[int.Parse(q.Expected[1..], CultureInfo.InvariantCulture)].ListName} {people[int.Parse(q.Expected[1..], CultureInfo.InvariantCulture)].Birth}";
                        misses.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{part} {kind}/{q.Variant}: '{q.Person.Name}' {q.Person.BirthDate} expected {listed}{(found ? "" : $" MISSED ({why})")}; other: {string.Join(", ", other.Select(o => $"{o.Id} {people[int.Parse(o.Id[1..], CultureInfo.InvariantCulture)].ListName} {o.Score:0.000}"))}"));
                    }
                }
            }
        }

        // Misses and false hits of the held-out part are printed only when asked for: they are not for tuning.
        if (args.Contains("--misses"))
        {
            misses.Where(m => m.StartsWith("tuning", StringComparison.Ordinal)).ToList().ForEach(Console.WriteLine);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Recall((string Id, double Score)[][] results, List<int> of, List<Query> queries) =>
        of.Count(i => queries[i].Expected is { } expected && results[i].Any(h => h.Id == expected)) / (double)of.Count;

    /// <summary>The share of queries for which an entry other than the expected one is reported.</summary>
    private static double Other((string Id, double Score)[][] results, List<int> of, List<Query> queries) =>
        of.Count(i => results[i].Any(h => h.Id != queries[i].Expected)) / (double)of.Count;

    private static List<Person> List()
    {
        var random = new Random(ListSeed);
        var people = new List<Person>(ListSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fakers = Locales.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => new Faker(x.l) { Random = new Randomizer(ListSeed + x.i) });
        var origins = Locales.Select(l => (Origin: l, Weight: l == "uk" ? 4 : 3)).Concat<(string Origin, int Weight)>([("arabic", 12), ("korean", 4), ("chinese", 4), ("russian", 14), ("russian-yo", 4)]).ToArray();
        var total = origins.Sum(o => o.Weight);
        while (people.Count < ListSize)
        {
            var pick = random.Next(total);
            var origin = origins.First(o => (pick -= o.Weight) < 0).Origin;
            var id = $"E{people.Count:D5}";
            var birth = Birth(random);
            var (name, latin, russian) = NameOf(origin, random, fakers);
            if (!seen.Add(Fold(latin)))
            {
                continue;
            }

            people.Add(new Person(id, name, latin, birth, russian));
        }

        return people;
    }

    private static (string Name, string Latin, RussianName? Russian) NameOf(string origin, Random random, Dictionary<string, Faker> fakers)
    {
        switch (origin)
        {
            case "arabic":
                var arabic = $"{Pick(random, ArabicGiven)} {Pick(random, ArabicGiven)} {Pick(random, ArabicFamily)}";
                return (arabic, arabic, null);
            case "korean":
                var korean = $"{Pick(random, KoreanFamily)} {Pick(random, KoreanSyllables)} {Pick(random, KoreanSyllables)}";
                return (korean, korean, null);
            case "chinese":
                var chinese = random.Next(2) == 0
                    ? $"{Pick(random, ChineseFamily)} {Pick(random, ChineseSyllables)} {Pick(random, ChineseSyllables)}"
                    : $"{Pick(random, ChineseFamily)} {Pick(random, ChineseSyllables)}";
                return (chinese, chinese, null);
            case "russian" or "russian-yo":
                var male = random.Next(3) > 0;
                var yo = origin == "russian-yo";
                var given = yo && random.Next(3) == 0 ? Pick(random, YoGiven) : Pick(random, GivenForms).Russian;
                male = !IsFemale(given);
                var fatherName = yo && random.Next(3) == 0 ? Pick(random, YoGiven.Where(g => !IsFemale(g)).ToArray()) : Pick(random, GivenForms.Where(g => !IsFemale(g.Russian)).ToArray()).Russian;
                var surname = yo ? Pick(random, YoSurnames) : Pick(random, RussianSurnames);
                if (!male)
                {
                    surname += "а";
                }

                var father = random.Next(4) > 0 ? fatherName : null;
                var russian = new RussianName(given, father, surname, male);
                var cyrillic = Join(given, father is null ? null : Patronymic(father, !male, 0), surname);
                var icao = Written(russian, Writing.Icao, 0);

                // Lists write a Russian name in Cyrillic (some leaving out the dots of Ё) or by ICAO.
                var listed = random.Next(5) switch
                {
                    0 or 1 => cyrillic,
                    2 => cyrillic.Replace('ё', 'е').Replace('Ё', 'Е'),
                    _ => icao,
                };
                return (listed, icao, russian);
            default:
                var faker = fakers[origin];
                var gender = random.Next(2) == 0 ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female;
                var first = faker.Name.FirstName(gender);
                var last = faker.Name.LastName(gender);
                var full = random.Next(6) == 0 ? $"{first} {faker.Name.FirstName(gender)} {last}" : $"{first} {last}";
                if (origin == "uk")
                {
                    // Ukrainian names: the list writes Cyrillic or the national system of 2010.
                    var latinUk = string.Join(' ', full.Split(' ').Select(w => Write(w, Writing.Ukrainian2010, male: true)));
                    return (random.Next(2) == 0 ? full : latinUk, latinUk, null);
                }

                return (full, full, null);
        }
    }

    /// <summary>A Russian name written by a system, with the patronymic of language 0 (Russian), 1 (Ukrainian) or 2 (Belarusian).</summary>
    private static string Written(RussianName name, Writing writing, int language, string? given = null, string? father = null, bool patronymic = true)
    {
        var patronymicText = name.Father is null || !patronymic ? null : Patronymic(father ?? name.Father, !name.Male, language);
        return Join(
            Write(given ?? name.Given, writing, name.Male),
            patronymicText is null ? null : Write(patronymicText, writing, male: false),
            Write(name.Surname, writing, name.Male));
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));

    private static PartialDate Birth(Random random)
    {
        var date = new LocalDate(1940, 1, 1).PlusDays(random.Next(365 * 65));
        return random.Next(20) switch
        {
            0 => PartialDate.Unknown,
            1 or 2 or 3 => PartialDate.FromYear(date.Year),
            _ => PartialDate.FromDate(date),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        return new string([.. decomposed.Where(char.IsLetter)]);
    }

    private static HashSet<string> PartsOf(string latin) =>
        latin.Split(' ').Select(Fold).Where(p => p.Length > 0 && !p.EndsWith("vich", StringComparison.Ordinal) && !p.EndsWith("vna", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    private static List<Query> Queries(List<Person> people, int seed, int perKind)
    {
        var random = new Random(seed);
        var queries = new List<Query>();

        // 1. One wrong letter, in five ways.
        string[] ways = ["dropped", "doubled", "swapped", "slid across a space", "replaced in a short part"];
        for (var n = 0; n < perKind; n++)
        {
            var way = ways[n % ways.Length];
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var person = Pick(random, people);
                if (OneWrongLetter(person.Latin, way, random) is { } mangled)
                {
                    Add("one wrong letter", way, new ScreeningQuery(mangled, random.Next(2) == 0 ? person.Birth : PartialDate.Unknown, null), person.Id);
                    break;
                }
            }
        }

        // 2. Birth dates years apart: the name as listed (in Latin letters), the year moved by 1 to 15.
        for (var n = 0; n < perKind; n++)
        {
            var person = Pick(random, people.Where(p => !p.Birth.IsUnknown).ToList());
            var years = random.Next(1, 16) * (random.Next(2) == 0 ? -1 : 1);
            var moved = person.Birth.Date is { } date ? PartialDate.FromDate(date.PlusYears(years)) : PartialDate.FromYear(person.Birth.Year!.Value + years);
            var variant = Math.Abs(years) switch { 1 => "1 year", <= 5 => "2–5 years", _ => "6–15 years" };
            Add("birth date years apart", variant, new ScreeningQuery(person.Latin, moved, null), person.Id);
        }

        // 3. Ё written e, yo, jo, io or ë.
        var withYo = people.Where(p => p.Russian is { } r && (r.Given + r.Father + r.Surname).Contains('ё', StringComparison.Ordinal)).ToList();
        string[] styles = ["e", "yo", "jo", "io", "ë", "jo, Щ as shh"];
        for (var n = 0; n < perKind; n++)
        {
            var person = Pick(random, withYo);
            var style = styles[n % styles.Length];
            var bgn = Written(person.Russian!, Writing.Bgn, 0);
            var yoLetters = style switch { "e" => "e", "yo" => "yo", "jo" or "jo, Щ as shh" => "jo", "io" => "io", _ => "ë" };
            var text = bgn.Replace("yë", "yo", StringComparison.Ordinal).Replace("Yë", "Yo", StringComparison.Ordinal).Replace("ë", yoLetters, StringComparison.Ordinal);
            if (style == "jo, Щ as shh")
            {
                text = text.Replace("shch", "shh", StringComparison.Ordinal);
            }

            Add("ё written e, yo, jo, io, ë", style, new ScreeningQuery(text, random.Next(2) == 0 ? person.Birth : PartialDate.Unknown, null), person.Id);
        }

        // 4. The same name in another Slavic language or spelling convention.
        var slavic = people.Where(p => p.Russian is { } r && GivenForms.Any(g => g.Russian == r.Given)).ToList();
        string[] conventions = ["Ukrainian forms", "Belarusian forms", "Latvian", "Lithuanian", "Hungarian", "Polish", "Czech"];
        for (var n = 0; n < perKind; n++)
        {
            var person = Pick(random, slavic);
            var name = person.Russian!;
            var forms = GivenForms.First(g => g.Russian == name.Given);
            var fatherForms = name.Father is { } f ? GivenForms.FirstOrDefault(g => g.Russian == f) : default;
            var convention = conventions[n % conventions.Length];
            var text = convention switch
            {
                "Ukrainian forms" => Written(name, Writing.Ukrainian2010, 1, forms.Ukrainian, fatherForms.Ukrainian),
                "Belarusian forms" => Written(name, random.Next(2) == 0 ? Writing.Belarusian2007 : Writing.BelarusianBgn, 2, forms.Belarusian, fatherForms.Belarusian),
                "Latvian" => Written(name, Writing.Latvian, 0, patronymic: false),
                "Lithuanian" => Written(name, Writing.Lithuanian, 0, patronymic: false),
                "Hungarian" => Written(name, Writing.Hungarian, 0),
                "Polish" => Written(name, Writing.Polish, 0),
                _ => Written(name, Writing.Czech, 0),
            };
            Add("Slavic name forms", convention, new ScreeningQuery(text, random.Next(2) == 0 ? person.Birth : PartialDate.Unknown, null), person.Id);
        }

        // 5. A title in another language before the name.
        for (var n = 0; n < perKind; n++)
        {
            var person = Pick(random, people);
            var title = Pick(random, Titles);
            Add("titles in other languages", title, new ScreeningQuery($"{title} {person.Latin}", random.Next(2) == 0 ? person.Birth : PartialDate.Unknown, null), person.Id);
        }

        return queries;

        void Add(string kind, string variant, ScreeningQuery query, string expected)
        {
            queries.Add(new Query(kind, variant, query, expected));
        }
    }

    /// <summary>The Latin name with one letter wrong in the given way, or null when the name has no part for it.</summary>
    private static string? OneWrongLetter(string latin, string way, Random random)
    {
        var parts = latin.Split(' ');
        switch (way)
        {
            case "dropped" or "doubled" or "swapped":
                var candidates = Enumerable.Range(0, parts.Length).Where(i => parts[i].Length >= (way == "doubled" ? 3 : 5)).ToList();
                if (candidates.Count == 0)
                {
                    return null;
                }

                var at = Pick(random, candidates);
                var word = parts[at];
                var position = random.Next(1, word.Length - 1);
                parts[at] = way switch
                {
                    "dropped" => word.Remove(position, 1),
                    "doubled" => word.Insert(position, word[position].ToString()),
                    _ when word[position] == word[position + 1] => word,
                    _ => string.Concat(word.AsSpan(0, position), word[position + 1].ToString(), word[position].ToString(), word.AsSpan(position + 2)),
                };
                return parts[at] == word ? null : string.Join(' ', parts);
            case "slid across a space":
                if (parts.Length < 2)
                {
                    return null;
                }

                var left = random.Next(parts.Length - 1);
                var (a, b) = (parts[left], parts[left + 1]);
                if (random.Next(2) == 0 && a.Length > 3)
                {
                    (parts[left], parts[left + 1]) = (a[..^1], char.ToLowerInvariant(a[^1]) + b);
                }
                else if (b.Length > 3)
                {
                    (parts[left], parts[left + 1]) = (a + char.ToLowerInvariant(b[0]), b[1..]);
                }
                else
                {
                    return null;
                }

                return string.Join(' ', parts);
            default:
                var short3 = Enumerable.Range(0, parts.Length).Where(i => parts[i].Length == 3 && parts[i].All(char.IsAsciiLetter)).ToList();
                if (short3.Count == 0 || parts.Length < 3)
                {
                    return null;
                }

                var i3 = Pick(random, short3);
                var place = random.Next(3);
                var letter = (char)('a' + random.Next(26));
                if (char.ToLowerInvariant(parts[i3][place]) == letter)
                {
                    return null;
                }

                parts[i3] = string.Concat(parts[i3].AsSpan(0, place), place == 0 ? char.ToUpperInvariant(letter).ToString() : letter.ToString(), parts[i3].AsSpan(place + 1));
                return string.Join(' ', parts);
        }
    }

    /// <summary>
    /// Real-looking people not on the list: the same origins, given names and surnames, but no list name has the
    /// same parts, all of theirs or all of its (Vasilii Naumov is not unrelated to Vasilii Vasilevich Naumov).
    /// </summary>
    private static List<Query> Negatives(List<Person> people, int seed, int count)
    {
        var random = new Random(seed);
        var listed = people.Select(p => Fold(p.Latin)).ToHashSet(StringComparer.Ordinal);

        // Not a namesake either: no list name has all of its parts, nor only some of them (patronymics aside).
        var partsOf = people.Select(p => PartsOf(p.Latin)).ToList();
        var byPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < partsOf.Count; i++)
        {
            foreach (var part in partsOf[i])
            {
                (byPart.TryGetValue(part, out var names) ? names : byPart[part] = []).Add(i);
            }
        }

        bool Namesake(string latin)
        {
            var parts = PartsOf(latin);
            return parts.SelectMany(p => byPart.GetValueOrDefault(p) ?? []).Distinct()
                .Any(i => partsOf[i].IsSubsetOf(parts) || parts.IsSubsetOf(partsOf[i]));
        }

        var fakers = Locales.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => new Faker(x.l) { Random = new Randomizer((seed * 7919) + x.i) });
        var origins = Locales.Concat(["arabic", "korean", "chinese", "russian", "russian", "russian"]).ToArray();
        var result = new List<Query>(count);
        while (result.Count < count)
        {
            var (_, latin, _) = NameOf(Pick(random, origins), random, fakers);
            if (listed.Contains(Fold(latin)) || Namesake(latin))
            {
                continue;
            }

            result.Add(new Query("unrelated names (false hits)", "", new ScreeningQuery(latin, Birth(random), null), null));
        }

        return result;
    }
}
