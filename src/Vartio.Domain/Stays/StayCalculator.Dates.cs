using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>The dates the calculator accepts, and dates as day numbers and back.</summary>
public static partial class StayCalculator
{
    // Far enough from the ends of NodaTime's range that windows and results around any accepted date exist.
    private const int EarliestYear = 1900;
    private const int LatestYear = 9998;

    /// <summary>Why a date cannot be used; null when it can.</summary>
    private static string? DateProblem(LocalDate date, string what) =>
        date.Calendar != CalendarSystem.Iso ? Text($"The {what} must be a date in the ISO calendar.")
        : date.Year < EarliestYear || date.Year > LatestYear ? Text($"The {what} {StayText.Date(date)} is outside the years {EarliestYear} to {LatestYear}.")
        : null;

    private static IReadOnlyList<string> Warnings(LocalDate windowStart) => StayRule.Warnings(DayNumbers.Of(windowStart));

    private static int Day(LocalDate date) => DayNumbers.Of(date);

    internal static LocalDate Date(int day) => DayNumbers.ToDate(day);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
