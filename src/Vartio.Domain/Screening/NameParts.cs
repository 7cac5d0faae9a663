using System.Text;

namespace Vartio.Domain.Screening;

/// <summary>One part of a name: a given name, a surname, a patronymic or an initial.</summary>
/// <param name="Text">As written, in its script (for explanations).</param>
/// <param name="Normalised">Lower-case a–z: transliterated, without diacritics or punctuation.</param>
/// <param name="IsInitial">A single letter, standing for a name.</param>
/// <param name="IsMinor">A patronymic, which lists give and documents often leave out: missing, it costs less.</param>
internal sealed record NamePart(string Text, string Normalised, Script Script, bool IsInitial, bool IsMinor);

/// <summary>
/// Splits a name into parts and normalises each: Unicode compatibility decomposition, case folding,
/// diacritics removed, non-Latin scripts transliterated, punctuation and honorifics dropped, Arabic articles
/// and the <c>abd</c> compounds made uniform.
/// </summary>
internal static class NameParts
{
    /// <summary>Titles and honorifics: never part of a name on a document.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "herr", "frau", "mme",
        "mlle", "sr", "jr", "sheikh", "shaikh", "sheik", "shaykh", "haji", "hajji", "hadji", "mullah", "mulla",
        "maulana", "sayyid", "general", "gen", "colonel", "col", "capt", "captain", "major", "lt", "sgt",
        // The same titles in other languages, as written or transliterated (Президент is prezident, Генерал
        // general): President, Prime Minister, Minister, Senator, Doctor, Professor, Mister, Colonel, General.
        "president", "presidente", "praesident", "prasident", "prezident", "prezydent", "presidentti",
        "premier", "premiere", "minister", "ministre", "ministro", "ministr", "senator", "senador", "senatore",
        "doctor", "doktor", "docteur", "dottore", "doutor", "profesor", "professor", "professeur",
        "senor", "senora", "senhor", "senhora", "signor", "signora", "monsieur", "madame", "gospodin", "gospozha",
        "polkovnik", "coronel", "colonnello", "oberst", "generaal", "generale", "generalleutnant", "marshal",
        "marechal", "mariscal", "admiral", "almirante", "ayatollah", "ayatullah", "hojatoleslam", "imam",
    };

    /// <summary>
    /// Articles and lineage words (Arabic al, el, bin, ibn, bint; the Dutch and German van, von, der), dropped
    /// when they stand before another part: lists write them, attach them or leave them out at will.
    /// </summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "binti", "ben", "bn",
        "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le",
    };

    private static readonly string[] AbdForms = ["abdul", "abdel", "abdal", "abdol", "abdur", "abdar", "abdu", "abd"];

    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna", "owitsch", "ewitsch", "ovitch", "evitch", "ovitj", "ovic", "evic"];

    public static List<NamePart> Split(string name)
    {
        var parts = new List<NamePart>(4);
        var words = name.Split([' ', '\t', '-', '–', '<', ',', '.', '/', '(', ')', '"', ';', ':', '_', '\u00A0', '\u2010', '\u2011'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var script = Script.Latin;
            foreach (var c in word)
            {
                if (char.IsLetter(c) && Transliteration.ScriptOf(c) is var s && s != Script.Latin)
                {
                    script = s;
                    break;
                }
            }

            var normalised = Normalise(word);
            if (normalised.Length == 0)
            {
                continue;
            }

            if (script == Script.Arabic && normalised.Length > 4 && normalised.StartsWith("al", StringComparison.Ordinal))
            {
                // The article is written attached in Arabic script: الرحمن is al-Rahman.
                normalised = normalised[2..];
            }

            foreach (var piece in SplitAbd(normalised))
            {
                parts.Add(new NamePart(word, piece, script, piece.Length == 1, IsPatronymic(piece)));
            }
        }

        // Drop honorifics anywhere, particles before another part; keep something if that would leave nothing.
        // Allah written apart is joined to the part before it: Nasr Allah is Nasrallah.
        var kept = new List<NamePart>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var normalised = parts[i].Normalised;
            if (normalised is "allah" or "ullah" or "illah" && kept.Count > 0 && !kept[^1].IsInitial)
            {
                var previous = kept[^1];
                kept[^1] = previous with { Text = $"{previous.Text} {parts[i].Text}", Normalised = previous.Normalised + "allah" };
                continue;
            }

            if (Honorifics.Contains(normalised) || (Particles.Contains(normalised) && i < parts.Count - 1 && !(normalised == "ben" && i == 0)))
            {
                continue;
            }

            kept.Add(parts[i]);
        }

        return kept.Count > 0 ? kept : parts;
    }

    /// <summary>Lower-case a–z from any word: transliterated, decomposed, diacritics and punctuation dropped.</summary>
    public static string Normalise(string word)
    {
        var latin = new StringBuilder(word.Length + 4);
        var lower = word.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (Transliteration.ScriptOf(c) == Script.Greek)
            {
                // Greek accents and diaereses carry no letter of their own: ό is ο.
                c = c.ToString().Normalize(NormalizationForm.FormD)[0];
            }

            if (c < 128)
            {
                latin.Append(c);
                continue;
            }

            var previous = i > 0 ? lower[i - 1] : '\0';
            var next = i + 1 < lower.Length ? lower[i + 1] : '\0';
            if (Transliteration.Append(latin, previous, c, next))
            {
                continue;
            }

            latin.Append(c switch
            {
                // ISO 9 (GOST 7.79 system A) letters that stand for a Cyrillic digraph, read as ICAO would
                // write it: ŝ is Щ, û Ю, â Я, and the háček letters (also Czech, Slovak, Croatian, Lithuanian).
                'š' => "sh", 'č' => "ch", 'ž' => "zh", 'ŝ' => "shch", 'û' => "iu", 'â' => "ia", 'ĉ' => "ch",
                'ş' => "sh", 'ţ' or 'ț' => "ts", 'ș' => "sh",
                // Letters that Unicode does not decompose, and Polish Ż (Ж).
                'ż' => "zh", 'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'ø' => "o", 'ł' => "l", 'đ' => "d", 'ð' => "d", 'þ' => "th",
                'ı' => "i", 'ħ' => "h",
                _ => c.ToString(),
            });
        }

        var decomposed = latin.ToString().Normalize(NormalizationForm.FormKD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                letters.Append(char.ToLowerInvariant(c));
            }

            // Everything else (combining marks, apostrophes for the soft sign, digits) is dropped.
        }

        return letters.ToString();
    }

    /// <summary>Abdul Rahman, Abd al-Rahman, Abdelrahman and Abdurrahman become the same two parts: abd rahman.</summary>
    private static IEnumerable<string> SplitAbd(string part)
    {
        if (!part.StartsWith("abd", StringComparison.Ordinal))
        {
            return [part];
        }

        // Abdullah, Abdallah, Abdulla: one name (servant of God), kept whole in one spelling.
        // So is a spelling one letter away from two of them (Abdullh, Abdulllah): the rest would be too short a name.
        if (part is "abdullah" or "abdallah" or "abdulla" or "abdalla" or "abdollah" or "abdella" or "abdellah"
            || (part.Length is >= 7 and <= 9 && EditDistance.Bounded(part, "abdullah", 1) <= 1 && EditDistance.Bounded(part, "abdallah", 2) <= 2))
        {
            return ["abdallah"];
        }

        foreach (var form in AbdForms)
        {
            if (part.StartsWith(form, StringComparison.Ordinal))
            {
                var rest = part[form.Length..];
                if (rest.Length == 0)
                {
                    return ["abd"];
                }

                // Abdurrahman and Abdarrahman: the article assimilated to the next consonant ends the form.
                if (rest.Length >= 3)
                {
                    return ["abd", rest];
                }
            }
        }

        return [part];
    }

    private static bool IsPatronymic(string part) =>
        part.Length >= 7 && PatronymicEndings.Any(e => part.EndsWith(e, StringComparison.Ordinal));
}
