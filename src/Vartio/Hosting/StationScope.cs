using System.Security.Claims;

namespace Vartio.Hosting;

/// <summary>
/// The station rule for a crossing point named in a request's body or in a stored record rather than in the
/// route: an Officer or StationHead acts only at the crossing points they are assigned to, as
/// <see cref="Access.PolicyAtStation"/> says for routes with <c>{code}</c>.
/// </summary>
public static class StationScope
{
    private static readonly Access BorderCheckAtStation = Access.PolicyAtStationInBody(Policies.BorderCheck);

    public static bool Allows(ClaimsPrincipal user, string crossingPoint)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = user.FindAll(user.Identities.FirstOrDefault()?.RoleClaimType ?? ClaimTypes.Role).Select(c => c.Value).ToList();
        var points = user.FindAll(VartioClaims.CrossingPoint).Select(c => c.Value).ToList();
        return BorderCheckAtStation.AllowsAtStation(roles, points, crossingPoint);
    }
}
