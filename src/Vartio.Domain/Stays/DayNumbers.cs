using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// ISO dates as consecutive day numbers (0 is 1970-01-01), from year, month and day and back, for every
/// date NodaTime holds (years −9998 to 9999).
/// </summary>
/// <remarks>
/// The arithmetic is that of C. Neri and L. Schneider, "Euclidean affine functions and their application to
/// calendar algorithms", Software: Practice and Experience 53(4), 2023 (arXiv:2102.06959): years are counted
/// from March, so that the leap day ends its year, and shifted by 82 cycles of 400 years so that every
/// quantity is positive; each division is then by a constant, or a multiplication and a shift. Both ways
/// are checked against NodaTime for every day of 1900 to 2200 and around the ends of its range. A day
/// number costs a few multiplications, where <see cref="Period.DaysBetween(LocalDate, LocalDate)"/> costs
/// many times more, once per date of every stay.
/// </remarks>
internal static class DayNumbers
{
    // 82 cycles of 400 years: every year from −32,799 on maps to a non-negative number.
    private const uint Cycles = 82;
    private const uint YearShift = 400 * Cycles;

    // The day number of 1 March of year 0 (−719,468) plus the days of those cycles.
    private const uint DayShift = 719_468 + (146_097 * Cycles);

    /// <summary>The day number of an ISO date.</summary>
    public static int Of(LocalDate date) => Of(date.Year, date.Month, date.Day);

    /// <summary>The day number of a valid ISO year, month and day.</summary>
    public static int Of(int year, int month, int day)
    {
        var januaryOrFebruary = (uint)month <= 2 ? 1u : 0u;
        var shiftedYear = (uint)year + YearShift - januaryOrFebruary; // counted from March
        var monthOfShiftedYear = (uint)month + (12 * januaryOrFebruary); // March is 3, February 14
        var century = shiftedYear / 100;

        // Days before the shifted year (365.25 a year, less the century years that are not leap years),
        // then days before the month from March (the month lengths 31, 30, 31, 30, 31 repeat, which
        // 979/32 days a month with an offset reproduces exactly).
        var daysBeforeYear = (1461 * shiftedYear / 4) - century + (century / 4);
        var daysBeforeMonth = ((979 * monthOfShiftedYear) - 2919) / 32;
        return (int)(daysBeforeYear + daysBeforeMonth + (uint)day - 1 - DayShift);
    }

    /// <summary>
    /// A number that orders ISO dates as the calendar does, from year, month and day alone; differences
    /// between keys mean nothing. It costs less than <see cref="Of(LocalDate)"/>.
    /// </summary>
    public static int SortKey(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    /// <summary>The ISO date of a day number.</summary>
    public static LocalDate ToDate(int day)
    {
        var shifted = (uint)day + DayShift;

        // The century (of 146,097/4 days on average) and the day in it.
        var centuryQuarters = (4 * shifted) + 3;
        var century = centuryQuarters / 146_097;
        var dayOfCentury = centuryQuarters % 146_097 / 4;

        // The year in the century (of 1461/4 days on average) and the day in it from 1 March: one
        // multiplication by ⌈2^32 / 1461⌉ gives both, the year in its upper half and the fraction of a
        // year in its lower half.
        var product = 2_939_745UL * ((4 * dayOfCentury) + 3);
        var yearOfCentury = (uint)(product >> 32);
        var dayOfYear = (uint)product / 2_939_745 / 4;

        // The month and day from 1 March: 2141/65536 is close enough to 5/153 for the days of a year.
        var monthAndDay = (2141 * dayOfYear) + 197_913;
        var month = monthAndDay >> 16;
        var dayOfMonth = (monthAndDay & 0xFFFF) / 2141;

        var januaryOrFebruary = dayOfYear >= 306 ? 1u : 0u;
        return new LocalDate(
            (int)((100 * century) + yearOfCentury - YearShift + januaryOrFebruary),
            (int)(month - (12 * januaryOrFebruary)),
            (int)dayOfMonth + 1);
    }

    /// <summary>
    /// Day numbers for dates that mostly share a month with the date before, as the dates of a history
    /// do: the day before the month is computed once per month, the rest is an addition.
    /// </summary>
    public struct Cache
    {
        private int yearAndMonth; // 0, which no year and month map to, until the first date
        private int dayBeforeMonth;

        public int Of(LocalDate date)
        {
            var year = date.Year;
            var month = date.Month;
            var key = (year << 4) | month;
            if (key != yearAndMonth)
            {
                yearAndMonth = key;
                dayBeforeMonth = DayNumbers.Of(year, month, 1) - 1;
            }

            return dayBeforeMonth + date.Day;
        }
    }
}
