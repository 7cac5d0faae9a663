namespace Vartio.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response: no framing, no MIME sniffing, no referrer leaks, and a content security
    /// policy that allows only Vartio's own scripts and styles (Blazor's interactive pages need inline
    /// styles and their WebSocket back to the same origin).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Content-Security-Policy"] =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
