namespace Vartio.Domain.Screening;

/// <summary>A normalised name part with its keys, shared by every name that has it.</summary>
/// <param name="KeyIds">The keys' ids in the index; -1 for a query key the index has never seen.</param>
internal sealed record PartInfo(string Normalised, Script Script, bool IsInitial, bool IsMinor, string[] Keys, int[] KeyIds)
{
    /// <summary>The <see cref="EditDistance.Letters"/> of the part as written.</summary>
    public ulong Letters { get; } = EditDistance.Letters(Normalised);

    /// <summary>The <see cref="EditDistance.Letters"/> of all its keys together.</summary>
    public ulong KeyLetters { get; } = Keys.Aggregate(0UL, (letters, key) => letters | EditDistance.Letters(key));

    /// <summary>How much an unmatched part of this kind counts against a match.</summary>
    public double MissingWeight => IsInitial ? 0.5 : IsMinor ? 0.3 : 1.0;
}

/// <summary>How similar one query part is to one list part: a score of 0 means they do not pair.</summary>
internal readonly record struct PartComparison(double Score, NamePartMatchKind How, int Distance);

/// <summary>One query part paired with one list part.</summary>
internal readonly record struct PartPair(int Query, int List, double Score, NamePartMatchKind How, int Distance);

/// <summary>
/// Scores two names part by part. Parts pair greedily, best similarity first, in any order; each part pairs
/// at most once. The name score is the weighted mean similarity of the pairs, lowered for parts left over:
/// strongly when both names have parts left over (two different given names: probably two people), mildly
/// when only one has (a dropped middle name or patronymic).
/// </summary>
internal static class NameComparison
{
    /// <summary>Names of more parts than this are not compared (they score 0): the pairing is tracked in 32-bit masks, and no person has so many.</summary>
    public const int MaxParts = 16;

    public const double ExactScore = 1.0;
    public const double KeyScore = 0.95;
    public const double SkeletonScore = 0.9;
    public const double InitialScore = 0.75;
    public const double OneEditScore = 0.85;
    public const double TwoEditsScore = 0.72;

    /// <summary>The same given name or patronymic in another language's form (Vladimir, Volodymyr, Uladzimir).</summary>
    public const double NameFormScore = 0.92;

    /// <summary>
    /// One letter replaced in a part of three letters (Hol, Hoi): a part too short for an edit elsewhere. Low, so
    /// that it makes a hit beside two agreeing parts (Kim Sung Hol) or one part and an agreeing birth date, not
    /// beside one part alone (Guo Xin is not Guo Min).
    /// </summary>
    public const double ShortPartScore = 0.7;

    /// <summary>Names whose letters are the same once joined, with one space moved (Yusufa Li, Yusuf Ali).</summary>
    public const double SlidScore = 0.92;

    /// <summary>Ivanov and Ivanova, Kowalski and Kowalska: the same family, not the same person.</summary>
    public const double GenderFormScore = 0.45;

    /// <summary>Each part unexplained on both sides multiplies the score by this.</summary>
    public const double ConflictFactor = 0.6;

    /// <summary>Each part present on one side only multiplies the score by this.</summary>
    public const double MissingFactor = 0.95;

    /// <summary>Only one part in common between names of several parts: a surname shared by many.</summary>
    public const double SinglePartFactor = 0.8;

