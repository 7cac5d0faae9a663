using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>One entry of the hash-chained audit log (see <c>Vartio.Domain.Audit.AuditChain</c>).</summary>
public sealed class AuditEntryRow
{
    /// <summary>1, 2, 3…: assigned by the writer under the chain lock, never by the database.</summary>
    public long Sequence { get; set; }

    public Instant At { get; set; }

    /// <summary><c>user:NAME</c>, <c>token:NAME</c>, <c>cli:NAME</c> or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, as <c>subject-kind.verb</c>: <c>decision.published</c>, <c>user.disabled</c>.</summary>
    public required string Action { get; set; }

    /// <summary>A reference to what it happened to: <c>decision:9</c>, <c>user:officer</c>.</summary>
    public required string Subject { get; set; }

    /// <summary>A short description without personal data.</summary>
    public required string Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

/// <summary>
/// A bearer token for a machine client (a kiosk, a neighbouring authority's system). Only the SHA-256 of the
/// secret is stored; the token itself is shown once when it is made.
/// </summary>
public sealed class ApiTokenRow
{
    public Guid Id { get; set; }

    /// <summary>What the token is for, unique: <c>vaalimaa-kiosk-3</c>.</summary>
    public required string Name { get; set; }

    public required string Role { get; set; }

    /// <summary>Crossing points a token of an Officer or StationHead acts at.</summary>
    public List<string> CrossingPoints { get; set; } = [];

    /// <summary>Lower-case hex SHA-256 of the secret part of the token.</summary>
    public required string SecretHash { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Instant ExpiresAt { get; set; }

    public Instant? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
