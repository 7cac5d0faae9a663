using System.Globalization;
using System.Text;

namespace Vartio.Benchmarks;

/// <summary>
/// Writing a Russian (or Ukrainian, Belarusian) name in Cyrillic the way each country's documents and press
/// write it, for the recall evaluation. Written apart from the matcher, from the published rules: ICAO Doc 9303
/// Part 3 (the list's romanisation); BGN/PCGN 1947 for Russian; the Ukrainian national system (Cabinet of
/// Ministers resolution 55 of 2010); the Belarusian national system (2007) and BGN/PCGN for Belarusian;
/// Latvian, Lithuanian, Hungarian, Polish, Czech and German (Duden) practice for Russian names, with the
/// Latvian and Lithuanian nominative endings.
/// </summary>
internal static class RecallNames
{
    public enum Writing
    {
        Icao,
        Bgn,
        Ukrainian2010,
        Belarusian2007,
        BelarusianBgn,
        Latvian,
        Lithuanian,
        Hungarian,
        Polish,
        Czech,
        German,
    }

    private const string Vowels = "аеёиоуыэюяіїєў";

    /// <summary>A Russian given name, its Ukrainian form and its Belarusian form, in Cyrillic.</summary>
    public static readonly (string Russian, string Ukrainian, string Belarusian)[] GivenForms =
    [
        ("Владимир", "Володимир", "Уладзімір"), ("Александр", "Олександр", "Аляксандр"), ("Алексей", "Олексій", "Аляксей"),
        ("Андрей", "Андрій", "Андрэй"), ("Дмитрий", "Дмитро", "Дзмітрый"), ("Михаил", "Михайло", "Міхаіл"),
        ("Николай", "Микола", "Мікалай"), ("Сергей", "Сергій", "Сяргей"), ("Пётр", "Петро", "Пятро"),
        ("Павел", "Павло", "Павел"), ("Григорий", "Григорій", "Рыгор"), ("Юрий", "Юрій", "Юрый"),
        ("Евгений", "Євген", "Яўген"), ("Иван", "Іван", "Іван"), ("Фёдор", "Федір", "Фёдар"), ("Василий", "Василь", "Васіль"),
        ("Виктор", "Віктор", "Віктар"), ("Анатолий", "Анатолій", "Анатоль"), ("Олег", "Олег", "Алег"), ("Игорь", "Ігор", "Ігар"),
        ("Константин", "Костянтин", "Канстанцін"), ("Леонид", "Леонід", "Леанід"), ("Степан", "Степан", "Сцяпан"),
        ("Вячеслав", "Вячеслав", "Вячаслаў"), ("Станислав", "Станіслав", "Станіслаў"), ("Ярослав", "Ярослав", "Яраслаў"),
        ("Борис", "Борис", "Барыс"), ("Кирилл", "Кирило", "Кірыл"), ("Роман", "Роман", "Раман"), ("Денис", "Денис", "Дзяніс"),
        ("Геннадий", "Геннадій", "Генадзь"), ("Валерий", "Валерій", "Валерый"), ("Тимофей", "Тимофій", "Цімафей"),
        ("Семён", "Семен", "Сямён"), ("Матвей", "Матвій", "Мацвей"), ("Вадим", "Вадим", "Вадзім"),
        ("Елена", "Олена", "Алена"), ("Ольга", "Ольга", "Вольга"), ("Анна", "Ганна", "Ганна"), ("Екатерина", "Катерина", "Кацярына"),
        ("Мария", "Марія", "Марыя"), ("Татьяна", "Тетяна", "Таццяна"), ("Ирина", "Ірина", "Ірына"), ("Светлана", "Світлана", "Святлана"),
        ("Галина", "Галина", "Галіна"), ("Надежда", "Надія", "Надзея"), ("Людмила", "Людмила", "Людміла"), ("Валентина", "Валентина", "Валянціна"),
        ("Оксана", "Оксана", "Аксана"), ("Юлия", "Юлія", "Юлія"),
    ];

    public static bool IsFemale(string russianGiven) => russianGiven.EndsWith('а') || russianGiven.EndsWith('я');

