using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.CrossingPoints;

namespace Vartio.CrossingPoints.Pages;

/// <summary>
/// The status page's words for travellers, in the visitor's language (<see cref="PageText"/>): what a status
/// means, and dates as announcements write them, in the language's own date format.
/// </summary>
public static class StatusWords
{
    /// <summary>The state as a code for attributes and styles (<c>open</c>, <c>closed</c>, <c>restricted</c>); never translated.</summary>
    public static string StateName(CrossingPointState state) => state.ToString().ToLowerInvariant();

    /// <summary>
    /// A crossing point's name in the visitor's language where it differs (Helsinki-Vantaan lentoasema, Helsingfors-Vanda
    /// flygplats; in Russian, Cyrillic): the seeded crossing points' names are in the resources; any other name is
    /// shown as stored.
    /// </summary>
    public static string Name(CrossingPoint point, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(text);
        return text[point.Name] is { ResourceNotFound: false } name ? name.Value : point.Name;
    }

    /// <summary>The name of the crossing point on the other side (Торфяновка in Russian), as <see cref="Name"/>.</summary>
    public static string NeighbourName(CrossingPoint point, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(text);
        return text[point.NeighbourName] is { ResourceNotFound: false } name ? name.Value : point.NeighbourName;
    }

    /// <summary>The state in words.</summary>
    public static string State(CrossingPointState state, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[StateName(state)];
    }

    public static string Traffic(string traffic) => traffic switch
    {
        "railFreight" => "rail freight",
        "railPassengers" => "rail passengers",
        "leisureBoats" => "leisure boats",
        _ => traffic,
    };

