using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary>
/// Bearer tokens for machine clients. A token reads <c>vartio_ID_SECRET</c>: the id finds the row, the
/// secret (32 random bytes) is compared with the stored SHA-256 in constant time. A fast hash is right here:
/// the secret is random, not a password, so there is nothing to guess from its hash.
/// </summary>
public static class ApiTokens
{
    public const string Scheme = "ApiToken";

    private const string Prefix = "vartio_";

    public static (Guid Id, string Token, string SecretHash) New()
    {
        var id = Guid.NewGuid();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id:N}_{secret}", HashOf(secret));
    }

    public static bool TryParse(string token, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length < Prefix.Length + 34)
        {
            return false;
        }

        var idPart = token.AsSpan(Prefix.Length, 32);
        if (token[Prefix.Length + 32] != '_' || !Guid.TryParseExact(idPart, "N", out id))
        {
            return false;
        }

        secret = token[(Prefix.Length + 33)..];
        return secret.Length > 0;
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates <c>Authorization: Bearer vartio_…</c> against the stored tokens.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VartioDbContext db,
    IClock clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokens.TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret))
        {
            return AuthenticateResult.Fail("The bearer token is not a Vartio token.");
        }

        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, Context.RequestAborted);
        if (row is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.SecretHash), Encoding.ASCII.GetBytes(ApiTokens.HashOf(secret))))
        {
            return AuthenticateResult.Fail("Unknown token.");
        }

        var now = clock.GetCurrentInstant();
        if (row.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The token was revoked.");
        }

        if (row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The token has expired.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "token:" + row.Name),
            new(ClaimTypes.Role, row.Role),
            new(VartioClaims.TokenId, row.Id.ToString()),
        };
        claims.AddRange(row.CrossingPoints.Select(c => new Claim(VartioClaims.CrossingPoint, c)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiTokens.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokens.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
