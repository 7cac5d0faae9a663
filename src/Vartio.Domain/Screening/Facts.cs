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
    public const double YearOff = -0.03;
    public const double YearsApart = -0.05;
    public const double YearsDiffer = -0.08;
    public const double DayDiffers = -0.04;

    /// <summary>
    /// What birth years apart cost a name that is not a full match (a part with a typo, a part left over): two
    /// doubts together are another person more often than not.
    /// </summary>
    public const double YearOffPartialName = -0.08;
    public const double YearsDifferPartialName = -0.2;

    /// <summary>Birth years at most this far apart lower a hit by <see cref="YearsApart"/>; further, by <see cref="YearsDiffer"/>.</summary>
    public const int FewYears = 5;

    /// <summary>Full birth dates on both sides this many years apart or more rule a hit out: not an approximate date, another person.</summary>
    public const int Decades = 20;

    /// <summary>Added to a score to rule the entry out.</summary>
    public const double RuledOut = -1;
    public const double NationalityDiffers = -0.05;

    public enum Outcome
    {
        NotGiven,
        UnknownOnList,
        Same,
        SameYear,
        DayDiffers,
        YearOff,
        YearsApart,
        Differs,

        /// <summary>Full dates decades apart, or any difference when an exact date was asked for: not a hit.</summary>
        RuledOut,
    }

    public static Outcome Compare(PartialDate query, PartialDate list, bool exact = false) => Compare(query.Packed, list.Packed, exact);

    /// <summary>
    /// Compares two birth dates given as <see cref="PartialDate.Packed"/>. Lists' birth dates are often
    /// approximate or wrong, so dates years apart only lower a hit; full dates on both sides at least
    /// <see cref="Decades"/> years apart rule it out, and so does any difference when <paramref name="exact"/>.
    /// </summary>
    public static Outcome Compare(int query, int list, bool exact = false)
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
        var (queryDay, listDay) = (query & 511, list & 511);
        if (queryYear != listYear)
        {
            var apart = Math.Abs(queryYear - listYear);
            return exact || (apart >= Decades && queryDay != 0 && listDay != 0) ? Outcome.RuledOut
                : apart == 1 ? Outcome.YearOff
                : apart <= FewYears ? Outcome.YearsApart
                : Outcome.Differs;
        }

        if (queryDay != 0 && listDay != 0)
        {
            return queryDay == listDay ? Outcome.Same : exact ? Outcome.RuledOut : Outcome.DayDiffers;
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

    /// <param name="fullName">
    /// Whether the name is a full match (<see cref="NameComparison.IsFull"/>): only then are years apart forgiven,
    /// lowered by <see cref="YearOff"/>, <see cref="YearsApart"/> or <see cref="YearsDiffer"/>.
    /// </param>
    public static double BirthDateDelta(Outcome outcome, bool fullName = true) => outcome switch
    {
        Outcome.Same => SameDate,
        Outcome.SameYear => SameYear,
        Outcome.DayDiffers => DayDiffers,
        Outcome.YearOff => fullName ? YearOff : YearOffPartialName,
        Outcome.YearsApart => fullName ? YearsApart : YearsDifferPartialName,
        Outcome.Differs => fullName ? YearsDiffer : YearsDifferPartialName,
        Outcome.RuledOut => RuledOut,
        _ => 0,
    };

    public static double NationalityDelta(Outcome outcome) => outcome switch
    {
        Outcome.Same => SameNationality,
        Outcome.Differs => NationalityDiffers,
        _ => 0,
    };

    public static ScoreFactor BirthDate(PartialDate query, PartialDate list, bool exact = false, bool fullName = true)
    {
        var outcome = Compare(query, list, exact);
        var apart = query.Year is { } a && list.Year is { } b ? Math.Abs(a - b) : 0;
        var delta = BirthDateDelta(outcome, fullName);
        return outcome switch
        {
            Outcome.NotGiven => ScoreFactor.Unknown("not given"),
            Outcome.UnknownOnList => ScoreFactor.Unknown("unknown on the list"),
            Outcome.Same => new(ScoreEffect.Raised, delta, $"same date {query}"),
            Outcome.SameYear => new(ScoreEffect.Raised, delta, string.Create(CultureInfo.InvariantCulture, $"same year {query.Year}")),
            Outcome.DayDiffers => new(ScoreEffect.Lowered, delta, $"same year, different day ({query}, list {list})"),
            Outcome.RuledOut when exact => new(ScoreEffect.Lowered, delta, $"not the exact date asked for ({query}, list {list})"),
            Outcome.RuledOut => new(ScoreEffect.Lowered, delta, string.Create(CultureInfo.InvariantCulture, $"birth dates {apart} years apart ({query}, list {list})")),
            _ => new(ScoreEffect.Lowered, delta, string.Create(CultureInfo.InvariantCulture, $"birth year {apart} {(apart == 1 ? "year" : "years")} apart ({query}, list {list})")),
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