    public static PartComparison ComparePart(PartInfo query, PartInfo list)
    {
        if (query.IsInitial || list.IsInitial)
        {
            // An initial stands for a given name; for a patronymic only when the letter is the same.
            var (a, b) = (query.Normalised[0], list.Normalised[0]);
            var same = query.IsMinor || list.IsMinor ? a == b : SameInitial(a, b);
            return new(same ? InitialScore : 0, NamePartMatchKind.Initial, 0);
        }

        if (SurelyApart(query, list))
        {
            return new(0, NamePartMatchKind.EditDistance, 0);
        }

        if (string.Equals(query.Normalised, list.Normalised, StringComparison.Ordinal))
        {
            return new(ExactScore, query.Script == list.Script ? NamePartMatchKind.Exact : NamePartMatchKind.TransliterationKey, 0);
        }

        if (SharedKey(query, list) is { } key)
        {
            return key[0] == '!'
                ? new(NameFormScore, NamePartMatchKind.NameForm, 0)
                : new(NameKeys.IsSkeleton(key) ? SkeletonScore : KeyScore, NamePartMatchKind.TransliterationKey, 0);
        }

        var best = int.MaxValue;
        foreach (var q in query.Keys)
        {
            if (NameKeys.IsSkeleton(q))
            {
                continue;
            }

            var queryLetters = EditDistance.Letters(q);
            foreach (var l in list.Keys)
            {
                if (NameKeys.IsSkeleton(l))
                {
                    continue;
                }

                var allowed = EditDistance.Allowed(Math.Min(q.Length, l.Length));
                if (allowed == 0 || !EditDistance.MayBeWithin(queryLetters, EditDistance.Letters(l), allowed))
                {
                    continue;
                }

                var distance = EditDistance.Bounded(q, l, allowed);
                if (distance <= allowed && distance < best)
                {
                    best = distance;
                }
            }
        }

        // A typo in the letters themselves, when the keys of a short name moved further apart (Smith, Smilh).
        var letters = EditDistance.Allowed(Math.Min(query.Normalised.Length, list.Normalised.Length));
        if (letters > 0 && EditDistance.MayBeWithin(EditDistance.Letters(query.Normalised), EditDistance.Letters(list.Normalised), letters)
            && EditDistance.Bounded(query.Normalised, list.Normalised, letters) is var distanceInLetters && distanceInLetters <= letters)
        {
            best = Math.Min(best, distanceInLetters);
        }

        if (best == int.MaxValue)
        {
            return OneReplacedInShort(query.Normalised, list.Normalised)
                ? new(ShortPartScore, NamePartMatchKind.EditDistance, 1)
                : new(0, NamePartMatchKind.EditDistance, 0);
        }

        if (IsGenderForm(query.Keys[0], list.Keys[0]))
        {
            return new(GenderFormScore, NamePartMatchKind.EditDistance, best);
        }

        return new(best == 1 ? OneEditScore : TwoEditsScore, NamePartMatchKind.EditDistance, best);
    }

