using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>A receiver of events (a neighbouring authority's system), registered by an administrator.</summary>
public sealed class WebhookSubscriptionRow
{
    public Guid Id { get; set; }

    public required string Url { get; set; }

    public required string Description { get; set; }

    /// <summary>Key for the HMAC-SHA256 signature; shown once when the subscription is made.</summary>
    public required string Secret { get; set; }

    public Instant CreatedAt { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>
    /// Event types or prefixes the receiver wants, separated by commas (<c>alert.</c>, <c>decision.published</c>);
    /// null for the events sent before alerts existed (decisions and status changes), so receivers registered
    /// then are sent what they always were.
    /// </summary>
    public string? Events { get; set; }
}

/// <summary>One event to one subscriber: written in the same transaction as its cause, sent by the dispatcher.</summary>
public sealed class WebhookDeliveryRow
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>Stable id of the event; unique per subscription so a cause is never delivered twice.</summary>
    public required string EventId { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>When to try next; null once delivered or given up.</summary>
    public Instant? NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public Instant? DeliveredAt { get; set; }

    public Instant? GaveUpAt { get; set; }

    public List<WebhookAttemptRow> AttemptLog { get; set; } = [];
}

public sealed class WebhookAttemptRow
{
    public int Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public Instant At { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMilliseconds { get; set; }
}

/// <summary>How far a background job has processed time (for instance, scheduled status changes).</summary>
public sealed class JobCursorRow
{
    public required string Job { get; set; }

    public Instant ProcessedUpTo { get; set; }
}
