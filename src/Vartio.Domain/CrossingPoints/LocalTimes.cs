using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Domain.CrossingPoints;

/// <summary>
/// The one rule for a local time at a crossing point (a decision's effect as typed by a Decider, or as written
/// in the seed file) as an instant.
/// </summary>
/// <remarks>
/// A time that does not exist in the zone, skipped when the clocks go forward, is refused: a Decider who types
/// 03:30 on the night daylight saving time begins meant a time that never comes, and moving it silently would
/// publish an instant nobody entered. A time that occurs twice, when the clocks go back, is taken at its first
/// occurrence (still in daylight saving time), the earlier of the two instants, so that a closure takes effect
/// no later than the time read.
/// </remarks>
public static class LocalTimes
{
    public static bool TryResolve(LocalDateTime local, DateTimeZone zone, out Instant instant, [NotNullWhen(false)] out string? error)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            instant = default;
            error = $"{LocalDateTimePattern.GeneralIso.Format(local)} does not exist in {zone.Id}: the clocks skip it when daylight saving time begins.";
            return false;
        }

        instant = mapping.First().ToInstant();
        error = null;
        return true;
    }
}
