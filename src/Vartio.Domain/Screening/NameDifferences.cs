namespace Vartio.Domain.Screening;

/// <summary>
/// Puts into words what differs between two paired name parts, for a hit's explanation: a letter dropped,
/// doubled, swapped or replaced; Ё written yo; a Latvian or Lithuanian ending; another language's form of a
/// given name. Only hits are described, so this may take its time.
/// </summary>
internal static class NameDifferences
{
    public static string? Describe(PartInfo query, PartInfo list, NamePartMatchKind how)
    {
        var (a, b) = (query.Normalised, list.Normalised);
        return how switch
        {
            NamePartMatchKind.Exact => null,
            NamePartMatchKind.Initial => null,
            NamePartMatchKind.NameForm => NameForm(a, query.Keys, b, list.Keys),
            NamePartMatchKind.TransliterationKey => Spelling(query, list),
            _ => OneEdit(a, b) ?? $"{Letters(EditsBetween(a, b))} apart",
        };
    }

    private static string NameForm(string a, string[] aKeys, string b, string[] bKeys)
    {
        var patronymic = NameForms.Find(aKeys) is null;
        var first = patronymic ? NameForms.PatronymicOf(a) : NameForms.Find(aKeys);
        var second = patronymic ? NameForms.PatronymicOf(b) : NameForms.Find(bKeys);
        var what = patronymic ? "patronymic" : "given name";
        if (first is { } x && second is { } y && x.Language != y.Language)
        {
            return $"{x.Language} and {y.Language} forms of one {what}";
        }

        return first is { } only ? $"{only.Language} form of the {what}, spelled another way" : $"another form of the {what}";
    }

    private static string Spelling(PartInfo query, PartInfo list)
    {
        var (a, b) = (query.Normalised, list.Normalised);
        if (a == b)
        {
            return query.Script == Script.Latin ? $"{list.Script} written in Latin letters" : $"Latin letters for {query.Script}";
        }

        if ((Ending(a, b) ?? Ending(b, a)) is { } ending)
        {
            return $"Latvian or Lithuanian ending -{ending}";
        }

        if ((Yo(a) ?? Yo(b)) is { } yo)
        {
            return $"ё written {yo}";
        }

        if (Undoubled(a) == Undoubled(b) && OneEdit(a, b) is { } doubled)
        {
            return doubled;
        }

        if (query.Script == Script.Arabic || list.Script == Script.Arabic)
        {
            return "the same consonants in Arabic and Latin script";
        }

        return "another romanisation";
    }

    /// <summary>The ending of <paramref name="longer"/> that <see cref="NameKeys.BalticStem"/> takes off, when what is left spells <paramref name="shorter"/>'s name.</summary>
    private static string? Ending(string longer, string shorter)
    {
        if (NameKeys.BalticStem(longer) is not { } stem)
        {
            return null;
        }

        var stemKeys = NameKeys.SpellingKeys(stem, Script.Latin);
        return NameKeys.SpellingKeys(shorter, Script.Latin).Any(stemKeys.Contains) ? longer[stem.Length..] : null;
    }

    private static string? Yo(string part)
    {
        for (var i = 1; i < part.Length - 1; i++)
        {
            if (part[i] is 'y' or 'j' or 'i' && part[i + 1] == 'o' && NameKeys.HasYo(part))
            {
                return part.Substring(i, 2);
            }
        }

        return NameKeys.HasYo(part) ? "o" : null;
    }

    private static string Undoubled(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (result.Length == 0 || result[^1] != c)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>One letter dropped, added, doubled, replaced, or two neighbours swapped, from <paramref name="list"/> to <paramref name="query"/>; null when more differs.</summary>
    public static string? OneEdit(string query, string list)
    {
        if (query.Length == list.Length)
        {
            var first = -1;
            var count = 0;
            for (var i = 0; i < query.Length; i++)
            {
                if (query[i] != list[i])
                {
                    first = first < 0 ? i : first;
                    count++;
                }
            }

            if (count == 1)
            {
                return $"letter {list[first]} replaced by {query[first]}";
            }

            return count == 2 && first + 1 < query.Length && query[first] == list[first + 1] && query[first + 1] == list[first]
                ? $"letters {list[first]} and {list[first + 1]} swapped"
                : null;
        }

        if (Math.Abs(query.Length - list.Length) != 1)
        {
            return null;
        }

        var (longer, shorter) = query.Length > list.Length ? (query, list) : (list, query);
        var at = 0;
        while (at < shorter.Length && longer[at] == shorter[at])
        {
            at++;
        }

        if (!longer.AsSpan(at + 1).SequenceEqual(shorter.AsSpan(at)))
        {
            return null;
        }

        var letter = longer[at];
        var doubled = (at > 0 && longer[at - 1] == letter) || (at + 1 < longer.Length && longer[at + 1] == letter);
        return (query.Length > list.Length, doubled) switch
        {
            (true, true) => $"letter {letter} doubled",
            (true, false) => $"letter {letter} added",
            (false, true) => $"double {letter} written single",
            _ => $"letter {letter} dropped",
        };
    }

    private static int EditsBetween(string a, string b) => EditDistance.Bounded(a, b, 8);

    private static string Letters(int edits) => edits == 1 ? "1 letter" : $"{edits} letters";
}
