using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Domain.Checks;

/// <summary>Dates, counts and sentences as the conditions write them.</summary>
internal static class CheckText
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Days(int count) => count == 1 ? "1 day" : Line($"{count} days");

    public static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
