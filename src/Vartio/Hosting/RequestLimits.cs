using Microsoft.AspNetCore.Http.Metadata;

namespace Vartio.Hosting;

/// <summary>
/// How large a request body each endpoint accepts. Every endpoint of the API takes the default, which is
/// far above what any JSON request needs (a decision with the most effects allowed is a few hundred
/// kilobytes) and far below what would let one request hold the server's memory; an endpoint that takes
/// files sets its own (the watchlist import, <c>Screening:MaxImportBytes</c>). The limit is applied by the
/// server as the body is read, so a larger body is answered with 413 before it is read in full.
/// </summary>
public static class RequestLimits
{
    /// <summary>The default when <c>RequestLimits:MaxBodyBytes</c> is not configured: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Gives every endpoint of the group the configured default limit, unless it declares its own.</summary>
    public static TBuilder WithDefaultBodyLimit<TBuilder>(this TBuilder builder, IConfiguration configuration) where TBuilder : IEndpointConventionBuilder
    {
        var limit = configuration.GetValue("RequestLimits:MaxBodyBytes", DefaultMaxBodyBytes);
        builder.Add(endpoint =>
        {
            // Endpoint metadata is read last to first, so an endpoint's own limit, added after this, wins.
            endpoint.Metadata.Insert(0, new BodySizeLimit(limit));
        });
        return builder;
    }

    /// <summary>A limit on the request body, read by routing (<see cref="IRequestSizeLimitMetadata"/>).</summary>
    public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
