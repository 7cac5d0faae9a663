using NodaTime;
using Vartio.Data.Entities;
using Vartio.Domain.Surveillance;

namespace Vartio.Surveillance;

/// <summary>
/// A surge alert as the API, the CLI, the webhooks and the pages show it: where, when it opened, updated and
/// closed, the evidence sentence and its figures (the day it shows, that day's arrivals, the baseline in arrivals
/// a day, and the p-value, an upper bound; docs/SURGE.md).
/// </summary>
/// <param name="Scope"><c>crossing-point</c>, <c>section</c> or <c>national</c>.</param>
/// <param name="CrossingPoint">The crossing point's code for a crossing-point alert; otherwise null.</param>
/// <param name="Section">The border section of the alert (a section alert's own, a crossing point's section); null for the whole border.</param>
public sealed record AlertResponse(
    Guid Id,
    string Scope,
    string? CrossingPoint,
    string? Section,
    Instant OpenedAt,
    Instant UpdatedAt,
    Instant? ClosedAt,
    string Evidence,
    LocalDate Day,
    int Count,
    double Baseline,
    double P)
{
    public static AlertResponse From(AlertRow row) => new(
        row.Id,
        row.Scope,
        row.CrossingPointCode,
        row.Section,
        row.OpenedAt,
        row.UpdatedAt,
        row.ClosedAt,
        row.Evidence,
        row.Day,
        row.Count,
        row.Baseline,
        row.P);
}

/// <summary>What happened to an alert: <c>opened</c>, <c>updated</c> or <c>closed</c>.</summary>
public sealed record AlertChange(string Kind, AlertResponse Alert)
{
    public const string Opened = "opened";
    public const string Updated = "updated";
    public const string Closed = "closed";

    /// <summary>The webhook event type: <c>alert.opened</c>, <c>alert.updated</c>, <c>alert.closed</c>.</summary>
    public string EventType => "alert." + Kind;
}

/// <summary>
/// Alert changes as they are committed, in this process: a page subscribes to <see cref="Changed"/> to show
/// them at once. Raised after the change is stored; a handler that fails does not stop the others.
/// </summary>
public sealed class SurgeAlerts(ILogger<SurgeAlerts> logger)
{
    public event EventHandler<AlertChange>? Changed;

    internal void Raise(AlertChange change)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<EventHandler<AlertChange>>() ?? [])
        {
            try
            {
                handler(this, change);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "A subscriber to alert changes failed.");
            }
        }
    }
}

internal static class AlertScopes
{
    public static AlertScope Of(AlertRow row) => SurgePlace.Parse(row.Scope) ?? AlertScope.National;
}
