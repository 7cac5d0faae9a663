namespace Vartio.Domain.Screening;

/// <summary>
/// Why a person or a document is on a watchlist: the three questions every border check asks
/// (Regulation (EU) 2016/399, Art. 6(1)(d) and 8(3)).
/// </summary>
public enum WatchlistKind
{
    /// <summary>An alert for refusal of entry (SIS or a national register; refusal ground H).</summary>
    RefusalOfEntry,

    /// <summary>A person sought for arrest or for a check.</summary>
    WantedPerson,

    /// <summary>A travel document reported lost, stolen or revoked; it matches on issuing state and number.</summary>
    LostOrStolenDocument,
}

/// <summary>
/// How a <see cref="WatchlistKind"/> is written: its name in watchlist files, the API, the command line and the
/// pages (<c>refusal-of-entry</c>), and its stored form in the database (the member's name, <c>RefusalOfEntry</c>,
/// which entries already stored and their content hashes were written with).
/// </summary>
public static class WatchlistKinds
{
    private static readonly (WatchlistKind Kind, string Name, string Stored)[] Table =
    [
        (WatchlistKind.RefusalOfEntry, "refusal-of-entry", nameof(WatchlistKind.RefusalOfEntry)),
        (WatchlistKind.WantedPerson, "wanted-person", nameof(WatchlistKind.WantedPerson)),
        (WatchlistKind.LostOrStolenDocument, "lost-or-stolen-document", nameof(WatchlistKind.LostOrStolenDocument)),
    ];

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<WatchlistKind> All { get; } = [.. Table.Select(k => k.Kind)];

    /// <summary>The names a file or a request may give, for a message: "refusal-of-entry, wanted-person or lost-or-stolen-document".</summary>
    public static string Expected { get; } = string.Join(", ", Table[..^1].Select(k => k.Name)) + " or " + Table[^1].Name;

    /// <summary>The kind's name as files, the API and people write it: <c>refusal-of-entry</c>.</summary>
    public static string Name(this WatchlistKind kind) => Row(kind).Name;

    /// <summary>The kind's stored form: <c>RefusalOfEntry</c>.</summary>
    public static string Stored(this WatchlistKind kind) => Row(kind).Stored;

    /// <summary>The kind of a name as <see cref="Name"/> writes it (exactly: lower case, hyphens), or null.</summary>
    public static WatchlistKind? Parse(string? name)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.Ordinal))
            {
                return row.Kind;
            }
        }

        return null;
    }

    /// <summary>The kind of a stored form as <see cref="Stored"/> writes it; anything else is not a stored kind.</summary>
    public static WatchlistKind FromStored(string stored)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Stored, stored, StringComparison.Ordinal))
            {
                return row.Kind;
            }
        }

        throw new FormatException($"'{stored}' is not a stored watchlist kind.");
    }

    private static (WatchlistKind Kind, string Name, string Stored) Row(WatchlistKind kind) =>
        (uint)kind < (uint)Table.Length ? Table[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a watchlist kind.");
}
