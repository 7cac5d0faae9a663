using System.Globalization;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Checks;

public sealed partial record CheckInput
{
    /// <summary>
    /// What is wrong with the input as a whole, each problem naming its field as the API writes it
    /// (<c>intendedDeparture</c>, <c>visa.validFrom</c>); empty when the check can be decided. The conditions
    /// themselves never make a problem: an expired document is a finding, not bad input.
    /// </summary>
    public IReadOnlyList<Problem> Problems()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(CrossingPoint))
        {
            problems.Add(new Problem("crossingPoint", "The crossing point is required."));
        }

        if (IntendedDeparture is { } departure && departure < Date)
        {
            problems.Add(new Problem("intendedDeparture", CheckText.Line($"The intended departure, {CheckText.Date(departure)}, is before the day of the check, {CheckText.Date(Date)}.")));
        }

        if (Visa is { ValidFrom: { } from, ValidUntil: { } until } && until < from)
        {
            problems.Add(new Problem("visa.validUntil", CheckText.Line($"The visa's last day, {CheckText.Date(until)}, is before its first, {CheckText.Date(from)}.")));
        }

        if (Visa is { Type: not VisaType.LongStay, DurationOfStayDays: < 1 or > 90 } visa)
        {
            problems.Add(new Problem("visa.durationOfStay", CheckText.Line($"A short-stay visa allows 1 to 90 days of stay, not {visa.DurationOfStayDays}.")));
        }

        if (VisaEntriesUsed < 0)
        {
            problems.Add(new Problem("visaEntriesUsed", "The entries already used cannot be negative."));
        }

        if (double.IsNaN(WatchlistThreshold) || WatchlistThreshold is < 0 or > 1)
        {
            problems.Add(new Problem("watchlistThreshold", string.Create(CultureInfo.InvariantCulture, $"The threshold is a score from 0 to 1, not {WatchlistThreshold}.")));
        }

        return problems;
    }
}
