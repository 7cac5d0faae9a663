using Microsoft.Net.Http.Headers;

namespace Vartio.Hosting;

public static class NotFoundPages
{
    /// <summary>The page a browser gets for an address that has nothing (the API keeps its problem details).</summary>
    public const string Path = "/not-found";

    /// <summary>
    /// A person who follows a wrong link gets a page in the site's layout, with the 404 status; a program that asks
    /// for JSON, and any address under the API, get the RFC 9457 problem details as before.
    /// </summary>
    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app) => app.UseWhen(
        WantsAPage,
        branch => branch.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true));

    private static bool WantsAPage(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
