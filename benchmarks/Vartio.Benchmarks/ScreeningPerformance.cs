using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Vartio.Domain.Screening;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>screening-perf [ENTRIES] [QUERIES] [BASELINE-QUERIES]</c>: builds a generated list (default 1,000,000
/// entries), reports build time and the index's memory, then times screening on one thread: latency
/// percentiles for Vartio (each query's median over three passes, and the first pass alone), and for the
/// Jaro–Winkler scan on the same list over fewer queries (it takes about a
/// second each at a million entries).
/// </summary>
/// <remarks>
/// The list mixes what watchlists hold: four fifths Latin names (generated surnames from syllables and
/// Russian, Ukrainian, Arabic and European endings; given names from a Zipf-distributed set of 400, so some are
/// very common), a fifth in Cyrillic, one entry in ten with an alias, most with birth date and nationality.
/// Half the queries are listed people in another spelling (a typo, reordering, Cyrillic ↔ Latin), half are
/// people not on the list.
/// </remarks>
public static class ScreeningPerformance
{
    private static readonly string[] Syllables = "ka ra mo li na to vi se do be ga lu mi sha khu zhe tso che ya yu al bu di fe go ha ja ko le ma ni or pa ri sa ta ul va za ab ib ad".Split(' ');
    private static readonly string[] Endings = ["ov", "ova", "ev", "eva", "in", "ina", "enko", "uk", "ski", "ska", "ovich", "ani", "i", "awi", "oui", "son", "sen", "er", "mann", "escu", "oglu", "inen", "ez", "es", ""];
    private static readonly string[] Given = [.. GivenNames()];

    public static void Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var queryCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var baselineQueries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var random = new Random(1_000_000);
        var entries = Generate(size, random);
        var (queries, expected) = Queries(entries, queryCount, random);

        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationLine()}; server GC {GCSettings.IsServerGC}");
        var before = Measure();
        var clock = Stopwatch.StartNew();
        var index = WatchlistIndex.Build(entries);
        clock.Stop();
        var after = Measure();
        var (names, parts, keys) = index.Size;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Built {index.Count:N0} entries ({names:N0} names, {parts:N0} distinct parts, {keys:N0} keys) in {clock.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index memory: {(after - before) / 1048576.0:0} MiB (entries themselves: {before / 1048576.0:0} MiB managed heap before the build)"));

        // Warm up, then time each query on this thread.
        foreach (var query in queries.Take(500))
        {
            index.Screen(query, ScreeningDefaults.Threshold);
        }

        // Three passes over the queries; each query's time is the median of its three, so that a query that
        // met the machine busy with other work once is not taken for a slow one. The first pass alone is
        // reported too.
        var passes = new double[Passes][];
        var hits = 0;
        var found = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            passes[pass] = new double[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = index.Screen(queries[i], ScreeningDefaults.Threshold);
                passes[pass][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (pass == 0)
                {
                    hits += result.Count;
                    found += expected[i] is { } entry && result.Any(h => ReferenceEquals(h.Entry, entry)) ? 1 : 0;
                }
            }
        }

        var times = Enumerable.Range(0, queries.Count).Select(i => passes.Select(p => p[i]).Order().ElementAt(Passes / 2)).ToArray();
        var firstPass = passes[0].Order().ToArray();

        if (Environment.GetEnvironmentVariable("SCREENING_SLOWEST") is { } slowest)
        {
            foreach (var i in Enumerable.Range(0, times.Length).OrderByDescending(i => times[i]).Take(int.Parse(slowest, CultureInfo.InvariantCulture)))
            {
                // Timed again, 21 times: a slow query stays slow, one that met a busy machine does not.
                var again = Enumerable.Range(0, 21).Select(_ =>
                {
                    var start = Stopwatch.GetTimestamp();
                    index.Screen(queries[i], ScreeningDefaults.Threshold);
                    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {times[i]:0.000} ms (again: median {again[10]:0.000} ms)  {queries[i].Name}"));
            }
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Vartio, {queries.Count:N0} queries, one thread, median of {Passes} passes per query: median {Percentile(times, 0.5):0.000} ms, p90 {Percentile(times, 0.9):0.000} ms, p99 {Percentile(times, 0.99):0.000} ms, max {times[^1]:0.000} ms, mean {times.Average():0.000} ms; {hits:N0} hits; {found:N0} of the {expected.Count(e => e is not null):N0} listed people found"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First pass alone: median {Percentile(firstPass, 0.5):0.000} ms, p90 {Percentile(firstPass, 0.9):0.000} ms, p99 {Percentile(firstPass, 0.99):0.000} ms, max {firstPass[^1]:0.000} ms"));
        var sparse = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);

        if (baselineQueries > 0)
        {
            var baseline = new ScreeningBaseline(entries);
            var baselineTimes = new double[baselineQueries];
            baseline.Screen(queries[0].Name, ScreeningDefaults.Threshold);
            for (var i = 0; i < baselineQueries; i++)
            {
                var start = Stopwatch.GetTimestamp();
                baseline.Screen(queries[i].Name, ScreeningDefaults.Threshold);
                baselineTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(baselineTimes);
            var vartioSame = queries.Take(baselineQueries).Select(q =>
            {
                var start = Stopwatch.GetTimestamp();
                index.Screen(q, ScreeningDefaults.Threshold);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline (Jaro–Winkler scan), first {baselineQueries} queries: median {Percentile(baselineTimes, 0.5):0.0} ms; Vartio on the same queries: median {Percentile(vartioSame, 0.5):0.000} ms; ratio {Percentile(baselineTimes, 0.5) / Percentile(vartioSame, 0.5):0}×; ratio of medians over all queries {Percentile(baselineTimes, 0.5) / Percentile(times, 0.5):0}×"));
        }

        GC.KeepAlive(sparse);
    }

    private const int Passes = 3;

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string RuntimeInformationLine() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static IEnumerable<string> GivenNames()
    {
        var random = new Random(400);
        var known = "Ivan Sergei Aleksandr Dmitrii Andrei Aleksei Mikhail Nikolai Vladimir Yuliia Olga Elena Tatiana Natalia Irina Anna Maria Muhammad Ahmad Ali Hassan Hussein Omar Khalid Yusuf Ibrahim Mustafa Fatima Aisha Maryam Zainab John Peter Thomas Mikko Jean Giovanni Jan Lars Mehmet Nikos".Split(' ');
        foreach (var name in known)
        {
            yield return name;
        }

        for (var i = known.Length; i < 400; i++)
        {
            var word = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            yield return char.ToUpperInvariant(word[0]) + word[1..];
        }
    }

    /// <summary>A given name, the most common far more often than the rest (Zipf, exponent 1).</summary>
    internal static string PickGiven(Random random)
    {
        var harmonic = 6.57; // H(400)
        var target = random.NextDouble() * harmonic;
        var sum = 0.0;
        for (var i = 0; i < Given.Length; i++)
        {
            sum += 1.0 / (i + 1);
            if (sum >= target)
            {
                return Given[i];
            }
        }

        return Given[^1];
    }

    internal static string Surname(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)])) + Endings[random.Next(Endings.Length)];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    internal static List<WatchlistEntry> Generate(int size, Random random)
    {
        var entries = new List<WatchlistEntry>(size);
        string[] nationalities = ["RUS", "UKR", "SYR", "IRQ", "FIN", "DEU", "TUR", "EGY"];
        for (var i = 0; i < size; i++)
        {
            var name = $"{PickGiven(random)} {(random.Next(4) == 0 ? PickGiven(random) + " " : "")}{Surname(random)}";
            if (random.Next(5) == 0)
            {
                name = ToCyrillic(name);
            }

            IReadOnlyList<string> aliases = random.Next(10) == 0 ? [$"{Surname(random)} {PickGiven(random)}"] : [];
            var birth = random.Next(10) < 8 ? PartialDate.FromDate(new NodaTime.LocalDate(1950 + random.Next(55), 1 + random.Next(12), 1 + random.Next(28))) : PartialDate.Unknown;
            entries.Add(new WatchlistEntry("generated", i.ToString(CultureInfo.InvariantCulture), WatchlistKind.RefusalOfEntry, name, aliases, birth, [nationalities[random.Next(nationalities.Length)]], [], null, null, null));
        }

        return entries;
    }

    private static (List<ScreeningQuery> Queries, List<WatchlistEntry?> Expected) Queries(List<WatchlistEntry> entries, int count, Random random)
    {
        var queries = new List<ScreeningQuery>(count);
        var expected = new List<WatchlistEntry?>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                var entry = entries[random.Next(entries.Count)];
                var parts = string.Join(' ', ScreeningNames.Parts(entry.Name)).Split(' ');
                var longest = Array.IndexOf(parts, parts.MaxBy(p => p.Length));
                if (parts[longest].Length > 5 && random.Next(2) == 0)
                {
                    var at = 1 + random.Next(parts[longest].Length - 2);
                    parts[longest] = parts[longest][..at] + parts[longest][(at + 1)..];
                }

                queries.Add(new ScreeningQuery(string.Join(' ', parts.Reverse()), entry.BirthDate, entry.Nationalities[0]));
                expected.Add(entry);
            }
            else
            {
                queries.Add(new ScreeningQuery($"{PickGiven(random)} {Surname(random)}", PartialDate.FromYear(1950 + random.Next(55)), "FIN"));
                expected.Add(null);
            }
        }

        return (queries, expected);
    }

    /// <summary>A Latin name written in Cyrillic, letter by letter (the reverse of the ICAO table, roughly).</summary>
    private static string ToCyrillic(string latin)
    {
        var text = latin.ToLowerInvariant()
            .Replace("shch", "щ", StringComparison.Ordinal).Replace("kh", "х", StringComparison.Ordinal).Replace("zh", "ж", StringComparison.Ordinal)
            .Replace("ts", "ц", StringComparison.Ordinal).Replace("ch", "ч", StringComparison.Ordinal).Replace("sh", "ш", StringComparison.Ordinal)
            .Replace("yu", "ю", StringComparison.Ordinal).Replace("ya", "я", StringComparison.Ordinal);
        var map = new Dictionary<char, char>
        {
            ['a'] = 'а', ['b'] = 'б', ['v'] = 'в', ['g'] = 'г', ['d'] = 'д', ['e'] = 'е', ['z'] = 'з', ['i'] = 'и', ['k'] = 'к',
            ['l'] = 'л', ['m'] = 'м', ['n'] = 'н', ['o'] = 'о', ['p'] = 'п', ['r'] = 'р', ['s'] = 'с', ['t'] = 'т', ['u'] = 'у',
            ['f'] = 'ф', ['h'] = 'х', ['y'] = 'ы', ['j'] = 'й', ['w'] = 'в', ['c'] = 'к', ['q'] = 'к', ['x'] = 'х',
        };
        var chars = text.Select(c => map.TryGetValue(c, out var cyrillic) ? cyrillic : c).ToArray();
        var words = new string(chars).Split(' ');
        return string.Join(' ', words.Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
