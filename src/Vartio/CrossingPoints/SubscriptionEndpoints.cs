using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <param name="Events">Event types or prefixes ending in a dot the receiver wants (<c>["alert."]</c>); absent for the
/// events sent before alerts existed (decision.published, status.changed), as receivers registered then are sent.</param>
public sealed record SubscriptionRequest(string? Url, string? Description, IReadOnlyList<string>? Events = null);

public sealed record SubscriptionResponse(Guid Id, string Url, string Description, Instant CreatedAt, bool Active, IReadOnlyList<string>? Events);

/// <summary>The secret is in this response only: it is what receivers use to check signatures.</summary>
public sealed record CreatedSubscriptionResponse(Guid Id, string Url, string Description, Instant CreatedAt, string Secret, string SignatureHeader, IReadOnlyList<string>? Events);

public sealed record DeliveryResponse(
    Guid Id,
    string EventId,
    string EventType,
    Instant CreatedAt,
    int Attempts,
    Instant? DeliveredAt,
    Instant? NextAttemptAt,
    Instant? GaveUpAt,
    IReadOnlyList<AttemptResponse> AttemptLog);

public sealed record AttemptResponse(int Number, Instant At, int? StatusCode, string? Error, int DurationMilliseconds);

/// <summary>
/// Webhook subscriptions, managed by an Admin on behalf of a known receiver (a neighbouring authority).
/// Registration is not public: a public form would let anyone make the server send requests to any
/// address. The public subscribes through the Atom feed.
/// </summary>
public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions");

        api.MapGet("/", async (VartioDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt)
                    .Select(s => new { s.Id, s.Url, s.Description, s.CreatedAt, s.Active, s.Events }).ToListAsync(ct))
                    .Select(s => new SubscriptionResponse(s.Id, s.Url, s.Description, s.CreatedAt, s.Active, SplitEvents(s.Events))).ToList()))
            .WithName("ListSubscriptions")
            .WithSummary("Every webhook subscription, oldest first (without secrets).");

        api.MapPost("/", async Task<Results<Created<CreatedSubscriptionResponse>, ProblemHttpResult>> (SubscriptionRequest request, ClaimsPrincipal user, VartioDbContext db, WebhookAddresses addresses, IClock clock, SecretCipher cipher, CancellationToken ct) =>
            {
                if (TextProblems(request) is { Count: > 0 } problems)
                {
                    return ProblemResponses.Invalid(problems, "The subscription cannot be stored");
                }

                if (EventProblems(request.Events) is { Count: > 0 } eventProblems)
                {
                    return ProblemResponses.Invalid(eventProblems, "The subscription cannot be stored");
                }

                if (!Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                {
                    return ProblemResponses.Invalid("url", "Give an absolute http or https URL.", "The receiver's URL cannot be used");
                }

                if (addresses.RefusalOf(url) is { } refusal)
                {
                    return ProblemResponses.Invalid("url", refusal, "The receiver's URL cannot be used");
                }

                var secret = WebhookSignature.NewSecret();
                var row = new WebhookSubscriptionRow
                {
                    Id = Guid.CreateVersion7(),
                    Url = url.ToString(),
                    Description = string.IsNullOrWhiteSpace(request.Description) ? url.Host : request.Description.Trim(),
                    Secret = cipher.Protect(secret),
                    CreatedAt = clock.GetCurrentInstant(),
                    Events = request.Events is { } events ? string.Join(',', events.Select(e => e.Trim()).Distinct(StringComparer.Ordinal)) : null,
                };
                await db.AuditedAsync(clock, async () =>
                {
                    db.WebhookSubscriptions.Add(row);
                    await db.SaveChangesAsync(ct);
                    return (row.Id, new AuditRecord(Actors.Of(user), "subscription.created", $"subscription:{row.Id}", $"webhook to {url.Host}"));
                }, ct);
                return TypedResults.Created($"/api/v1/subscriptions/{row.Id}",
                    new CreatedSubscriptionResponse(row.Id, row.Url, row.Description, row.CreatedAt, secret, WebhookSignature.SignatureHeader, SplitEvents(row.Events)));
            })
            .ProducesValidationProblem()
            .WithName("CreateSubscription")
            .WithSummary("Register a receiver. Events are POSTed as JSON, signed as Standard Webhooks are (webhook-id, webhook-timestamp, webhook-signature).");

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, VartioDbContext db, IClock clock, CancellationToken ct) =>
            {
                var row = await db.WebhookSubscriptions.FindAsync([id], ct);
                if (row is null)
                {
                    return TypedResults.NotFound();
                }

                // Kept, not deleted, so its delivery log stays readable.
                if (row.Active)
                {
                    await db.AuditedAsync(clock, async () =>
                    {
                        row.Active = false;
                        await db.SaveChangesAsync(ct);
                        return (id, new AuditRecord(Actors.Of(user), "subscription.deactivated", $"subscription:{id}", "deactivated"));
                    }, ct);
                }

                return TypedResults.NoContent();
            })
            .WithName("DeactivateSubscription")
            .WithSummary("Stop sending events to a receiver; its delivery log is kept.");

        api.MapGet("/{id:guid}/deliveries", async Task<Results<Ok<List<DeliveryResponse>>, NotFound>> (Guid id, VartioDbContext db, CancellationToken ct) =>
            {
                if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct))
                {
                    return TypedResults.NotFound();
                }

                var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog)
                    .Where(d => d.SubscriptionId == id).ToListAsync(ct);
                return TypedResults.Ok(deliveries.OrderByDescending(d => d.CreatedAt).Select(d => new DeliveryResponse(
                    d.Id, d.EventId, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.NextAttemptAt, d.GaveUpAt,
                    [.. d.AttemptLog.OrderBy(a => a.Number).Select(a => new AttemptResponse(a.Number, a.At, a.StatusCode, a.Error, a.DurationMilliseconds))])).ToList());
            })
            .WithName("ListDeliveries")
            .WithSummary("The delivery log of one subscription: every event and every attempt.");

        return app;
    }

    public const int MaxUrlLength = 2_000;

    public const int MaxDescriptionLength = 200;

    private static IReadOnlyList<string>? SplitEvents(string? events) => events?.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Event filters that name no event type or prefix Vartio sends.</summary>
    private static List<Problem> EventProblems(IReadOnlyList<string>? events)
    {
        var problems = new List<Problem>();
        if (events is null)
        {
            return problems;
        }

        if (events.Count == 0)
        {
            problems.Add(new Problem("events", "Name at least one event type or prefix, or leave events out."));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEventFilter.Known.Contains(events[i]?.Trim() ?? "", StringComparer.Ordinal))
            {
                problems.Add(new Problem($"events[{i}]", $"Give one of {string.Join(", ", WebhookEventFilter.Known)}."));
            }
        }

        return problems;
    }

    /// <summary>Text the subscription would store that is too long or has characters that may not be stored.</summary>
    private static List<Problem> TextProblems(SubscriptionRequest request)
    {
        var problems = new List<Problem>();
        foreach (var (field, text, max) in new[] { ("url", request.Url, MaxUrlLength), ("description", request.Description, MaxDescriptionLength) })
        {
            if (text is { Length: var length } && length > max)
            {
                problems.Add(new Problem(field, $"At most {max} characters; this has {length}."));
            }
            else if (StoredText.Fault(text) is { } fault)
            {
                problems.Add(new Problem(field, fault));
            }
        }

        return problems;
    }
}
