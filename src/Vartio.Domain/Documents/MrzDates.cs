using NodaTime;

namespace Vartio.Domain.Documents;

/// <summary>
/// How a two-digit MRZ year (YYMMDD) becomes a calendar year, relative to a reference date (the day of the
/// check). Doc 9303 leaves the century to the reader.
/// <list type="bullet">
/// <item>A date of birth (and a French card's month of issue) is in the past: the latest year ending in YY
/// that does not put the date after the reference date. Read on 2026-11-27, <c>261127</c> is 2026-11-27
/// and <c>261128</c> is 1926-11-28.</item>
/// <item>A date of expiry lies at most <see cref="ExpiryYearsAhead"/> years after the reference year and
/// otherwise in the hundred years before that: read in 2026, <c>76</c> is 2076 and <c>77</c> is 1977.
/// Documents are issued for at most about fifteen years, so fifty years ahead leaves a wide margin while
/// still reading long-expired documents as expired.</item>
/// </list>
/// </summary>
public static class MrzDates
{
    /// <summary>How many years after the reference year a two-digit expiry year may reach.</summary>
    public const int ExpiryYearsAhead = 50;

    /// <summary>The year of a date that must not be after <paramref name="reference"/>.</summary>
    public static int PastYear(int twoDigitYear, int month, int day, LocalDate reference)
    {
        var year = reference.Year - (reference.Year % 100) + twoDigitYear;
        if (year > reference.Year || (year == reference.Year && (month > reference.Month || (month == reference.Month && day > reference.Day))))
        {
            year -= 100;
        }

        return year;
    }

    /// <summary>The year of an expiry date: within (reference − 50, reference + 50].</summary>
    public static int ExpiryYear(int twoDigitYear, LocalDate reference)
    {
        var year = reference.Year - (reference.Year % 100) + twoDigitYear;
        if (year > reference.Year + ExpiryYearsAhead)
        {
            year -= 100;
        }
        else if (year <= reference.Year + ExpiryYearsAhead - 100)
        {
            year += 100;
        }

        return year;
    }
}
