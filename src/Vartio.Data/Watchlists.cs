using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;
using Vartio.Data.Entities;
using Vartio.Domain.Screening;

namespace Vartio.Data;

/// <summary>Watchlist entries in and out of the database: the mapping, and the writes of an import.</summary>
public static class Watchlists
{
    /// <summary>Rows written between two progress reports.</summary>
    private const int Batch = 2_000;

    public static WatchlistEntryRow ToRow(this WatchlistEntry entry, int watchlistId)
    {
        var row = new WatchlistEntryRow
        {
            WatchlistId = watchlistId,
            EntryId = entry.Id,
            Kind = entry.Kind.Stored(),
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
        WatchlistKinds.FromStored(row.Kind),
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

    /// <summary>
    /// Every entry of one list, for the screening index: read straight from a data reader, without the change
    /// tracker or an intermediate row object, and with an empty collection column taken as empty without parsing.
    /// </summary>
    public static async Task<IReadOnlyList<WatchlistEntry>> LoadEntriesAsync(this VartioDbContext db, WatchlistRow list, CancellationToken cancellationToken)
    {
        var entries = new List<WatchlistEntry>(list.EntryCount);
        var columns = EntryColumns.Create(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""
                SELECT entry_id, kind, name, aliases, birth_date, nationalities, documents, reason, valid_from, valid_until
                FROM {Table} WHERE watchlist_id = @list
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@list";
            parameter.Value = list.Id;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var documents = columns.ReadList(reader, 6);
                entries.Add(new WatchlistEntry(
                    list.Name,
                    reader.GetString(0),
                    WatchlistKinds.FromStored(reader.GetString(1)),
                    reader.GetString(2),
                    columns.ReadList(reader, 3),
                    PartialDate.Parse(reader.GetString(4)),
                    columns.ReadList(reader, 5),
                    documents.Count == 0 ? [] : [.. documents.Select(ParseDocument)],
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    columns.ReadDate(reader, 8),
                    columns.ReadDate(reader, 9)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return entries;
    }

    /// <summary>
    /// Writes the changes inside the caller's transaction, past the change tracker: on PostgreSQL the removed and
    /// updated entries are deleted by key in one statement and the added and updated ones copied in with binary
    /// COPY; on SQLite one prepared statement each for delete, update and insert is run once per row.
    /// </summary>
    /// <param name="progress">Called with the number of rows written so far.</param>
    public static async Task ApplyAsync(this VartioDbContext db, int watchlistId, WatchlistChanges changes, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An import's entries are written inside the import's transaction.");
        var written = new Written(changes.Count, progress);
        switch (transaction)
        {
            case NpgsqlTransaction npgsql:
                await ApplyAsync(npgsql, watchlistId, changes, written, cancellationToken);
                break;
            case SqliteTransaction sqlite:
                await ApplyAsync(sqlite, EntryColumns.Create(db), watchlistId, changes, written, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"Watchlist entries cannot be written through {transaction.GetType().Name}.");
        }

        progress?.Report(changes.Count);
    }

    /// <summary>
    /// Refreshes PostgreSQL's statistics of the watchlist tables, after an import that changed many rows: autovacuum
    /// would analyse them only after a delay, and until then the planner plans the next import's hash read and the
    /// start-up load with the sizes of the list before it. SQLite keeps no such statistics for these queries.
    /// </summary>
    public static async Task AnalyzeAsync(this VartioDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE watchlists, watchlist_entries, watchlist_imports", cancellationToken);
        }
    }

    private const string Table = "watchlist_entries";

    private const string AllColumns = "watchlist_id, entry_id, kind, name, aliases, birth_date, nationalities, documents, reason, valid_from, valid_until, content_hash";

    private static async Task ApplyAsync(NpgsqlTransaction transaction, int watchlistId, WatchlistChanges changes, Written written, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        string[] gone = [.. changes.Removed, .. changes.Updated.Select(r => r.EntryId)];
        if (gone.Length > 0)
        {
            await using var delete = new NpgsqlCommand($"""DELETE FROM {Table} WHERE watchlist_id = @list AND entry_id = ANY(@ids)""", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter<int>("list", watchlistId));
            delete.Parameters.Add(new NpgsqlParameter<string[]>("ids", gone));
            await delete.ExecuteNonQueryAsync(cancellationToken);
            written.Add(changes.Removed.Count);
        }

        if (changes.Added.Count + changes.Updated.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync($"COPY {Table} ({AllColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in changes.Updated.Concat(changes.Added))
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(watchlistId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.EntryId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Kind, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Aliases, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.BirthDate, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(row.Nationalities, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Documents, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, row.Reason, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, row.ValidFrom, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(copy, row.ValidUntil, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(row.ContentHash, NpgsqlDbType.Bigint, cancellationToken);
            written.Add(1);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, LocalDate? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is { } date ? copy.WriteAsync(date, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static async Task ApplyAsync(SqliteTransaction transaction, EntryColumns columns, int watchlistId, WatchlistChanges changes, Written written, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        if (changes.Removed.Count > 0)
        {
            await using var delete = new SqliteCommand($"""DELETE FROM {Table} WHERE watchlist_id = $list AND entry_id = $id""", connection, transaction);
            delete.Parameters.Add("$list", SqliteType.Integer).Value = watchlistId;
            var id = delete.Parameters.Add("$id", SqliteType.Text);
            delete.Prepare();
            foreach (var entryId in changes.Removed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                id.Value = entryId;
                await delete.ExecuteNonQueryAsync(cancellationToken);
                written.Add(1);
            }
        }

        if (changes.Updated.Count > 0)
        {
            await using var update = new SqliteCommand(
                $"""
                UPDATE {Table} SET kind = $kind, name = $name, aliases = $aliases, birth_date = $birthDate,
                    nationalities = $nationalities, documents = $documents, reason = $reason,
                    valid_from = $validFrom, valid_until = $validUntil, content_hash = $hash
                WHERE watchlist_id = $list AND entry_id = $id
                """,
                connection,
                transaction);
            await WriteRowsAsync(update, columns, watchlistId, changes.Updated, written, cancellationToken);
        }

        if (changes.Added.Count > 0)
        {
            await using var insert = new SqliteCommand(
                $"""
                INSERT INTO {Table} ({AllColumns})
                VALUES ($list, $id, $kind, $name, $aliases, $birthDate, $nationalities, $documents, $reason, $validFrom, $validUntil, $hash)
                """,
                connection,
                transaction);
            await WriteRowsAsync(insert, columns, watchlistId, changes.Added, written, cancellationToken);
        }
    }

    /// <summary>Runs the prepared insert or update once per row, with every column's value as EF Core would store it.</summary>
    private static async Task WriteRowsAsync(SqliteCommand command, EntryColumns columns, int watchlistId, IReadOnlyList<WatchlistEntryRow> rows, Written written, CancellationToken cancellationToken)
    {
        var p = command.Parameters;
        p.Add("$list", SqliteType.Integer).Value = watchlistId;
        var id = p.Add("$id", SqliteType.Text);
        var kind = p.Add("$kind", SqliteType.Text);
        var name = p.Add("$name", SqliteType.Text);
        var aliases = p.Add("$aliases", SqliteType.Text);
        var birthDate = p.Add("$birthDate", SqliteType.Text);
        var nationalities = p.Add("$nationalities", SqliteType.Text);
        var documents = p.Add("$documents", SqliteType.Text);
        var reason = p.Add("$reason", SqliteType.Text);
        var validFrom = p.Add("$validFrom", SqliteType.Text);
        var validUntil = p.Add("$validUntil", SqliteType.Text);
        var hash = p.Add("$hash", SqliteType.Integer);
        command.Prepare();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = row.EntryId;
            kind.Value = row.Kind;
            name.Value = row.Name;
            aliases.Value = columns.ListText(row.Aliases);
            birthDate.Value = row.BirthDate;
            nationalities.Value = columns.ListText(row.Nationalities);
            documents.Value = columns.ListText(row.Documents);
            reason.Value = (object?)row.Reason ?? DBNull.Value;
            validFrom.Value = columns.DateText(row.ValidFrom);
            validUntil.Value = columns.DateText(row.ValidUntil);
            hash.Value = row.ContentHash;
            await command.ExecuteNonQueryAsync(cancellationToken);
            written.Add(1);
        }
    }

    /// <summary>Counts the rows written and reports every <see cref="Batch"/> of them.</summary>
    private sealed class Written(int total, IProgress<int>? progress)
    {
        private int count;

        public void Add(int rows)
        {
            var before = count;
            count += rows;
            if (progress is not null && count < total && count / Batch != before / Batch)
            {
                progress.Report(count);
            }
        }
    }

    /// <summary>
    /// How the collection and date columns are stored, taken from EF Core's own mapping of the entity so that rows
    /// written or read here are exactly those EF Core writes and reads: on SQLite JSON text and ISO dates, on
    /// PostgreSQL native arrays and dates (no conversion).
    /// </summary>
    private sealed class EntryColumns
    {
        private static readonly string[] Empty = [];

        private readonly ValueConverter? list;
        private readonly ValueConverter? date;
        private readonly string emptyListText;

        private EntryColumns(ValueConverter? list, ValueConverter? date)
        {
            this.list = list;
            this.date = date;
            emptyListText = list?.ConvertToProvider(new List<string>()) as string ?? "[]";
        }

        public static EntryColumns Create(VartioDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(WatchlistEntryRow))!;
            return new(
                entity.FindProperty(nameof(WatchlistEntryRow.Aliases))!.GetTypeMapping().Converter,
                entity.FindProperty(nameof(WatchlistEntryRow.ValidFrom))!.GetTypeMapping().Converter);
        }

        public object ListText(List<string> values) =>
            values.Count == 0 ? emptyListText : list!.ConvertToProvider(values)!;

        public object DateText(LocalDate? value) =>
            value is { } d ? date!.ConvertToProvider(d)! : DBNull.Value;

        public IReadOnlyList<string> ReadList(DbDataReader reader, int ordinal)
        {
            if (list is null)
            {
                var values = reader.GetFieldValue<string[]>(ordinal);
                return values.Length == 0 ? Empty : values;
            }

            var text = reader.GetString(ordinal);
            return text == emptyListText ? Empty : (List<string>)list.ConvertFromProvider(text)!;
        }

        public LocalDate? ReadDate(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null
            : date is null ? reader.GetFieldValue<LocalDate>(ordinal)
            : (LocalDate)date.ConvertFromProvider(reader.GetString(ordinal))!;
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
