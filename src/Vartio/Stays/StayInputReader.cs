using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Problems;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>
/// The one reader of stays input: the API's request and the page's form (both as a
/// <see cref="StayAssessRequest"/>, problems named in the API's JSON path form, <c>stays[2].exit</c>), and the
/// command line's stays file with its options (problems carry the line, and name the column or option).
/// Every problem is reported, not only the first.
/// </summary>
public static class StayInputReader
{
    /// <summary>The stays file's line format, for help and messages.</summary>
    public const string LineFormat = "'YYYY-MM-DD YYYY-MM-DD' (entry, exit) or 'YYYY-MM-DD -' for a stay still open";

    /// <summary>The API's request, or the page's form as one.</summary>
    public static StayInput Read(StayAssessRequest request)
    {
        var problems = new List<Problem>();
        var stays = new List<Stay>();
        var excluded = new List<ExcludedPeriod>();
        var requestStays = request.Stays ?? [];
        var requestExcluded = request.Excluded ?? [];
        if (requestStays.Count > StayInput.MaxStays)
        {
            problems.Add(new("stays", Text($"At most {StayInput.MaxStays} stays can be assessed at once.")));
        }
        else
        {
            for (var i = 0; i < requestStays.Count; i++)
            {
                var stay = requestStays[i];
                var entry = Date(stay?.Entry, StayFields.Stay(i, ".entry"), required: true, problems);
                var exit = Date(stay?.Exit, StayFields.Stay(i, ".exit"), required: false, problems);
                if (entry is { } e)
                {
                    stays.Add(new Stay(e, exit));
                }
            }
        }

        if (requestExcluded.Count > StayInput.MaxStays)
        {
            problems.Add(new("excluded", Text($"At most {StayInput.MaxStays} excluded periods can be given at once.")));
        }
        else
        {
            for (var i = 0; i < requestExcluded.Count; i++)
            {
                var period = requestExcluded[i];
                var from = Date(period?.From, StayFields.Excluded(i, ".from"), required: true, problems);
                var to = Date(period?.To, StayFields.Excluded(i, ".to"), required: true, problems);
                if (from is { } f && to is { } t)
                {
                    excluded.Add(new ExcludedPeriod(f, t));
                }
            }
        }

        var on = Date(request.On, "on", required: false, problems);
        var plannedEntry = Date(request.Entry, "entry", required: false, problems);
        if (string.IsNullOrWhiteSpace(request.On) && string.IsNullOrWhiteSpace(request.Entry))
        {
            problems.Add(new("on", "Give a control date (on), a planned entry (entry), or both."));
        }

        return new StayInput(stays, excluded, on, plannedEntry, problems);
    }

    /// <summary>
    /// The command line's input: one stay per line (<see cref="LineFormat"/>; blank lines and lines starting
    /// with <c>#</c> are skipped), the control date or planned entry, and the excluded periods
    /// (<c>FROM..TO</c>).
    /// </summary>
    public static StayInput Read(TextReader lines, string? on, string? entry, IReadOnlyList<string> exclude)
    {
        var problems = new List<Problem>();
        LocalDate? onDate = null;
        LocalDate? entryDate = null;
        if (on is not null)
        {
            onDate = OptionDate(on, "--on", problems);
        }

        if (entry is not null)
        {
            entryDate = OptionDate(entry, "--entry", problems);
        }

        var excluded = new List<ExcludedPeriod>();
        foreach (var value in exclude)
        {
            if (Period(value) is { } period)
            {
                excluded.Add(period);
            }
            else
            {
                problems.Add(new("--exclude", Text($"cannot read '{value}'. Expected FROM..TO, two dates YYYY-MM-DD (2024-02-01..2024-02-20).")));
            }
        }

        var stays = new List<Stay>();
        var numbers = new List<int>();
        var number = 0;
        while (lines.ReadLine() is { } line)
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
                problems.Add(new("stay", Text($"expected {LineFormat}, found '{text}'."), number));
                continue;
            }

            var entryOfStay = Date(fields[0]);
            LocalDate? exit = fields[1] == "-" ? null : Date(fields[1]);
            if (entryOfStay is null)
            {
                problems.Add(new("entry", Text($"'{fields[0]}' is not a date; expected {LineFormat}."), number));
                continue;
            }

            if (fields[1] != "-" && exit is null)
            {
                problems.Add(new("exit", Text($"'{fields[1]}' is not a date; expected {LineFormat}."), number));
                continue;
            }

            stays.Add(new Stay(entryOfStay.Value, exit));
            numbers.Add(number);
        }

        return new StayInput(stays, excluded, onDate, entryDate, problems, numbers);
    }

    /// <summary>A calendar date written YYYY-MM-DD; null when it is not one.</summary>
    public static LocalDate? Date(string? text)
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
    public static ExcludedPeriod? Period(string? text)
    {
        var parts = (text ?? "").Split("..");
        return parts.Length == 2 && Date(parts[0]) is { } from && Date(parts[1]) is { } to
            ? new ExcludedPeriod(from, to)
            : null;
    }

    public static string FormatDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate? OptionDate(string text, string option, List<Problem> problems)
    {
        if (Date(text) is { } date)
        {
            return date;
        }

        problems.Add(new(option, Text($"cannot read '{text}'. Expected a date, YYYY-MM-DD.")));
        return null;
    }

    private static LocalDate? Date(string? text, string field, bool required, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new(field, "A date is required (YYYY-MM-DD)."));
            }

            return null;
        }

        if (Date(text) is { } date)
        {
            return date;
        }

        problems.Add(new(field, Text($"'{text}' is not a date; write it YYYY-MM-DD.")));
        return null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
