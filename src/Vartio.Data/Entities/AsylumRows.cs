using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>People registered together at a crossing point in one go (a family, a group travelling together).</summary>
public sealed class AsylumGroupRow
{
    public Guid Id { get; set; }

    public required string CrossingPointCode { get; set; }

    /// <summary>When the people presented themselves; earlier than <see cref="RecordedAt"/> when recorded late.</summary>
    public Instant At { get; set; }

    public Instant RecordedAt { get; set; }

    public string? LateReason { get; set; }

    public required string Officer { get; set; }

    public int Size { get; set; }
}

/// <summary>
/// One person who asked for international protection at a crossing point: an application received there, or,
/// where applications were not received, an irregular arrival directed to where they are.
/// </summary>
public sealed class AsylumApplicationRow
{
    public Guid Id { get; set; }

    public Guid GroupId { get; set; }

    /// <summary>Position in the group as registered.</summary>
    public int Ordinal { get; set; }

    /// <summary>
    /// The person: new with each registration, shared with an earlier registration only when an officer
    /// confirmed they are the same person (never merged silently).
    /// </summary>
    public Guid PersonId { get; set; }

    /// <summary><c>none</c> (no earlier registration resembles this one), <c>pending</c> (some do and no officer has
    /// decided), <c>linked</c> or <c>confirmedNew</c>.</summary>
    public required string IdentityReview { get; set; }

    public required string CrossingPointCode { get; set; }

    public Instant At { get; set; }

    public Instant RecordedAt { get; set; }

    public required string Officer { get; set; }

    /// <summary>Whether the application was received here; false for an irregular arrival directed elsewhere.</summary>
    public bool Received { get; set; }

    /// <summary>The exempt category of the 2024 Act it was received under; null otherwise.</summary>
    public string? Exemption { get; set; }

    /// <summary>The decision that governed the crossing point at that instant; null in normal operation.</summary>
    public int? DecisionId { get; set; }

    /// <summary>Codes of the crossing points the person was directed to, nearest first, comma-separated; empty when received.</summary>
    public required string DirectedTo { get; set; }

    public required string Message { get; set; }

    public bool Documented { get; set; }

    /// <summary>The name as the document or the person gives it.</summary>
    public required string Name { get; set; }

    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY</c> or empty.</summary>
    public required string BirthDate { get; set; }

    /// <summary>ICAO alpha-3 code; null when not stated.</summary>
    public string? Nationality { get; set; }

    /// <summary><c>female</c>, <c>male</c>, <c>unspecified</c>; null when not recorded.</summary>
    public string? Sex { get; set; }

    public string? ArrivedBy { get; set; }

    /// <summary>Comma-separated: <c>child</c>, <c>disabled</c>, <c>vulnerable</c>, <c>seriousHarmRisk</c>.</summary>
    public required string Vulnerabilities { get; set; }

    public bool UnaccompaniedMinor { get; set; }

    public string? DocumentCode { get; set; }

    /// <summary>Normalised as travel documents are (upper case, no fillers).</summary>
    public string? DocumentNumber { get; set; }

    public string? DocumentIssuingState { get; set; }

    /// <summary><c>registered</c>, <c>handedOver</c>, <c>received</c>, <c>withdrawn</c>, <c>leftBeforeHandover</c> or <c>directedElsewhere</c>.</summary>
    public required string Status { get; set; }

    public Instant StatusAt { get; set; }

    public required string StatusBy { get; set; }
}

/// <summary>Each step of an application's way to the asylum authority, with instant and actor.</summary>
public sealed class AsylumEventRow
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public required string Status { get; set; }

    public Instant At { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }
}
