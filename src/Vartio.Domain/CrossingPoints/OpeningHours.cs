using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>
/// Normal opening hours, as dated schedules. Hours change with seasons and with decisions (Salla and
/// Raja-Jooseppi were cut to 10:00–14:00 in November 2023), separately from whether a decision has the
/// crossing point open; so they are data with validity dates, not a constant per crossing point.
/// </summary>
public sealed record OpeningHours(IReadOnlyList<OpeningSchedule> Schedules)
{
    public static OpeningHours Unknown { get; } = new([]);

    public bool IsKnown => Schedules.Count > 0;

    /// <summary>The schedule in force on a local date: the applicable one that started latest.</summary>
    public OpeningSchedule? ScheduleOn(LocalDate date)
    {
        OpeningSchedule? best = null;
        foreach (var schedule in Schedules)
        {
            if (schedule.AppliesOn(date) && (best is null || (schedule.From ?? LocalDate.MinIsoValue) >= (best.From ?? LocalDate.MinIsoValue)))
            {
                best = schedule;
            }
        }

        return best;
    }

    /// <summary>The hours that apply on one local date, or null when closed all day or unknown.</summary>
    public DailyHours? HoursOn(LocalDate date, DateTimeZone zone)
    {
        var schedule = ScheduleOn(date);
        if (schedule is null)
        {
            return null;
        }

        // Seasons follow the zone's own daylight-saving rule, read at local noon of that date.
        var noon = date.At(new LocalTime(12, 0)).InZoneLeniently(zone);
        var summer = noon.IsDaylightSavingTime();
        foreach (var rule in schedule.Rules)
        {
            if (rule.Days.Contains(date.DayOfWeek) && (rule.Season == Season.AllYear || (rule.Season == Season.Summer) == summer))
            {
                return new DailyHours(rule.Opens, rule.Closes);
            }
        }

        return null;
    }

    /// <summary>Whether the crossing point is within its normal hours at an instant; null when not recorded.</summary>
    public bool? IsWithinHours(Instant instant, DateTimeZone zone)
    {
        if (!IsKnown)
        {
            return null;
        }

        var local = instant.InZone(zone).LocalDateTime;
        var hours = HoursOn(local.Date, zone);
        return hours is not null && hours.Contains(local.TimeOfDay);
    }
}

public sealed record OpeningSchedule(LocalDate? From, LocalDate? Until, IReadOnlyList<OpeningHoursRule> Rules, string? Note = null)
{
    /// <summary>Both ends are inclusive dates.</summary>
    public bool AppliesOn(LocalDate date) => (From is null || date >= From) && (Until is null || date <= Until);
}

public enum Season
{
    AllYear,
    Summer,
    Winter,
}

public sealed record OpeningHoursRule(IReadOnlyList<IsoDayOfWeek> Days, LocalTime Opens, LocalTime Closes, Season Season = Season.AllYear);

/// <summary>Opening and closing time on one day. Opens == Closes means open around the clock.</summary>
public sealed record DailyHours(LocalTime Opens, LocalTime Closes)
{
    public bool AroundTheClock => Opens == Closes;

    public bool Contains(LocalTime time) => AroundTheClock || (time >= Opens && time < Closes);

    public override string ToString() => AroundTheClock ? "24 h" : $"{Opens:HH:mm}–{Closes:HH:mm}";
}
