using NodaTime;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Checks;

/// <summary>
/// The first-line border check: from what the traveller presents, what the officer found and what the records and
/// watchlists say, every entry or exit condition with its rule and a sentence, and the outcome they propose.
/// </summary>
/// <remarks>
/// Pure: the caller loads the traveller's stays, screens the watchlists and passes the reference data. The outcome
/// is a proposal the officer confirms. A finding that sends the traveller to second line (a watchlist hit, a zone
/// that does not verify) proposes <see cref="CheckOutcome.Refer"/> even when a condition fails, because second line
/// must see the person before anyone is turned away; otherwise a failed condition proposes
/// <see cref="CheckOutcome.Refuse"/> with its reason letter (at exit, <see cref="CheckOutcome.Refer"/>: exit is not
/// refused); otherwise <see cref="CheckOutcome.Admit"/>.
/// </remarks>
public static partial class BorderCheck
{
    /// <summary>The check against the reference data as shipped.</summary>
    public static CheckDecision Decide(CheckInput input) =>
        Decide(input, VisaRequirementTable.Standard, RefusalReasonTable.Standard);

    public static CheckDecision Decide(CheckInput input, VisaRequirementTable visaLists, RefusalReasonTable reasons)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(visaLists);
        ArgumentNullException.ThrowIfNull(reasons);

        var traveller = new TravellerStanding(input);
        var document = DocumentConditions(input, traveller);
        var leg = input.Direction == CheckDirection.Entry ? Entry(input, traveller, visaLists) : Exit(input, traveller);
        var findings = Findings(input, traveller);
        List<CheckCondition> conditions =
        [
            document.Valid,
            document.Expiry,
            leg.ValidBeyondDeparture,
            document.IssuedWithinTenYears,
            LostOrStolen(input, traveller),
            ResidencePermitCondition(input, traveller),
            leg.VisaRequired,
            leg.VisaValid,
            leg.Stay,
            leg.Overstay,
            WatchlistCondition(input, traveller),
            findings.Purpose,
            findings.Means,
        ];

        var outcome = Outcome(input.Direction, conditions);
        var letters = conditions
            .Where(c => c.Result == ConditionResult.Fail && c.RefusalReason is not null)
            .Select(c => c.RefusalReason!.Value)
            .Distinct()
            .Order()
            .Select(letter => Reason(reasons, letter, input.Date))
            .ToList();
        return new CheckDecision(
            input.Direction,
            traveller.Scope,
            outcome,
            input.Direction == CheckDirection.Entry ? letters : [],
            conditions,
            leg.DaysUsed,
            outcome == CheckOutcome.Refuse ? null : leg.AuthorisedStayUntil,
            leg.IsOverstay);
    }

    /// <summary>At entry: the document valid three months beyond the departure, and the last day the traveller may stay, which that is counted from when no departure is stated.</summary>
    private static Leg Entry(CheckInput input, TravellerStanding traveller, VisaRequirementTable visaLists)
    {
        var visa = VisaConditions(input, traveller, visaLists);
        var stay = EntryStay(input, traveller, visa.LastDay);
        return new Leg(
            ValidBeyondDeparture(input, traveller, stay.AuthorisedUntil),
            visa.Required,
            visa.Valid,
            stay.Condition,
            NotApplicable(ConditionCodes.Overstay, CheckRules.Overstay, "Overstays are found at exit, not at entry."),
            stay.DaysUsed,
            stay.AuthorisedUntil,
            IsOverstay: false);
    }

    private static Leg Exit(CheckInput input, TravellerStanding traveller)
    {
        var exit = ExitStay(input, traveller);
        return new Leg(
            NotApplicable(ConditionCodes.DocumentValidBeyondDeparture, CheckRules.ValidBeyondDeparture, "The three months after departure are checked at entry."),
            NotApplicable(ConditionCodes.VisaRequired, CheckRules.VisaRequiredByNationality, "The visa requirement is checked at entry."),
            NotApplicable(ConditionCodes.VisaValid, CheckRules.VisaValid, "The visa is checked at entry; at exit, the authorised stay it gave is."),
            exit.Stay,
            exit.Overstay,
            exit.DaysUsed,
            AuthorisedStayUntil: null,
            exit.IsOverstay);
    }

    private static CheckOutcome Outcome(CheckDirection direction, List<CheckCondition> conditions)
    {
        if (conditions.Exists(c => c.ToSecondLine))
        {
            return CheckOutcome.Refer;
        }

        if (conditions.Exists(c => c.Result == ConditionResult.Fail))
        {
            return direction == CheckDirection.Entry ? CheckOutcome.Refuse : CheckOutcome.Refer;
        }

        return CheckOutcome.Admit;
    }

    private static RefusalReason Reason(RefusalReasonTable reasons, char letter, LocalDate date) =>
        reasons.On(letter, date)
        ?? reasons.Versions.LastOrDefault(v => v.Letter == letter && v.From <= date)
        ?? reasons.Versions.FirstOrDefault(v => v.Letter == letter)
        ?? throw new InvalidOperationException($"The refusal reasons have no reason {letter}.");

    private static CheckCondition NotApplicable(string code, string rule, string explanation) =>
        new(code, ConditionResult.NotApplicable, rule, explanation);

    /// <summary>The conditions that depend on the direction, and what they computed.</summary>
    private sealed record Leg(
        CheckCondition ValidBeyondDeparture,
        CheckCondition VisaRequired,
        CheckCondition VisaValid,
        CheckCondition Stay,
        CheckCondition Overstay,
        int? DaysUsed,
        LocalDate? AuthorisedStayUntil,
        bool IsOverstay);

    /// <summary>Who the traveller is for the rules: which check they get and why.</summary>
    private sealed class TravellerStanding
    {
        public TravellerStanding(CheckInput input)
        {
            Nationality = input.Document.Holder.Nationality;
            FreeMovement = Countries.FreeMovement.Includes(Nationality, input.Date);
            PermitValid = input.ResidencePermit is { } permit && input.Date <= permit.ValidUntil;
            LongStayVisaValid = input.Visa is { Type: VisaType.LongStay } visa
                && (visa.ValidFrom is not { } from || from <= input.Date)
                && visa.ValidUntil is { } until && input.Date <= until;
            Scope = FreeMovement || PermitValid || LongStayVisaValid ? CheckScope.Minimum : CheckScope.Thorough;
        }

        public Country? Nationality { get; }

        /// <summary>A citizen of a state with free movement (<see cref="Countries.FreeMovement"/>).</summary>
        public bool FreeMovement { get; }

        public bool PermitValid { get; }

        public bool LongStayVisaValid { get; }

        public CheckScope Scope { get; }

        public bool Thorough => Scope == CheckScope.Thorough;
    }
}
