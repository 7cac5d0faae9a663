using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Vartio.Domain.Problems;

namespace Vartio.Hosting;

/// <summary>
/// Requests that cannot be read at all (malformed JSON, a missing body, a body over the endpoint's size
/// limit) are answered with problem details that say what is wrong and where, like every other refusal,
/// instead of an empty 400. Endpoint binding is made to throw its <see cref="BadHttpRequestException"/> so
/// that this handler sees the cause.
/// </summary>
public static class RequestProblems
{
    public static IServiceCollection AddRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = context =>
        {
            Describe(context);
            Languages.Translate(context.ProblemDetails, context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PageText>>());
        });
        return services;
    }

    /// <summary>Says what a bare 401 or 413 means.</summary>
    private static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        if (context.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
        {
            context.ProblemDetails.Detail = Challenges.Explanation;
        }
        else if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
        {
            // Binding answers a body over the limit with a bare 413; say what the limit is.
            var limit = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            context.ProblemDetails.Detail = TooLarge(limit);
        }
    }

    /// <summary>The problem a request that could not be read has, or null when the exception is not about the request.</summary>
    public static ProblemHttpResult? Describe(Exception exception)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return null;
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResponses.Invalid([new Problem("body", TooLarge(null))], "The request is too large", StatusCodes.Status413PayloadTooLarge);
        }

        if (bad.InnerException is JsonException json)
        {
            // JSON's own message ends with the path and position, which are given as fields here instead.
            var message = json.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var line = json.LineNumber is { } l ? (int)Math.Min(l + 1, int.MaxValue) : (int?)null;
            var position = json.BytePositionInLine is { } p ? (int)Math.Min(p + 1, int.MaxValue) : (int?)null;
            return ProblemResponses.Invalid([new Problem(json.Path ?? "body", $"The body is not the JSON expected: {message}", line, position)], "The request body could not be read", bad.StatusCode);
        }

        return ProblemResponses.Invalid([new Problem("request", bad.Message)], "The request could not be read", bad.StatusCode);
    }

    private static string TooLarge(long? limit) => limit is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than this endpoint accepts ({bytes} bytes).")
        : "The request body is larger than this endpoint accepts.";

    private sealed class BadRequestHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (Describe(exception) is not { } problem || httpContext.Response.HasStarted)
            {
                return false;
            }

            httpContext.Response.StatusCode = problem.StatusCode;
            await problem.ExecuteAsync(httpContext);
            return true;
        }
    }
}

/// <summary>How a caller without credentials is told to authenticate.</summary>
public static class Challenges
{
    /// <summary>RFC 9110 §11.6.1: a 401 carries at least one challenge. API tokens are bearer tokens (RFC 6750).</summary>
    public const string Header = "Bearer realm=\"Vartio\"";

    public const string Explanation = "Send an API token as 'Authorization: Bearer TOKEN', or sign in at /login and send the session cookie.";
}
