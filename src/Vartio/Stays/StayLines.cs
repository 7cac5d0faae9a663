using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>A stay read from a line of text, with the line it came from.</summary>
public sealed record StayLine(int LineNumber, Stay Stay);

/// <summary>A line that could not be read.</summary>
public sealed record StayLineProblem(int LineNumber, string Message);

/// <summary>
/// Reads the stay list format: one stay per line, <c>YYYY-MM-DD YYYY-MM-DD</c> (entry, exit) or
/// <c>YYYY-MM-DD -</c> for a stay still open; blank lines and lines starting with <c>#</c> are skipped.
/// Every bad line is reported, not only the first.
/// </summary>
public static class StayLines
{
    public const string Format = "'YYYY-MM-DD YYYY-MM-DD' (entry, exit) or 'YYYY-MM-DD -' for a stay still open";

    public static (IReadOnlyList<StayLine> Stays, IReadOnlyList<StayLineProblem> Problems) Read(TextReader reader)
    {
        var stays = new List<StayLine>();
        var problems = new List<StayLineProblem>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                problems.Add(new(number, $"expected {Format}, found '{text}'."));
                continue;
            }

            var entry = ParseDate(fields[0]);
            LocalDate? exit = fields[1] == "-" ? null : ParseDate(fields[1]);
            var fault = entry is null ? fields[0] : fields[1] != "-" && exit is null ? fields[1] : null;
            if (fault is not null)
            {
                problems.Add(new(number, $"'{fault}' is not a date; expected {Format}."));
                continue;
            }

            stays.Add(new StayLine(number, new Stay(entry!.Value, exit)));
        }

        return (stays, problems);
    }

    /// <summary>A calendar date written YYYY-MM-DD; null when it is not one.</summary>
    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : null;
    }

    /// <summary>
    /// A period written <c>YYYY-MM-DD..YYYY-MM-DD</c>, first and last day; null when it is not one. A period
    /// that ends before it begins is read as written, for the calculator to reject with its reason.
    /// </summary>
    public static ExcludedPeriod? ParsePeriod(string? text)
    {
        var parts = (text ?? "").Split("..");
        return parts.Length == 2 && ParseDate(parts[0]) is { } from && ParseDate(parts[1]) is { } to
            ? new ExcludedPeriod(from, to)
            : null;
    }

    public static string FormatDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string FormatDate(LocalDate? date) => date is { } d ? FormatDate(d) : "";

    internal static string Line(int number, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"line {number}: {message}");
}
