using System.Text;

namespace Vartio.Domain.Screening;

/// <summary>
/// Reduces a normalised name part to keys on which the common romanisations of one name agree. A Latin
/// spelling is read under each convention it may have been written in, because the same letters mean
/// different sounds in each: <c>ch</c> is Ч in ICAO and BGN/PCGN, Ш in French practice and Х in German
/// practice. Each reading is then reduced to a coarse alphabet:
/// <list type="bullet">
/// <item>Ш, Щ and Ж become <c>S</c> (German writes both Ш and Ж as sch; Щ is Ш and a Ч, often heard as Ш);
/// Ч is <c>C</c>; Ц is <c>c</c>; Х is <c>x</c>, as is h (ISO 9 and German write Х as h or ch).</item>
/// <item>З and С are one <c>s</c> (German writes З as s); w is v; q is k.</item>
/// <item>Vowels merge into three classes: a/e, o/u, i/y/j; a glide i before a vowel goes
/// (Yuliya, Iuliia, Julija, Ûliâ all become <c>ula</c>); doubled letters are single.</item>
/// </list>
/// Two parts that share a key are written the same way by some pair of conventions.
/// </summary>
internal static class NameKeys
{
    /// <summary>The conventions a Latin name part is read under; the first is the primary key.</summary>
    private enum Reading
    {
        /// <summary>ICAO Doc 9303 and BGN/PCGN (and English spelling generally): zh, kh, ts, ch, sh, shch, j as dzh.</summary>
        English,

        /// <summary>French practice: ch is Ш, tch Ч, chtch Щ, j Ж, dj ДЖ, ou У, gu before e/i is Г, final e mute.</summary>
        French,

        /// <summary>German practice: sch is Ш and Ж, tsch Ч, schtsch Щ, ch Х, z Ц, j Й, w В.</summary>
        German,

        /// <summary>ISO 9 and the Slavic Latin alphabets: c is Ц, ch is Х (Czech), j Й; Polish cz, sz, rz.</summary>
        Scholarly,

        /// <summary>Ukrainian romanisation (ICAO, national 2010 system): h is Г.</summary>
        Ukrainian,

        /// <summary>
        /// Hungarian spelling of Slavic names: gy and ty for a palatal d and t (Vlagyimir, Putyin), ny for Нь,
        /// cs for Ч, s for Ш, zs for Ж, sz for С. Read only in a part that has one of its digraphs.
        /// </summary>
        Hungarian,

        /// <summary>
        /// Arabic names in Latin letters: the short vowels are not written in Arabic, and e stands for the
        /// same kasra as i (Adel and Adil, Khaled and Khalid, Suleiman and Soliman, Ayesha and Aisha); a final
        /// h after a vowel is the silent ta marbuta (Hamzah and Hamza, Fatimah and Fatima).
        /// </summary>
        Arabic,
    }

    private static readonly Reading[] AllReadings = [Reading.English, Reading.French, Reading.German, Reading.Scholarly, Reading.Ukrainian, Reading.Arabic, Reading.Hungarian];

    private static readonly string[] HungarianDigraphs = ["gy", "ty", "ny", "cs", "zs", "sz"];

    /// <summary>
    /// Latvian and Lithuanian nominative endings added to a foreign name (Ivanovs, Ivanovas; Vladimirs,
    /// Vladimiras; Sergejs, Sergejus), longest first.
    /// </summary>
    private static readonly string[] BalticEndings = ["as", "is", "ys", "us", "s"];

    /// <summary>
    /// The distinct keys of a part, primary key first, and last the key of its name's group when it is a
    /// form of a given name or patronymic in <see cref="NameForms"/>. Transliterated parts have exactly one
    /// reading.
    /// </summary>
    public static string[] Keys(string normalised, Script script)
    {
        var keys = SpellingKeys(normalised, script);
        if (script == Script.Arabic || NameForms.KeyOf(normalised, keys) is not { } group)
        {
            return keys;
        }

        return [.. keys, group];
    }

