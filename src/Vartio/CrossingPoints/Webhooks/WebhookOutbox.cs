using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Writes one delivery per active subscription in the caller's unit of work, so an event is recorded
/// exactly when its cause is (the decision is published, or the change is processed) and then sent by
/// <see cref="WebhookDispatcher"/>, however often that has to retry.
/// </summary>
public sealed class WebhookOutbox(IClock clock)
{
    public async Task EnqueueAsync(VartioDbContext db, WebhookEvent e, CancellationToken cancellationToken)
    {
        var payload = WebhookEvents.Serialize(e);
        var now = clock.GetCurrentInstant();
        var subscriptions = await db.WebhookSubscriptions.Where(s => s.Active).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
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
