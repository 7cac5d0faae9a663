using NodaTime;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>A crossing point as the API shows it.</summary>
public sealed record CrossingPointResponse(
    string Code,
    string Name,
    string NeighbourName,
    [property: ApiValues(ApiValueSet.CrossingPointKind)] string Kind,
    [property: ApiValues(ApiValueSet.Traffic)] IReadOnlyList<string> Traffic,
    string TimeZone,
    double Latitude,
    double Longitude,
    string? Note,
    IReadOnlyList<OpeningScheduleResponse> OpeningHours,
    string? Section)
{
    public static CrossingPointResponse From(CrossingPoint p) => new(
        p.Code,
        p.Name,
        p.NeighbourName,
        JsonNames.Camel(p.Kind.ToString()),
        p.Traffic.ToNames(),
        p.Zone.Id,
        p.Latitude,
        p.Longitude,
        p.Note,
        [.. p.Hours.Schedules.Select(s => new OpeningScheduleResponse(
            s.From,
            s.Until,
            [.. s.Rules.Select(r => new OpeningRuleResponse(
                [.. r.Days.Select(d => d.ToString())],
                r.Opens,
                r.Closes,
                JsonNames.Camel(r.Season.ToString())))],
            s.Note))],
        p.Section);
}

public sealed record OpeningScheduleResponse(LocalDate? From, LocalDate? Until, IReadOnlyList<OpeningRuleResponse> Rules, string? Note);

/// <summary>Opens equal to closes means around the clock.</summary>
public sealed record OpeningRuleResponse(IReadOnlyList<string> Days, LocalTime Opens, LocalTime Closes, string Season);

public sealed record CrossingPointDetailResponse(CrossingPointResponse CrossingPoint, CrossingPointStatusResponse Status);

/// <summary>The status of every crossing point at one instant.</summary>
public sealed record StatusResponse(Instant At, IReadOnlyList<CrossingPointStatusResponse> CrossingPoints)
{
    public static StatusResponse From(Instant at, IReadOnlyList<CrossingPointStatus> statuses) =>
        new(at, [.. statuses.Select(CrossingPointStatusResponse.From)]);
}

/// <param name="Status">open, closed or restricted (some traffic open, some not).</param>
/// <param name="DecisionId">The decision that governs the crossing point now; null in normal operation.</param>
/// <param name="Since">When it entered this status; null if it has been so throughout the record.</param>
/// <param name="Until">End of the governing decision's effect; null when until further notice or no decision governs.</param>
/// <param name="NextChange">The next scheduled change a traveller would notice; null if none is scheduled.</param>
/// <param name="WithinOpeningHours">Whether the instant is within normal opening hours; null when hours are not recorded.</param>
/// <param name="HoursToday">Normal hours on the local date of the instant, such as "10:00–14:00" or "24 h"; null when closed all day or not recorded.</param>
/// <param name="AsylumRestricted">Receipt of applications is stopped here under the 2024 Act on instrumentalised migration, except from its exempt categories (children, disabled people, others particularly vulnerable, anyone at real risk of serious harm).</param>
public sealed record CrossingPointStatusResponse(
    string Code,
    string Name,
    CrossingPointState Status,
    bool ReceivesAsylumApplications,
    int? DecisionId,
    Instant? Since,
    Instant? Until,
    NextChangeResponse? NextChange,
    bool? WithinOpeningHours,
    string? HoursToday,
    IReadOnlyList<TrafficStatusResponse> Traffic,
    bool AsylumRestricted)
{
    public static CrossingPointStatusResponse From(CrossingPointStatus s) => new(
        s.CrossingPoint.Code,
        s.CrossingPoint.Name,
        s.State,
        s.ReceivesAsylumApplications,
        s.DecisionId,
        s.Since,
        s.Until,
        s.NextChange is { } next ? new NextChangeResponse(next.At, next.To.State, next.To.ReceivesAsylumApplications, next.To.DecisionId) : null,
        s.WithinOpeningHours,
        s.HoursToday?.ToString(),
        [.. s.Condition.Traffic.Select(t => new TrafficStatusResponse(TrafficNames.NameOf(t.Traffic), t.State, t.DecisionId))],
        s.AsylumRestricted);
}

public sealed record NextChangeResponse(Instant At, CrossingPointState Status, bool ReceivesAsylumApplications, int? DecisionId);

public sealed record TrafficStatusResponse([property: ApiValues(ApiValueSet.Traffic)] string Traffic, CrossingPointState Status, int? DecisionId);

/// <summary>A decision as it is drafted: effects in the crossing point's local time.</summary>
public sealed record DecisionRequest(
    LocalDate? DecidedOn,
    string? Title,
    string? Text,
    IReadOnlyList<int>? Supersedes,
    IReadOnlyList<EffectRequest>? Effects);

/// <param name="Status">open, closed or restricted.</param>
/// <param name="Traffic">passengers, goods, railFreight, railPassengers, leisureBoats; omitted means all the crossing point serves.</param>
/// <param name="From">Local date and time at the crossing point, for example 2023-11-18T00:00.</param>
/// <param name="Until">Local date and time the effect ends (exclusive); null or omitted means until further notice.</param>
/// <param name="AsylumRestricted">Stop receiving applications for international protection here under the 2024 Act on instrumentalised migration (at most one month at a time; children, disabled and particularly vulnerable people and anyone at real risk of serious harm are still received).</param>
public sealed record EffectRequest(
    string? CrossingPoint,
    [property: ApiValues(ApiValueSet.CrossingPointState)] string? Status,
    [property: ApiValues(ApiValueSet.Traffic)] IReadOnlyList<string>? Traffic,
    string? From,
    string? Until,
    bool? ReceivesAsylumApplications,
    string? Note,
    bool? AsylumRestricted = null);

public sealed record DecisionResponse(
    int Id,
    LocalDate DecidedOn,
    string Title,
    string Text,
    [property: ApiValues(ApiValueSet.DecisionState)] string State,
    Instant? PublishedAt,
    IReadOnlyList<int> Supersedes,
    IReadOnlyList<EffectResponse> Effects);

/// <param name="FromLocal">The start in the crossing point's local time, with its offset.</param>
public sealed record EffectResponse(
    string CrossingPoint,
    CrossingPointState Status,
    [property: ApiValues(ApiValueSet.Traffic)] IReadOnlyList<string> Traffic,
    Instant From,
    string FromLocal,
    Instant? Until,
    string? UntilLocal,
    bool? ReceivesAsylumApplications,
    string? Note,
    bool AsylumRestricted);

public sealed record PreviewResponse(int DecisionId, IReadOnlyList<CrossingPointPreviewResponse> CrossingPoints);

public sealed record CrossingPointPreviewResponse(string Code, string Name, bool Affected, IReadOnlyList<PreviewChangeResponse> Changes);

public sealed record PreviewChangeResponse(
    Instant At,
    string AtLocal,
    CrossingPointState Before,
    CrossingPointState After,
    bool ReceivesAsylumApplicationsBefore,
    bool ReceivesAsylumApplicationsAfter,
    int? DecisionBefore,
    int? DecisionAfter);

public sealed record AnnouncementResponse(int Id, int DecisionId, Instant PublishedAt, string Title, string Body);

public static class JsonNames
{
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
