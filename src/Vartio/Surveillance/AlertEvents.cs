using System.Globalization;
using NodaTime;
using Vartio.CrossingPoints.Webhooks;

namespace Vartio.Surveillance;

/// <summary>
/// Webhook events of alerts, with stable ids: <c>alert.opened/{id}</c>, <c>alert.updated/{id}/{revision}</c>,
/// <c>alert.closed/{id}</c>. The data is the alert as <c>GET /api/v1/alerts</c> shows it.
/// </summary>
public static class AlertEvents
{
    public const string Prefix = "alert.";

    public static WebhookEvent Of(AlertChange change, Instant at, int revision)
    {
        ArgumentNullException.ThrowIfNull(change);
        var id = change.Kind == AlertChange.Updated
            ? string.Create(CultureInfo.InvariantCulture, $"{change.EventType}/{change.Alert.Id}/{revision}")
            : $"{change.EventType}/{change.Alert.Id}";
        return new WebhookEvent(id, change.EventType, at, change.Alert);
    }
}
