using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;

namespace Vartio.Screening;

/// <summary>What one import changed in a list.</summary>
/// <param name="Skipped">Rows of the file that describe no person (OpenSanctions' companies, vessels, ...).</param>
public sealed record WatchlistImportCounts(int Added, int Updated, int Removed, int Unchanged, int Skipped)
{
    /// <summary>The entries the list holds after the import.</summary>
    public int Entries => Added + Updated + Unchanged;

    /// <summary>The counts only, so the line can go into the audit log: no entry, name or id.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"added {Added}, updated {Updated}, removed {Removed}, unchanged {Unchanged}");
}

/// <summary>An import's outcome: the counts, or the problems of the list's name or of the file (and then nothing was applied).</summary>
/// <param name="Entries">The list's entries after the import, in the file's order (empty when there are problems).</param>
/// <param name="Revision">The list's revision after the import (see <see cref="WatchlistRow.Revision"/>).</param>
public sealed record WatchlistImportResult(
    string List,
    WatchlistImportCounts? Counts,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<WatchlistEntry> Entries,
    long Revision)
{
    public bool Applied => Counts is not null;

    public static WatchlistImportResult Rejected(string list, IReadOnlyList<Problem> problems) => new(list, null, problems, [], 0);
}

public enum WatchlistImportStage
{
    /// <summary>Reading and checking the file; <see cref="WatchlistImportProgress.Done"/> counts bytes.</summary>
    Reading,

    /// <summary>Writing the changes; <see cref="WatchlistImportProgress.Done"/> counts rows.</summary>
    Writing,
}

/// <param name="Total">Bytes of the file (0 when the stream cannot tell) or rows to write.</param>
public sealed record WatchlistImportProgress(WatchlistImportStage Stage, long Done, long Total);

/// <summary>
/// Imports a watchlist file into a list, for the command line, the API and the administration page alike.
/// The whole file is read and checked first, so a malformed row is reported (with its line) before anything is
/// written; then one transaction adds, updates and removes entries, records the import in the list's history
/// and appends the audit entry. Re-importing the same file changes no entry and is still recorded.
/// </summary>
public sealed partial class WatchlistImporter(VartioDbContext db, IClock clock, WatchlistScreening? screening = null)
{
    /// <summary>From this many entries added, updated or removed, an import refreshes the database's statistics (<see cref="Watchlists.AnalyzeAsync"/>).</summary>
    public const int AnalyzeAfterChanges = 10_000;

    /// <summary>The field of a problem with the list's name.</summary>
    public const string NameField = "name";

    /// <summary>Reported while reading (bytes) and while writing (rows).</summary>
    public IProgress<WatchlistImportProgress>? Progress { get; init; }

    /// <summary>Why a list name cannot be used, or null when it can: lower-case letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public static string? NameProblem(string? name) =>
        name is not null && ListName().IsMatch(name)
            ? null
            : $"'{name}' is not a list name: 1 to 100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. national-refusals).";

    public async Task<WatchlistImportResult> ImportAsync(string list, WatchlistFormat format, Stream file, string fileName, string actor, CancellationToken cancellationToken)
    {
        if (NameProblem(list) is { } problem)
        {
            return WatchlistImportResult.Rejected(list, [new Problem(NameField, problem)]);
        }

        var length = file.CanSeek ? file.Length : 0;
        var reader = new WatchlistFileReader(format, list)
        {
            Progress = Progress is null ? null : new Relay(bytes => Progress.Report(new(WatchlistImportStage.Reading, bytes, length))),
        };
        var read = await reader.ReadAllAsync(file, cancellationToken);
        if (!read.IsValid)
        {
            return WatchlistImportResult.Rejected(list, read.Problems);
        }

        var rows = read.Entries.Select(e => e.ToRow(0)).ToList();
        var (counts, revision, changed) = await db.AuditedAsync(clock, async () =>
        {
            var now = clock.GetCurrentInstant();
            // Writing the list's row first takes its lock (PostgreSQL's row lock, SQLite's write lock), so a second
            // import of the same list waits for this one instead of comparing against hashes about to change.
            if (await db.Watchlists.Where(w => w.Name == list).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastImportAt, now), cancellationToken) == 0)
            {
                db.Watchlists.Add(new WatchlistRow { Name = list, CreatedAt = now, LastImportAt = now });
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            var watchlist = await db.Watchlists.AsNoTracking().SingleAsync(w => w.Name == list, cancellationToken);
            rows.ForEach(r => r.WatchlistId = watchlist.Id);
            var changes = WatchlistChanges.Between(await db.LoadHashesAsync(watchlist.Id, cancellationToken), rows);
            Progress?.Report(new(WatchlistImportStage.Writing, 0, changes.Count));
            var written = Progress is null ? null : new Relay(n => Progress.Report(new(WatchlistImportStage.Writing, n, changes.Count)));
            await db.ApplyAsync(watchlist.Id, changes, written, cancellationToken);

            var revision = watchlist.Revision + (changes.Count > 0 ? 1 : 0);
            await db.Watchlists.Where(w => w.Id == watchlist.Id).ExecuteUpdateAsync(
                s => s.SetProperty(w => w.EntryCount, rows.Count).SetProperty(w => w.Revision, revision).SetProperty(w => w.LastImportAt, now),
                cancellationToken);
            var counts = new WatchlistImportCounts(changes.Added.Count, changes.Updated.Count, changes.Removed.Count, changes.Unchanged, read.Skipped);
            db.WatchlistImports.Add(new WatchlistImportRow
            {
                WatchlistId = watchlist.Id,
                At = now,
                Actor = actor,
                FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "upload",
                Format = format.Name(),
                Added = counts.Added,
                Updated = counts.Updated,
                Removed = counts.Removed,
                Unchanged = counts.Unchanged,
                Skipped = counts.Skipped,
            });
            return ((counts, revision, changes.Count), new AuditRecord(actor, "watchlist.imported", $"watchlist:{list}", counts.ToString()));
        }, cancellationToken);

        if (changed >= AnalyzeAfterChanges)
        {
            await db.AnalyzeAsync(cancellationToken);
        }

        screening?.Replace(list, revision, read.Entries);
        return new WatchlistImportResult(list, counts, [], read.Entries, revision);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ListName();

    /// <summary>Reports on the calling thread: <see cref="Progress{T}"/> would post to the thread pool, out of order.</summary>
    private sealed class Relay(Action<long> report) : IProgress<long>, IProgress<int>
    {
        public void Report(long value) => report(value);

        public void Report(int value) => report(value);
    }
}
