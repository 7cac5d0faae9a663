namespace Vartio.Data.Entities;

/// <summary>A crossing point as stored. Opening hours are a small document kept as JSON.</summary>
public sealed class CrossingPointRow
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string NeighbourName { get; set; }

    public required string Kind { get; set; }

    public int Traffic { get; set; }

    public required string TimeZone { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Note { get; set; }

    /// <summary>The border section (Border Guard district) the crossing point belongs to; null when none.</summary>
    public string? Section { get; set; }

    /// <summary>Opening-hour schedules in the seed file's JSON shape.</summary>
    public required string HoursJson { get; set; }

    public int SortOrder { get; set; }
}
