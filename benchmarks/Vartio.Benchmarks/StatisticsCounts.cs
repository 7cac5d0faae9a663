using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Statistics;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>statistics-counts</c>: a year of daily entries and exits for every crossing point, read from the counters kept
/// with each write (<see cref="StatisticsQueries"/>, as <c>GET /api/v1/statistics</c> reads them) and the same
/// figures by <c>GROUP BY</c> over the raw records, in the same run, over a generated database of N crossing records
/// (docs/PERFORMANCE.md, "Statistics over ten million records").
/// </summary>
/// <remarks>
/// The records are written in bulk, not through the check: entries and exits spread over the 365 days of 2023 and
/// over every crossing point in proportion to its traffic, at instants of the day drawn at random, for a pool of
/// 10,000 travellers (the grouping does not look at who crossed). Their daily counters (the total and one key per
/// nationality, as the check writes them) are summed while generating and written after. SQLite: prepared
/// statements in one transaction, the secondary indexes of the records dropped while writing and built again
/// after, ids in order; PostgreSQL: binary COPY with the indexes in place. The database is reused while it holds that many records.
/// </remarks>
public static class StatisticsCounts
{
    private const string Usage = "usage: statistics-counts [--records N] [--runs R] [--sqlite FILE] [--postgres CONN]";

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static readonly LocalDate First = new(2023, 1, 1);

    private static readonly LocalDate Last = new(2023, 12, 31);

    /// <summary>Crossing points and their shares of the records: the land border's busiest most, the airport most of all.</summary>
    private static readonly (string Code, int Weight)[] Points =
        [("HEL", 400), ("HWH", 100), ("VAA", 213), ("NUI", 258), ("IMA", 137), ("NII", 61), ("VAR", 53), ("KUU", 15), ("SAL", 15), ("RAJ", 8), ("VAI", 1), ("PAR", 1), ("HAA", 1), ("NUP", 1), ("SAN", 1)];

    private static readonly string[] Nationalities = ["FIN", "RUS", "EST", "SWE", "DEU", "GBR", "USA", "CHN", "IND", "UKR"];

