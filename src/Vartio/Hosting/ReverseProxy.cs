using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Vartio.Hosting;

/// <summary>
/// Running behind a reverse proxy that ends TLS. From the proxies an operator names (and from them only),
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: the request is HTTPS when the proxy
/// says so (the sign-in cookie is <c>Secure</c>, HSTS is sent) and comes from the client's address (the
/// sign-in rate limit counts per client, not per proxy). With no proxy configured, these headers are
/// ignored, whoever sends them. The host is never taken from a header: absolute links come from
/// <see cref="PublicAddress"/>.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesKey = "Proxy:KnownProxies";
    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = ConfiguredList.Read(configuration, KnownProxiesKey).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{value}' is not an IP address.")).ToList();
        var networks = ConfiguredList.Networks(configuration, KnownNetworksKey);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here only what the operator names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static void UseReverseProxy(this WebApplication app)
    {
        if (ConfiguredList.Read(app.Configuration, KnownProxiesKey).Count > 0 || ConfiguredList.Read(app.Configuration, KnownNetworksKey).Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
