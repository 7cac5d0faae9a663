using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>The rule every assessment applies, with its source.</summary>
public static class StayRule
{
    public const int MaxDays = 90;

    public const int WindowDays = 180;

    /// <summary>
    /// The current definition applies from 18 October 2013, when Regulation (EU) No 610/2013 replaced
    /// "90 days per 180-day period from the first entry" with the rolling window.
    /// </summary>
    public static LocalDate InForceFrom { get; } = new(2013, 10, 18);

    public const string Text =
        "At most 90 days of stay in any 180-day period: on each day of stay, the days of presence in the 180 days " +
        "ending that day may number at most 90. The days of entry and exit count as whole days, a day of exit " +
        "and re-entry counts once, and days under a residence permit or long-stay visa do not count. " +
        "Regulation (EU) 2016/399 (Schengen Borders Code), Art. 6(1) and 6(2).";

    private static readonly int InForceFromDay = DayNumbers.Of(InForceFrom);

    /// <summary>The warnings for a window that begins on <paramref name="windowStart"/>, a day number.</summary>
    internal static IReadOnlyList<string> Warnings(int windowStart) =>
        windowStart < InForceFromDay ? [OldRuleWarning(DayNumbers.ToDate(windowStart))] : [];

    private static string OldRuleWarning(LocalDate windowStart) =>
        string.Create(CultureInfo.InvariantCulture, $"The window begins on {StayText.Date(windowStart)}, before the rule took its current form on 2013-10-18 (Regulation (EU) No 610/2013); the days before that date were counted under the current rule.");
}
