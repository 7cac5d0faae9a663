using Microsoft.AspNetCore.Http.Features;

namespace Vartio.Hosting;

/// <summary>What HTTP asks of every resource, applied once instead of per endpoint.</summary>
public static class HttpProtocol
{
    /// <summary>
    /// Answers HEAD wherever GET is answered, with the same status and headers and no body (RFC 9110 §9.3.2),
    /// and gives every 401 a <c>WWW-Authenticate</c> challenge (§11.6.1), whichever scheme refused it. Routing
    /// begins here, after HEAD is seen as GET, so endpoints mapped for GET match it.
    /// </summary>
    public static WebApplication UseHttpProtocol(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.Headers.ContainsKey("WWW-Authenticate"))
                {
                    http.Response.Headers.WWWAuthenticate = Challenges.Header;
                }

                return Task.CompletedTask;
            });

            if (!HttpMethods.IsHead(http.Request.Method))
            {
                await next(http);
                return;
            }

            var body = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            http.Request.Method = HttpMethods.Get;
            http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next(http);
            }
            finally
            {
                http.Features.Set(body);
                http.Request.Method = HttpMethods.Head;
            }
        });
        app.UseRouting();
        return app;
    }
}
