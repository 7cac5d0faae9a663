namespace Vartio.Domain.Surveillance;

/// <summary>
/// The parameters of the surge test (docs/SURGE.md gives the reasoning and the false-alarm arithmetic). Bound
/// from the <c>Surge</c> section of the host's configuration.
/// </summary>
public sealed class SurgeOptions
{
    public const string Section = "Surge";

    /// <summary>Whole days before the day tested whose mean is its baseline.</summary>
    public int BaselineDays { get; set; } = 28;

    /// <summary>The least baseline used, in arrivals a day: a place with none for weeks is not taken to expect none.</summary>
    public double BaselineFloor { get; set; } = 0.2;

    /// <summary>
    /// The largest group taken to arrive together as one event (a family): counts are tested as groups of this
    /// size, which bounds the p-value of a day whose arrivals come in groups of up to this many.
    /// </summary>
    public int LargestGroup { get; set; } = 5;

    /// <summary>The fewest arrivals in a day that can open an alert, whatever the baseline.</summary>
    public int MinimumCount { get; set; } = 10;

    /// <summary>An alert opens when the day's p-value is below this.</summary>
    public double OpenLevel { get; set; } = 0.001;

    /// <summary>A whole day is back within the baseline frozen at opening when its p-value against it is at least this.</summary>
    public double QuietLevel { get; set; } = 0.05;

    /// <summary>Consecutive whole days back within the baseline that close an alert.</summary>
    public int QuietDaysToClose { get; set; } = 3;

    /// <summary>While an alert is open, a day's count updates it when it reaches this multiple of the largest count shown so far.</summary>
    public double UpdateFactor { get; set; } = 1.5;

    /// <summary>The first of the options' values that cannot be used, or null when all can.</summary>
    public string? Fault() =>
        BaselineDays < 1 ? "Surge:BaselineDays must be at least 1."
        : !(BaselineFloor > 0) ? "Surge:BaselineFloor must be above 0."
        : LargestGroup < 1 ? "Surge:LargestGroup must be at least 1."
        : MinimumCount < 1 ? "Surge:MinimumCount must be at least 1."
        : !(OpenLevel is > 0 and < 1) ? "Surge:OpenLevel must be between 0 and 1."
        : !(QuietLevel is > 0 and < 1) || QuietLevel <= OpenLevel ? "Surge:QuietLevel must be between Surge:OpenLevel and 1."
        : QuietDaysToClose < 1 ? "Surge:QuietDaysToClose must be at least 1."
        : !(UpdateFactor > 1) ? "Surge:UpdateFactor must be above 1."
        : null;
}
