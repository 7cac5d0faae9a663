using System.Globalization;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Screening;

/// <summary>
/// What a birth date and a nationality do to a name score. They only move a score the names already earned:
/// together they raise it by at most <see cref="MaxRaise"/>, and a name that scores less than the threshold
/// minus that is never a hit, so neither can make a hit alone.
/// </summary>
/// <remarks>
/// Screening weighs the facts of every candidate and describes them only for the hits: <see cref="Compare(PartialDate, PartialDate)"/>
/// and <see cref="Compare(string?, IReadOnlyList{string})"/> decide, <see cref="BirthDate"/> and <see cref="Nationality"/> put the
/// decision into words.
/// </remarks>
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

    public enum Outcome
    {
        NotGiven,
        UnknownOnList,
        Same,
        SameYear,
        DayDiffers,
        YearOff,
        Differs,
    }

    public static Outcome Compare(PartialDate query, PartialDate list) => Compare(query.Packed, list.Packed);

    /// <summary>Compares two birth dates given as <see cref="PartialDate.Packed"/>.</summary>
    public static Outcome Compare(int query, int list)
    {
        if (query == 0)
        {
            return Outcome.NotGiven;
        }

        if (list == 0)
        {
            return Outcome.UnknownOnList;
        }

        var (queryYear, listYear) = (query >> 9, list >> 9);
        if (queryYear != listYear)
        {
            return Math.Abs(queryYear - listYear) == 1 ? Outcome.YearOff : Outcome.Differs;
        }

        var (queryDay, listDay) = (query & 511, list & 511);
        if (queryDay != 0 && listDay != 0)
        {
            return queryDay == listDay ? Outcome.Same : Outcome.DayDiffers;
        }

        return Outcome.SameYear;
    }

    /// <param name="query">A nationality already put through <see cref="Country.Normalise"/>.</param>
    public static Outcome Compare(string? query, IReadOnlyList<string> list)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return Outcome.NotGiven;
        }

        if (list.Count == 0)
        {
            return Outcome.UnknownOnList;
        }

        foreach (var nationality in list)
        {
            // Lists mostly write the code as it is compared; only the rest needs normalising.
            if (string.Equals(nationality, query, StringComparison.Ordinal) || string.Equals(Country.Normalise(nationality), query, StringComparison.Ordinal))
            {
                return Outcome.Same;
            }
        }

        return Outcome.Differs;
    }

    public static double BirthDateDelta(Outcome outcome) => outcome switch
    {
        Outcome.Same => SameDate,
        Outcome.SameYear => SameYear,
        Outcome.DayDiffers => DayDiffers,
        Outcome.YearOff => YearOff,
        Outcome.Differs => YearsDiffer,
        _ => 0,
    };

    public static double NationalityDelta(Outcome outcome) => outcome switch
    {
        Outcome.Same => SameNationality,
        Outcome.Differs => NationalityDiffers,
        _ => 0,
    };

    public static ScoreFactor BirthDate(PartialDate query, PartialDate list)
    {
        var outcome = Compare(query, list);
        var delta = BirthDateDelta(outcome);
        return outcome switch
        {
            Outcome.NotGiven => ScoreFactor.Unknown("not given"),
            Outcome.UnknownOnList => ScoreFactor.Unknown("unknown on the list"),
            Outcome.Same => new(ScoreEffect.Raised, delta, $"same date {query}"),
            Outcome.SameYear => new(ScoreEffect.Raised, delta, string.Create(CultureInfo.InvariantCulture, $"same year {query.Year}")),
            Outcome.DayDiffers => new(ScoreEffect.Lowered, delta, $"same year, different day ({query}, list {list})"),
            _ => new(ScoreEffect.Lowered, delta, string.Create(CultureInfo.InvariantCulture, $"years differ ({query}, list {list})")),
        };
    }

    public static ScoreFactor Nationality(string? query, IReadOnlyList<string> list)
    {
        var code = string.IsNullOrWhiteSpace(query) ? query : Country.Normalise(query);
        var outcome = Compare(code, list);
        var delta = NationalityDelta(outcome);
        return outcome switch
        {
            Outcome.NotGiven => ScoreFactor.Unknown("not given"),
            Outcome.UnknownOnList => ScoreFactor.Unknown("unknown on the list"),
            Outcome.Same => new(ScoreEffect.Raised, delta, $"same {code}"),
            _ => new(ScoreEffect.Lowered, delta, $"{code} not in {string.Join('/', list)}"),
        };
    }
}