    public static async Task<int> RunAsync(string[] args)
    {
        var records = 10_000_000;
        var runs = 7;
        string? sqlite = null;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--records" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    records = n;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--sqlite" when i + 1 < args.Length:
                    sqlite = args[++i];
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.{Environment.NewLine}{Usage}");
                    return 2;
            }
        }

        if (sqlite is null && postgres is null)
        {
            sqlite = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"vartio-statistics-{records}.db"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        if (sqlite is not null)
        {
            await MeasureAsync(DatabaseSettings.SqliteFile(sqlite), records, runs);
        }

        if (postgres is not null)
        {
            await MeasureAsync(DatabaseSettings.Postgres(postgres), records, runs);
        }

        return 0;
    }

    private static async Task MeasureAsync(DatabaseSettings settings, int records, int runs)
    {
        await using var db = Database.Open(settings);
        await Database.PrepareAsync(db, SystemClock.Instance, CancellationToken.None);
        var held = await db.BorderRecords.LongCountAsync();
        if (held != records)
        {
            if (held > 0)
            {
                throw new InvalidOperationException($"{settings.Describe()} holds {held:N0} records, not {records:N0}: give another database.");
            }

            var watch = Stopwatch.StartNew();
            await GenerateAsync(db, settings, records);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Describe()}: {records:N0} records and their daily counters generated in {watch.Elapsed.TotalSeconds:0} s"));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Describe()}: reusing its {records:N0} records"));
        }

        var queries = new StatisticsQueries(db);
        var fromCounters = new List<double>();
        var byGroup = new List<double>();
        Dictionary<(string, string, string), long>? counted = null;
        Dictionary<(string, string, string), long>? grouped = null;
        // One run of each first, unmeasured (the JIT, the caches); then the two alternate.
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            counted = await FromCountersAsync(queries);
            var counters = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            grouped = await ByGroupAsync(db);
            var group = watch.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                fromCounters.Add(counters);
                byGroup.Add(group);
            }
        }

        var same = counted!.Count == grouped!.Count && counted.All(c => grouped.GetValueOrDefault(c.Key) == c.Value);
        var c = Median(fromCounters);
        var g = Median(byGroup);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Provider}: a year of daily entries and exits for {Points.Length} crossing points ({counted.Count:N0} non-zero figures, the same both ways: {same}); medians of {runs} runs: from the counters {c:0.0} ms (runs {string.Join(", ", fromCounters.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))}), GROUP BY over raw records {g:0.0} ms (runs {string.Join(", ", byGroup.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))}); ratio {g / c:0} ×. Goal under 50 ms from the counters: {(c < 50 ? "met" : "not met")}."));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>As <c>GET /api/v1/statistics?measure=entry&amp;granularity=day&amp;split=true</c> answers, for entries and exits.</summary>
    private static async Task<Dictionary<(string, string, string), long>> FromCountersAsync(StatisticsQueries queries)
    {
        var result = new Dictionary<(string, string, string), long>();
        foreach (var measure in new[] { Counts.Entry, Counts.Exit })
        {
            var response = await queries.CountAsync(new StatisticsQuery(measure, First, Last, [.. Points.Select(p => p.Code)], StatisticsQuery.Day, null, true), CancellationToken.None);
            foreach (var series in response.Series)
            {
                foreach (var point in series.Points.Where(p => p.Count > 0))
                {
                    result[(measure, series.CrossingPoint!, point.Period)] = point.Count;
                }
            }
        }

        return result;
    }

    /// <summary>The same figures from the raw records: each record's local day at the border, grouped.</summary>
    private static async Task<Dictionary<(string, string, string), long>> ByGroupAsync(VartioDbContext db)
    {
        var from = First.AtStartOfDayInZone(Helsinki).ToInstant();
        var to = Last.PlusDays(1).AtStartOfDayInZone(Helsinki).ToInstant();
        var result = new Dictionary<(string, string, string), long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            if (db.Database.IsNpgsql())
            {
                command.CommandText = """
                    SELECT kind, crossing_point_code, to_char((at AT TIME ZONE 'Europe/Helsinki')::date, 'YYYY-MM-DD'), count(*)
                    FROM border_records WHERE at >= @from AND at < @to AND kind IN ('entry', 'exit')
                    GROUP BY 1, 2, 3
                    """;
                command.Parameters.Add(new NpgsqlParameter("from", from.ToDateTimeUtc()));
                command.Parameters.Add(new NpgsqlParameter("to", to.ToDateTimeUtc()));
            }
            else
            {
                // SQLite has no time zones: the instant (ticks since 1970) moved by Helsinki's offset, +3 h between
                // the changes of daylight-saving time of 2023 (26 March and 29 October, 01:00 UTC), +2 h otherwise.
                var summerFrom = Instant.FromUtc(2023, 3, 26, 1, 0).ToUnixTimeTicks();
                var summerTo = Instant.FromUtc(2023, 10, 29, 1, 0).ToUnixTimeTicks();
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                    SELECT kind, crossing_point_code, date(at / 10000000 + CASE WHEN at >= {summerFrom} AND at < {summerTo} THEN 10800 ELSE 7200 END, 'unixepoch'), count(*)
                    FROM border_records WHERE at >= {from.ToUnixTimeTicks()} AND at < {to.ToUnixTimeTicks()} AND kind IN ('entry', 'exit')
                    GROUP BY 1, 2, 3
                    """);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private static async Task GenerateAsync(VartioDbContext db, DatabaseSettings settings, int records)
    {
        // The pool of travellers, through the model.
        var now = SystemClock.Instance.GetCurrentInstant();
        var travellers = new List<(Guid Traveller, Guid Document, string Nationality)>();
        for (var i = 0; i < 10_000; i++)
        {
            var traveller = new TravellerRow { Id = Guid.CreateVersion7(), CreatedAt = now };
            var nationality = Nationalities[i % Nationalities.Length];
            var document = new TravelDocumentRow
            {
                Id = Guid.CreateVersion7(),
                TravellerId = traveller.Id,
                IssuingState = nationality,
                Number = "B" + i.ToString("D8", CultureInfo.InvariantCulture),
                NormalisedNumber = "B" + i.ToString("D8", CultureInfo.InvariantCulture),
                Type = "P",
                Nationality = nationality,
                BirthDate = "1980-01-01",
                RecordedAt = now,
            };
            db.Travellers.Add(traveller);
            db.TravelDocuments.Add(document);
            travellers.Add((traveller.Id, document.Id, nationality));
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var counts = new Dictionary<(string Point, LocalDate Day, string Measure, string Dimension), long>();
        var random = new Random(10_000_000);
        var total = Points.Sum(p => p.Weight);
        var days = Period.DaysBetween(First, Last) + 1;
        IEnumerable<(Guid Id, string Kind, Guid Traveller, Guid Document, string Point, Instant At)> Rows()
        {
            for (var i = 0; i < records; i++)
            {
                var x = random.Next(total);
                var point = Points[^1].Code;
                foreach (var (code, weight) in Points)
                {
                    if ((x -= weight) < 0)
                    {
                        point = code;
                        break;
                    }
                }

                var day = First.PlusDays(random.Next(days));
                var at = day.AtStartOfDayInZone(Helsinki).ToInstant() + Duration.FromSeconds(random.Next(86_400));
                var who = travellers[random.Next(travellers.Count)];
                var kind = (i & 1) == 0 ? "entry" : "exit";
                var local = at.InZone(Helsinki).Date;
                foreach (var dimension in new[] { Counts.Total, Counts.Nationality(who.Nationality) })
                {
                    var key = (point, local, kind, dimension);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }

                yield return (Guid.CreateVersion7(at.ToDateTimeOffset()), kind, who.Traveller, who.Document, point, at);
            }
        }

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Completing a COPY of ten million rows with its indexes takes minutes: no time limit on this connection.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { CommandTimeout = 0, Timeout = 60 }.ConnectionString);
            await connection.OpenAsync();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY border_records (id, kind, traveller_id, document_id, crossing_point_code, at, recorded_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in Rows())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(row.Kind, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.Traveller, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(row.Document, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(row.Point, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(row.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY daily_counts (crossing_point_code, day, measure, dimension, count) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var ((point, day, measure, dimension), count) in counts)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(point, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(measure, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(dimension, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(count, NpgsqlDbType.Bigint);
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE border_records; ANALYZE daily_counts", connection);
            await analyze.ExecuteNonQueryAsync();
            return;
        }

        await db.Database.OpenConnectionAsync();
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        await using (var pragma = new SqliteCommand("PRAGMA synchronous = OFF", sqlite))
        {
            await pragma.ExecuteNonQueryAsync();
        }

        await using (var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync())
        {
            // The secondary indexes are built once at the end, and the ids follow each other, so that every row is
            // appended to the primary key's index: much faster than keeping them while inserting.
            var indexes = new List<(string Name, string Sql)>();
            await using (var read = new SqliteCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'border_records'", sqlite, transaction))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                await using var drop = new SqliteCommand($"DROP INDEX \"{name}\"", sqlite, transaction);
                await drop.ExecuteNonQueryAsync();
            }

            var ids = 0L;
            await using var insert = new SqliteCommand("INSERT INTO border_records (id, kind, traveller_id, document_id, crossing_point_code, at, recorded_at) VALUES ($id, $kind, $traveller, $document, $point, $at, $at)", sqlite, transaction);
            foreach (var name in new[] { "$id", "$kind", "$traveller", "$document", "$point", "$at" })
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            foreach (var row in Rows())
            {
                insert.Parameters[0].Value = Guid.CreateVersion7((now + Duration.FromMilliseconds(ids++)).ToDateTimeOffset()).ToString().ToUpperInvariant();
                insert.Parameters[1].Value = row.Kind;
                insert.Parameters[2].Value = row.Traveller.ToString().ToUpperInvariant();
                insert.Parameters[3].Value = row.Document.ToString().ToUpperInvariant();
                insert.Parameters[4].Value = row.Point;
                insert.Parameters[5].Value = row.At.ToUnixTimeTicks();
                await insert.ExecuteNonQueryAsync();
            }

            await using var counters = new SqliteCommand("INSERT INTO daily_counts (crossing_point_code, day, measure, dimension, count) VALUES ($point, $day, $measure, $dimension, $count)", sqlite, transaction);
            foreach (var name in new[] { "$point", "$day", "$measure", "$dimension", "$count" })
            {
                counters.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            counters.Prepare();
            foreach (var ((point, day, measure, dimension), count) in counts)
            {
                counters.Parameters[0].Value = point;
                counters.Parameters[1].Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                counters.Parameters[2].Value = measure;
                counters.Parameters[3].Value = dimension;
                counters.Parameters[4].Value = count;
                await counters.ExecuteNonQueryAsync();
            }

            foreach (var (_, sql) in indexes)
            {
                await using var create = new SqliteCommand(sql, sqlite, transaction);
                await create.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using (var analyze = new SqliteCommand("ANALYZE; PRAGMA synchronous = FULL", sqlite))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await db.Database.CloseConnectionAsync();
    }
}