    /// <summary>The keys of a part's spellings alone, without its name group (<see cref="Keys"/>).</summary>
    public static string[] SpellingKeys(string normalised, Script script)
    {
        if (script != Script.Latin)
        {
            var primary = Key(normalised, Reading.English, yoAsE: false);
            if (script == Script.Arabic)
            {
                return [primary, SkeletonKey(primary)];
            }

            // Ё is written E by ICAO: a Cyrillic part keeps it as E, and Latin parts read yo as e too.
            return [primary];
        }

        var keys = new List<string>(3);
        var yo = HasYo(normalised);
        foreach (var reading in AllReadings)
        {
            if (reading == Reading.Hungarian && !HungarianDigraphs.Any(d => normalised.Contains(d, StringComparison.Ordinal)))
            {
                continue;
            }

            Add(Key(normalised, reading, yoAsE: false));
            if (yo)
            {
                Add(Key(normalised, reading, yoAsE: true));
            }
        }

        // Ivanovs, Ivanovas: also the key of the name without its Latvian or Lithuanian ending.
        if (BalticStem(normalised) is { } stem)
        {
            var stemYo = HasYo(stem);
            foreach (var reading in AllReadings)
            {
                Add(Key(stem, reading, yoAsE: false));
                if (stemYo)
                {
                    Add(Key(stem, reading, yoAsE: true));
                }
            }
        }

        void Add(string key)
        {
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        // Al-Hassan written as one word: also the key without the article.
        if (normalised.Length >= 6 && (normalised.StartsWith("al", StringComparison.Ordinal) || normalised.StartsWith("el", StringComparison.Ordinal)))
        {
            Add(Key(normalised[2..], Reading.English, yoAsE: false));
        }

        return keys.Count > 0 ? [.. keys] : [normalised];
    }

    /// <summary>
    /// The name without a Latvian or Lithuanian nominative ending (-s, -as, -is, -ys, -us) when what is left
    /// ends in a consonant or j and has at least four letters: Ivanov from Ivanovs and Ivanovas, Sergej from
    /// Sergejs and Sergejus. Null otherwise.
    /// </summary>
    public static string? BalticStem(string normalised)
    {
        if (normalised.Length < 6)
        {
            return null;
        }

        foreach (var ending in BalticEndings)
        {
            if (normalised.EndsWith(ending, StringComparison.Ordinal))
            {
                // Boris, Denis take -as; a name already ending in s does not take a lone -s (Douglas is not Dougla-s).
                var stem = normalised[..^ending.Length];
                return stem.Length >= 4 && !VowelAt(stem, stem.Length - 1) && (ending.Length == 2 || stem[^1] is not ('s' or 'z' or 'x')) ? stem : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a part may write Ё as yo, jo, io (Fyodor, Fjodor, Fiodor; Semyon, Pyotr) or o after a hushing
    /// consonant (Khrushchov, Gorbachov, Gorbaczow): read once more with it as e, as ICAO writes it.
    /// </summary>
    public static bool HasYo(string s)
    {
        for (var i = 1; i < s.Length - 1; i++)
        {
            if (YoAt(s, i) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many letters at <paramref name="i"/> write Ё (2 for yo, jo, io after a consonant; 1 for o after a hushing consonant), or 0.</summary>
    private static int YoAt(string s, int i)
    {
        if (i < 1 || i + 1 >= s.Length)
        {
            return 0;
        }

        if (s[i] is 'y' or 'j' or 'i' && s[i + 1] == 'o' && !VowelAt(s, i - 1) && (i + 2 == s.Length || !VowelAt(s, i + 2)))
        {
            return 2;
        }

        // After sh, ch, zh (English), cz, sz, rz (Polish), cs, zs (Hungarian).
        return s[i] == 'o' && i >= 2 && !VowelAt(s, i + 1)
            && ((s[i - 1] == 'h' && s[i - 2] is 's' or 'c' or 'z') || (s[i - 1] == 'z' && s[i - 2] is 'c' or 's' or 'r') || (s[i - 1] == 's' && s[i - 2] is 'c' or 'z'))
            ? 1 : 0;
    }

    /// <summary>
    /// The consonants of a key, marked so it never equals a full key: Arabic script writes no short vowels,
    /// so محمد is compared with Muhammad, Mohamed and Mohammad by consonants only.
    /// </summary>
    public static string SkeletonKey(string key) => Skeleton(key, '#');

    /// <summary>
    /// The consonants of a Latin part's primary key, marked apart from <see cref="SkeletonKey"/>: a list keeps
    /// it for each Latin part, and a query part in Arabic script looks it up, so محمد finds Muhammad on a list
    /// as Muhammad finds محمد. Latin query parts never carry it, so two Latin spellings are never compared on
    /// their consonants alone.
    /// </summary>
    public static string LatinSkeletonKey(string key) => Skeleton(key, '%');

    /// <summary>
    /// A key made of consonants only (<see cref="SkeletonKey"/>, <see cref="LatinSkeletonKey"/>) or a name group's
    /// (<see cref="NameForms.GroupKey"/>): never compared by edit distance.
    /// </summary>
    public static bool IsSkeleton(string key) => key[0] is '#' or '%' or '!';

    private static string Skeleton(string key, char mark)
    {
        var text = new StringBuilder(key.Length + 1).Append(mark);
        foreach (var c in key)
        {
            if (c is not ('a' or 'i' or 'u') && text[^1] != c)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The primary key: the part read as ICAO and English spelling would write it.</summary>
    public static string PrimaryKey(string normalised) => Key(normalised, Reading.English, yoAsE: false);

    private static string Key(string s, Reading reading, bool yoAsE)
    {
        var raw = new StringBuilder(s.Length + 2);
        var i = 0;
        while (i < s.Length)
        {
            if (yoAsE && YoAt(s, i) is var yo and > 0)
            {
                raw.Append('a');
                i += yo;
                continue;
            }

            var (symbols, length) = Step(s, i, reading);
            raw.Append(symbols);
            i += length;
        }

        return Reduce(raw);
    }

    private static bool At(string s, int i, string text) => string.CompareOrdinal(s, i, text, 0, text.Length) == 0;

    private static bool FrontVowelAt(string s, int i) => i < s.Length && s[i] is 'e' or 'i' or 'y';

    private static bool VowelAt(string s, int i) => i >= 0 && i < s.Length && s[i] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The symbols for the letters at <paramref name="i"/> and how many letters they use.</summary>
    private static (string Symbols, int Length) Step(string s, int i, Reading reading)
    {
        switch (reading)
        {
            case Reading.French:
                if (At(s, i, "chtch")) { return ("S", 5); }
                if (At(s, i, "tch")) { return ("C", 3); }
                if (At(s, i, "ch")) { return ("S", 2); }
                if (At(s, i, "dj")) { return ("dS", 2); }
                if (At(s, i, "gu") && FrontVowelAt(s, i + 2)) { return ("g", 2); }
                if (At(s, i, "qu")) { return ("k", 2); }
                if (s[i] == 'j') { return ("S", 1); }
                if (s[i] == 'e' && i == s.Length - 1 && i >= 3 && !VowelAt(s, i - 1)) { return ("", 1); }
                break;
            case Reading.German:
                if (At(s, i, "schtsch")) { return ("S", 7); }
                if (At(s, i, "tsch")) { return ("C", 4); }
                if (At(s, i, "sch")) { return ("S", 3); }
                if (At(s, i, "ch")) { return ("x", 2); }
                if (At(s, i, "tz")) { return ("c", 2); }
                if (s[i] == 'z') { return ("c", 1); }
                if (s[i] == 'j') { return ("i", 1); }
                break;
            case Reading.Scholarly:
                if (At(s, i, "szcz")) { return ("S", 4); }
                if (At(s, i, "shh")) { return ("S", 3); }
                if (At(s, i, "ch")) { return ("x", 2); }
                if (At(s, i, "cz")) { return ("C", 2); }
                if (At(s, i, "sz") || At(s, i, "rz")) { return ("S", 2); }
                if (s[i] == 'c') { return ("c", 1); }
                if (s[i] == 'x') { return ("x", 1); }
                if (s[i] == 'j') { return ("i", 1); }
                break;
            case Reading.Ukrainian:
                if (s[i] == 'h' && (i == 0 || s[i - 1] is not ('k' or 'z' or 's' or 'c' or 't' or 'p' or 'g' or 'd'))) { return ("g", 1); }
                break;
            case Reading.Hungarian:
                if (At(s, i, "scs")) { return ("S", 3); }
                if (At(s, i, "gy")) { return ("d", 2); }
                if (At(s, i, "ty")) { return ("t", 2); }
                if (At(s, i, "ny")) { return ("n", 2); }
                if (At(s, i, "cs")) { return ("C", 2); }
                if (At(s, i, "zs")) { return ("S", 2); }
                if (At(s, i, "sz")) { return ("s", 2); }
                if (s[i] == 's') { return ("S", 1); }
                if (s[i] == 'j') { return ("i", 1); }
                break;
            case Reading.Arabic:
                if (s[i] == 'e') { return ("i", 1); }
                if (s[i] == 'h' && i == s.Length - 1 && VowelAt(s, i - 1)) { return ("", 1); }
                break;
            default:
                break;
        }

        // ICAO and BGN/PCGN digraphs, and English spelling.
        if (At(s, i, "shch")) { return ("S", 4); }
        if (At(s, i, "dzh")) { return ("dS", 3); }
        if (At(s, i, "tch")) { return ("C", 3); }
        if (At(s, i, "zh") || At(s, i, "sh")) { return ("S", 2); }
        if (At(s, i, "kh")) { return ("x", 2); }
        if (At(s, i, "ts")) { return ("c", 2); }
        if (At(s, i, "ch")) { return ("C", 2); }
        if (At(s, i, "ph")) { return ("f", 2); }
        if (At(s, i, "th")) { return ("t", 2); }
        if (At(s, i, "gh")) { return ("g", 2); }
        if (At(s, i, "dh")) { return ("d", 2); }
        if (At(s, i, "ck")) { return ("k", 2); }
        if (At(s, i, "ou") || At(s, i, "oo")) { return ("u", 2); }
        if (At(s, i, "ee")) { return ("i", 2); }
        return s[i] switch
        {
            'c' => (FrontVowelAt(s, i + 1) ? "s" : "k", 1),
            'j' => ("dS", 1),
            'x' => ("ks", 1),
            'q' => ("k", 1),
            'w' => ("v", 1),
            'h' => ("x", 1),
            'z' => ("s", 1),
            'e' => ("a", 1),
            'o' => ("u", 1),
            'y' => ("i", 1),
            var c => (c.ToString(), 1),
        };
    }

    /// <summary>Glide i before a vowel dropped, doubled symbols made single.</summary>
    private static string Reduce(StringBuilder raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (text.Length > 0 && text[^1] == c)
            {
                continue;
            }

            if (c == 'i' && NextDistinct(raw, i) is 'a' or 'u')
            {
                continue;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static char NextDistinct(StringBuilder raw, int i)
    {
        var j = i + 1;
        while (j < raw.Length && raw[j] == raw[i])
        {
            j++;
        }

        return j < raw.Length ? raw[j] : '\0';
    }
}
