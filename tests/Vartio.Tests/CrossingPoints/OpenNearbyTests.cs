using NodaTime;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// Where a traveller may still cross, on the seeded timeline (docs/DATA.md). Distances are great-circle distances
/// between the seeded coordinates, worked by the haversine formula on a sphere of 6,371.0088 km.
/// </summary>
public sealed class OpenNearbyTests
{
    private static IReadOnlyList<CrossingPointStatus> At(int year, int month, int day) =>
        Finland2023.Timeline.StatusAt(new LocalDateTime(year, month, day, 12, 0).InZoneStrictly(Finland2023.Helsinki).ToInstant());

    [Fact]
    public void From20November2023_AtClosedVaalimaa_TheNearestOpenWayIsBySea_ThenAir_ThenRoadAtVartius()
    {
        // The decision of 16 November 2023 closed Vaalimaa, Nuijamaa, Imatra and Niirala; Vartius stayed open.
        var statuses = At(2023, 11, 20);
        var vaalimaa = statuses.Single(s => s.CrossingPoint.Code == "VAA").CrossingPoint;

        var nearest = OpenToTravellers.Nearest(vaalimaa, statuses);

        Assert.Equal(
            [(WayOfCrossing.Sea, "SAN", 17.2), (WayOfCrossing.Air, "HEL", 159.2), (WayOfCrossing.Road, "VAR", 453.0)],
            nearest.Select(n => (n.Way, n.CrossingPoint.Code, Math.Round(n.Kilometres, 1))).ToArray());
    }

    [Fact]
    public void FreightAlone_IsNoWayAcross_AndAClosedBorderLeavesOnlyAirAndSea()
    {
        // From 30 November 2023 the whole land border was closed; Vainikkala stayed open for rail freight only.
        var statuses = At(2023, 12, 1);

        Assert.Empty(OpenToTravellers.Ways(statuses.Single(s => s.CrossingPoint.Code == "VAI")));
        var nearest = OpenToTravellers.Nearest(statuses.Single(s => s.CrossingPoint.Code == "VAR").CrossingPoint, statuses);
        Assert.DoesNotContain(nearest, n => n.Way is WayOfCrossing.Road or WayOfCrossing.Rail);
        Assert.Contains(nearest, n => n.Way == WayOfCrossing.Air && n.CrossingPoint.Code == "HEL");
    }
}
