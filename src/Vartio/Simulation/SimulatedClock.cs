using NodaTime;

namespace Vartio.Simulation;

/// <summary>
/// The clock of a simulation: the services read "now" from it as they would from the system clock, and the
/// simulation moves it to the instant of each thing it records, so every record is made at its own instant.
/// </summary>
public sealed class SimulatedClock(Instant start) : IClock
{
    private long ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref ticks));

    /// <summary>Moves the clock to an instant; never back, so that time as the services see it only advances.</summary>
    public void AdvanceTo(Instant instant)
    {
        if (instant.ToUnixTimeTicks() > Interlocked.Read(ref ticks))
        {
            Interlocked.Exchange(ref ticks, instant.ToUnixTimeTicks());
        }
    }
}
