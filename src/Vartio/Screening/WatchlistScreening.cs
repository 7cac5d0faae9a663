using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Domain.Screening;

namespace Vartio.Screening;

/// <summary>
/// The imported watchlists, indexed in memory for screening: one <see cref="WatchlistIndex"/> per list. An index
/// is immutable, so screening reads the current set without locks while an import builds the list's next index
/// and swaps it in.
/// </summary>
/// <remarks>
/// The server starts serving before the lists are loaded (a million entries take seconds): the status pages and
/// the rest of the API need not wait for them. A screening in that time waits for the load rather than answer
/// "no hit" from an empty index, and fails with 503 if the load takes longer than
/// <see cref="ScreeningOptions.StartupWaitSeconds"/>.
/// </remarks>
public sealed class WatchlistScreening(IServiceScopeFactory scopes, BorderCalendar calendar, ILogger<WatchlistScreening> logger)
{
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableDictionary<string, IndexedList> lists = ImmutableDictionary.Create<string, IndexedList>(StringComparer.Ordinal);

    /// <summary>One list's index, the revision of the list it was built from, and what the build took.</summary>
    public sealed record IndexedList(string Name, long Revision, WatchlistIndex Index, TimeSpan BuildTime);

    /// <summary>Completes once every list in the database at start has been loaded.</summary>
    public Task Loaded => loaded.Task;

    public IReadOnlyList<IndexedList> Lists => [.. Volatile.Read(ref lists).Values.OrderBy(l => l.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Screens the traveller against every list, entries valid today at the border only, and merges the hits:
    /// best first, at most <paramref name="maxHits"/>.
    /// </summary>
    public IReadOnlyList<ScreeningHit> Screen(ScreeningQuery query, double threshold = ScreeningDefaults.Threshold, int maxHits = ScreeningDefaults.MaxHits)
    {
        var today = calendar.Today;
        return [.. Volatile.Read(ref lists).Values
            .SelectMany(l => l.Index.Screen(query, threshold, maxHits, today))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entry.List, StringComparer.Ordinal)
            .ThenBy(h => h.Entry.Id, StringComparer.Ordinal)
            .Take(maxHits)];
    }

    /// <summary>Builds the list's index from its entries and swaps it in, unless a newer revision is already there.</summary>
    public void Replace(string list, long revision, IReadOnlyList<WatchlistEntry> entries)
    {
        if (Volatile.Read(ref lists).TryGetValue(list, out var current) && current.Revision >= revision)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var index = WatchlistIndex.Build(entries);
        var built = new IndexedList(list, revision, index, watch.Elapsed);
        ImmutableInterlocked.Update(ref lists, all => all.TryGetValue(list, out var other) && other.Revision >= revision ? all : all.SetItem(list, built));
        logger.LogInformation("Watchlist {List} revision {Revision} indexed: {Entries} entries in {Milliseconds} ms.", list, revision, index.Count, (long)built.BuildTime.TotalMilliseconds);
    }

    /// <summary>Loads every list whose revision in the database differs from the one indexed here.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
        var stored = await db.Watchlists.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            if (!Volatile.Read(ref lists).TryGetValue(row.Name, out var current) || current.Revision < row.Revision)
            {
                var watch = Stopwatch.StartNew();
                var entries = await db.LoadEntriesAsync(row, cancellationToken);
                logger.LogInformation("Watchlist {List} revision {Revision} read from the database: {Entries} entries in {Milliseconds} ms.", row.Name, row.Revision, entries.Count, watch.ElapsedMilliseconds);
                Replace(row.Name, row.Revision, entries);
            }
        }

        var names = stored.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        ImmutableInterlocked.Update(ref lists, all => all.RemoveRange(all.Keys.Where(k => !names.Contains(k))));
        loaded.TrySetResult();
    }

    /// <summary>Waits for the first load, up to <paramref name="timeout"/>; false if it has not finished by then.</summary>
    public async Task<bool> WaitUntilLoadedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Loaded.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
