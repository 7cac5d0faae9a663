using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Writes one delivery per active subscription that wants the event (<see cref="WebhookEventFilter"/>) in the caller's unit of work, so an event is recorded
/// exactly when its cause is (the decision is published, or the change is processed) and then sent by
/// <see cref="WebhookDispatcher"/>, however often that has to retry.
/// </summary>
public sealed class WebhookOutbox(IClock clock)
{
    public async Task EnqueueAsync(VartioDbContext db, WebhookEvent e, CancellationToken cancellationToken)
    {
        var payload = WebhookEvents.Serialize(e);
        var now = clock.GetCurrentInstant();
        var subscriptions = await db.WebhookSubscriptions.Where(s => s.Active).Select(s => new { s.Id, s.Events }).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions.Where(s => WebhookEventFilter.Accepts(s.Events, e.Type)).Select(s => s.Id))
        {
            db.WebhookDeliveries.Add(new WebhookDeliveryRow
            {
                Id = Guid.CreateVersion7(),
                SubscriptionId = subscription,
                EventId = e.Id,
                EventType = e.Type,
                Payload = payload,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}

/// <summary>
/// Which events a subscription wants. Its filter is a list of event types (<c>decision.published</c>) or
/// prefixes ending in a dot (<c>alert.</c>), separated by commas. A subscription without a filter is sent the
/// events there were before alerts (decisions and status changes), as it always was.
/// </summary>
public static class WebhookEventFilter
{
    /// <summary>Event types and prefixes a filter may name.</summary>
    public static IReadOnlyList<string> Known { get; } = ["decision.", "decision.published", "status.", "status.changed", "alert.", "alert.opened", "alert.updated", "alert.closed"];

    public static bool Accepts(string? filter, string type)
    {
        if (filter is null)
        {
            return !type.StartsWith("alert.", StringComparison.Ordinal);
        }

        return filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(f => f.EndsWith('.') ? type.StartsWith(f, StringComparison.Ordinal) : type == f);
    }
}
