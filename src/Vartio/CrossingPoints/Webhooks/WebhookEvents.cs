using System.Globalization;
using System.Text.Json;
using NodaTime;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>An event for subscribers. <see cref="Id"/> is stable: the same cause always gives the same id.</summary>
public sealed record WebhookEvent(string Id, string Type, Instant OccurredAt, object Data);

/// <summary>The JSON body every subscriber receives.</summary>
public sealed record WebhookEnvelope(string Id, string Type, Instant OccurredAt, object Data);

public static class WebhookEvents
{
    public const string DecisionPublishedType = "decision.published";
    public const string StatusChangedType = "status.changed";

    public static WebhookEvent DecisionPublished(int decisionId, Instant publishedAt, DecisionResponse decision) =>
        new($"decision.published/{decisionId}", DecisionPublishedType, publishedAt, decision);

    public static WebhookEvent StatusChanged(StatusChange change, CrossingPoint point) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"status.changed/{change.CrossingPointCode}/{change.At.ToUnixTimeTicks()}"),
            StatusChangedType,
            change.At,
            new StatusChangedData(
                change.CrossingPointCode,
                point.Name,
                change.At,
                TimeInput.Iso(change.At, point.Zone),
                change.From.State,
                change.To.State,
                change.To.ReceivesAsylumApplications,
                change.To.DecisionId));

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        VartioHost.ConfigureJson(json);
        return json;
    }

    public static string Serialize(WebhookEvent e) =>
        JsonSerializer.Serialize(new WebhookEnvelope(e.Id, e.Type, e.OccurredAt, e.Data), Json);
}

public sealed record StatusChangedData(
    string CrossingPoint,
    string Name,
    Instant At,
    string AtLocal,
    CrossingPointState From,
    CrossingPointState To,
    bool ReceivesAsylumApplications,
    int? DecisionId);
