using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.CrossingPoints;

namespace Vartio.CrossingPoints.Pages;

/// <summary>The status page's words for travellers: what a status means, and dates as announcements write them.</summary>
public static class StatusWords
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern DayAndTime = LocalDateTimePattern.Create("d MMMM uuuu HH':'mm", CultureInfo.InvariantCulture);

    public static string StateName(CrossingPointState state) => state.ToString().ToLowerInvariant();

    public static string Traffic(string traffic) => traffic switch
    {
        "railFreight" => "rail freight",
        "railPassengers" => "rail passengers",
        "leisureBoats" => "leisure boats",
        _ => traffic,
    };

    /// <summary>
    /// The end of an effect as a person acts on it. Effects end at an instant (exclusive); one that ends at
    /// midnight is written as the last day it still applies, as the Government's announcements say it ("closed
    /// until 13 December 2023" ends at 00:00 on 14 December).
    /// </summary>
    public static string Until(Instant until, DateTimeZone zone)
    {
        var local = until.InZone(zone).LocalDateTime;
        return local.TimeOfDay == LocalTime.Midnight
            ? "until " + Day.Format(local.Date.PlusDays(-1))
            : "until " + DayAndTime.Format(local);
    }

    /// <summary>The start of a change: a whole day when it starts at midnight, otherwise the day and time.</summary>
    public static string From(Instant from, DateTimeZone zone)
    {
        var local = from.InZone(zone).LocalDateTime;
        return "from " + (local.TimeOfDay == LocalTime.Midnight ? Day.Format(local.Date) : DayAndTime.Format(local));
    }

    /// <summary>What the status means for a traveller at this crossing point.</summary>
    public static string Meaning(CrossingPointStatus status) => status.State switch
    {
        CrossingPointState.Open => status.WithinOpeningHours == false
            ? "Open, but outside today's opening hours: come back when it opens."
            : "Travellers may cross here.",
        CrossingPointState.Closed => "No one may cross here.",
        _ => $"Only {Join(OpenTraffic(status))} may cross here.",
    };

    public static IReadOnlyList<string> OpenTraffic(CrossingPointStatus status) =>
        [.. status.Condition.Traffic.Where(t => t.State == CrossingPointState.Open).Select(t => Traffic(TrafficNames.NameOf(t.Traffic)))];

    /// <summary>
    /// The whole border in a sentence or two, first on the page: "All land crossing points are closed until further
    /// notice. Vainikkala is open for rail freight only."
    /// </summary>
    public static IReadOnlyList<string> Summary(IReadOnlyList<CrossingPointStatus> statuses)
    {
        var land = statuses.Where(s => s.CrossingPoint.Kind is not (CrossingPointKind.Sea or CrossingPointKind.Air)).ToList();
        var other = statuses.Except(land).ToList();
        var sentences = new List<string>();
        var open = land.Where(s => s.State == CrossingPointState.Open).Select(s => s.CrossingPoint.Name).ToList();
        var restricted = land.Where(s => s.State == CrossingPointState.Restricted).ToList();
        var closed = land.Where(s => s.State == CrossingPointState.Closed).ToList();
        if (land.Count > 0 && open.Count == 0)
        {
            var furtherNotice = land.All(s => s.State != CrossingPointState.Closed || s.Until is null);
            sentences.Add((restricted.Count == 0 ? "All land crossing points are closed" : "All land crossing points are closed to travellers") + (furtherNotice ? " until further notice." : "."));
        }
        else if (land.Count > 0 && closed.Count == 0 && restricted.Count == 0)
        {
            sentences.Add("All land crossing points are open.");
        }
        else if (land.Count > 0)
        {
            sentences.Add($"Open on land: {Join(open)}." + (closed.Count > 0 ? $" Closed: {Join(closed.Select(s => s.CrossingPoint.Name))}." : ""));
        }

        foreach (var s in restricted)
        {
            sentences.Add($"{s.CrossingPoint.Name} is open for {Join(OpenTraffic(s))} only.");
        }

        var otherOpen = other.Where(s => s.State != CrossingPointState.Closed).Select(s => s.CrossingPoint.Name).ToList();
        if (otherOpen.Count > 0)
        {
            sentences.Add($"By air and sea: {Join(otherOpen)} {(otherOpen.Count == 1 ? "is" : "are")} open.");
        }

        return sentences;
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }
}