    /// <summary>The patronymic from a father's name in a language: Russian -ович/-евич, Ukrainian -ович/-івна, Belarusian -авіч/-аўна.</summary>
    public static string Patronymic(string father, bool female, int language)
    {
        var last = father[^1];
        switch (language)
        {
            case 1: // Ukrainian: Петро → Петрович, Андрій → Андрійович, Микола → Миколайович.
                var uk = last is 'о' ? father[..^1] : last is 'а' ? father[..^1] + "ай" : father;
                return uk + (female ? (uk.EndsWith('й') ? "ївна" : "івна") : "ович");
            case 2: // Belarusian: Андрэй → Андрэевіч, Уладзімір → Уладзіміравіч.
                if (last == 'й')
                {
                    return father[..^1] + (female ? "еўна" : "евіч");
                }

                var be = last is 'а' or 'о' ? father[..^1] : father;
                return be + (female ? "аўна" : "авіч");
            default: // Russian: Сергей → Сергеевич, Юрий → Юрьевич, Игорь → Игоревич, Пётр → Петрович.
                var ru = father.Replace('ё', 'е');
                if (ru.EndsWith("ий", StringComparison.Ordinal))
                {
                    return ru[..^2] + (female ? "ьевна" : "ьевич");
                }

                if (last is 'й' or 'ь')
                {
                    return ru[..^1] + (female ? "евна" : "евич");
                }

                return (last is 'а' or 'я' ? ru[..^1] : ru) + (female ? "овна" : "ович");
        }
    }

    /// <summary>One Cyrillic word written by a system; <paramref name="male"/> decides the Latvian and Lithuanian endings.</summary>
    public static string Write(string cyrillic, Writing writing, bool male)
    {
        var word = cyrillic.ToLowerInvariant();
        var text = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var previous = i > 0 ? word[i - 1] : ' ';
            var next = i + 1 < word.Length ? word[i + 1] : ' ';
            var initial = i == 0 || Vowels.Contains(previous, StringComparison.Ordinal) || previous is 'ь' or 'ъ' or '\'';
            text.Append(Letter(c, previous, next, initial, writing));
        }

        var latin = text.ToString();
        if (male && writing is Writing.Latvian or Writing.Lithuanian && latin.Length > 0)
        {
            var lithuanian = writing == Writing.Lithuanian;
            latin = latin[^1] switch
            {
                'a' or 'o' or 'e' or 'u' or 'i' => latin,
                'j' => latin + (lithuanian ? "us" : "s"),
                _ => latin + (lithuanian ? "as" : "s"),
            };
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(latin);
    }

