using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Vartio.Hosting;

/// <summary>Who may use an endpoint or a page.</summary>
public sealed record Access
{
    private Access(string description, IReadOnlyList<string> roles, bool signedIn, bool atStation, bool stationInRequest = false)
    {
        Description = description;
        Roles = roles;
        RequiresSignIn = signedIn;
        AtStation = atStation;
        StationInRequest = stationInRequest;
    }

    /// <summary>Anyone, signed in or not.</summary>
    public static Access Anyone { get; } = new("anyone", [], signedIn: false, atStation: false);

    /// <summary>Any signed-in person or token, whatever the role.</summary>
    public static Access AnyoneSignedIn { get; } = new("anyone signed in", [], signedIn: true, atStation: false);

    /// <summary>The roles of a policy (<see cref="Policies"/>).</summary>
    public static Access Policy(string policy) => new(policy, Policies.RolesOf[policy], signedIn: true, atStation: false);

    /// <summary>
    /// The roles of a policy, and an Officer or StationHead only at a crossing point they are assigned to:
    /// the route's <c>{code}</c>.
    /// </summary>
    public static Access PolicyAtStation(string policy) => new(policy + " at their crossing point", Policies.RolesOf[policy], signedIn: true, atStation: true);

    /// <summary>
    /// The roles of a policy, and an Officer or StationHead only at a crossing point they are assigned to, which
    /// the request's body or the stored record names: the endpoint applies <see cref="StationScope"/> and answers
    /// 403; authorization checks the roles.
    /// </summary>
    public static Access PolicyAtStationInBody(string policy) => new(policy + " at their crossing point (named in the request or the record)", Policies.RolesOf[policy], signedIn: true, atStation: false, stationInRequest: true);

    /// <summary>No one: what an endpoint missing from the table gets, so a forgotten line fails closed.</summary>
    public static Access NoOne { get; } = new("no one (not in the access table)", [], signedIn: true, atStation: false);

    public string Description { get; }

    public IReadOnlyList<string> Roles { get; }

    public bool RequiresSignIn { get; }

    public bool AtStation { get; }

    /// <summary>The station rule applies to a crossing point the request's body or its record names (<see cref="StationScope"/>).</summary>
    public bool StationInRequest { get; }

    /// <summary>Whether these roles and crossing points may act at <paramref name="code"/>, the station rule applied.</summary>
    public bool AllowsAtStation(IReadOnlyCollection<string>? roles, IReadOnlyCollection<string> crossingPoints, string code) =>
        new Access(Description, Roles, RequiresSignIn, atStation: true).Allows(roles, crossingPoints, code);

    /// <summary>Whether a person or token with these roles and crossing points may use it at <paramref name="code"/>.</summary>
    public bool Allows(IReadOnlyCollection<string>? roles, IReadOnlyCollection<string> crossingPoints, string? code)
    {
        if (!RequiresSignIn)
        {
            return true;
        }

        if (roles is null || ReferenceEquals(this, NoOne))
        {
            return false;
        }

        if (Roles.Count == 0)
        {
            return true;
        }

        var held = roles.Where(r => Roles.Contains(r, StringComparer.Ordinal)).ToList();
        if (held.Count == 0)
        {
            return false;
        }

        // The station rule binds the roles that work at a crossing point; a nationwide role allowed here is not bound.
        if (!AtStation || held.Any(r => !Hosting.Roles.AtCrossingPoints(r)))
        {
            return true;
        }

        return code is not null && crossingPoints.Contains(code, StringComparer.OrdinalIgnoreCase);
    }

    internal AuthorizationPolicy? ToPolicy()
    {
        if (!RequiresSignIn)
        {
            return null;
        }

        var builder = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        builder.AddRequirements(new AccessRequirement(this));
        return builder.Build();
    }
}

/// <summary>The requirement that carries an <see cref="Access"/> into ASP.NET Core authorization.</summary>
public sealed record AccessRequirement(Access Access) : IAuthorizationRequirement;

/// <summary>Checks roles and, for station endpoints, the crossing point in the route against the user's.</summary>
public sealed class AccessHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        var user = context.User;
        var roles = user.FindAll(user.Identities.FirstOrDefault()?.RoleClaimType ?? ClaimTypes.Role).Select(c => c.Value).ToList();
        var points = user.FindAll(VartioClaims.CrossingPoint).Select(c => c.Value).ToList();
        var code = context.Resource is HttpContext http ? http.GetRouteValue("code") as string : null;
        if (requirement.Access.Allows(roles, points, code))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class VartioClaims
{
    /// <summary>A crossing point an Officer or StationHead (or their token) acts at; one claim each.</summary>
    public const string CrossingPoint = "vartio:crossing-point";

    /// <summary>Set on principals that come from an API token, with the token's id.</summary>
    public const string TokenId = "vartio:token";
}

/// <summary>
/// Applies <see cref="AccessTable"/> to endpoints as they are built. An endpoint that is not in the table is
/// refused to everyone, and a test fails on it.
/// </summary>
public static class AccessConventions
{
    public static TBuilder WithAccessTable<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Apply);
        return builder;
    }

    private static void Apply(EndpointBuilder endpoint)
    {
        var access = AccessTable.Find(AccessTable.KeyOf((endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? endpoint.DisplayName, [.. endpoint.Metadata])) ?? Access.NoOne;
        if (access.ToPolicy() is { } policy)
        {
            endpoint.Metadata.Add(policy);
        }
        else
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }
    }

}
