using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>
/// A first-line border check: what the officer was shown, what the rules proposed, and what the officer
/// decided. Written when the check is made; the final outcome is added when the officer confirms.
/// </summary>
public sealed class CheckRow
{
    public Guid Id { get; set; }

    public required string CrossingPointCode { get; set; }

    /// <summary><c>entry</c> or <c>exit</c>.</summary>
    public required string Direction { get; set; }

    /// <summary>When the check happened; earlier than <see cref="RecordedAt"/> for a check recorded late.</summary>
    public Instant At { get; set; }

    public Instant RecordedAt { get; set; }

    /// <summary>Why a check is recorded after the fact (a paper fallback during an outage); null when it is not.</summary>
    public string? LateReason { get; set; }

    public bool IsLate => LateReason is not null;

    public required string Officer { get; set; }

    public Guid TravellerId { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary><c>admit</c>, <c>refer</c> or <c>refuse</c>.</summary>
    public required string ProposedOutcome { get; set; }

    /// <summary>The letters of Annex V Part B (A–I) in order, as one word: <c>CF</c>; empty when none.</summary>
    public required string RefusalReasons { get; set; }

    /// <summary>Each condition with its result, rule and explanation, as the API writes them.</summary>
    public required string ConditionsJson { get; set; }

    public LocalDate? AuthorisedStayUntil { get; set; }

    public int? DaysUsed { get; set; }

    /// <summary>At exit: the authorised stay had ended before the day of exit.</summary>
    public bool Overstay { get; set; }

    /// <summary><c>admit</c>, <c>refer</c> or <c>refuse</c> once the officer confirms; null until then.</summary>
    public string? FinalOutcome { get; set; }

    /// <summary>The letters of a refusal as the officer confirmed them (A–I, as one word); null unless refused.</summary>
    public string? FinalRefusalReasons { get; set; }

    public string? Remarks { get; set; }

    /// <summary>Whether the traveller signed the refusal form; null when there is no refusal.</summary>
    public bool? TravellerSigned { get; set; }

    public Instant? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}

/// <summary>
/// An entry, exit or refusal as the Entry/Exit System keeps it (Regulation (EU) 2017/2226, Art. 16–18):
/// who, with which document, where and when, and for an entry the last day of the authorised stay.
/// </summary>
public sealed class BorderRecordRow
{
    public Guid Id { get; set; }

    /// <summary><c>entry</c>, <c>exit</c> or <c>refusal</c>.</summary>
    public required string Kind { get; set; }

    public Guid TravellerId { get; set; }

    public Guid DocumentId { get; set; }

    public required string CrossingPointCode { get; set; }

    public Instant At { get; set; }

    public Instant RecordedAt { get; set; }

    /// <summary>The check that made this record; null for a record that came from elsewhere (an import).</summary>
    public Guid? CheckId { get; set; }

    /// <summary>For an entry, the last day the traveller may stay; null for exits and refusals.</summary>
    public LocalDate? AuthorisedStayUntil { get; set; }
}

/// <summary>A check referred to second line, open until an Officer or StationHead of the station closes it.</summary>
public sealed class SecondLineCaseRow
{
    public Guid Id { get; set; }

    public Guid CheckId { get; set; }

    public Instant OpenedAt { get; set; }

    public Instant? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary><c>admit</c> or <c>refuse</c> once closed.</summary>
    public string? Outcome { get; set; }
}

/// <summary>
/// A traveller whose authorised stay ended with no exit recorded (Regulation (EU) 2017/2226, Art. 22):
/// raised by the overstay job, cleared by the exit that ends the stay.
/// </summary>
public sealed class OverstayFlagRow
{
    public long Id { get; set; }

    public Guid TravellerId { get; set; }

    /// <summary>The entry whose authorised stay was overstayed; one flag per entry.</summary>
    public Guid EntryRecordId { get; set; }

    public LocalDate AuthorisedStayUntil { get; set; }

    public Instant FlaggedAt { get; set; }

    /// <summary>The exit that ended the overstay; null while the traveller is still recorded as present.</summary>
    public Guid? ExitRecordId { get; set; }

    public Instant? ClearedAt { get; set; }
}

/// <summary>
/// A write that a client may retry: the key it sent, a hash of the request it sent with it, and the response
/// it was given, kept so that a retry gets the same response and makes no second record.
/// </summary>
public sealed class IdempotencyKeyRow
{
    /// <summary>Who sent the key (a user or a token): keys are unique per caller, not across callers.</summary>
    public required string Caller { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256, in lower-case hex, of the method, route, caller and body.</summary>
    public required string RequestHash { get; set; }

    public int Status { get; set; }

    public required string ContentType { get; set; }

    public required string Body { get; set; }

    public Instant CreatedAt { get; set; }
}
