using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>
/// A surge alert: arrivals in one place (a crossing point, a border section or the whole border) significantly
/// above their recent baseline. Open while <see cref="ClosedAt"/> is null; at most one open per place.
/// </summary>
public sealed class AlertRow
{
    public Guid Id { get; set; }

    /// <summary><c>crossing-point</c>, <c>section</c> or <c>national</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>The crossing point's code, the section's name, or empty for the whole border: the key of "one open alert per place".</summary>
    public required string Place { get; set; }

    public string? CrossingPointCode { get; set; }

    public string? Section { get; set; }

    public Instant OpenedAt { get; set; }

    public Instant UpdatedAt { get; set; }

    public Instant? ClosedAt { get; set; }

    /// <summary>The local day the surge began (the first day of the alert).</summary>
    public LocalDate OpenedOn { get; set; }

    /// <summary>The baseline (arrivals a day) frozen when the alert opened: days are compared with it until it closes.</summary>
    public double OpeningBaseline { get; set; }

    /// <summary>The day of the evidence shown: the day it opened, or the day with the most arrivals since.</summary>
    public LocalDate Day { get; set; }

    public int Count { get; set; }

    public double Baseline { get; set; }

    public double P { get; set; }

    public required string Evidence { get; set; }

    /// <summary>Consecutive whole days back within the baseline, counted up to the last evaluation.</summary>
    public int QuietDays { get; set; }

    /// <summary>How many times the alert has been updated: part of its webhook events' stable ids.</summary>
    public int Revision { get; set; }
}

/// <summary>What a signed-in Analyst or StationHead wants to be told of when an alert opens.</summary>
public sealed class AlertSubscriptionRow
{
    public required string UserId { get; set; }

    /// <summary><c>all</c>, <c>section</c> or <c>crossingPoints</c>.</summary>
    public required string Kind { get; set; }

    public string? Section { get; set; }

    /// <summary>Crossing point codes separated by commas, when <see cref="Kind"/> is <c>crossingPoints</c>.</summary>
    public string? CrossingPoints { get; set; }

    public Instant UpdatedAt { get; set; }
}
