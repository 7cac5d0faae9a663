namespace Vartio.Domain.Checks;

/// <summary>What one condition found.</summary>
public enum ConditionResult
{
    Pass,
    Fail,

    /// <summary>The officer must look: something the check cannot read or decide, or a hit to confirm.</summary>
    NeedsAttention,

    /// <summary>The condition does not apply to this traveller or this direction.</summary>
    NotApplicable,
}

/// <summary>One condition of the check, what it found, the rule it applies and why, in one sentence.</summary>
/// <param name="Code">The condition's stable code (<see cref="ConditionCodes"/>): <c>document.expiry</c>.</param>
/// <param name="Rule">The rule applied, with its source: <c>Regulation (EU) 2016/399, Art. 6(1)(a)(i)</c>.</param>
/// <param name="Explanation">One sentence for the officer, with the dates and names it rests on.</param>
/// <param name="RefusalReason">The letter of the standard form a failure gives (Annex V Part B); null otherwise.</param>
/// <param name="ToSecondLine">Whether this finding sends the traveller to second line.</param>
public sealed record CheckCondition(
    string Code,
    ConditionResult Result,
    string Rule,
    string Explanation,
    char? RefusalReason = null,
    bool ToSecondLine = false);

/// <summary>The codes of the conditions, in the order a check lists them.</summary>
public static class ConditionCodes
{
    public const string DocumentValid = "document.valid";
    public const string DocumentExpiry = "document.expiry";
    public const string DocumentValidBeyondDeparture = "document.validBeyondDeparture";
    public const string DocumentIssuedWithinTenYears = "document.issuedWithinTenYears";
    public const string DocumentLostOrStolen = "document.lostOrStolen";
    public const string ResidencePermitValid = "residencePermit.valid";
    public const string VisaRequired = "visa.required";
    public const string VisaValid = "visa.valid";
    public const string Stay = "stay.90in180";
    public const string Overstay = "stay.overstay";
    public const string Watchlist = "watchlist";
    public const string Purpose = "purpose";
    public const string Means = "means";

    /// <summary>Every code, in the order of <see cref="CheckDecision.Conditions"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DocumentValid, DocumentExpiry, DocumentValidBeyondDeparture, DocumentIssuedWithinTenYears, DocumentLostOrStolen,
        ResidencePermitValid, VisaRequired, VisaValid, Stay, Overstay, Watchlist, Purpose, Means,
    ];
}
