using NodaTime;

namespace Vartio.Simulation;

/// <summary>
/// What a simulation replays: normal traffic at every land crossing point that serves travellers, and asylum
/// arrivals from a plan of daily figures (<see cref="ArrivalPlan"/>). The decisions that open and close crossing
/// points are those in the database (the seeded ones of 2023–24, or any published since).
/// </summary>
/// <param name="Name">As the command line and the demo page spell it.</param>
/// <param name="From">The first local day simulated when no period is given.</param>
/// <param name="To">The last local day simulated when no period is given.</param>
public sealed record SimulationScenario(string Name, string Description, LocalDate From, LocalDate To, ArrivalPlan Arrivals)
{
    public const string Autumn2023Name = "autumn-2023";
    public const string NormalYearName = "normal-year";

    /// <summary>
    /// August to December 2023: arrivals rise from August, surge in the south-east on 13–15 November, move north as
    /// the crossing points close, and come again on 14–15 December when Vaalimaa and Niirala reopen for two days.
    /// </summary>
    public static SimulationScenario Autumn2023 { get; } = new(
        Autumn2023Name,
        "Autumn 2023: the published daily asylum figures of August–December 2023 and normal traffic until the closures",
        new LocalDate(2023, 8, 1),
        new LocalDate(2023, 12, 31),
        ArrivalPlan.Autumn2023);

    /// <summary>
    /// A year before the surge (November 2022 to October 2023, after Vaalimaa and Nuijamaa went to 24 hours and
    /// before any closure): normal traffic and the background of about 117 arrivals in 304 days.
    /// </summary>
    public static SimulationScenario NormalYear { get; } = new(
        NormalYearName,
        "A normal year: normal traffic and a low background of arrivals (about 117 in 304 days, as January–October 2023)",
        new LocalDate(2022, 11, 1),
        new LocalDate(2023, 10, 31),
        ArrivalPlan.NormalYear);

    public static IReadOnlyList<SimulationScenario> All { get; } = [Autumn2023, NormalYear];

    public static SimulationScenario? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
