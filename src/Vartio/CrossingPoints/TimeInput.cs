using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Problems;

namespace Vartio.CrossingPoints;

/// <summary>Reads instants and local times as people and machines type them.</summary>
public static class TimeInput
{
    public const string InstantFormat = "ISO 8601 with an offset or Z, for example 2023-11-20T12:00+02:00 or 2023-11-20T10:00:00Z";

    public const string LocalFormat = "a local date and time without offset, for example 2023-11-18T00:00 or 18.11.2023 00:00";

    /// <summary>
    /// The years the border's records can speak of: dates and instants outside them are refused as input.
    /// The range is far wider than any decision or stay needs, and keeps every calculation (time zones,
    /// dates in the databases, offsets) well inside what the calendar and the column types can hold.
    /// </summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2200;

    public static readonly string RangeMessage = $"Give a date in the years {FirstYear} to {LastYear}.";

    /// <summary>Whether a date is within <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static bool InRange(LocalDate date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>Whether an instant is within <see cref="FirstYear"/>–<see cref="LastYear"/> (in UTC).</summary>
    public static bool InRange(Instant instant) =>
        instant >= Instant.FromUtc(FirstYear, 1, 1, 0, 0) && instant < Instant.FromUtc(LastYear + 1, 1, 1, 0, 0);

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>
    /// Local times as machines write them (ISO 8601, also with a space for the T) and as people in Finland and
    /// Sweden type them: day first with dots, the time with a colon or a dot (<c>5.12.2026 0:00</c>,
    /// <c>5.12.2026 klo 14.30</c>). Formats with slashes are not read: 5/12 is the fifth of December in Finland and
    /// the twelfth of May elsewhere.
    /// </summary>
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu H':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu H'.'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu 'klo' H'.'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu 'klo' H':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu 'kl.' H'.'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("d'.'M'.'uuuu 'kl.' H':'mm"),
    ];

    /// <summary>
    /// An instant written with an offset (<c>+02:00</c>) or <c>Z</c>, in the years <see cref="FirstYear"/> to
    /// <see cref="LastYear"/>; otherwise the reason it cannot be used. A time without an offset is refused.
    /// </summary>
    public static bool TryReadInstant(string? text, out Instant instant, [NotNullWhen(false)] out string? error)
    {
        instant = default;
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var pattern in OffsetPatterns)
            {
                var result = pattern.Parse(text.Trim());
                if (!result.Success)
                {
                    continue;
                }

                // The range is checked on the date as written, before the offset is applied, so that the
                // calendar's own limits are never reached.
                if (!InRange(result.Value.Date))
                {
                    error = RangeMessage;
                    return false;
                }

                instant = result.Value.ToInstant();
                error = null;
                return true;
            }
        }

        error = $"Give the instant as {InstantFormat}.";
        return false;
    }

    /// <summary>
    /// A calendar date written YYYY-MM-DD, in the years <see cref="FirstYear"/> to <see cref="LastYear"/>; otherwise
    /// the reason it cannot be used.
    /// </summary>
    public static bool TryReadDate(string? text, out LocalDate date, [NotNullWhen(false)] out string? error)
    {
        var result = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        date = result.Success ? result.Value : default;
        error = !result.Success ? "Give the date as YYYY-MM-DD, for example 2026-01-15."
            : !InRange(date) ? RangeMessage
            : null;
        return error is null;
    }

    /// <summary>An optional date of a request: null when left out; when given and unusable, a problem naming the field.</summary>
    public static LocalDate? OptionalDate(string? text, string field, ICollection<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryReadDate(text, out var date, out var error))
        {
            return date;
        }

        problems.Add(new Problem(field, error));
        return null;
    }

    public static bool TryParseLocal(string? text, out LocalDateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Runs of spaces (a date and time typed with two) count as one.
        var typed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(typed);
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
