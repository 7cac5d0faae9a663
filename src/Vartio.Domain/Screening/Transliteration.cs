using System.Text;

namespace Vartio.Domain.Screening;

/// <summary>The script a name part was written in, before transliteration.</summary>
internal enum Script
{
    Latin,
    Cyrillic,
    Greek,
    Arabic,
}

/// <summary>
/// Non-Latin letters to Latin. Cyrillic follows ICAO Doc 9303 Part 3, section 6.B (the table machine-readable
/// zones are written with), so a name from a Russian, Ukrainian or Belarusian list reads as the traveller's
/// passport does. Greek follows ELOT 743 (the Greek passport standard, also ICAO's), except that χ is written
/// kh so that it cannot be read as the English ch. Arabic has no short vowels in writing, so it becomes
/// consonants and long vowels (after the UNGEGN simplified table); matching then compares consonant skeletons.
/// </summary>
internal static class Transliteration
{
    public static Script ScriptOf(char c) => c switch
    {
        >= '\u0400' and <= '\u04FF' => Script.Cyrillic,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        _ => Script.Latin,
    };

    /// <summary>Appends the Latin for one lower-case letter of a non-Latin script; false for a letter it does not know.</summary>
    public static bool Append(StringBuilder text, char previous, char c, char next) => AppendCyrillic(text, c) || AppendGreek(text, previous, c, next) || AppendArabic(text, c);

    // ICAO Doc 9303 Part 3, Table in 6.B "Transliteration of Cyrillic characters" (Russian, Ukrainian,
    // Belarusian and the other languages written in Cyrillic).
    private static bool AppendCyrillic(StringBuilder text, char c)
    {
        var latin = c switch
        {
            'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "e", 'ж' => "zh",
            'з' => "z", 'и' => "i", 'й' => "i", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
            'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts",
            'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' => "ie", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "iu",
            'я' => "ia",
            // Ukrainian and Belarusian letters (ICAO: Ґ G, Є IE, І I, Ї I, Ў U).
            'ґ' => "g", 'є' => "ie", 'і' => "i", 'ї' => "i", 'ў' => "u",
            // Serbian and Macedonian letters in the same table.
            'ђ' => "d", 'ј' => "j", 'љ' => "lj", 'њ' => "nj", 'ћ' => "c", 'џ' => "dz", 'ѓ' => "g", 'ќ' => "k",
            'ѕ' => "dz",
            _ => null,
        };
        if (latin is null)
        {
            return false;
        }

        text.Append(latin);
        return true;
    }

    // ELOT 743 (ISO 843 type 2), the system of Greek passports: digraphs first.
    private static bool AppendGreek(StringBuilder text, char previous, char c, char next)
    {
        var latin = c switch
        {
            'α' => "a", 'β' => "v", 'γ' => next is 'γ' or 'κ' or 'ξ' or 'χ' ? "n" : "g", 'δ' => "d", 'ε' => "e",
            'ζ' => "z", 'η' => "i", 'θ' => "th", 'ι' => "i", 'κ' => "k", 'λ' => "l", 'μ' => "m", 'ν' => "n",
            'ξ' => "x", 'ο' => "o", 'π' => "p", 'ρ' => "r", 'σ' or 'ς' => "s", 'τ' => "t", 'υ' => "y", 'φ' => "f",
            'χ' => "kh", 'ψ' => "ps", 'ω' => "o",
            _ => null,
        };
        // ου is u; αυ and ευ are av and ev (ELOT 743 writes af and ef before voiceless consonants, a detail the
        // keys do not need).
        latin = (previous, c) switch
        {
            ('ο', 'υ') => "u",
            ('α' or 'ε' or 'η', 'υ') => "v",
            _ => latin,
        };
        if (latin is null)
        {
            return false;
        }

        text.Append(latin);
        return true;
    }

    // Arabic letters after the UNGEGN simplified romanisation (the one most Latin spellings of Arabic names
    // follow): ayn and hamza are not written, ta marbuta is a, the article is handled by the name parser.
    private static bool AppendArabic(StringBuilder text, char c)
    {
        var latin = c switch
        {
            'ا' or 'أ' or 'آ' or 'ى' or 'ة' => "a", 'إ' => "i", 'ب' => "b", 'ت' => "t", 'ث' => "th", 'ج' => "j",
            'ح' => "h", 'خ' => "kh", 'د' => "d", 'ذ' => "dh", 'ر' => "r", 'ز' => "z", 'س' => "s", 'ش' => "sh",
            'ص' => "s", 'ض' => "d", 'ط' => "t", 'ظ' => "z", 'ع' or 'ء' or 'ئ' or 'ؤ' => "", 'غ' => "gh",
            'ف' => "f", 'ق' => "q", 'ك' or 'ک' => "k", 'ل' => "l", 'م' => "m", 'ن' => "n", 'ه' => "h", 'و' => "u",
            'ي' or 'ی' => "i", 'پ' => "p", 'چ' => "ch", 'ژ' => "zh", 'گ' => "g",
            // Short-vowel marks, when a name is vocalised.
            '\u064E' => "a", '\u064F' => "u", '\u0650' => "i", '\u064B' or '\u064C' or '\u064D' or '\u0651' or '\u0652' or '\u0640' => "",
            _ => null,
        };
        if (latin is null)
        {
            return false;
        }

        text.Append(latin);
        return true;
    }
}
