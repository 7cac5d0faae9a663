using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Domain.Stays;

/// <summary>Dates, runs of days and counts of days as the explanations write them.</summary>
internal static class StayText
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Range(DateInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{Date(interval.Start)} – {Date(interval.End)} ({Days(interval.Length)})");

    public static string Days(int count) => count == 1
        ? "1 day"
        : string.Create(CultureInfo.InvariantCulture, $"{count} days");
}
