using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Sends due deliveries: POST of the JSON body signed as Standard Webhooks do (<see cref="WebhookSignature"/>);
/// a 2xx answer delivers, anything else is retried with exponential backoff. Every attempt is logged.
/// Delivery is at least once: receivers recognise a repeat by the <c>webhook-id</c> header.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IClock clock,
    SecretCipher cipher,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>Sends every delivery that is due now; returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
        var now = clock.GetCurrentInstant();
        var due = await db.WebhookDeliveries
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var delivery in due)
        {
            await AttemptAsync(db, delivery, subscriptions[delivery.SubscriptionId], cancellationToken);
        }

        return due.Count;
    }

    private async Task AttemptAsync(VartioDbContext db, WebhookDeliveryRow delivery, WebhookSubscriptionRow subscription, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        var secret = cipher.Unprotect(subscription.Secret);
        var attempt = new WebhookAttemptRow { DeliveryId = delivery.Id, Number = delivery.Attempts + 1, At = clock.GetCurrentInstant() };

        // The delivery's id is the same on every attempt (receivers drop repeats by it); the timestamp is
        // the attempt's, so a receiver can refuse one signed long ago.
        var id = delivery.Id.ToString();
        var timestamp = attempt.At.ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, body));
        request.Headers.Add("X-Vartio-Event", delivery.EventType);
        request.Headers.Add("X-Vartio-Delivery", id);
        if (WebhookSignature.IsLegacy(secret))
        {
            request.Headers.Add(WebhookSignature.LegacySignatureHeader, WebhookSignature.SignLegacy(secret, body));
        }

        var timer = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            attempt.StatusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                attempt.Error = $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.";
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            attempt.Error = IsRefusedAddress(ex) ? WebhookAddresses.Refused
                : ex is TaskCanceledException ? "No answer within the timeout."
                : ex.Message;
        }

        attempt.DurationMilliseconds = (int)timer.ElapsedMilliseconds;
        delivery.Attempts++;
        delivery.AttemptLog.Add(attempt);
        var now = clock.GetCurrentInstant();
        if (attempt.Error is null)
        {
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.GaveUpAt = now;
            delivery.NextAttemptAt = null;
            logger.LogWarning("Gave up delivering {EventId} to subscription {SubscriptionId} after {Attempts} attempts: {Error}", delivery.EventId, delivery.SubscriptionId, delivery.Attempts, attempt.Error);
        }
        else
        {
            delivery.NextAttemptAt = now + Backoff(delivery.Attempts, options.Value.RetryBaseSeconds);
            logger.LogInformation("Delivery of {EventId} to subscription {SubscriptionId} failed ({Error}); retry at {NextAttemptAt}", delivery.EventId, delivery.SubscriptionId, attempt.Error, delivery.NextAttemptAt);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool IsRefusedAddress(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Wait after the n-th failed attempt: base × 2^(n−1), at most six hours.</summary>
    public static Duration Backoff(int failedAttempts, double baseSeconds) =>
        Duration.FromSeconds(Math.Min(baseSeconds * Math.Pow(2, failedAttempts - 1), 6 * 3600));
}
