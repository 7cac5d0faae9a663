namespace Vartio.Hosting;

public static class SecurityHeaders
{
    /// <summary>Where the request's script nonce is kept for the page that renders the import map.</summary>
    public const string NonceKey = "csp-nonce";

    /// <summary>The nonce that lets the page's own inline import map run under the policy; null outside a request.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>
    /// Headers on every response: no framing, no MIME sniffing, no referrer leaks, and a content security
    /// policy that allows only Vartio's own scripts and styles (Blazor's interactive pages need inline
    /// styles and their WebSocket back to the same origin). The one inline script, the import map that maps
    /// module names to their fingerprinted files, carries a fresh random nonce on each response.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Content-Security-Policy"] =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-" + nonce + "'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
