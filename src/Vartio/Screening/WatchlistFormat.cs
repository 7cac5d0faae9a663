namespace Vartio.Screening;

/// <summary>The file formats a watchlist is imported from (docs/WATCHLISTS.md).</summary>
public enum WatchlistFormat
{
    /// <summary>Vartio's own CSV: one row per entry, every field of <see cref="Domain.Screening.WatchlistEntry"/>.</summary>
    Vartio,

    /// <summary>The OpenSanctions "simple" CSV export; its Person rows become refusal-of-entry entries.</summary>
    OpenSanctions,
}

/// <summary>The formats' names, as the command line, the API and the import history write them.</summary>
public static class WatchlistFormats
{
    /// <summary>The names a format is given by, for a message.</summary>
    public const string Expected = "vartio or opensanctions";

    /// <summary>The format's name: <c>vartio</c>, <c>opensanctions</c>.</summary>
    public static string Name(this WatchlistFormat format) => format == WatchlistFormat.OpenSanctions ? "opensanctions" : "vartio";

    /// <summary>The format of a name, in any case and with spaces around it, or null.</summary>
    public static WatchlistFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "vartio" => WatchlistFormat.Vartio,
        "opensanctions" => WatchlistFormat.OpenSanctions,
        _ => null,
    };

    /// <summary>Why <paramref name="name"/> is not a format.</summary>
    public static string Problem(string? name) => $"'{name}' is not a format: expected {Expected}.";
}
