using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>A place where the border may lawfully be crossed.</summary>
/// <param name="Code">Short code used throughout Vartio (ours, not an official code).</param>
/// <param name="Name">Name on this side of the border.</param>
/// <param name="NeighbourName">Name of the facing crossing point on the other side.</param>
/// <param name="Traffic">Kinds of traffic the crossing point serves in normal operation.</param>
/// <param name="Zone">The crossing point's time zone: local times of decisions and hours are read in it.</param>
/// <param name="Hours">Dated opening-hour schedules; empty when the hours are not recorded.</param>
/// <param name="Section">The border section it belongs to (the Border Guard district that runs it), such as
/// "South-East Finland"; surges are looked for per crossing point, per section and nationwide.</param>
public sealed record CrossingPoint(
    string Code,
    string Name,
    string NeighbourName,
    CrossingPointKind Kind,
    Traffic Traffic,
    DateTimeZone Zone,
    double Latitude,
    double Longitude,
    OpeningHours Hours,
    string? Note = null,
    string? Section = null)
{
    /// <summary>Whether travellers can present themselves here in person (and so apply for asylum).</summary>
    public bool ServesTravellers => Traffic.CarriesTravellers();
}

public enum CrossingPointKind
{
    Road,
    Rail,
    RoadAndRail,
    Sea,
    Air,
}

/// <summary>Kinds of traffic a crossing point serves and a decision can address.</summary>
[Flags]
public enum Traffic
{
    None = 0,
    Passengers = 1,
    Goods = 2,
    RailFreight = 4,
    RailPassengers = 8,
    LeisureBoats = 16,
}

public static class TrafficNames
{
    /// <summary>Traffic in which people present themselves at the border (and can apply for asylum).</summary>
    public const Traffic Travellers = Traffic.Passengers | Traffic.RailPassengers | Traffic.LeisureBoats;

    public static bool CarriesTravellers(this Traffic traffic) => (traffic & Travellers) != 0;

    private static readonly (Traffic Flag, string Name)[] Names =
    [
        (Traffic.Passengers, "passengers"),
        (Traffic.Goods, "goods"),
        (Traffic.RailFreight, "railFreight"),
        (Traffic.RailPassengers, "railPassengers"),
        (Traffic.LeisureBoats, "leisureBoats"),
    ];

    public static IEnumerable<Traffic> Flags(this Traffic traffic)
    {
        foreach (var (flag, _) in Names)
        {
            if ((traffic & flag) != 0)
            {
                yield return flag;
            }
        }
    }

    public static IReadOnlyList<string> ToNames(this Traffic traffic) =>
        [.. Names.Where(n => (traffic & n.Flag) != 0).Select(n => n.Name)];

    public static string NameOf(Traffic single) => Names.First(n => n.Flag == single).Name;

    /// <summary>Parses traffic names; returns the unknown names it met, if any.</summary>
    public static Traffic Parse(IEnumerable<string> names, out IReadOnlyList<string> unknown)
    {
        var result = Traffic.None;
        var bad = new List<string>();
        foreach (var name in names)
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Flag == Traffic.None)
            {
                bad.Add(name);
            }
            else
            {
                result |= match.Flag;
            }
        }

        unknown = bad;
        return result;
    }

    public static IReadOnlyList<string> All => [.. Names.Select(n => n.Name)];
}
