using NodaTime;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Domain.Asylum;

/// <summary>Whether an application is received where the applicant presents themselves, and if not, where it would be.</summary>
/// <param name="Exemption">Where receipt is stopped under the 2024 Act, the exempt category the applicant is received under.</param>
/// <param name="DirectedTo">When not received: the crossing points that receive applications at that instant, nearest first.</param>
/// <param name="OnLand">Whether <paramref name="DirectedTo"/> are land crossing points; false when none on land receives and only air and sea crossing points are listed.</param>
public sealed record Reception(
    CrossingPoint CrossingPoint,
    bool Received,
    Vulnerability? Exemption,
    int? DecisionId,
    IReadOnlyList<ReceivingPlace> DirectedTo,
    bool OnLand,
    string Message);

/// <summary>A crossing point that receives applications, and how far it is from where the applicant is.</summary>
public sealed record ReceivingPlace(CrossingPoint CrossingPoint, double Kilometres);

/// <summary>
/// Where applications for international protection are received, from the decisions in force (DOMAIN §3):
/// at a crossing point whose condition at that instant receives them; where receipt is stopped under the
/// 2024 Act, from the exempt categories only; otherwise the person is directed to the crossing points that
/// receive, nearest first: on land when any does, else at air and sea crossing points.
/// </summary>
public static class AsylumReception
{
    public static Reception Decide(BorderTimeline timeline, string crossingPoint, Instant at, Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(applicant);
        var here = timeline.For(crossingPoint);
        var point = here.CrossingPoint;
        var condition = here.ConditionAt(at);
        var date = at.InZone(point.Zone).Date;

        if (condition.ReceivesAsylumApplications)
        {
            return new Reception(point, true, null, condition.DecisionId, [], true, $"The application is received at {point.Name}.");
        }

        if (condition.AsylumRestricted && applicant.ExemptionsOn(date) is [var exemption, ..])
        {
            return new Reception(point, true, exemption, condition.DecisionId, [], true,
                $"Receipt of applications at {point.Name} is stopped under the 2024 Act on instrumentalised migration{Decision(condition)}, "
                + $"but the application is received: the Act exempts {Describe(exemption)}.");
        }

        var (places, onLand) = ReceivingElsewhere(timeline, point, at);
        var why = condition.AsylumRestricted
            ? $"Receipt of applications at {point.Name} is stopped under the 2024 Act on instrumentalised migration{Decision(condition)}, and the applicant is in none of its exempt categories (children, disabled people, others particularly vulnerable, anyone at real risk of serious harm)."
            : $"Applications for international protection are not received at {point.Name} at this instant{Decision(condition)}.";
        var where = places.Count == 0
            ? " No crossing point receives applications at this instant."
            : onLand
                ? $" They are received at {Names(places)}."
                : $" No land crossing point receives them: only air and sea crossing points do, nearest {Names(places)}.";
        return new Reception(point, false, null, condition.DecisionId, places, onLand, why + where + " The person is recorded as an irregular arrival directed there.");
    }

    /// <summary>
    /// The crossing points other than <paramref name="from"/> that receive applications at an instant, nearest
    /// first: land crossing points when any receives, otherwise air and sea crossing points.
    /// </summary>
    public static (IReadOnlyList<ReceivingPlace> Places, bool OnLand) ReceivingElsewhere(BorderTimeline timeline, CrossingPoint from, Instant at)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(from);
        var receiving = timeline.CrossingPoints
            .Where(p => p.Code != from.Code && p.ServesTravellers && timeline.For(p.Code).ConditionAt(at).ReceivesAsylumApplications)
            .Select(p => new ReceivingPlace(p, Distance.Kilometres(from.Latitude, from.Longitude, p.Latitude, p.Longitude)))
            .ToList();
        var land = receiving.Where(p => IsLand(p.CrossingPoint.Kind)).ToList();
        var chosen = land.Count > 0 ? land : receiving;
        return ([.. chosen.OrderBy(p => p.Kilometres).ThenBy(p => p.CrossingPoint.Code, StringComparer.Ordinal)], land.Count > 0 || receiving.Count == 0);
    }

    public static bool IsLand(CrossingPointKind kind) => kind is CrossingPointKind.Road or CrossingPointKind.Rail or CrossingPointKind.RoadAndRail;

    public static string Describe(Vulnerability exemption) => exemption switch
    {
        Vulnerability.Child => "children",
        Vulnerability.Disabled => "disabled people",
        Vulnerability.Vulnerable => "people in a particularly vulnerable position",
        Vulnerability.SeriousHarmRisk => "anyone at real risk of the death penalty, torture or other inhuman or degrading treatment",
        _ => throw new ArgumentOutOfRangeException(nameof(exemption)),
    };

    private static string Decision(CrossingPointCondition condition) => condition.DecisionId is { } id ? $" (decision {id})" : "";

    private static string Names(IReadOnlyList<ReceivingPlace> places) =>
        places.Count == 1 ? $"{places[0].CrossingPoint.Name} (about {places[0].Kilometres:0} km)"
        : string.Join(", ", places.Take(places.Count - 1).Select(Name)) + " and " + Name(places[^1]);

    private static string Name(ReceivingPlace place) => $"{place.CrossingPoint.Name} (about {place.Kilometres:0} km)";
}

/// <summary>Great-circle distance on a sphere of the Earth's mean radius (IUGG: 6,371.0088 km), by the haversine formula.</summary>
public static class Distance
{
    public const double EarthRadiusKilometres = 6371.0088;

    public static double Kilometres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
