namespace Vartio.Hosting;

/// <summary>The roles of ARCHITECTURE.md. An Officer and a StationHead act only at their crossing points.</summary>
public static class Roles
{
    public const string Officer = nameof(Officer);
    public const string StationHead = nameof(StationHead);
    public const string Analyst = nameof(Analyst);
    public const string Decider = nameof(Decider);
    public const string AsylumCaseworker = nameof(AsylumCaseworker);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Officer, StationHead, Analyst, Decider, AsylumCaseworker, Admin];

    /// <summary>Whether the role works at assigned crossing points only (Officer, StationHead).</summary>
    public static bool AtCrossingPoints(string role) => role is Officer or StationHead;

    /// <summary>The role as it is spelled in Vartio, whatever the case it was typed in; null if there is none.</summary>
    public static string? Normalise(string role) => All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies, each a set of roles. Endpoints and pages name one of these.</summary>
public static class Policies
{
    /// <summary>Officers and station heads: the first-line check at the border.</summary>
    public const string BorderCheck = nameof(BorderCheck);

    /// <summary>
    /// Screening travellers against the watchlists: the border check's roles, and the administrators who keep the
    /// lists and try a name on them after an import. Not Analysts: a screening shows personal data.
    /// </summary>
    public const string Screening = nameof(Screening);

    /// <summary>Drafting and publishing decisions on crossing points.</summary>
    public const string Decider = nameof(Decider);

    /// <summary>Accounts, tokens, subscriptions, reference data.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>
    /// Reading asylum applications and irregular arrivals: officers and station heads (at their crossing points),
    /// the asylum authority's caseworkers, and Analysts (figures without names).
    /// </summary>
    public const string AsylumRead = nameof(AsylumRead);

    /// <summary>Moving an application towards the asylum authority: officers at its crossing point, and caseworkers.</summary>
    public const string AsylumHandling = nameof(AsylumHandling);

    /// <summary>The asylum authority's caseworkers: their inbox of applications handed over.</summary>
    public const string AsylumCaseworker = nameof(AsylumCaseworker);

    /// <summary>Statistics and situational awareness: headquarters' analysts, heads of station, and the government that decides.</summary>
    public const string Statistics = nameof(Statistics);

    /// <summary>Being told of surge alerts as they open: headquarters' analysts and heads of station.</summary>
    public const string AlertSubscriber = nameof(AlertSubscriber);

    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = nameof(Staff);

    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [BorderCheck] = [Roles.Officer, Roles.StationHead],
        [Screening] = [Roles.Officer, Roles.StationHead, Roles.Admin],
        [Decider] = [Roles.Decider],
        [Admin] = [Roles.Admin],
        [AsylumRead] = [Roles.Officer, Roles.StationHead, Roles.AsylumCaseworker, Roles.Analyst],
        [AsylumHandling] = [Roles.Officer, Roles.StationHead, Roles.AsylumCaseworker],
        [AsylumCaseworker] = [Roles.AsylumCaseworker],
        [Statistics] = [Roles.Analyst, Roles.StationHead, Roles.Decider],
        [AlertSubscriber] = [Roles.Analyst, Roles.StationHead],
        [Staff] = [.. Roles.All],
    };
}
