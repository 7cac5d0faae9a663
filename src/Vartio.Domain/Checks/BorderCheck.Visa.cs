using NodaTime;
using static Vartio.Domain.Checks.CheckText;

namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private const char NoValidVisaOrPermit = 'C';

    private static CheckCondition ResidencePermitCondition(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.ResidencePermitValid;
        const string rule = CheckRules.ResidencePermit;
        if (input.ResidencePermit is not { } permit)
        {
            return NotApplicable(code, rule, "No residence permit was presented.");
        }

        if (traveller.FreeMovement)
        {
            return NotApplicable(code, rule, "A citizen with free movement needs no residence permit.");
        }

        return traveller.PermitValid
            ? new CheckCondition(code, ConditionResult.Pass, rule,
                Line($"Residence permit {permit.Number} is valid until {Date(permit.ValidUntil)}: it stands for a visa, and days under it do not count towards the 90."))
            : new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                Line($"Residence permit {permit.Number} expired on {Date(permit.ValidUntil)}: the traveller is checked as for a short stay."));
    }

    /// <param name="LastDay">The last day the visa allows a stay to last (its validity and its duration of stay); null when no visa limits the stay.</param>
    private sealed record VisaFindings(CheckCondition Required, CheckCondition Valid, LocalDate? LastDay);

    private static VisaFindings VisaConditions(CheckInput input, TravellerStanding traveller, VisaRequirementTable lists)
    {
        if (traveller.FreeMovement)
        {
            return new VisaFindings(
                NotApplicable(ConditionCodes.VisaRequired, CheckRules.VisaNotRequiredFreeMovement, Line($"A citizen of {traveller.Nationality!.Name} is outside the visa lists.")),
                NotApplicable(ConditionCodes.VisaValid, CheckRules.VisaValid, "No visa is required."),
                null);
        }

        if (traveller.PermitValid || traveller.LongStayVisaValid)
        {
            var title = traveller.PermitValid ? "The residence permit" : "The long-stay visa";
            return new VisaFindings(
                new CheckCondition(ConditionCodes.VisaRequired, ConditionResult.Pass, CheckRules.LongStayHolder, title + " stands for a short-stay visa."),
                traveller.LongStayVisaValid
                    ? new CheckCondition(ConditionCodes.VisaValid, ConditionResult.Pass, CheckRules.VisaValid, Line($"The long-stay visa is valid until {Date(input.Visa!.ValidUntil!.Value)}."))
                    : NotApplicable(ConditionCodes.VisaValid, CheckRules.VisaValid, "No short-stay visa is needed."),
                null);
        }

        var need = VisaRequirementFor(input, traveller, lists);
        var required = need.Need switch
        {
            VisaNeed.Exempt => new CheckCondition(ConditionCodes.VisaRequired, need.Proviso is null ? ConditionResult.Pass : ConditionResult.NeedsAttention, need.Rule,
                need.Proviso is null ? need.Sentence : Line($"{need.Sentence} The exemption is for {need.Proviso}: check the document.")),
            VisaNeed.Required when input.Visa is not null => new CheckCondition(ConditionCodes.VisaRequired, ConditionResult.Pass, need.Rule, need.Sentence + " A visa is presented (see visa.valid)."),
            VisaNeed.Required => new CheckCondition(ConditionCodes.VisaRequired, ConditionResult.Fail, need.Rule, need.Sentence + " No visa or residence permit is presented.", NoValidVisaOrPermit),
            _ => new CheckCondition(ConditionCodes.VisaRequired, ConditionResult.NeedsAttention, need.Rule, need.Sentence),
        };

        if (input.Visa is not { } visa)
        {
            return new VisaFindings(required, NotApplicable(ConditionCodes.VisaValid, CheckRules.VisaValid, "No visa was presented."), null);
        }

        if (need.Need == VisaNeed.Exempt)
        {
            return new VisaFindings(required, NotApplicable(ConditionCodes.VisaValid, CheckRules.VisaValid, "No visa is required; the one presented does not limit the stay."), null);
        }

        var (valid, lastDay) = VisaValidity(input, visa);
        return new VisaFindings(required, valid, lastDay);
    }

    private static (CheckCondition Condition, LocalDate? LastDay) VisaValidity(CheckInput input, PresentedVisa visa)
    {
        const string code = ConditionCodes.VisaValid;
        const string rule = CheckRules.VisaValid;
        if (visa.Type == VisaType.AirportTransit)
        {
            return (Refusable(input, code, rule, NoValidVisaOrPermit, "An airport transit visa (type A) does not allow entry."), null);
        }

        if (visa.ZoneValid == false)
        {
            // Refusal D if the visa proves false: second line examines it.
            return (new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                "The visa's machine-readable zone does not verify: compare it with the sticker; second line examines the visa for forgery.", ToSecondLine: true), null);
        }

        if (visa.ValidUntil is not { } until)
        {
            return (new CheckCondition(code, ConditionResult.NeedsAttention, rule, "The visa's last day of validity was not read: read it on the sticker."), null);
        }

        if (until < input.Date)
        {
            return (Refusable(input, code, rule, NoValidVisaOrPermit, Line($"The visa expired on {Date(until)}.")), null);
        }

        if (visa.ValidFrom is { } from && input.Date < from)
        {
            return (Refusable(input, code, rule, NoValidVisaOrPermit, Line($"The visa is valid only from {Date(from)}.")), null);
        }

        if (EntriesAllowed(visa.Entries) is { } allowed && input.VisaEntriesUsed >= allowed)
        {
            return (Refusable(input, code, rule, NoValidVisaOrPermit,
                Line($"The visa allows {EntriesText(visa.Entries)}, and {input.VisaEntriesUsed} {(input.VisaEntriesUsed == 1 ? "has" : "have")} been used.")), null);
        }

        var lastDay = until;
        var durationText = string.Empty;
        if (visa.DurationOfStayDays is { } duration)
        {
            var used = visa.ValidFrom is { } validFrom ? DaysStayedBetween(input.Stays, validFrom, input.Date.PlusDays(-1)) : 0;
            var left = duration - used;
            if (left <= 0)
            {
                return (Refusable(input, code, rule, NoValidVisaOrPermit,
                    Line($"The visa's duration of stay, {Days(duration)}, is used up: {Days(used)} of stay since {Date(visa.ValidFrom!.Value)}.")), null);
            }

            var durationEnd = input.Date.PlusDays(left - 1);
            lastDay = durationEnd < until ? durationEnd : until;
            durationText = Line($", {Days(left)} of its {Days(duration)} of stay left");
        }

        var unread = new List<string>();
        if (visa.Type == VisaType.Unknown)
        {
            unread.Add("the type");
        }

        if (visa.ValidFrom is null)
        {
            unread.Add("the first day of validity");
        }

        if (visa.Entries == VisaEntries.Unknown)
        {
            unread.Add("the number of entries");
        }

        if (visa.DurationOfStayDays is null)
        {
            unread.Add("the duration of stay");
        }

        var period = visa.ValidFrom is { } start ? Line($"from {Date(start)} until {Date(until)}") : Line($"until {Date(until)}");
        if (unread.Count > 0)
        {
            var list = unread.Count == 1 ? unread[0] : string.Join(", ", unread.Take(unread.Count - 1)) + " and " + unread[^1];
            return (new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                Line($"The visa is valid {period}{durationText}; {list} {(visa.FromZoneAlone ? "are not in its machine-readable zone" : "were not given")}: read them on the sticker.")), lastDay);
        }

        var entries = visa.Entries == VisaEntries.Multiple ? "multiple entries" : Line($"{EntriesText(visa.Entries)}, {input.VisaEntriesUsed} used before this one");
        return (new CheckCondition(code, ConditionResult.Pass, rule, Line($"The visa is valid {period} for {entries}{durationText}.")), lastDay);
    }

    private static int? EntriesAllowed(VisaEntries entries) => entries switch
    {
        VisaEntries.One => 1,
        VisaEntries.Two => 2,
        _ => null,
    };

    private static string EntriesText(VisaEntries entries) => entries switch
    {
        VisaEntries.One => "one entry",
        VisaEntries.Two => "two entries",
        VisaEntries.Multiple => "multiple entries",
        _ => "an unknown number of entries",
    };

    /// <summary>Days of recorded stay from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    private static int DaysStayedBetween(IReadOnlyList<Stays.Stay> stays, LocalDate from, LocalDate to)
    {
        var days = 0;
        foreach (var stay in stays)
        {
            var start = stay.Entry > from ? stay.Entry : from;
            var end = stay.Exit is { } exit && exit < to ? exit : to;
            if (start <= end)
            {
                days += Period.Between(start, end, PeriodUnits.Days).Days + 1;
            }
        }

        return days;
    }
}