    /// <summary>
    /// True when no key of the query part and no key of the list part could be equal or within their allowed
    /// edits, nor the parts as written: decided from the letters they use, without reading the list part's
    /// keys. Going from one text to another, each edit brings in at most one letter the first did not have, so
    /// a query key with more letters missing from every list key than it may have edits is too far from all of
    /// them (and shares none of them when any is missing).
    /// </summary>
    private static bool SurelyApart(PartInfo query, PartInfo list)
    {
        if (ulong.PopCount(query.Letters & ~list.Letters) <= (ulong)EditDistance.Allowed(query.Normalised.Length)
            || (query.Normalised.Length == ShortPart && list.Normalised.Length == ShortPart))
        {
            return false;
        }

        foreach (var key in query.Keys)
        {
            var allowed = NameKeys.IsSkeleton(key) ? 0 : EditDistance.Allowed(key.Length);
            if (ulong.PopCount(EditDistance.Letters(key) & ~list.KeyLetters) <= (ulong)allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of a part too short for an edit (<see cref="EditDistance.Allowed"/>) in which one replaced letter is still a match.</summary>
    public const int ShortPart = 3;

    /// <summary>Two parts of three letters that differ in one place (Hol and Hoi; Kim and Kin).</summary>
    public static bool OneReplacedInShort(string a, string b)
    {
        if (a.Length != ShortPart || b.Length != ShortPart)
        {
            return false;
        }

        var differ = 0;
        for (var i = 0; i < ShortPart; i++)
        {
            differ += a[i] == b[i] ? 0 : 1;
        }

        return differ == 1;
    }

    /// <summary>
    /// Whether the names' letters are the same once their parts are joined, in the query's order and the list's
    /// order from any part on (given name first or surname first), while the parts themselves differ: one space
    /// in another place (Yusufa Li for Yusuf Ali). Initials and one-part names are left out.
    /// </summary>
    public static bool Slid(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list)
    {
        if (query.Length < 2 || list.Length < 2)
        {
            return false;
        }

        var length = 0;
        foreach (var part in query)
        {
            length += part.Normalised.Length;
        }

        var listLength = 0;
        foreach (var part in list)
        {
            listLength += part.Normalised.Length;
        }

        if (length != listLength)
        {
            return false;
        }

        for (var start = 0; start < list.Length; start++)
        {
            if (SameJoined(query, list, start))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameJoined(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list, int start)
    {
        var (q, qi, l, li) = (0, 0, 0, 0);
        var sameSplit = query.Length == list.Length;
        while (q < query.Length)
        {
            var a = query[q].Normalised;
            var b = list[(start + l) % list.Length].Normalised;
            if (a[qi] != b[li])
            {
                return false;
            }

            qi++;
            li++;
            var endA = qi == a.Length;
            var endB = li == b.Length;
            if (endA != endB)
            {
                sameSplit = false;
            }

            if (endA)
            {
                (q, qi) = (q + 1, 0);
            }

            if (endB)
            {
                (l, li) = (l + 1, 0);
            }
        }

        return !sameSplit;
    }

    /// <summary>
    /// Whether two names match in full: every part paired by its letters, a transliteration or another
    /// language's form of it (no edits), and no part left over but a patronymic or an initial. Only a full
    /// match keeps a hit whose birth year is years off (<see cref="Facts.BirthDateDelta"/>).
    /// </summary>
    public static bool IsFull(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list, List<PartPair> pairs)
    {
        if (pairs.Count == 0)
        {
            return false;
        }

        var (usedQuery, usedList) = (0u, 0u);
        foreach (var pair in pairs)
        {
            if (pair.How is NamePartMatchKind.EditDistance)
            {
                return false;
            }

            usedQuery |= 1u << pair.Query;
            usedList |= 1u << pair.List;
        }

        return OnlyMinorLeft(query, usedQuery) && OnlyMinorLeft(list, usedList);
    }

    /// <summary>
    /// False when two names surely do not match in full (<see cref="IsFull"/>): some part that must pair has no
    /// part on the other side it pairs with but by edits. Read from the parts' comparisons, before pairing them.
    /// </summary>
    public static bool MayBeFull(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list, ReadOnlySpan<PartComparison> compared)
    {
        var pairable = 0u;
        for (var l = 0; l < list.Length; l++)
        {
            var found = false;
            for (var q = 0; q < query.Length; q++)
            {
                var (score, how, _) = compared[(l * query.Length) + q];
                if (score > 0 && how != NamePartMatchKind.EditDistance)
                {
                    found = true;
                    pairable |= 1u << q;
                }
            }

            if (!found && !list[l].IsMinor && !list[l].IsInitial)
            {
                return false;
            }
        }

        return OnlyMinorLeft(query, pairable);
    }

    private static bool OnlyMinorLeft(ReadOnlySpan<PartInfo> parts, uint used)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if ((used & (1u << i)) == 0 && !parts[i].IsMinor && !parts[i].IsInitial)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name score in [0, 1] and the pairs it came from.</summary>
    public static double Score(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list, List<PartPair> pairs)
    {
        if (query.Length == 0 || list.Length == 0 || query.Length > MaxParts || list.Length > MaxParts)
        {
            pairs.Clear();
            return 0;
        }

        Span<PartComparison> compared = stackalloc PartComparison[query.Length * list.Length];
        for (var l = 0; l < list.Length; l++)
        {
            for (var q = 0; q < query.Length; q++)
            {
                compared[(l * query.Length) + q] = ComparePart(query[q], list[l]);
            }
        }

        return Score(query, list, compared, pairs);
    }

    /// <summary>The name score from the parts' comparisons already made.</summary>
    /// <param name="compared">
    /// <see cref="ComparePart"/> of each query part with each list part, list part by list part: lets a caller
    /// scoring many names reuse the comparisons of the parts they share.
    /// </param>
    public static double Score(ReadOnlySpan<PartInfo> query, ReadOnlySpan<PartInfo> list, ReadOnlySpan<PartComparison> compared, List<PartPair> pairs)
    {
        pairs.Clear();
        if (query.Length == 0 || list.Length == 0 || query.Length > MaxParts || list.Length > MaxParts)
        {
            return 0;
        }

        Span<PartPair> candidates = stackalloc PartPair[query.Length * list.Length];
        var count = 0;
        for (var l = 0; l < list.Length; l++)
        {
            for (var q = 0; q < query.Length; q++)
            {
                var (score, how, distance) = compared[(l * query.Length) + q];
                if (score > 0)
                {
                    candidates[count++] = new PartPair(q, l, score, how, distance);
                }
            }
        }

        if (count == 0)
        {
            return 0;
        }

        var usedQuery = 0u;
        var usedList = 0u;
        var chosen = candidates[..count];
        // Best first; on equal scores full parts before initials, then in the order of the names.
        chosen.Sort(static (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : (a.Query, a.List).CompareTo((b.Query, b.List)));
        foreach (var pair in chosen)
        {
            if ((usedQuery & (1u << pair.Query)) != 0 || (usedList & (1u << pair.List)) != 0)
            {
                continue;
            }

            usedQuery |= 1u << pair.Query;
            usedList |= 1u << pair.List;
            pairs.Add(pair);
        }

        var weighted = 0.0;
        var weights = 0.0;
        var full = 0;
        foreach (var pair in pairs)
        {
            var initial = query[pair.Query].IsInitial || list[pair.List].IsInitial;
            var weight = initial ? 0.5 : 1.0;
            weighted += pair.Score * weight;
            weights += weight;
            full += initial ? 0 : 1;
        }

        // Initials alone never make a match.
        if (full == 0)
        {
            return 0;
        }

        var leftInQuery = Missing(query, usedQuery);
        var leftInList = Missing(list, usedList);
        var conflict = Math.Min(leftInQuery, leftInList);
        var missing = Math.Abs(leftInQuery - leftInList);
        var result = weighted / weights * Math.Pow(ConflictFactor, conflict) * Math.Pow(MissingFactor, missing);
        if (pairs.Count == 1 && (query.Length > 1 || list.Length > 1))
        {
            result *= SinglePartFactor;
        }

        return result;
    }

    private static double Missing(ReadOnlySpan<PartInfo> parts, uint used)
    {
        var weight = 0.0;
        for (var i = 0; i < parts.Length; i++)
        {
            if ((used & (1u << i)) == 0)
            {
                weight += parts[i].MissingWeight;
            }
        }

        return weight;
    }

    private static string? SharedKey(PartInfo query, PartInfo list)
    {
        for (var q = 0; q < query.KeyIds.Length; q++)
        {
            var id = query.KeyIds[q];
            if (id < 0)
            {
                continue;
            }

            foreach (var l in list.KeyIds)
            {
                if (l == id)
                {
                    return query.Keys[q];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Keys that differ only in a final a after v, n or sk (Ivanov/Ivanova, Pushkin/Pushkina, -skii/-skaia), or
    /// in the Romance final o and a of names of five symbols or more (Alessandro/Alessandra, Francesco/Francesca).
    /// </summary>
    private static bool IsGenderForm(string a, string b)
    {
        if (a.Length == b.Length && a.Length >= 5 && a[^1] != b[^1] && a[^1] is 'a' or 'u' && b[^1] is 'a' or 'u'
            && a.AsSpan(0, a.Length - 1).SequenceEqual(b.AsSpan(0, b.Length - 1)))
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.Length == shorter.Length + 1 && longer[^1] == 'a' && longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return shorter[^1] is 'v' or 'n';
        }

        return a.Length == b.Length && a.Length > 3 && a.EndsWith("sk" + a[^1], StringComparison.Ordinal) && b.EndsWith("sk" + b[^1], StringComparison.Ordinal)
            && a[..^1] == b[..^1] && a[^1] != b[^1];
    }

    /// <summary>
    /// Initials that romanisations write differently: Е, Ю, Я and Й begin with Y, I, J or E (Yevgeniy, Evgenii,
    /// Jewgeni; Yuliya, Iuliia, Julija); Ж with Z, J or S (Zhanna, Jeanne, Schanna); Х with K, H or C (Khariton,
    /// Hariton, Chariton); В with V or W.
    /// </summary>
    private static bool SameInitial(char a, char b) =>
        a == b || Together("iyj", a, b) || Together("eyj", a, b) || Together("zjs", a, b) || Together("khcxq", a, b) || Together("vw", a, b);

    private static bool Together(string group, char a, char b) => group.Contains(a, StringComparison.Ordinal) && group.Contains(b, StringComparison.Ordinal);
}
