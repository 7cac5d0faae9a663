namespace Vartio.Data.Entities;

/// <summary>
/// How many of one thing happened at a crossing point in one local hour, kept with each write in its
/// transaction (<see cref="Counts"/>): statistics read these, never the records themselves.
/// </summary>
public sealed class HourlyCountRow
{
    public required string CrossingPointCode { get; set; }

    /// <summary>The local date at the crossing point, <c>YYYY-MM-DD</c>.</summary>
    public required string Day { get; set; }

    /// <summary>The local hour, 0–23.</summary>
    public int Hour { get; set; }

    /// <summary>What is counted: <see cref="Counts.Measures"/>.</summary>
    public required string Measure { get; set; }

    /// <summary>Empty for the total; otherwise <c>nationality:SYR</c>, <c>reason:C</c>, <c>arrivedBy:bicycle</c>.</summary>
    public required string Dimension { get; set; }

    public long Count { get; set; }
}

/// <summary>The same for a whole local day, so a year of daily figures reads one row per day and key.</summary>
public sealed class DailyCountRow
{
    public required string CrossingPointCode { get; set; }

    public required string Day { get; set; }

    public required string Measure { get; set; }

    public required string Dimension { get; set; }

    public long Count { get; set; }
}
