using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Screening;

namespace Vartio.Benchmarks;

/// <summary>
/// The generated travellers of the border check benchmark: traveller <c>i</c>'s passport is the same every time
/// it is asked for (seeded by <c>i</c>), so the load can present documents that the database holds without
/// reading them back.
/// </summary>
public sealed record GeneratedTraveller(string State, string Number, string Surname, string Given, string BirthDate, string Sex, string Expiry)
{
    private static readonly string[] States = ["USA", "GBR", "JPN", "CAN", "AUS", "BRA", "FIN", "DEU", "RUS", "UKR"];

    public static GeneratedTraveller Of(int i)
    {
        var random = new Random(unchecked((i * 7919) + 17));
        var state = States[random.Next(States.Length)];
        var birth = new LocalDate(1950 + random.Next(55), 1 + random.Next(12), 1 + random.Next(28));
        var expiry = new LocalDate(2028 + random.Next(8), 1 + random.Next(12), 1 + random.Next(28));
        return new(
            state,
            "X" + i.ToString("D8", CultureInfo.InvariantCulture),
            ScreeningPerformance.Surname(random).ToUpperInvariant(),
            ScreeningPerformance.PickGiven(random).ToUpperInvariant(),
            Iso(birth),
            random.Next(2) == 0 ? "F" : "M",
            Iso(expiry));
    }

