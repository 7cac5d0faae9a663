namespace Vartio.Domain.Surveillance;

/// <summary>Where a surge is looked for.</summary>
public enum AlertScope
{
    CrossingPoint,
    Section,
    National,
}

/// <summary>
/// One place whose arrivals are tested: a crossing point, a border section, or the whole border.
/// <see cref="Key"/> tells places of one scope apart (the crossing point's code, the section's name, empty
/// for the whole border); at most one alert is open per scope and key.
/// </summary>
public sealed record SurgePlace(AlertScope Scope, string Key, string Name)
{
    public static SurgePlace National { get; } = new(AlertScope.National, "", "the whole border");

    public static SurgePlace CrossingPoint(string code, string name) => new(AlertScope.CrossingPoint, code, name);

    public static SurgePlace Section(string name) => new(AlertScope.Section, name, name);

    /// <summary>The scope as the API and the CLI write it: <c>crossing-point</c>, <c>section</c>, <c>national</c>.</summary>
    public string ScopeName => NameOf(Scope);

    /// <summary>"at Vartius", "in South-East Finland", "on the whole border".</summary>
    public string Where => Scope switch
    {
        AlertScope.CrossingPoint => "at " + Name,
        AlertScope.Section => "in " + Name,
        _ => "on " + Name,
    };

    public static string NameOf(AlertScope scope) => scope switch
    {
        AlertScope.CrossingPoint => "crossing-point",
        AlertScope.Section => "section",
        _ => "national",
    };

    public static AlertScope? Parse(string? name) => name switch
    {
        "crossing-point" => AlertScope.CrossingPoint,
        "section" => AlertScope.Section,
        "national" => AlertScope.National,
        _ => null,
    };
}
