namespace Vartio.Screening;

/// <summary>The columns of the OpenSanctions "simple" CSV that Vartio reads (the others are required in the header but unused).</summary>
public static class OpenSanctionsColumns
{
    public const string Id = "id";
    public const string Schema = "schema";
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string BirthDate = "birth_date";
    public const string Countries = "countries";
    public const string Sanctions = "sanctions";
    public const string Dataset = "dataset";

    public static IReadOnlyList<string> All { get; } =
        ["id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers", "sanctions", "phones", "emails", "dataset", "first_seen", "last_seen", "last_change"];
}
