using System.Globalization;
using System.Text;

namespace Vartio.Domain.Screening;

/// <summary>A list entry that may be the traveller, with its score and why.</summary>
/// <param name="MatchedName">The entry's name or alias that matched best, as the list writes it.</param>
/// <param name="Score">In [0, 1]; 1 for an exact lost or stolen document.</param>
public sealed record ScreeningHit(WatchlistEntry Entry, string MatchedName, double Score, ScreeningExplanation Explanation)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Entry.List}/{Entry.Id} {MatchedName} {Score:0.00}: {Explanation}");
}

/// <summary>How one part of the traveller's name matched one part of the list's name.</summary>
public enum NamePartMatchKind
{
    /// <summary>The same letters once case, diacritics and punctuation are set aside.</summary>
    Exact,

    /// <summary>Different spellings that reduce to the same key: two romanisations, or a name and its original script.</summary>
    TransliterationKey,

    /// <summary>Keys a few edits apart (<see cref="NamePartMatch.Distance"/>): a typo or a misread letter.</summary>
    EditDistance,

    /// <summary>An initial on one side, the name it can stand for on the other.</summary>
    Initial,

    /// <summary>The same given name or patronymic in another language's form: Russian Vladimir, Ukrainian Volodymyr, Belarusian Uladzimir.</summary>
    NameForm,
}

/// <summary>What a birth date or a nationality did to the score.</summary>
public enum ScoreEffect
{
    /// <summary>Unknown on one side, so nothing to compare.</summary>
    None,
    Raised,
    Lowered,
}

/// <param name="QueryPart">The part of the traveller's name, as given.</param>
/// <param name="ListPart">The part of the list's name, as the list writes it.</param>
/// <param name="Distance">Edits between the two parts' keys; 0 unless <see cref="How"/> is <see cref="NamePartMatchKind.EditDistance"/>.</param>
/// <param name="Score">The part similarity in [0, 1] that went into the name score.</param>
/// <param name="Difference">
/// What differs, in words: <c>letter h dropped</c>, <c>letters r and a swapped</c>, <c>ё written yo</c>,
/// <c>Ukrainian form of the given name</c>, <c>Latvian or Lithuanian ending -as</c>; null for the same letters.
/// </param>
public sealed record NamePartMatch(string QueryPart, string ListPart, NamePartMatchKind How, int Distance, double Score, string? Difference = null)
{
    public override string ToString()
    {
        var text = How switch
        {
            NamePartMatchKind.Exact => $"{QueryPart} = {ListPart}",
            NamePartMatchKind.TransliterationKey => $"{QueryPart} ~ {ListPart} (transliteration",
            NamePartMatchKind.EditDistance => string.Create(CultureInfo.InvariantCulture, $"{QueryPart} ~ {ListPart} (edit distance {Distance}"),
            NamePartMatchKind.NameForm => $"{QueryPart} ~ {ListPart} (name form",
            _ => $"{QueryPart} ~ {ListPart} (initial",
        };
        return How == NamePartMatchKind.Exact ? text : Difference is null ? text + ")" : $"{text}: {Difference})";
    }
}

/// <summary>What a birth date or a nationality did, and by how much.</summary>
/// <param name="Delta">Added to the name score: positive when raised, negative when lowered, 0 for none.</param>
/// <param name="Detail">A short phrase: <c>same date 1975-03-02</c>, <c>birth year 6 years apart (1975, list 1981)</c>, <c>unknown on the list</c>.</param>
public sealed record ScoreFactor(ScoreEffect Effect, double Delta, string Detail)
{
    public static ScoreFactor Unknown(string detail) => new(ScoreEffect.None, 0, detail);

    public override string ToString() => Effect switch
    {
        ScoreEffect.Raised => string.Create(CultureInfo.InvariantCulture, $"raised {Delta:+0.00}, {Detail}"),
        ScoreEffect.Lowered => string.Create(CultureInfo.InvariantCulture, $"lowered {Delta:+0.00;-0.00}, {Detail}"),
        _ => $"none, {Detail}",
    };
}

/// <summary>Why an entry scored what it did: the name parts paired, those left over, and the other facts.</summary>
/// <param name="Parts">Query part to list part, in the order of the traveller's name.</param>
/// <param name="UnmatchedQueryParts">Parts of the traveller's name that matched nothing on the list's name.</param>
/// <param name="UnmatchedListParts">Parts of the list's name that matched nothing (a dropped given name, a patronymic).</param>
/// <param name="NameScore">The score from the names alone, before birth date and nationality.</param>
/// <param name="Document">The lost or stolen document that matched exactly; null for a name hit.</param>
public sealed record ScreeningExplanation(
    IReadOnlyList<NamePartMatch> Parts,
    IReadOnlyList<string> UnmatchedQueryParts,
    IReadOnlyList<string> UnmatchedListParts,
    double NameScore,
    ScoreFactor BirthDate,
    ScoreFactor Nationality,
    WatchlistDocument? Document = null)
{
    /// <summary>One line for a terminal or a log.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Document is { } document)
        {
            text.Append(CultureInfo.InvariantCulture, $"document {document} reported lost or stolen; ");
        }

        text.Append(CultureInfo.InvariantCulture, $"name {NameScore:0.00}");
        if (Parts.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", Parts).Append(')');
        }

        if (UnmatchedQueryParts.Count > 0)
        {
            text.Append("; not on the list: ").AppendJoin(" ", UnmatchedQueryParts);
        }

        if (UnmatchedListParts.Count > 0)
        {
            text.Append("; not given: ").AppendJoin(" ", UnmatchedListParts);
        }

        text.Append(CultureInfo.InvariantCulture, $"; birth date {BirthDate}; nationality {Nationality}");
        return text.ToString();
    }
}
