using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Vartio.Data.Entities;
using Vartio.Domain.Screening;

namespace Vartio.Data;

/// <summary>Watchlist entries in and out of the database: the mapping, and the writes of an import.</summary>
public static class Watchlists
{
    /// <summary>Rows written per round trip: large enough to amortise it, small enough to keep the tracker light.</summary>
    private const int Batch = 2_000;

    public static WatchlistEntryRow ToRow(this WatchlistEntry entry, int watchlistId)
    {
        var row = new WatchlistEntryRow
        {
            WatchlistId = watchlistId,
            EntryId = entry.Id,
            Kind = entry.Kind.ToString(),
            Name = entry.Name,
            Aliases = [.. entry.Aliases],
            BirthDate = entry.BirthDate.ToString(),
            Nationalities = [.. entry.Nationalities],
            Documents = [.. entry.Documents.Select(d => $"{d.IssuingState}:{d.Number}")],
            Reason = entry.Reason,
            ValidFrom = entry.ValidFrom,
            ValidUntil = entry.ValidUntil,
        };
        row.ContentHash = HashOf(row);
        return row;
    }

    public static WatchlistEntry ToDomain(this WatchlistEntryRow row, string list) => new(
        list,
        row.EntryId,
        Enum.Parse<WatchlistKind>(row.Kind),
        row.Name,
        row.Aliases,
        PartialDate.Parse(row.BirthDate),
        row.Nationalities,
        [.. row.Documents.Select(ParseDocument)],
        row.Reason,
        row.ValidFrom,
        row.ValidUntil);

    private static WatchlistDocument ParseDocument(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new WatchlistDocument(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>
    /// The first 64 bits of the SHA-256 of every field, each written with its length so that no two different
    /// entries write the same bytes. Compared only between two versions of the same entry id, where 64 bits
    /// leave a chance of about one in 10^19 that a change goes unseen.
    /// </summary>
    public static long HashOf(WatchlistEntryRow row)
    {
        var text = new StringBuilder(256);
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        void AddAll(List<string> values)
        {
            text.Append(values.Count).Append('[');
            values.ForEach(Add);
        }

        Add(row.Kind);
        Add(row.Name);
        AddAll(row.Aliases);
        Add(row.BirthDate);
        AddAll(row.Nationalities);
        AddAll(row.Documents);
        Add(row.Reason);
        Add(row.ValidFrom is { } from ? LocalDatePattern.Iso.Format(from) : null);
        Add(row.ValidUntil is { } until ? LocalDatePattern.Iso.Format(until) : null);
        return BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The entry ids of a list with the hash of each, which is all an import compares.</summary>
    public static async Task<Dictionary<string, long>> LoadHashesAsync(this VartioDbContext db, int watchlistId, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in db.WatchlistEntries.AsNoTracking().Where(e => e.WatchlistId == watchlistId)
                           .Select(e => new { e.EntryId, e.ContentHash }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            hashes[entry.EntryId] = entry.ContentHash;
        }

        return hashes;
    }

    /// <summary>Every entry of one list, for the screening index.</summary>
    public static async Task<IReadOnlyList<WatchlistEntry>> LoadEntriesAsync(this VartioDbContext db, WatchlistRow list, CancellationToken cancellationToken)
    {
        var entries = new List<WatchlistEntry>(list.EntryCount);
        await foreach (var row in db.WatchlistEntries.AsNoTracking().Where(e => e.WatchlistId == list.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            entries.Add(row.ToDomain(list.Name));
        }

        return entries;
    }

    /// <summary>
    /// Writes the changes inside the caller's transaction: inserts, whole-row updates and deletions by key, in
    /// batches, with change detection off since every row's state is set explicitly.
    /// </summary>
    /// <param name="progress">Called with the number of rows written so far.</param>
    public static async Task ApplyAsync(this VartioDbContext db, int watchlistId, WatchlistChanges changes, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var written = 0;
            foreach (var chunk in changes.Removed.Chunk(500))
            {
                await db.WatchlistEntries.Where(e => e.WatchlistId == watchlistId && chunk.Contains(e.EntryId)).ExecuteDeleteAsync(cancellationToken);
                progress?.Report(written += chunk.Length);
            }

            foreach (var chunk in changes.Updated.Chunk(Batch))
            {
                foreach (var row in chunk)
                {
                    db.WatchlistEntries.Update(row);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(written += chunk.Length);
            }

            foreach (var chunk in changes.Added.Chunk(Batch))
            {
                db.WatchlistEntries.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(written += chunk.Length);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}

/// <summary>What an import changes in a list: the rows to add and update, the ids to remove.</summary>
public sealed record WatchlistChanges(
    IReadOnlyList<WatchlistEntryRow> Added,
    IReadOnlyList<WatchlistEntryRow> Updated,
    IReadOnlyList<string> Removed,
    int Unchanged)
{
    public int Count => Added.Count + Updated.Count + Removed.Count;

    /// <summary>
    /// Compares the list's entries now (id and hash) with those of the new file: an id only in the file is added,
    /// one in both with another hash is updated, one no longer in the file is removed, the rest are unchanged.
    /// </summary>
    public static WatchlistChanges Between(IReadOnlyDictionary<string, long> existing, IEnumerable<WatchlistEntryRow> incoming)
    {
        List<WatchlistEntryRow> added = [];
        List<WatchlistEntryRow> updated = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var row in incoming)
        {
            seen.Add(row.EntryId);
            if (!existing.TryGetValue(row.EntryId, out var hash))
            {
                added.Add(row);
            }
            else if (hash != row.ContentHash)
            {
                updated.Add(row);
            }
            else
            {
                unchanged++;
            }
        }

        var removed = existing.Keys.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new(added, updated, removed, unchanged);
    }
}
