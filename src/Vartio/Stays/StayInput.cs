using System.Globalization;
using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>A request read into domain values, or every field that could not be read.</summary>
public sealed record StayInput(
    IReadOnlyList<Stay> Stays,
    IReadOnlyList<ExcludedPeriod> Excluded,
    LocalDate? On,
    LocalDate? Entry,
    IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>More stays than any traveller's record holds; a request beyond it is refused, not computed.</summary>
    public const int MaxStays = 10_000;

    public bool IsValid => Errors.Count == 0;

    public static StayInput Read(StayAssessRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stays = new List<Stay>();
        var excluded = new List<ExcludedPeriod>();
        var requestStays = request.Stays ?? [];
        var requestExcluded = request.Excluded ?? [];
        if (requestStays.Count > MaxStays)
        {
            errors["stays"] = [Text($"At most {MaxStays} stays can be assessed at once.")];
        }
        else
        {
            for (var i = 0; i < requestStays.Count; i++)
            {
                var stay = requestStays[i];
                var entry = Date(stay?.Entry, Text($"stays[{i}].entry"), required: true, errors);
                var exit = Date(stay?.Exit, Text($"stays[{i}].exit"), required: false, errors);
                if (entry is { } e)
                {
                    stays.Add(new Stay(e, exit));
                }
            }
        }

        if (requestExcluded.Count > MaxStays)
        {
            errors["excluded"] = [Text($"At most {MaxStays} excluded periods can be given at once.")];
        }
        else
        {
            for (var i = 0; i < requestExcluded.Count; i++)
            {
                var period = requestExcluded[i];
                var from = Date(period?.From, Text($"excluded[{i}].from"), required: true, errors);
                var to = Date(period?.To, Text($"excluded[{i}].to"), required: true, errors);
                if (from is { } f && to is { } t)
                {
                    excluded.Add(new ExcludedPeriod(f, t));
                }
            }
        }

        var on = Date(request.On, "on", required: false, errors);
        var plannedEntry = Date(request.Entry, "entry", required: false, errors);
        if (string.IsNullOrWhiteSpace(request.On) && string.IsNullOrWhiteSpace(request.Entry))
        {
            errors["on"] = ["Give a control date (on), a planned entry (entry), or both."];
        }

        return new StayInput(stays, excluded, on, plannedEntry, errors);
    }

    private static LocalDate? Date(string? text, string field, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = ["A date is required (YYYY-MM-DD)."];
            }

            return null;
        }

        if (StayLines.ParseDate(text) is { } date)
        {
            return date;
        }

        errors[field] = [Text($"'{text}' is not a date; write it YYYY-MM-DD.")];
        return null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
