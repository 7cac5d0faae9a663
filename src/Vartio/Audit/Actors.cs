using System.Security.Claims;
using Vartio.Hosting;

namespace Vartio.Audit;

/// <summary>How an actor is written in the audit log.</summary>
public static class Actors
{
    public const string System = "system";

    /// <summary><c>user:NAME</c> for a person, <c>token:NAME</c> for a machine client.</summary>
    public static string Of(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("An audited change needs a signed-in actor.");
        return user.HasClaim(c => c.Type == VartioClaims.TokenId) ? name : "user:" + name;
    }
}
