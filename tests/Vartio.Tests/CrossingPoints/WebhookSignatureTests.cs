using System.Text;
using Vartio.CrossingPoints.Webhooks;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// The worked example of docs/OPERATIONS.md ("Verifying a delivery"). The expected values were computed
/// apart from this code, with OpenSSL:
/// <c>printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEYHEX -binary | base64</c>
/// (KEYHEX the bytes of the base64 after <c>whsec_</c>), and again with python3's <c>hmac</c> module.
/// </summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_dmFydGlvLWV4YW1wbGUta2V5LW5vdC1mb3ItdXNlISE=";
    private const string Id = "0193a5b2-7c3e-7d1a-9f00-3c5e2b1a4d6f";
    private const long Timestamp = 1700812800;
    private const string Body = """{"id":"decision.published/4","type":"decision.published","occurredAt":"2023-11-24T08:00:00Z"}""";

    /// <summary>A secret as subscriptions had before: 64 hex digits whose key is the hex text's own bytes.</summary>
    private const string LegacySecret = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    [Fact]
    public void Sign_WorkedExample_GivesTheDocumentedSignature() =>
        Assert.Equal("v1,KtUy534PczAG0NmAd4TlrLmBnJrBEGnyALgBJS7Cf/w=", WebhookSignature.Sign(Secret, Id, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void KeyOf_StandardSecret_IsTheBase64AfterThePrefix() =>
        Assert.Equal("vartio-example-key-not-for-use!!"u8.ToArray(), WebhookSignature.KeyOf(Secret));

    [Fact]
    public void Sign_LegacySecret_KeysWithTheHexTextItself()
    {
        // openssl: printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -hmac "$LEGACY" -binary | base64
        Assert.Equal("v1,1w5Vi3x8y6xjBYxRuK0e8XLajMWroS6IqYEMVwlz8nw=", WebhookSignature.Sign(LegacySecret, Id, Timestamp, Encoding.UTF8.GetBytes(Body)));

        // The same key written as a Standard Webhooks secret: whsec_ + base64 of the hex text.
        Assert.Equal(
            WebhookSignature.Sign(LegacySecret, Id, Timestamp, Encoding.UTF8.GetBytes(Body)),
            WebhookSignature.Sign("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(LegacySecret)), Id, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void SignLegacy_IsTheBodyOnlyHexSignatureOldReceiversCheck() =>
        // openssl: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$LEGACY"
        Assert.Equal("sha256=4d455827884563ea90a017da5ef1c0e41fb6cabb832f21fcac9ea4c709aa73d9", WebhookSignature.SignLegacy(LegacySecret, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void NewSecret_IsPrefixedBase64OfThirtyTwoBytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.False(WebhookSignature.IsLegacy(secret));
        Assert.Equal(32, WebhookSignature.KeyOf(secret).Length);
    }
}
