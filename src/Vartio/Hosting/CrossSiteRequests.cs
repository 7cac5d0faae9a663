using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Vartio.Hosting;

/// <summary>
/// The media types an endpoint takes as its body instead of JSON, for <see cref="CrossSiteRequests"/>
/// (the watchlist import takes <c>text/csv</c>).
/// </summary>
public sealed record RequestBodyMediaTypes(params string[] MediaTypes);

/// <summary>
/// Cross-site request forgery: a browser sends the sign-in cookie with a request another site makes it
/// send. SameSite=Strict stops that in current browsers; this does not rely on it. A write to the API
/// (any method but GET, HEAD, OPTIONS, TRACE under <c>/api</c>) authenticated by the cookie must
///   1. carry JSON (or the endpoint's declared <see cref="RequestBodyMediaTypes"/>), which a cross-site
///      form cannot send and cross-site script cannot send without a CORS permission Vartio never gives, and
///   2. show it comes from Vartio's own pages: an <c>Origin</c> equal to the public address, or
///      <c>Sec-Fetch-Site: same-origin</c> or <c>none</c>, or a valid anti-forgery token in the
///      <c>RequestVerificationToken</c> header.
/// A request that fails the second is refused with 403 problem details; one from Vartio's own origin that
/// fails the first gets 415. Requests with a bearer token carry no ambient credential and are not affected.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsCookieWrite(context))
        {
            await next(context);
            return;
        }

        if (await CrossSiteRefusalAsync(context) is { } detail)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused", detail: detail).ExecuteAsync(context);
            return;
        }

        // From Vartio's own origin, but not a body the API reads: the endpoints' own answer for that.
        if (!IsAcceptedBody(context.Request, context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyMediaTypes>()))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as JSON",
                detail: "A signed-in write to the API sends its body as application/json (or the type the endpoint names).").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static bool IsCookieWrite(HttpContext context)
    {
        var method = context.Request.Method;
        return !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true
            && !context.User.HasClaim(c => c.Type == VartioClaims.TokenId);
    }

    private static async Task<string?> CrossSiteRefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var ownOrigin = context.RequestServices.GetRequiredService<PublicAddress>().OriginFor(request);
        var sameOrigin = origin.Length > 0 ? string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase) : (bool?)null;
        var sameSite = fetchSite.Length > 0 ? fetchSite is "same-origin" or "none" : (bool?)null;
        if (sameOrigin == false || sameSite == false)
        {
            return "The request comes from another site.";
        }

        if (sameOrigin == true || sameSite == true || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return null;
        }

        return "A signed-in write to the API must show where it comes from: an Origin header, or an anti-forgery token in the RequestVerificationToken header. Programs should use an API token instead.";
    }

    /// <summary>No body at all, or one whose Content-Type is JSON or one the endpoint declares.</summary>
    private static bool IsAcceptedBody(HttpRequest request, RequestBodyMediaTypes? declared)
    {
        if (request.ContentType is null)
        {
            return request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return false;
        }

        var mediaType = type.MediaType.ToString();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            || (declared?.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ?? false);
    }
}
