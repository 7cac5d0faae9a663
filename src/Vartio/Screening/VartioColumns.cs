namespace Vartio.Screening;

/// <summary>The header of Vartio's own watchlist CSV (docs/WATCHLISTS.md).</summary>
public static class VartioColumns
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string BirthDate = "birth_date";
    public const string Nationalities = "nationalities";
    public const string Documents = "documents";
    public const string Reason = "reason";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";

    public static IReadOnlyList<string> All { get; } = [Id, Kind, Name, Aliases, BirthDate, Nationalities, Documents, Reason, ValidFrom, ValidUntil];
}