    public static string Traffic(string traffic, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Traffic(traffic)];
    }

    /// <summary>A date as the visitor's language writes it in running text (18 November 2023, 18. marraskuuta 2023).</summary>
    public static string Day(LocalDate date, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LocalDatePattern.Create(text["d MMMM uuuu"], CultureInfo.CurrentUICulture).Format(date);
    }

    /// <summary>A date and time as the visitor's language writes it.</summary>
    public static string DayAndTime(LocalDateTime local, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LocalDateTimePattern.Create(text["d MMMM uuuu HH':'mm"], CultureInfo.CurrentUICulture).Format(local);
    }

    /// <summary>An instant in a zone, as <see cref="DayAndTime"/>.</summary>
    public static string Local(Instant instant, DateTimeZone zone, IStringLocalizer text) => DayAndTime(instant.InZone(zone).LocalDateTime, text);

    /// <summary>
    /// The end of an effect as a person acts on it. Effects end at an instant (exclusive); one that ends at
    /// midnight is written as the last day it still applies, as the Government's announcements say it ("closed
    /// until 13 December 2023" ends at 00:00 on 14 December).
    /// </summary>
    public static string Until(Instant until, DateTimeZone zone, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var local = until.InZone(zone).LocalDateTime;
        return local.TimeOfDay == LocalTime.Midnight
            ? text["until {0}", Day(local.Date.PlusDays(-1), text)]
            : text["until the time {0}", DayAndTime(local, text)];
    }

    /// <summary>The start of a change: a whole day when it starts at midnight, otherwise the day and time.</summary>
    public static string From(Instant from, DateTimeZone zone, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var local = from.InZone(zone).LocalDateTime;
        return text["from {0}", local.TimeOfDay == LocalTime.Midnight ? Day(local.Date, text) : DayAndTime(local, text)];
    }

    /// <summary>What the status means for a traveller at this crossing point.</summary>
    public static string Meaning(CrossingPointStatus status, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(text);
        return status.State switch
        {
            CrossingPointState.Open => status.WithinOpeningHours == false
                ? text["Open, but outside today's opening hours: come back when it opens."]
                : text["Travellers may cross here."],
            CrossingPointState.Closed => text["No one may cross here."],
            _ => text["Only {0} may cross here.", Join(OpenTraffic(status, text), text)],
        };
    }

    /// <summary>
    /// For a crossing point closed to travellers, where they may still cross: the nearest crossing point open to them
    /// by each way (<see cref="OpenToTravellers"/>), in a sentence; null where travellers may cross here.
    /// </summary>
    public static string? Nearest(CrossingPointStatus status, IReadOnlyList<CrossingPointStatus> statuses, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(text);
        if (OpenToTravellers.Ways(status).Count > 0)
        {
            return null;
        }

        var nearest = OpenToTravellers.Nearest(status.CrossingPoint, statuses);
        if (nearest.Count == 0)
        {
            return text["No crossing point is open to travellers."];
        }

        var ways = nearest.Select(n => text[n.Way switch
        {
            WayOfCrossing.Road => "by road {0} (about {1} km)",
            WayOfCrossing.Rail => "by rail {0} (about {1} km)",
            WayOfCrossing.Sea => "by sea {0} (about {1} km)",
            _ => "by air {0} (about {1} km)",
        }, Name(n.CrossingPoint, text), (int)Math.Round(n.Kilometres)].Value);
        return text["Nearest open to travellers (in a straight line):"] + " " + string.Join("; ", ways) + ".";
    }

    public static IReadOnlyList<string> OpenTraffic(CrossingPointStatus status, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(status);
        return [.. status.Condition.Traffic.Where(t => t.State == CrossingPointState.Open).Select(t => Traffic(TrafficNames.NameOf(t.Traffic), text))];
    }

    /// <summary>
    /// The whole border in a sentence or two, first on the page: "All land crossing points are closed until further
    /// notice. Vainikkala is open for rail freight only."
    /// </summary>
    public static IReadOnlyList<string> Summary(IReadOnlyList<CrossingPointStatus> statuses, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(text);
        var land = statuses.Where(s => s.CrossingPoint.Kind is not (CrossingPointKind.Sea or CrossingPointKind.Air)).ToList();
        var other = statuses.Except(land).ToList();
        var sentences = new List<string>();
        // A crossing point open for freight alone (Vainikkala's rail freight) is no way across for a traveller: it is
        // named on its own, with what may cross, and not among the open ones.
        var open = land.Where(s => s.State == CrossingPointState.Open && ForTravellers(s)).Select(s => Name(s.CrossingPoint, text)).ToList();
        var restricted = land.Where(s => s.State != CrossingPointState.Closed && !(s.State == CrossingPointState.Open && ForTravellers(s))).ToList();
        var closed = land.Where(s => s.State == CrossingPointState.Closed).ToList();
        if (land.Count > 0 && open.Count == 0)
        {
            var furtherNotice = land.All(s => s.State != CrossingPointState.Closed || s.Until is null);
            sentences.Add((restricted.Count, furtherNotice) switch
            {
                (0, true) => text["All land crossing points are closed until further notice."],
                (0, false) => text["All land crossing points are closed."],
                (_, true) => text["All land crossing points are closed to travellers until further notice."],
                _ => text["All land crossing points are closed to travellers."],
            });
        }
        else if (land.Count > 0 && closed.Count == 0 && restricted.Count == 0)
        {
            sentences.Add(text["All land crossing points are open."]);
        }
        else if (land.Count > 0)
        {
            sentences.Add(text["Open on land: {0}.", Join(open, text)] + (closed.Count > 0 ? " " + text["Closed: {0}.", Join(closed.Select(s => Name(s.CrossingPoint, text)), text)] : ""));
        }

        foreach (var s in restricted)
        {
            sentences.Add(text["{0} is open for {1} only.", Name(s.CrossingPoint, text), Join(OpenTraffic(s, text), text)]);
        }

        var otherOpen = other.Where(s => s.State != CrossingPointState.Closed).Select(s => Name(s.CrossingPoint, text)).ToList();
        if (otherOpen.Count > 0)
        {
            sentences.Add(otherOpen.Count == 1 ? text["By air and sea: {0} is open.", otherOpen[0]] : text["By air and sea: {0} are open.", Join(otherOpen, text)]);
        }

        return sentences;
    }

    /// <summary>Whether people may cross here now: passengers by road, by rail or in leisure boats.</summary>
    private static bool ForTravellers(CrossingPointStatus status) =>
        status.Condition.Traffic.Any(t => t.State == CrossingPointState.Open && (t.Traffic & (Domain.CrossingPoints.Traffic.Passengers | Domain.CrossingPoints.Traffic.RailPassengers | Domain.CrossingPoints.Traffic.LeisureBoats)) != 0);

    /// <summary>A list in running text: "A, B and C", "A, B ja C".</summary>
    public static string Join(IEnumerable<string> items, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = items.ToList();
        return list.Count switch
        {
            0 => text["nothing"],
            1 => list[0],
            _ => text["{0} and {1}", string.Join(", ", list[..^1]), list[^1]],
        };
    }
}
