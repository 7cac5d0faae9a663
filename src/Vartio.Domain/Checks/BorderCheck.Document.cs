using NodaTime;
using Vartio.Domain.Screening;
using static Vartio.Domain.Checks.CheckText;

namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private const char NoValidTravelDocument = 'A';

    private static (CheckCondition Valid, CheckCondition Expiry, CheckCondition IssuedWithinTenYears) DocumentConditions(CheckInput input, TravellerStanding traveller) =>
        (DocumentValid(input, traveller), DocumentExpiry(input, traveller), IssuedWithinTenYears(input, traveller));

    private static CheckCondition DocumentValid(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.DocumentValid;
        var rule = traveller.FreeMovement ? CheckRules.DocumentValidFreeMovement : CheckRules.DocumentValid;
        var documentCode = input.Document.Code ?? string.Empty;
        if (documentCode.StartsWith('V'))
        {
            return Refusable(input, code, rule, NoValidTravelDocument, "The document presented is a visa, not a travel document.");
        }

        if (input.Document.ZoneValid == false)
        {
            // A zone that does not verify is a misreading or a document that was altered (refusal B if so):
            // second line compares it with the data page and examines the document.
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                "The machine-readable zone does not verify: compare it with the data page; second line examines the document for forgery.",
                ToSecondLine: true);
        }

        if (!traveller.FreeMovement && documentCode is ['I' or 'A' or 'C', ..])
        {
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule,
                Line($"An identity card (document code {documentCode}) is a travel document for a third-country national only where the member states recognise it (Decision No 1105/2011/EU): check the list of recognised documents."));
        }

        return new CheckCondition(code, ConditionResult.Pass, rule, input.Document.ZoneValid is null
            ? "The document has no machine-readable zone to verify; its fields were typed in from the data page."
            : "The machine-readable zone verifies: every check digit is right.");
    }

    private static CheckCondition DocumentExpiry(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.DocumentExpiry;
        var exit = input.Direction == CheckDirection.Exit;
        var rule = exit ? CheckRules.DocumentExpiryExit : traveller.FreeMovement ? CheckRules.DocumentExpiryFreeMovement : CheckRules.DocumentExpiry;
        if (input.Document.Expiry is not { } expiry)
        {
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule, "No expiry date was read: read it on the document.");
        }

        if (input.Date <= expiry)
        {
            return new CheckCondition(code, ConditionResult.Pass, rule, Line($"The document is valid until {Date(expiry)}."));
        }

        if (exit || traveller.FreeMovement)
        {
            var then = exit
                ? "at exit this is noted, not a reason to hold the traveller."
                : "a citizen with free movement is admitted once nationality is proved by other means.";
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule, Line($"The document expired on {Date(expiry)}: {then}"));
        }

        return Refusable(input, code, rule, NoValidTravelDocument, Line($"The document expired on {Date(expiry)}."));
    }

    private static CheckCondition ValidBeyondDeparture(CheckInput input, TravellerStanding traveller, LocalDate? authorisedUntil)
    {
        const string code = ConditionCodes.DocumentValidBeyondDeparture;
        const string rule = CheckRules.ValidBeyondDeparture;
        if (!traveller.Thorough)
        {
            return NotApplicable(code, rule, MinimumCheckSentence(traveller));
        }

        if (input.Document.Expiry is not { } expiry)
        {
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule, "No expiry date was read, so the three months cannot be counted: read it on the document.");
        }

        if (input.Date > expiry)
        {
            return NotApplicable(code, rule, "The document has expired already (see document.expiry).");
        }

        var lastDeparture = LastDepartureFor(expiry);
        if (input.IntendedDeparture is { } departure)
        {
            return departure <= lastDeparture
                ? new CheckCondition(code, ConditionResult.Pass, rule, Line($"Valid until {Date(expiry)}: at least three months after the intended departure on {Date(departure)}."))
                : Refusable(input, code, rule, NoValidTravelDocument,
                    Line($"Valid until {Date(expiry)}: less than three months after the intended departure on {Date(departure)} (departure by {Date(lastDeparture)} at the latest would meet it); only a justified emergency waives this."));
        }

        if (lastDeparture < input.Date)
        {
            return Refusable(input, code, rule, NoValidTravelDocument,
                Line($"Valid until {Date(expiry)}: less than three months from today, so no departure date can meet the rule; only a justified emergency waives this."));
        }

        if (authorisedUntil is { } until && until <= lastDeparture)
        {
            return new CheckCondition(code, ConditionResult.Pass, rule,
                Line($"Valid until {Date(expiry)}: three months beyond even the last day of the authorised stay, {Date(until)}."));
        }

        return new CheckCondition(code, ConditionResult.NeedsAttention, rule,
            Line($"No departure date was stated: the document, valid until {Date(expiry)}, meets the rule only for a departure by {Date(lastDeparture)}; ask the traveller."));
    }

    /// <summary>The last departure date whose three months end on or before <paramref name="expiry"/>.</summary>
    private static LocalDate LastDepartureFor(LocalDate expiry)
    {
        // Adding months clips to the month's end (30 November + 3 months = 28 or 29 February), so step forward while
        // the next day still fits.
        var last = expiry.PlusMonths(-3);
        while (last.PlusDays(1).PlusMonths(3) <= expiry)
        {
            last = last.PlusDays(1);
        }

        while (last.PlusMonths(3) > expiry)
        {
            last = last.PlusDays(-1);
        }

        return last;
    }

    private static CheckCondition IssuedWithinTenYears(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.DocumentIssuedWithinTenYears;
        const string rule = CheckRules.IssuedWithinTenYears;
        if (input.Direction == CheckDirection.Exit)
        {
            return NotApplicable(code, rule, "The date of issue is checked at entry.");
        }

        if (!traveller.Thorough)
        {
            return NotApplicable(code, rule, MinimumCheckSentence(traveller));
        }

        if (input.Document.IssueDate is not { } issued)
        {
            return NotApplicable(code, rule, "The date of issue was not given (a machine-readable zone does not carry it).");
        }

        var earliest = input.Date.PlusYears(-10);
        return issued >= earliest
            ? new CheckCondition(code, ConditionResult.Pass, rule, Line($"Issued on {Date(issued)}, within the ten years before {Date(input.Date)}."))
            : Refusable(input, code, rule, NoValidTravelDocument, Line($"Issued on {Date(issued)}, more than ten years before {Date(input.Date)} (issued on {Date(earliest)} or later would meet it)."));
    }

    private static CheckCondition LostOrStolen(CheckInput input, TravellerStanding traveller)
    {
        const string code = ConditionCodes.DocumentLostOrStolen;
        const string rule = CheckRules.LostOrStolen;
        var hits = Hits(input, WatchlistKind.LostOrStolenDocument);
        if (hits.Count == 0)
        {
            return new CheckCondition(code, ConditionResult.Pass, rule, "The document is on no list of lost, stolen or revoked documents screened.");
        }

        var named = Line($"The document is reported lost, stolen or revoked: {Named(hits)}.");
        if (input.Direction == CheckDirection.Exit || traveller.FreeMovement)
        {
            // The document is seized either way; exit is not refused, and a citizen with free movement may prove
            // nationality by other means, so second line establishes the identity.
            return new CheckCondition(code, ConditionResult.NeedsAttention, rule, named + " Second line seizes it and establishes the identity.", ToSecondLine: true);
        }

        return Refusable(input, code, rule, NoValidTravelDocument, named);
    }

    /// <summary>A failed condition at entry; at exit, which is not refused, one that needs attention.</summary>
    private static CheckCondition Refusable(CheckInput input, string code, string rule, char reason, string explanation) =>
        input.Direction == CheckDirection.Entry
            ? new CheckCondition(code, ConditionResult.Fail, rule, explanation, reason)
            : new CheckCondition(code, ConditionResult.NeedsAttention, rule, explanation);

    private static string MinimumCheckSentence(TravellerStanding traveller) => traveller.FreeMovement
        ? "A citizen with free movement gets the minimum check: document and watchlists only."
        : "A holder of a residence permit or long-stay visa gets the minimum check: document and watchlists only.";
}
