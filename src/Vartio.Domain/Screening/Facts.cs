using System.Globalization;

namespace Vartio.Domain.Screening;

/// <summary>
/// What a birth date and a nationality do to a name score. They only move a score the names already earned:
/// together they raise it by at most <see cref="MaxRaise"/>, and a name that scores less than the threshold
/// minus that is never a hit, so neither can make a hit alone.
/// </summary>
internal static class Facts
{
    public const double SameDate = 0.06;
    public const double SameYear = 0.03;
    public const double SameNationality = 0.02;
    public const double MaxRaise = SameDate + SameNationality;
    public const double YearOff = -0.08;
    public const double YearsDiffer = -0.2;
    public const double DayDiffers = -0.04;
    public const double NationalityDiffers = -0.05;

    public static ScoreFactor BirthDate(PartialDate query, PartialDate list)
    {
        if (query.Year is not { } queryYear)
        {
            return ScoreFactor.Unknown("not given");
        }

        if (list.Year is not { } listYear)
        {
            return ScoreFactor.Unknown("unknown on the list");
        }

        if (queryYear != listYear)
        {
            var off = Math.Abs(queryYear - listYear);
            return new(ScoreEffect.Lowered, off == 1 ? YearOff : YearsDiffer, string.Create(CultureInfo.InvariantCulture, $"years differ ({query}, list {list})"));
        }

        if (query.Date is { } queryDate && list.Date is { } listDate)
        {
            return queryDate == listDate
                ? new(ScoreEffect.Raised, SameDate, $"same date {query}")
                : new(ScoreEffect.Lowered, DayDiffers, $"same year, different day ({query}, list {list})");
        }

        return new(ScoreEffect.Raised, SameYear, string.Create(CultureInfo.InvariantCulture, $"same year {queryYear}"));
    }

    public static ScoreFactor Nationality(string? query, IReadOnlyList<string> list)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ScoreFactor.Unknown("not given");
        }

        if (list.Count == 0)
        {
            return ScoreFactor.Unknown("unknown on the list");
        }

        var code = DocumentNumbers.NormaliseState(query);
        foreach (var nationality in list)
        {
            if (string.Equals(DocumentNumbers.NormaliseState(nationality), code, StringComparison.Ordinal))
            {
                return new(ScoreEffect.Raised, SameNationality, $"same {code}");
            }
        }

        return new(ScoreEffect.Lowered, NationalityDiffers, $"{code} not in {string.Join('/', list)}");
    }
}
