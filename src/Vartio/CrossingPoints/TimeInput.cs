using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.CrossingPoints;

namespace Vartio.CrossingPoints;

/// <summary>Reads instants and local times as people and machines type them.</summary>
public static class TimeInput
{
    public const string InstantFormat = "ISO 8601 with an offset or Z, for example 2023-11-20T12:00+02:00 or 2023-11-20T10:00:00Z";

    public const string LocalFormat = "a local date and time without offset, for example 2023-11-18T00:00";

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
    ];

    /// <summary>An instant written with an offset (<c>+02:00</c>) or <c>Z</c>; a time without one is refused.</summary>
    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }

        return false;
    }

    public static bool TryParseLocal(string? text, out LocalDateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                local = result.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>A local time in a zone as an instant, by the one rule of <see cref="LocalTimes"/>.</summary>
    public static bool TryResolve(LocalDateTime local, DateTimeZone zone, out Instant instant, [NotNullWhen(false)] out string? error) =>
        LocalTimes.TryResolve(local, zone, out instant, out error);

    /// <summary>An instant as local time in a zone, for people: <c>2023-11-18 00:00 (UTC+02)</c>.</summary>
    public static string Local(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        return ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm '(UTC'o<+HH>')'", DateTimeZoneProviders.Tzdb).Format(zoned);
    }

    /// <summary>An instant as ISO 8601 with the zone's offset, for machines that want local time too.</summary>
    public static string Iso(Instant instant, DateTimeZone zone) => IsoWithOffset.Format(instant.InZone(zone).ToOffsetDateTime());

    private static readonly OffsetDateTimePattern IsoWithOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");
}
