using Vartio.Domain.Asylum;

namespace Vartio.Domain.CrossingPoints;

/// <summary>How a traveller crosses: the ways the status page names the nearest open crossing point for.</summary>
public enum WayOfCrossing
{
    Road,
    Rail,
    Sea,
    Air,
}

/// <summary>The nearest crossing point open to travellers by one way, and how far it is.</summary>
public sealed record OpenNearby(WayOfCrossing Way, CrossingPoint CrossingPoint, double Kilometres);

/// <summary>
/// Where a traveller may still cross when a crossing point is closed to them: for each way of crossing, the
/// nearest other crossing point open to travellers that way at the same instant, nearest first. Open to travellers
/// means its passenger traffic is open: passengers on the road, rail passengers, passengers or leisure boats at
/// sea, passengers by air; freight alone is no way across for a person. Distances are great-circle distances
/// (<see cref="Distance"/>), not the length of a road.
/// </summary>
public static class OpenToTravellers
{
    /// <summary>The ways a crossing point is open to travellers by, at the status's instant.</summary>
    public static IReadOnlyList<WayOfCrossing> Ways(CrossingPointStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.State == CrossingPointState.Closed)
        {
            return [];
        }

        bool Open(Traffic traffic) => status.Condition.Traffic.Any(t => t.State == CrossingPointState.Open && (t.Traffic & traffic) != 0);
        var kind = status.CrossingPoint.Kind;
        var ways = new List<WayOfCrossing>();
        if (kind is CrossingPointKind.Road or CrossingPointKind.RoadAndRail && Open(Traffic.Passengers))
        {
            ways.Add(WayOfCrossing.Road);
        }

        if (kind is CrossingPointKind.Rail or CrossingPointKind.RoadAndRail && Open(Traffic.RailPassengers))
        {
            ways.Add(WayOfCrossing.Rail);
        }

        if (kind == CrossingPointKind.Sea && Open(Traffic.Passengers | Traffic.LeisureBoats))
        {
            ways.Add(WayOfCrossing.Sea);
        }

        if (kind == CrossingPointKind.Air && Open(Traffic.Passengers))
        {
            ways.Add(WayOfCrossing.Air);
        }

        return ways;
    }

    /// <summary>For each way, the nearest other crossing point open to travellers that way; nearest first.</summary>
    /// <param name="statuses">Every crossing point's status at the same instant.</param>
    public static IReadOnlyList<OpenNearby> Nearest(CrossingPoint from, IEnumerable<CrossingPointStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(statuses);
        return [.. statuses
            .Where(s => s.CrossingPoint.Code != from.Code)
            .SelectMany(s => Ways(s).Select(way => new OpenNearby(way, s.CrossingPoint, Distance.Kilometres(from.Latitude, from.Longitude, s.CrossingPoint.Latitude, s.CrossingPoint.Longitude))))
            .GroupBy(o => o.Way)
            .Select(g => g.OrderBy(o => o.Kilometres).ThenBy(o => o.CrossingPoint.Code, StringComparer.Ordinal).First())
            .OrderBy(o => o.Kilometres)];
    }
}
