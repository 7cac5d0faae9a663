using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary>The claims of a signed-in user: Identity's, plus one per crossing point they act at.</summary>
public sealed class VartioClaimsFactory(UserManager<VartioUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<VartioUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(VartioUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(user.CrossingPoints.Select(code => new Claim(VartioClaims.CrossingPoint, code)));
        return identity;
    }
}

/// <summary>
/// Identity's sign-in, with one rule added: a disabled account cannot sign in, and a session of a disabled
/// account stops at its next request (the cookie is validated on every request; see <see cref="Accounts"/>).
/// </summary>
public sealed class VartioSignInManager(
    UserManager<VartioUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<VartioUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<VartioUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<VartioUser> confirmation) : SignInManager<VartioUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(VartioUser user) => !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<VartioUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Disabled: false } ? user : null;
    }
}

/// <summary>
/// Interactive pages keep a connection open; this checks the account behind it every half minute, so a
/// disabled user's open page stops acting for them too.
/// </summary>
public sealed class RevalidatingAccountState(ILoggerFactory logger, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.Identity?.IsAuthenticated != true || state.User.HasClaim(c => c.Type == VartioClaims.TokenId))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<VartioUser>>();
        return await signIn.ValidateSecurityStampAsync(state.User) is not null;
    }
}
