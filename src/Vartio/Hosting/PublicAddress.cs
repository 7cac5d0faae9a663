namespace Vartio.Hosting;

/// <summary>
/// Where the public reaches this server, from <c>Vartio:PublicBaseUrl</c>: every absolute link (the Atom
/// feed's ids and links) is built from it, so it stays the same whatever <c>Host</c> a request carries
/// (RFC 4287, 4.2.6: an entry's id never changes), and the same-origin check of API writes compares with it.
/// Unset, the request's own scheme and host stand in, which suits a workstation, not a public server.
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "Vartio:PublicBaseUrl";

    private PublicAddress(Uri? configured) => Configured = configured;

    /// <summary>The configured base URL, ending with <c>/</c>; null when unset.</summary>
    public Uri? Configured { get; }

    public static PublicAddress From(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(null);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Key}: '{value}' is not a base URL; write it as https://border.example/ (a path is allowed, no query).");
        }

        return new(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"));
    }

    /// <summary>The base for absolute links in an answer to <paramref name="request"/>.</summary>
    public Uri BaseFor(HttpRequest request) =>
        Configured ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>The origin (RFC 6454) browsers send in <c>Origin</c> for pages of this server.</summary>
    public string OriginFor(HttpRequest request) => BaseFor(request).GetLeftPart(UriPartial.Authority);
}
