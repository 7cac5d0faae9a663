using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Vartio.Domain.Audit;

/// <summary>
/// One entry of the audit log: who did what to which subject, when, and the hash that ties it to the
/// entry before it. The detail is short and names no traveller: the subject reference points to the record.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    Instant At,
    string Actor,
    string Action,
    string Subject,
    string Detail,
    string PreviousHash,
    string Hash);

/// <summary>Where a chain stops being trustworthy, and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason)
{
    public override string ToString() => $"entry {Sequence}: {Reason}";
}

/// <summary>
/// The hash chain. Each entry's hash is SHA-256 over its sequence number, instant, actor, action, subject,
/// detail and the previous entry's hash, each field length-prefixed so that no two different entries
/// serialise alike. Changing, removing or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const int MaxDetailLength = 500;

    /// <summary>
    /// The next entry after <paramref name="previous"/> (null for the first). The instant is kept to whole
    /// microseconds, the precision every supported database stores, so that a stored entry hashes the same
    /// when it is read back.
    /// </summary>
    public static AuditEntry Next(AuditEntry? previous, Instant at, string actor, string action, string subject, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(detail);
        if (detail.Length > MaxDetailLength)
        {
            detail = detail[..MaxDetailLength];
        }

        var sequence = (previous?.Sequence ?? 0) + 1;
        var when = ToMicroseconds(at);
        var previousHash = previous?.Hash ?? Genesis;
        return new AuditEntry(sequence, when, actor, action, subject, detail, previousHash,
            HashOf(sequence, when, actor, action, subject, detail, previousHash));
    }

    public static Instant ToMicroseconds(Instant at)
    {
        var ticks = at.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - (((ticks % 10) + 10) % 10));
    }

    public static string HashOf(long sequence, Instant at, string actor, string action, string subject, string detail, string previousHash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        sha.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, at.ToUnixTimeTicks());
        sha.AppendData(number);
        foreach (var field in (ReadOnlySpan<string>)[actor, action, subject, detail, previousHash])
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt64BigEndian(number, bytes.Length);
            sha.AppendData(number);
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Recomputes the chain over entries in the order of their sequence numbers and reports the first entry
    /// that does not hold. Null when the whole chain holds.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries)
    {
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            if (VerifyNext(previous, entry) is { } broken)
            {
                return broken;
            }

            previous = entry;
        }

        return null;
    }

    /// <summary>
    /// Checks one link: <paramref name="entry"/> read after <paramref name="previous"/> (null at the start).
    /// A gap in the numbering means an entry was removed; a previous hash that is not the hash of the entry
    /// before means one was removed, replaced or reordered; a hash that does not match the entry's own
    /// fields means it was edited.
    /// </summary>
    public static AuditBreak? VerifyNext(AuditEntry? previous, AuditEntry entry)
    {
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expectedSequence)
        {
            return entry.Sequence > expectedSequence
                ? new AuditBreak(expectedSequence, $"missing: the log goes from entry {expectedSequence - 1} to entry {entry.Sequence}")
                : new AuditBreak(entry.Sequence, $"out of order: expected entry {expectedSequence}");
        }

        if (!string.Equals(entry.PreviousHash, previous?.Hash ?? Genesis, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Sequence, "its link to the previous entry does not match (an entry before it was removed, replaced or reordered)");
        }

        var hash = HashOf(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash);
        return string.Equals(entry.Hash, hash, StringComparison.Ordinal)
            ? null
            : new AuditBreak(entry.Sequence, "its content does not match its hash (the entry was edited)");
    }
}
