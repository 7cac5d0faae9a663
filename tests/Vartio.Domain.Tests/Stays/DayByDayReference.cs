using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

/// <summary>
/// The 90/180 rule read literally, one day at a time, as a reference for the calculator's sweep: a set of
/// the days present, and for each day of interest a count over the 180 days ending on it. Slow on purpose;
/// it shares no code with the calculator.
/// </summary>
internal sealed class DayByDayReference
{
    private readonly HashSet<LocalDate> present = [];
    private readonly HashSet<LocalDate> excluded = [];

    public DayByDayReference(IEnumerable<Stay> stays, IEnumerable<ExcludedPeriod> excludedPeriods, LocalDate openStaysEndOn)
    {
        foreach (var stay in stays)
        {
            for (var day = stay.Entry; day <= (stay.Exit ?? openStaysEndOn); day = day.PlusDays(1))
            {
                present.Add(day);
            }
        }

        foreach (var period in excludedPeriods)
        {
            for (var day = period.From; day <= period.To; day = day.PlusDays(1))
            {
                excluded.Add(day);
            }
        }
    }

    public int CountedIn(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (present.Contains(day) && !excluded.Contains(day))
            {
                count++;
            }
        }

        return count;
    }

    public int WindowCount(LocalDate day) => CountedIn(day.PlusDays(-179), day);

    public bool IsPresent(LocalDate day) => present.Contains(day);

    /// <summary>Staying on every day from <paramref name="from"/>: the first day whose window holds more than 90.</summary>
    public LocalDate FirstDayOverLimitStayingFrom(LocalDate from)
    {
        var extended = new DayByDayReference([], [], from);
        extended.present.UnionWith(present);
        extended.excluded.UnionWith(excluded);
        for (var day = from; ; day = day.PlusDays(1))
        {
            extended.present.Add(day);
            if (extended.WindowCount(day) > 90)
            {
                return day;
            }
        }
    }

    public int MaxDaysFrom(LocalDate entry) => Period.DaysBetween(entry, FirstDayOverLimitStayingFrom(entry));

    public LocalDate FullStayFrom(LocalDate entry)
    {
        var candidate = entry;
        while (MaxDaysFrom(candidate) < 90)
        {
            candidate = candidate.PlusDays(1);
        }

        return candidate;
    }
}
