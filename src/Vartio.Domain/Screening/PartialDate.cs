using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Domain.Screening;

/// <summary>
/// A date of birth as lists know it: a full date, a year only, or unknown (the default). A month without a
/// day is kept as its year: lists that give one give it for a year they are unsure of.
/// </summary>
public readonly record struct PartialDate
{
    private PartialDate(int? year, LocalDate? date)
    {
        Year = year;
        Date = date;
    }

    public static PartialDate Unknown => default;

    /// <summary>The year; null when the date is unknown.</summary>
    public int? Year { get; }

    /// <summary>The full date; null when only the year, or nothing, is known.</summary>
    public LocalDate? Date { get; }

    public bool IsUnknown => Year is null;

    /// <summary>
    /// The date as one positive number, to compare many quickly: 0 when unknown; otherwise the year (offset to
    /// stay positive), month and day in bit fields, with month and day 0 for a year alone.
    /// </summary>
    internal int Packed => Year is not { } year ? 0 : ((year + 20_000) << 9) | (Date is { } date ? (date.Month << 5) | date.Day : 0);

    public static PartialDate FromDate(LocalDate date) => new(date.Year, date);

    public static PartialDate FromYear(int year) =>
        year is >= 1 and <= 9999 ? new(year, null) : throw new ArgumentOutOfRangeException(nameof(year), year, "A year between 1 and 9999.");

    /// <summary>Reads <c>""</c> (unknown), <c>YYYY</c>, <c>YYYY-MM</c> (kept as the year) or <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (trimmed.Length is not (4 or 7 or 10)
            || !int.TryParse(trimmed[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1)
        {
            return false;
        }

        if (trimmed.Length == 4)
        {
            value = new(year, null);
            return true;
        }

        if (trimmed.Length == 7)
        {
            if (trimmed[4] != '-' || !int.TryParse(trimmed[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            {
                return false;
            }

            value = new(year, null);
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(trimmed.ToString());
        if (!parsed.Success)
        {
            return false;
        }

        value = new(year, parsed.Value);
        return true;
    }

    public static PartialDate Parse(string? text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a date: expected YYYY, YYYY-MM-DD or nothing.");

    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY</c> or the empty string; <see cref="TryParse"/> reads it back.</summary>
    public override string ToString() => Date is { } date
        ? LocalDatePattern.Iso.Format(date)
        : Year is { } year ? year.ToString("D4", CultureInfo.InvariantCulture) : "";
}
