using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data.Entities;
using Vartio.Domain.Audit;

namespace Vartio.Data;

/// <summary>
/// Appends to the hash-chained audit log, in the same transaction as the change it records, so that there
/// is never a change without its entry nor an entry without its change.
/// </summary>
public static class AuditTrail
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises writers of the chain across servers.</summary>
    private const long ChainLock = 0x5641_5254_494F_4155; // "VARTIOAU"

    /// <summary>
    /// Runs <paramref name="work"/> and appends the entries it returns, in one transaction (joining the
    /// caller's if there is one). Writers of the chain take a lock first, so two servers never number two
    /// entries alike: on SQLite the write lock of the transaction, on PostgreSQL an advisory lock.
    /// </summary>
    public static async Task<T> AuditedAsync<T>(this VartioDbContext db, IClock clock, Func<Task<(T Result, IReadOnlyList<AuditRecord> Entries)>> work, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var (result, entries) = await work();
        if (entries.Count > 0)
        {
            await AppendAsync(db, clock, entries, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>As above, for a change recorded by one entry.</summary>
    public static Task<T> AuditedAsync<T>(this VartioDbContext db, IClock clock, Func<Task<(T Result, AuditRecord Entry)>> work, CancellationToken cancellationToken) =>
        db.AuditedAsync(clock, async () =>
        {
            var (result, entry) = await work();
            return (result, (IReadOnlyList<AuditRecord>)[entry]);
        }, cancellationToken);

    /// <summary>Appends entries inside the caller's transaction, and saves the context's pending changes with them.</summary>
    public static async Task AppendAsync(this VartioDbContext db, IClock clock, IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }

        if (db is PostgresVartioDbContext)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        }

        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var previous = last?.ToDomain();
        var at = clock.GetCurrentInstant();
        foreach (var record in entries)
        {
            var entry = AuditChain.Next(previous, at, record.Actor, record.Action, record.Subject, record.Detail);
            db.AuditLog.Add(entry.ToRow());
            previous = entry;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Appends one entry in a transaction of its own (for changes made outside EF Core, such as by Identity).</summary>
    public static Task AppendAsync(this VartioDbContext db, IClock clock, AuditRecord entry, CancellationToken cancellationToken) =>
        db.AuditedAsync(clock, () => Task.FromResult((true, entry)), cancellationToken);

    /// <summary>Reads the whole chain in order and checks every link; streams, so a long log needs little memory.</summary>
    public static async Task<AuditVerification> VerifyAsync(this VartioDbContext db, CancellationToken cancellationToken)
    {
        long count = 0;
        AuditEntry? head = null;
        await foreach (var row in db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var entry = row.ToDomain();
            if (AuditChain.VerifyNext(head, entry) is { } broken)
            {
                return new AuditVerification(count, head, broken);
            }

            head = entry;
            count++;
        }

        return new AuditVerification(count, head, null);
    }

    public static AuditEntry ToDomain(this AuditEntryRow row) =>
        new(row.Sequence, row.At, row.Actor, row.Action, row.Subject, row.Detail, row.PreviousHash, row.Hash);

    public static AuditEntryRow ToRow(this AuditEntry entry) => new()
    {
        Sequence = entry.Sequence,
        At = entry.At,
        Actor = entry.Actor,
        Action = entry.Action,
        Subject = entry.Subject,
        Detail = entry.Detail,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
    };
}

/// <summary>What to record: the chain fields are added when it is appended.</summary>
public sealed record AuditRecord(string Actor, string Action, string Subject, string Detail);

/// <summary>The outcome of checking the chain: how many entries hold, the last one that does, the first break.</summary>
public sealed record AuditVerification(long Verified, AuditEntry? Head, AuditBreak? Break);
