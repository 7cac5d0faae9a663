using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Benchmarks;

/// <summary>
/// The 90/180 rule computed the straightforward way, as the baseline for <see cref="StaysBenchmarks"/>: a
/// set of the days present, and for every day of interest a loop over the 180 days ending on it. It
/// answers the same questions as <see cref="StayCalculator"/> for valid input without excluded periods.
/// </summary>
public static class DayByDayStays
{
    public sealed record ControlAnswer(int DaysUsed, bool Lawful, LocalDate? LatestExit);

    public sealed record PlanAnswer(int MaxDays, int DaysUsedBeforeEntry, LocalDate FullStayFrom);

    public static ControlAnswer Control(IReadOnlyList<Stay> stays, LocalDate on)
    {
        var present = Presence(stays, on);
        var used = WindowCount(present, on);
        LocalDate? latestExit = null;
        if (present.Contains(on) && used <= 90)
        {
            var day = on.PlusDays(1);
            present.Add(day);
            while (WindowCount(present, day) <= 90)
            {
                day = day.PlusDays(1);
                present.Add(day);
            }

            latestExit = day.PlusDays(-1);
        }

        return new ControlAnswer(used, used <= 90, latestExit);
    }

    public static PlanAnswer Plan(IReadOnlyList<Stay> stays, LocalDate entry)
    {
        var present = Presence(stays, entry);
        var before = 0;
        for (var day = entry.PlusDays(-179); day < entry; day = day.PlusDays(1))
        {
            if (present.Contains(day))
            {
                before++;
            }
        }

        var maxDays = MaxDaysFrom(present, entry);
        var fullStayFrom = entry;
        while (MaxDaysFrom(present, fullStayFrom) < 90)
        {
            fullStayFrom = fullStayFrom.PlusDays(1);
        }

        return new PlanAnswer(maxDays, before, fullStayFrom);
    }

    private static HashSet<LocalDate> Presence(IReadOnlyList<Stay> stays, LocalDate openStaysEndOn)
    {
        var present = new HashSet<LocalDate>();
        foreach (var stay in stays)
        {
            for (var day = stay.Entry; day <= (stay.Exit ?? openStaysEndOn); day = day.PlusDays(1))
            {
                present.Add(day);
            }
        }

        return present;
    }

    private static int MaxDaysFrom(HashSet<LocalDate> history, LocalDate entry)
    {
        var added = new List<LocalDate>();
        var day = entry;
        while (true)
        {
            if (history.Add(day))
            {
                added.Add(day);
            }

            if (WindowCount(history, day) > 90)
            {
                break;
            }

            day = day.PlusDays(1);
        }

        foreach (var d in added)
        {
            history.Remove(d);
        }

        return Period.DaysBetween(entry, day);
    }

    private static int WindowCount(HashSet<LocalDate> present, LocalDate day)
    {
        var count = 0;
        for (var d = day.PlusDays(-179); d <= day; d = d.PlusDays(1))
        {
            if (present.Contains(d))
            {
                count++;
            }
        }

        return count;
    }
}