    private static string Letter(char c, char previous, char next, bool initial, Writing w)
    {
        var soft = next is 'и' or 'е' or 'ё' or 'ь' or 'ю' or 'я' or 'і';
        switch (c)
        {
            case 'а': return "a";
            case 'б': return "b";
            case 'в': return w is Writing.Polish or Writing.German ? "w" : "v";
            case 'г': return w is Writing.Ukrainian2010 or Writing.Belarusian2007 or Writing.BelarusianBgn ? "h" : "g";
            case 'ґ': return "g";
            case 'д': return w == Writing.Hungarian && soft ? (next == 'ь' ? "gy" : "gy") : "d";
            case 'е':
                return w switch
                {
                    Writing.Icao => "e",
                    Writing.Bgn => initial ? "ye" : "e",
                    Writing.Belarusian2007 => initial ? "je" : "ie",
                    Writing.BelarusianBgn => initial ? "ye" : "ie",
                    Writing.German or Writing.Czech or Writing.Latvian or Writing.Lithuanian or Writing.Hungarian or Writing.Polish => initial ? "je" : "e",
                    _ => "e",
                };
            case 'ё':
                return w switch
                {
                    Writing.Icao => "e",
                    Writing.Bgn => initial ? "yë" : "ë",
                    Writing.Polish => initial || previous is 'ж' or 'ш' or 'ч' or 'щ' or 'ц' ? (initial ? "jo" : "o") : "io",
                    Writing.BelarusianBgn => "yo",
                    Writing.Belarusian2007 => initial ? "jo" : "io",
                    _ => previous is 'ж' or 'ш' or 'ч' or 'щ' ? "o" : "jo",
                };
            case 'є': return initial ? "ye" : "ie";
            case 'ж': return w switch { Writing.Icao or Writing.Bgn or Writing.Ukrainian2010 or Writing.BelarusianBgn => "zh", Writing.Hungarian => "zs", Writing.Polish => "ż", Writing.German => "sch", _ => "ž" };
            case 'з': return w == Writing.German ? "s" : "z";
            case 'и':
                return w switch
                {
                    Writing.Ukrainian2010 => "y",
                    Writing.Polish when previous is 'ж' or 'ш' or 'ц' => "y",
                    _ => "i",
                };
            case 'і': return "i";
            case 'ї': return initial ? "yi" : "i";
            case 'й':
                return w switch
                {
                    Writing.Icao => "i",
                    Writing.Bgn or Writing.BelarusianBgn => "y",
                    Writing.Ukrainian2010 => initial ? "y" : "i",
                    Writing.German => "i",
                    _ => "j",
                };
            case 'к': return "k";
            case 'л': return w == Writing.Polish && !soft ? "ł" : "l";
            case 'м': return "m";
            case 'н': return w == Writing.Hungarian && next == 'ь' ? "ny" : "n";
            case 'о': return "o";
            case 'п': return "p";
            case 'р': return "r";
            case 'с': return w == Writing.Hungarian ? "sz" : "s";
            case 'т': return w == Writing.Hungarian && soft ? "ty" : "t";
            case 'у': return "u";
            case 'ў': return w switch { Writing.Belarusian2007 => "ŭ", Writing.BelarusianBgn => "w", _ => "u" };
            case 'ф': return "f";
            case 'х': return w switch { Writing.Latvian or Writing.Hungarian or Writing.Belarusian2007 => w == Writing.Belarusian2007 ? "ch" : "h", Writing.Lithuanian or Writing.Polish or Writing.Czech or Writing.German => "ch", _ => "kh" };
            case 'ц': return w switch { Writing.Icao or Writing.Bgn or Writing.Ukrainian2010 or Writing.BelarusianBgn => "ts", Writing.German => "z", _ => "c" };
            case 'ч': return w switch { Writing.Hungarian => "cs", Writing.Polish => "cz", Writing.German => "tsch", Writing.Latvian or Writing.Lithuanian or Writing.Czech or Writing.Belarusian2007 => "č", _ => "ch" };
            case 'ш': return w switch { Writing.Hungarian => "s", Writing.Polish => "sz", Writing.German => "sch", Writing.Latvian or Writing.Lithuanian or Writing.Czech or Writing.Belarusian2007 => "š", _ => "sh" };
            case 'щ': return w switch { Writing.Hungarian => "scs", Writing.Polish => "szcz", Writing.German => "schtsch", Writing.Latvian or Writing.Lithuanian or Writing.Czech => "šč", _ => "shch" };
            case 'ъ': return w == Writing.Icao ? "ie" : "";
            case 'ы': return w is Writing.Latvian or Writing.Hungarian ? "i" : "y";
            case 'ь': return "";
            case 'э': return "e";
            case 'ю':
                return w switch
                {
                    Writing.Icao => "iu",
                    Writing.Bgn or Writing.BelarusianBgn => "yu",
                    Writing.Ukrainian2010 => initial ? "yu" : "iu",
                    Writing.Belarusian2007 => initial ? "ju" : "iu",
                    Writing.Polish => initial ? "ju" : "iu",
                    _ => "ju",
                };
            case 'я':
                return w switch
                {
                    Writing.Icao => "ia",
                    Writing.Bgn or Writing.BelarusianBgn => "ya",
                    Writing.Ukrainian2010 => initial ? "ya" : "ia",
                    Writing.Belarusian2007 => initial ? "ja" : "ia",
                    Writing.Polish => initial ? "ja" : "ia",
                    _ => "ja",
                };
            case '\'': return "";
            default: return c.ToString();
        }
    }
}
