using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification (standardwebhooks.com, "Signature scheme") makes them:
/// HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>webhook-signature: v1,{base64}</c>.
/// The id and the timestamp are signed with the body, so a captured delivery cannot be replayed under a
/// new id or at a later time by a receiver that checks them.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The body-only signature of subscriptions made before the Standard Webhooks scheme.</summary>
    public const string LegacySignatureHeader = "X-Vartio-Signature";

    /// <summary>Standard Webhooks secrets are this prefix and the base64 of the key's bytes.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes (the HMAC-SHA256 block's worth of key), as <c>whsec_</c> + base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Whether the secret dates from before the Standard Webhooks scheme: 64 hex digits whose key is the
    /// UTF-8 bytes of the hex text itself (the same key as <c>whsec_</c> + base64 of that text).
    /// </summary>
    public static bool IsLegacy(string secret) => !secret.StartsWith(SecretPrefix, StringComparison.Ordinal);

    /// <summary>The HMAC key a secret stands for.</summary>
    public static byte[] KeyOf(string secret) =>
        IsLegacy(secret) ? Encoding.UTF8.GetBytes(secret) : Convert.FromBase64String(secret[SecretPrefix.Length..]);

    /// <summary>The <c>webhook-signature</c> value for one delivery attempt.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>
    /// The <c>X-Vartio-Signature</c> value still sent to subscriptions with a legacy secret, so their
    /// receivers keep working: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body alone.
    /// </summary>
    public static string SignLegacy(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(KeyOf(secret), body));
}
