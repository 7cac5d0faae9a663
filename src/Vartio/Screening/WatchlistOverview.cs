using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;

namespace Vartio.Screening;

/// <param name="Entries">Entries in the database.</param>
/// <param name="IndexedEntries">Entries in this server's screening index; null while the list is not loaded yet.</param>
/// <param name="Imports">The latest imports, newest first.</param>
public sealed record WatchlistResponse(
    string Name,
    string? Description,
    int Entries,
    long Revision,
    Instant CreatedAt,
    Instant? LastImportAt,
    int? IndexedEntries,
    IReadOnlyList<WatchlistImportRecord> Imports);

public sealed record WatchlistImportRecord(Instant At, string Actor, string FileName, string Format, int Added, int Updated, int Removed, int Unchanged, int Skipped);

/// <summary>The imported lists as the API and the administration page show them.</summary>
public sealed class WatchlistOverview(VartioDbContext db, WatchlistScreening screening)
{
    /// <summary>Imports shown per list.</summary>
    public const int History = 20;

    /// <summary>Every list with its size, this server's index of it, and its latest imports.</summary>
    public async Task<List<WatchlistResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var imports = (await db.WatchlistImports.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(i => i.WatchlistId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(History)
                .Select(i => new WatchlistImportRecord(i.At, i.Actor, i.FileName, i.Format, i.Added, i.Updated, i.Removed, i.Unchanged, i.Skipped)).ToList());
        var indexed = screening.Lists.ToDictionary(l => l.Name, l => l.Index.Count, StringComparer.Ordinal);
        return [.. lists.Select(w => new WatchlistResponse(
            w.Name, w.Description, w.EntryCount, w.Revision, w.CreatedAt, w.LastImportAt,
            indexed.TryGetValue(w.Name, out var count) ? count : null,
            imports.GetValueOrDefault(w.Id) ?? []))];
    }
}