    /// <summary>A traveller never seen before (a document number outside the generated set).</summary>
    public static GeneratedTraveller New(int run, int n)
    {
        var generated = Of(1_000_000_000 - n);
        return generated with { Number = "N" + run.ToString("X2", CultureInfo.InvariantCulture) + n.ToString("D6", CultureInfo.InvariantCulture) };
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Fills the database of the border check benchmark: travellers with a passport each, entry and exit records
/// over the past three years, and a watchlist imported through the product's importer. On SQLite the rows are
/// written by prepared statements in one transaction, with the secondary indexes of the tables dropped while
/// writing and created again after (the unique index on documents too: the generated numbers are unique).
/// </summary>
public static class ChecksLoadData
{
    /// <summary>The name of the generated watchlist; its presence with the expected size marks a finished generation.</summary>
    public const string ListName = "bench-generated";

    private static readonly string[] Tables = ["travellers", "travel_documents", "border_records"];

    public static async Task<bool> IsCompleteAsync(VartioDbContext db, int travellers, int records, int watchlist)
    {
        if (watchlist > 0 && !await db.Watchlists.AnyAsync(w => w.Name == ListName))
        {
            return false;
        }

        // The generated documents are numbered X…; the checks of earlier runs add travellers of their own (N…).
        return await db.TravelDocuments.CountAsync(d => d.NormalisedNumber.StartsWith("X")) == travellers
            && await db.BorderRecords.CountAsync(r => r.CheckId == null) == records;
    }

    public static async Task GenerateAsync(VartioDbContext db, IClock clock, int travellers, int records, int watchlist, TextWriter log)
    {
        if (await db.Travellers.AnyAsync())
        {
            throw new InvalidOperationException("The database holds travellers of another size: give another --database file, or delete this one.");
        }

        var clockTime = Stopwatch.StartNew();
        await WriteTravellersAsync(db, clock, travellers, records, log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {travellers:N0} travellers, their passports and {records:N0} records written in {clockTime.Elapsed.TotalSeconds:0} s"));

        if (watchlist > 0)
        {
            clockTime.Restart();
            var file = Path.Combine(Path.GetTempPath(), $"vartio-bench-list-{Environment.ProcessId}.csv");
            try
            {
                WriteList(file, watchlist);
                await using var stream = File.OpenRead(file);
                var importer = new WatchlistImporter(db, clock);
                var result = await importer.ImportAsync(ListName, WatchlistFormat.Vartio, stream, "generated.csv", "benchmark", CancellationToken.None);
                if (result.Problems.Count > 0)
                {
                    throw new InvalidOperationException("The generated watchlist was refused: " + string.Join("; ", result.Problems.Take(5).Select(p => p.Describe())));
                }
            }
            finally
            {
                File.Delete(file);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  watchlist of {watchlist:N0} entries imported in {clockTime.Elapsed.TotalSeconds:0} s"));
        }
    }

    /// <summary>The screening benchmark's generated list, written as Vartio's watchlist CSV.</summary>
    private static void WriteList(string path, int size)
    {
        var entries = ScreeningPerformance.Generate(size, new Random(1_000_000));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until");
        foreach (var e in entries)
        {
            writer.Write(e.Id);
            writer.Write(",refusal-of-entry,");
            writer.Write(e.Name);
            writer.Write(',');
            writer.Write(string.Join(';', e.Aliases));
            writer.Write(',');
            writer.Write(e.BirthDate.ToString());
            writer.Write(',');
            writer.Write(string.Join(';', e.Nationalities));
            writer.WriteLine(",,generated,,");
        }
    }

    private static async Task WriteTravellersAsync(VartioDbContext db, IClock clock, int travellers, int records, TextWriter log)
    {
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("The generator writes SQLite only.");
        }

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await Exec(connection, null, "PRAGMA synchronous = OFF");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        // Secondary indexes are built once at the end, which is much faster than keeping them while inserting.
        var names = new List<string>();
        var indexes = new List<string>();
        await using (var read = new SqliteCommand($"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))})", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
                indexes.Add(reader.GetString(1));
            }
        }

        foreach (var name in names)
        {
            await Exec(connection, transaction, $"DROP INDEX \"{name}\"");
        }

        var now = clock.GetCurrentInstant();
        var traveller = Command(connection, transaction, "INSERT INTO travellers (id, created_at) VALUES ($id, $created)", ("$id", SqliteType.Text), ("$created", SqliteType.Integer));
        var document = Command(
            connection,
            transaction,
            """
            INSERT INTO travel_documents (id, traveller_id, issuing_state, number, normalised_number, type, expiry, primary_identifier, secondary_identifier, nationality, birth_date, recorded_at)
            VALUES ($id, $traveller, $state, $number, $number, 'P', $expiry, $primary, $secondary, $state, $birth, $recorded)
            """,
            ("$id", SqliteType.Text), ("$traveller", SqliteType.Text), ("$state", SqliteType.Text), ("$number", SqliteType.Text), ("$expiry", SqliteType.Text),
            ("$primary", SqliteType.Text), ("$secondary", SqliteType.Text), ("$birth", SqliteType.Text), ("$recorded", SqliteType.Integer));
        var record = Command(
            connection,
            transaction,
            """
            INSERT INTO border_records (id, kind, traveller_id, document_id, crossing_point_code, at, recorded_at, check_id, authorised_stay_until)
            VALUES ($id, $kind, $traveller, $document, $point, $at, $recorded, NULL, $until)
            """,
            ("$id", SqliteType.Text), ("$kind", SqliteType.Text), ("$traveller", SqliteType.Text), ("$document", SqliteType.Text), ("$point", SqliteType.Text),
            ("$at", SqliteType.Integer), ("$recorded", SqliteType.Integer), ("$until", SqliteType.Text));

        // Records come in entry/exit pairs: every traveller has records/(2·travellers) pairs, some one more.
        var pairs = records / 2;
        var perTraveller = travellers == 0 ? 0 : pairs / travellers;
        var extra = travellers == 0 ? 0 : pairs % travellers;
        var random = new Random(5_000_000);
        // Within the three years that records are kept (DOMAIN §7): the daily retention run finds nothing to erase,
        // as on a database where it has run every day, and takes no lock while the load runs.
        var today = now.InUtc().Date;
        var first = today.PlusYears(-3).PlusDays(30);
        var span = Period.Between(first, today.PlusDays(-20), PeriodUnits.Days).Days;
        var ids = new IdSequence(now - Duration.FromDays(1));
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < travellers; i++)
        {
            var t = GeneratedTraveller.Of(i);
            var travellerId = ids.Next();
            var documentId = ids.Next();
            Set(traveller, travellerId, now.ToUnixTimeTicks());
            await traveller.ExecuteNonQueryAsync();
            Set(document, documentId, travellerId, t.State, t.Number, t.Expiry, t.Surname, t.Given, t.BirthDate, now.ToUnixTimeTicks());
            await document.ExecuteNonQueryAsync();

            var count = perTraveller + (i < extra ? 1 : 0);
            var segment = span / Math.Max(1, count);
            for (var j = 0; j < count; j++)
            {
                var entryDay = first.PlusDays((j * segment) + random.Next(Math.Max(1, segment - 30)));
                var exitDay = entryDay.PlusDays(1 + random.Next(14));
                var point = random.Next(10) < 7 ? "HEL" : "HWH";
                var entryAt = entryDay.AtMidnight().InUtc().ToInstant() + Duration.FromMinutes(300 + random.Next(900));
                var exitAt = exitDay.AtMidnight().InUtc().ToInstant() + Duration.FromMinutes(300 + random.Next(900));
                Set(record, ids.Next(), "entry", travellerId, documentId, point, entryAt.ToUnixTimeTicks(), now.ToUnixTimeTicks(), entryDay.PlusDays(89).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync();
                Set(record, ids.Next(), "exit", travellerId, documentId, point, exitAt.ToUnixTimeTicks(), now.ToUnixTimeTicks(), DBNull.Value);
                await record.ExecuteNonQueryAsync();
            }

            if ((i + 1) % 100_000 == 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1:N0} travellers ({stopwatch.Elapsed.TotalSeconds:0} s)"));
            }
        }

        stopwatch.Restart();
        foreach (var sql in indexes)
        {
            await Exec(connection, transaction, sql);
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  indexes built in {stopwatch.Elapsed.TotalSeconds:0} s"));
        await transaction.CommitAsync();
        await Exec(connection, null, "PRAGMA synchronous = FULL");
        await db.Database.CloseConnectionAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }

    /// <summary>Sets the command's parameters in order; a Guid is written as EF Core writes it on SQLite (upper-case text).</summary>
    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] is Guid g ? g.ToString().ToUpperInvariant() : values[i];
        }
    }

    private static async Task Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Version 7 ids one millisecond apart, so that rows are appended to the primary key's index in order.</summary>
    private sealed class IdSequence(Instant start)
    {
        private long n;

        public Guid Next() => Guid.CreateVersion7((start + Duration.FromMilliseconds(n++)).ToDateTimeOffset());
    }
}
