using NodaTime;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>A border check as an officer's booth sends it (docs/API.md, "Border checks").</summary>
/// <param name="CrossingPoint">The crossing point's code; the officer must be assigned to it.</param>
/// <param name="Direction"><c>entry</c> or <c>exit</c>.</param>
/// <param name="At">When the check happened (ISO 8601 with offset); omitted means now. Earlier than a few minutes ago needs <paramref name="LateReason"/>.</param>
/// <param name="LateReason">Why the check is recorded after the fact (a paper fallback during an outage).</param>
/// <param name="Traffic">The kind of traffic the traveller crosses in; omitted means the first kind of travellers' traffic the crossing point serves.</param>
public sealed record CheckRequest(
    string? CrossingPoint,
    [property: ApiValues(ApiValueSet.CheckDirection)] string? Direction,
    string? At,
    string? LateReason,
    [property: ApiValues(ApiValueSet.Traffic)] string? Traffic,
    DocumentRequest? Document,
    VisaRequest? Visa,
    ResidencePermitRequest? ResidencePermit,
    string? IntendedDeparture,
    FindingsRequest? Findings);

/// <summary>A travel document: the lines of its machine-readable zone, or its fields typed in from a document without one.</summary>
public sealed record DocumentRequest(IReadOnlyList<string?>? Mrz, DocumentFieldsRequest? Fields);

/// <param name="DocumentCode">P (passport), I or ID (identity card), …</param>
/// <param name="IssuingState">ICAO code of the issuing state (FIN, RUS, D, XXA, …).</param>
/// <param name="DateOfBirth">YYYY-MM-DD, or YYYY when only the year is known.</param>
/// <param name="Sex">F, M or X.</param>
/// <param name="DateOfIssue">YYYY-MM-DD, from the data page; the ten-year rule is checked when it is given.</param>
public sealed record DocumentFieldsRequest(
    string? DocumentCode,
    string? IssuingState,
    string? Number,
    string? PrimaryIdentifier,
    string? SecondaryIdentifier,
    string? Nationality,
    string? DateOfBirth,
    string? Sex,
    string? DateOfExpiry,
    string? DateOfIssue);

/// <summary>A visa: the lines of its zone (MRV-A or MRV-B), or the sticker's fields.</summary>
public sealed record VisaRequest(IReadOnlyList<string?>? Mrz, VisaFieldsRequest? Fields);

/// <param name="Type">C (short stay), D (long stay) or A (airport transit).</param>
/// <param name="Entries">1, 2 or MULT, as the sticker says.</param>
/// <param name="DurationOfStay">The days of stay the sticker allows.</param>
public sealed record VisaFieldsRequest(
    string? Type,
    string? ValidFrom,
    string? ValidUntil,
    string? Entries,
    int? DurationOfStay,
    string? Number,
    string? IssuingState);

public sealed record ResidencePermitRequest(string? Number, string? ValidUntil, string? IssuingState);

/// <summary>The officer's findings; a finding left out is not assessed yet.</summary>
public sealed record FindingsRequest(bool? PurposeJustified, bool? SufficientMeans);

/// <summary>The officer's decision on a check.</summary>
/// <param name="Outcome"><c>admit</c>, <c>refuse</c> or <c>refer</c> (to second line).</param>
/// <param name="RefusalReasons">Letters A–I of the standard form; omitted means those the check proposed.</param>
/// <param name="Remarks">Required when the decision differs from the proposal.</param>
/// <param name="TravellerSigned">For a refusal: whether the traveller signed the form.</param>
public sealed record OutcomeRequest(
    [property: ApiValues(ApiValueSet.CheckOutcome)] string? Outcome,
    IReadOnlyList<string>? RefusalReasons,
    string? Remarks,
    bool? TravellerSigned);

/// <summary>A check: what it found, what it proposes, and what the officer decided.</summary>
/// <param name="AuthorisedStayUntil">For an entry the check would admit: the last day of the authorised stay, which the officer tells the traveller.</param>
/// <param name="DaysUsed">Days of stay counted in the 180-day period, as the 90/180 rule counts them; null when it does not apply.</param>
/// <param name="Overstay">At exit: the authorised stay had ended before the day of exit.</param>
/// <param name="Decision">The officer's decision; null until it is made.</param>
public sealed record CheckResponse(
    Guid Id,
    TravellerReference Traveller,
    string CrossingPoint,
    [property: ApiValues(ApiValueSet.CheckDirection)] string Direction,
    Instant At,
    Instant RecordedAt,
    bool Late,
    string? LateReason,
    string Officer,
    [property: ApiValues(ApiValueSet.CheckOutcome)] string ProposedOutcome,
    IReadOnlyList<string> RefusalReasons,
    IReadOnlyList<ConditionResponse> Conditions,
    LocalDate? AuthorisedStayUntil,
    int? DaysUsed,
    bool Overstay,
    CheckDecisionResponse? Decision);

public sealed record TravellerReference(Guid Id);

/// <param name="Code">The condition's stable code: document.expiry, visa.required, stay.90in180, …</param>
/// <param name="Result">pass, fail, needsAttention or notApplicable.</param>
/// <param name="Rule">The rule applied, with its source.</param>
/// <param name="Explanation">One sentence for the officer.</param>
/// <param name="RefusalReason">The letter a failure gives; null otherwise.</param>
/// <param name="ToSecondLine">Whether this finding sends the traveller to second line.</param>
public sealed record ConditionResponse(
    string Code,
    [property: ApiValues(ApiValueSet.ConditionResult)] string Result,
    string Rule,
    string Explanation,
    string? RefusalReason,
    bool ToSecondLine);

/// <param name="RecordId">The entry, exit or refusal record made; null while the traveller is at second line.</param>
/// <param name="SecondLine">The second-line case, when the traveller was referred.</param>
public sealed record CheckDecisionResponse(
    [property: ApiValues(ApiValueSet.CheckOutcome)] string Outcome,
    IReadOnlyList<string> RefusalReasons,
    string? Remarks,
    bool? TravellerSigned,
    Instant DecidedAt,
    string DecidedBy,
    Guid? RecordId,
    SecondLineResponse? SecondLine);

/// <param name="Outcome">admit or refuse once closed; null while open.</param>
public sealed record SecondLineResponse(Guid Id, Instant OpenedAt, Instant? ClosedAt, string? ClosedBy, string? Outcome);
