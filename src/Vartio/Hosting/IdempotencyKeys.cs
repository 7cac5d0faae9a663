using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Problems;

namespace Vartio.Hosting;

/// <summary>
/// Retried writes. A border post retries a request when its network flickers, and cannot tell whether the
/// first attempt was recorded. A write that may be retried is sent with an <c>Idempotency-Key</c> header
/// (a value the client makes up once per intended write); the first request with a key is carried out and
/// its response kept, and any later request with the same key from the same caller gets that response
/// back instead of being carried out again. A request with the same key and a different body is refused
/// with 422. Keys are kept <c>Idempotency:RetentionHours</c> (24).
/// </summary>
/// <remarks>
/// An endpoint opts in with <see cref="WithIdempotencyKey{TBuilder}"/> and makes its write through
/// <see cref="IdempotentWrites.RunAsync"/>. This middleware answers retries of a completed write before
/// the endpoint runs; two attempts that race are decided in the database, by the key of the table.
/// </remarks>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The header on a response given again from the stored one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>Marks an endpoint whose writes honour <see cref="Header"/>.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(IdempotentEndpoint.Instance);
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        });
        return builder;
    }

    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var hours = configuration.GetValue("Idempotency:RetentionHours", 24);
        if (hours < 1)
        {
            throw new InvalidOperationException("Idempotency:RetentionHours must be at least 1.");
        }

        services.AddSingleton(new IdempotencyOptions(Duration.FromHours(hours)));
        services.AddHostedService<IdempotencyKeySweeper>();
        return services;
    }

    /// <summary>
    /// For an endpoint marked <see cref="WithIdempotencyKey{TBuilder}"/> and a request with the header:
    /// checks the key, hashes the request, and answers a retry of a completed write with its stored response.
    /// Runs after authentication and authorisation, so the caller is known and a refused caller learns nothing.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null || !context.Request.Headers.ContainsKey(Header))
        {
            await next(context);
            return;
        }

        var values = context.Request.Headers[Header];
        var key = values.Count == 1 ? values[0] ?? "" : "";
        var fault = values.Count == 1 ? KeyFault(key) : "Send the header once.";
        if (fault is not null)
        {
            await ProblemResponses.Invalid(Header, fault, "Invalid Idempotency-Key").ExecuteAsync(context);
            return;
        }

        var caller = CallerOf(context);
        var hash = await RequestHashAsync(context, caller);
        var request = new IdempotentRequest(caller, key, hash);
        var services = context.RequestServices;
        var db = services.GetRequiredService<VartioDbContext>();
        var stored = await FindAsync(db, request, services.GetRequiredService<IClock>(), services.GetRequiredService<IdempotencyOptions>(), context.RequestAborted);
        if (stored is not null)
        {
            await Replay(stored, request).ExecuteAsync(context);
            return;
        }

        context.Features.Set(request);
        await next(context);
    });

    /// <summary>Why a key cannot be used, or null: 1 to 255 printable ASCII characters (RFC 9110 field value, kept simple).</summary>
    public static string? KeyFault(string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return $"Give a key of 1 to {MaxKeyLength} characters; this one has {key.Length}.";
        }

        var bad = key.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        return bad < 0 ? null : $"Use printable ASCII characters only; character {bad + 1} is not one.";
    }

    /// <summary>Keys are the caller's own: a person by user name, a machine client by its token.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? Actors.Of(context.User) : "anonymous";

    /// <summary>SHA-256 of the method, path and query, caller and body bytes, each length-prefixed so no two requests share a hash by running together.</summary>
    private static async Task<string> RequestHashAsync(HttpContext context, string caller)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Part(ReadOnlySpan<byte> bytes)
        {
            Span<byte> length = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Part(Encoding.UTF8.GetBytes(context.Request.Method.ToUpperInvariant()));
        Part(Encoding.UTF8.GetBytes(context.Request.Path.Value + context.Request.QueryString.Value));
        Part(Encoding.UTF8.GetBytes(caller));

        // The body is read here and read again by the endpoint. The server's body limit applies as it is read.
        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        Part(body.GetBuffer().AsSpan(0, (int)body.Length));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The stored response for the caller's key, or null when there is none within the retention period.</summary>
    internal static Task<IdempotencyKeyRow?> FindAsync(VartioDbContext db, IdempotentRequest request, IClock clock, IdempotencyOptions options, CancellationToken cancellationToken)
    {
        var since = clock.GetCurrentInstant() - options.Retention;
        return db.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Caller == request.Caller && k.Key == request.Key && k.CreatedAt >= since, cancellationToken);
    }

    /// <summary>The stored response again, or 422 when the key was used for another request.</summary>
    internal static IResult Replay(IdempotencyKeyRow stored, IdempotentRequest request)
    {
        if (!string.Equals(stored.RequestHash, request.Hash, StringComparison.Ordinal))
        {
            return ProblemResponses.Invalid(
                [new Problem(Header, "This key was used for another request (a different body, address or method). Use a new key for a new write; a retry sends the same body.")],
                "Idempotency-Key reused",
                StatusCodes.Status422UnprocessableEntity);
        }

        return new StoredResponse(stored.Status, stored.ContentType, stored.Body, Replayed: true);
    }

}

/// <summary>Marks an endpoint whose writes honour the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpoint
{
    public static readonly IdempotentEndpoint Instance = new();

    private IdempotentEndpoint()
    {
    }
}

/// <summary>Documents the <c>Idempotency-Key</c> header on the endpoints that honour it.</summary>
internal sealed class IdempotencyOpenApiTransformer : Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Required = false,
                Description = "A key made up once per intended write and sent again with every retry of it: the same key and body give the stored response and no second record; the same key with another request gives 422. Kept 24 hours (docs/API.md, \"Retried writes\").",
                Schema = new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = IdempotencyKeys.MaxKeyLength,
                    Pattern = "^[\\x20-\\x7E]+$",
                },
            });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Erases keys older than the retention period, at start and every hour after.</summary>
public sealed partial class IdempotencyKeySweeper(IServiceScopeFactory scopes, IClock clock, IdempotencyOptions options, ILogger<IdempotencyKeySweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the expired keys; returns how many.</summary>
    public static Task<int> SweepAsync(VartioDbContext db, IClock clock, IdempotencyOptions options, CancellationToken cancellationToken)
    {
        var expired = clock.GetCurrentInstant() - options.Retention;
        return db.IdempotencyKeys.Where(k => k.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(scopes, Interval, async (services, ct) =>
        {
            var swept = await SweepAsync(services.GetRequiredService<VartioDbContext>(), clock, options, ct);
            if (swept > 0)
            {
                Swept(log, swept);
            }
        }, e => SweepFailed(log, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} expired idempotency keys")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired idempotency keys could not be erased; trying again within the hour")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}

/// <summary>How long keys are kept.</summary>
public sealed record IdempotencyOptions(Duration Retention);

/// <summary>The key of the request being served, its caller and its hash; set on the request by <see cref="IdempotencyKeys.UseIdempotencyKeys"/>.</summary>
public sealed record IdempotentRequest(string Caller, string Key, string Hash);

/// <summary>A response as stored: written byte for byte the same each time.</summary>
public sealed record StoredResponse(int Status, string ContentType, string Body, bool Replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        httpContext.Response.ContentType = ContentType;
        if (Replayed)
        {
            httpContext.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        }

        await httpContext.Response.WriteAsync(Body, Encoding.UTF8, httpContext.RequestAborted);
    }
}
