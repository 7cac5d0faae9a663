using NodaTime;
using Vartio.Domain.Stays;
using static Vartio.Domain.Checks.CheckText;

namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private const char AlreadyStayedNinetyDays = 'F';

    private sealed record EntryStayFindings(CheckCondition Condition, int? DaysUsed, LocalDate? AuthorisedUntil);

    /// <summary>
    /// The 90/180 rule in planning mode from the day of entry (the European Commission's calculator's "planning"):
    /// no day left is refusal F; otherwise the last day of the authorised stay is the earliest of the 90/180 limit
    /// and the visa's last day.
    /// </summary>
    private static EntryStayFindings EntryStay(CheckInput input, TravellerStanding traveller, LocalDate? visaLastDay)
    {
        const string code = ConditionCodes.Stay;
        const string rule = CheckRules.Stay;
        if (!traveller.Thorough)
        {
            return new(NotApplicable(code, rule, traveller.FreeMovement
                ? "The 90/180 rule does not apply to a citizen with free movement."
                : "Days under a residence permit or long-stay visa do not count towards the 90."), null, null);
        }

        var result = StayCalculator.Plan(input.Stays, input.Date, input.ExcludedPeriods);
        if (result.Assessment is not { } plan)
        {
            return new(new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                "The recorded stays cannot be assessed: " + string.Join(" ", result.Problems.Select(p => p.Describe()))), null, null);
        }

        var used = plan.DaysUsedBeforeEntry;
        var before = Line($"{Days(used)} of stay in the 179 days before {Date(input.Date)} ({Date(plan.EntryWindow.Start)} to {Date(input.Date.PlusDays(-1))})");
        if (plan.LatestExit is not { } limit)
        {
            return new(new CheckCondition(code, ConditionResult.Fail, rule,
                Line($"{before}: the day of entry would be the 91st day in its 180-day period, so no day is left; a stay of 90 days is possible again from {Date(plan.FullStayFrom)}."),
                AlreadyStayedNinetyDays), used, null);
        }

        var authorised = visaLastDay is { } visaDay && visaDay < limit ? visaDay : limit;
        var by = authorised == limit ? "the 90/180 limit" : "the visa";
        var sentence = Line($"{before}: the traveller may stay {Days(plan.MaxDays)} under the 90/180 rule, until {Date(limit)}; the authorised stay ends on {Date(authorised)} ({by}).");
        if (input.IntendedDeparture is { } departure && departure > authorised)
        {
            return new(new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                Line($"{sentence} The intended departure on {Date(departure)} is later: tell the traveller the stay ends on {Date(authorised)}.")), used, authorised);
        }

        return new(new CheckCondition(code, ConditionResult.Pass, rule, sentence), used, authorised);
    }

    private sealed record ExitStayFindings(CheckCondition Stay, CheckCondition Overstay, int? DaysUsed, bool IsOverstay);

    /// <summary>
    /// The 90/180 rule in control mode on the day of exit, and the authorised stay recorded at entry: an exit after
    /// either ended is recorded and flagged as an overstay, not held up (Regulation (EU) 2017/2226, Art. 12).
    /// </summary>
    private static ExitStayFindings ExitStay(CheckInput input, TravellerStanding traveller)
    {
        if (traveller.FreeMovement)
        {
            const string sentence = "The 90/180 rule does not apply to a citizen with free movement.";
            return new(NotApplicable(ConditionCodes.Stay, CheckRules.Stay, sentence), NotApplicable(ConditionCodes.Overstay, CheckRules.Overstay, sentence), null, false);
        }

        var result = StayCalculator.Control(input.Stays, input.Date, input.ExcludedPeriods);
        CheckCondition stay;
        int? used = null;
        var overLimit = 0;
        if (result.Assessment is not { } control)
        {
            stay = new CheckCondition(ConditionCodes.Stay, ConditionResult.NeedsAttention, CheckRules.Stay,
                "The recorded stays cannot be assessed: " + string.Join(" ", result.Problems.Select(p => p.Describe())));
        }
        else
        {
            used = control.DaysUsed;
            overLimit = control.OverstayDays;
            var window = Line($"{Days(control.DaysUsed)} of stay in the 180 days ending {Date(input.Date)}");
            var noEntry = control.Present ? string.Empty : " No entry is recorded for the stay this exit ends.";
            stay = control.Lawful
                ? new CheckCondition(ConditionCodes.Stay, ConditionResult.Pass, CheckRules.Stay, Line($"{window}: within the limit of 90.{noEntry}"))
                : new CheckCondition(ConditionCodes.Stay, ConditionResult.NeedsAttention, CheckRules.Stay, Line($"{window}: {Days(overLimit)} over the limit of 90.{noEntry}"));
        }

        var pastRecorded = input.RecordedAuthorisedStayUntil is { } until && until < input.Date
            ? Period.Between(until, input.Date, PeriodUnits.Days).Days
            : 0;
        if (overLimit == 0 && pastRecorded == 0)
        {
            var within = input.RecordedAuthorisedStayUntil is { } last
                ? Line($"The exit is within the authorised stay, which ends on {Date(last)}.")
                : "The exit is within the 90/180 limit; no authorised stay was recorded at entry.";
            return new(stay, new CheckCondition(ConditionCodes.Overstay, ConditionResult.Pass, CheckRules.Overstay, within), used, false);
        }

        var why = pastRecorded > 0
            ? Line($"The authorised stay ended on {Date(input.RecordedAuthorisedStayUntil!.Value)}, {Days(pastRecorded)} before this exit")
            : Line($"The stay is {Days(overLimit)} over the 90/180 limit");
        return new(stay, new CheckCondition(ConditionCodes.Overstay, ConditionResult.NeedsAttention, CheckRules.Overstay,
            why + ": the exit is recorded and the traveller flagged as an overstayer."), used, true);
    }
}
