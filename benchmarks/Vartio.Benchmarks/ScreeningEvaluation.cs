using System.Globalization;
using CsvHelper;
using Vartio.Domain.Screening;
using Vartio.Screening;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>screening-eval</c>: precision, recall and F1 per category of benchmarks/screening-eval, for Vartio and
/// the Jaro–Winkler baseline, each at the threshold the same rule picks (the lowest whose mean F1 over the
/// categories is within <see cref="F1Tolerance"/> of the best), and Vartio also at its default.
/// </summary>
public static class ScreeningEvaluation
{
    private sealed record Query(string Category, ScreeningQuery Person, string Expected);

    private sealed record Counts(int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    /// <summary>
    /// How far below the best mean F1 a lower threshold may be and still be chosen: at a border a person missed
    /// costs more than a second look, so among thresholds that are as good as the best the lowest is taken.
    /// </summary>
    private const double F1Tolerance = 0.002;

    private static double Chosen(List<double> sweep, Func<double, double> meanF1)
    {
        var best = sweep.Max(meanF1);
        return sweep.First(t => meanF1(t) >= best - F1Tolerance);
    }

    public static async Task RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(FindRepository(), "benchmarks", "screening-eval", "eval");
        var list = await new WatchlistFileReader(WatchlistFormat.Vartio, "eval").ReadFileAsync(Path.Combine(folder, "list.csv"));
        if (!list.IsValid)
        {
            throw new InvalidOperationException(string.Join('\n', list.Problems.Select(p => p.Describe())));
        }

        var queries = ReadQueries(Path.Combine(folder, "queries.csv"));
        var index = WatchlistIndex.Build(list.Entries);
        var baseline = new ScreeningBaseline(list.Entries);
        const double floor = 0.5;
        var vartio = queries.Select(q => index.Screen(q.Person, floor, maxHits: 50).Select(h => (h.Entry.Id, h.Score)).ToArray()).ToArray();
        var jaroWinkler = queries.Select(q => baseline.Screen(q.Person.Name, floor, maxHits: 50).Select(h => (h.Entry.Id, h.Score)).ToArray()).ToArray();
        var categories = queries.Select(q => q.Category).Distinct().ToList();

        Console.WriteLine($"{list.Entries.Count} list entries, {queries.Count} queries ({queries.Count(q => q.Expected.Length > 0)} with an expected entry).");
        Console.WriteLine();
        Console.WriteLine("Threshold sweep (mean F1 over categories):");
        Console.WriteLine("| threshold | Vartio mean F1 | baseline mean F1 |");
        Console.WriteLine("|---:|---:|---:|");
        var sweep = Enumerable.Range(50, 50).Select(t => t / 100.0).ToList();
        foreach (var t in sweep.Where(t => Math.Round(t * 100) % 5 == 0 || t is > 0.8 and < 0.95))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t:0.00} | {MeanF1(vartio, t):0.000} | {MeanF1(jaroWinkler, t):0.000} |"));
        }

        var vartioBest = Chosen(sweep, t => MeanF1(vartio, t));
        var baselineBest = Chosen(sweep, t => MeanF1(jaroWinkler, t));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lowest threshold within {F1Tolerance} of the best mean F1: Vartio {vartioBest:0.00}, baseline {baselineBest:0.00}; Vartio's default is {ScreeningDefaults.Threshold:0.00}."));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| category | queries | Vartio P | Vartio R | Vartio F1 | baseline P | baseline R | baseline F1 |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var category in categories.Append("all"))
        {
            var v = Count(vartio, ScreeningDefaults.Threshold, category);
            var b = Count(jaroWinkler, baselineBest, category);
            var n = queries.Count(q => category == "all" || q.Category == category);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {category} | {n} | {v.Precision:0.000} | {v.Recall:0.000} | {v.F1:0.000} | {b.Precision:0.000} | {b.Recall:0.000} | {b.F1:0.000} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Vartio at {ScreeningDefaults.Threshold:0.00}, baseline at {baselineBest:0.00} (chosen by the same rule). Baseline at Vartio's threshold:"));
        foreach (var category in categories)
        {
            var b = Count(jaroWinkler, ScreeningDefaults.Threshold, category);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {category}: P {b.Precision:0.000} R {b.Recall:0.000} F1 {b.F1:0.000}"));
        }

        if (args.Contains("--misses"))
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var hits = vartio[i].Where(h => h.Score >= ScreeningDefaults.Threshold).ToList();
                var q = queries[i];
                var wrong = hits.Where(h => h.Id != q.Expected).ToList();
                if ((q.Expected.Length > 0 && !hits.Exists(h => h.Id == q.Expected)) || wrong.Count > 0)
                {
                    var expected = q.Expected.Length == 0 ? "(none)" : $"{q.Expected} {list.Entries.First(e => e.Id == q.Expected).Name}";
                    var best = vartio[i].FirstOrDefault(h => h.Id == q.Expected);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{q.Category}: '{q.Person.Name}' {q.Person.BirthDate} expected {expected} ({best.Score:0.00}); wrong: {string.Join(", ", wrong.Select(w => $"{w.Id} {list.Entries.First(e => e.Id == w.Id).Name} {w.Score:0.00}"))}"));
                }
            }
        }

        double MeanF1((string Id, double Score)[][] results, double threshold) =>
            categories.Average(c => Count(results, threshold, c).F1);

        Counts Count((string Id, double Score)[][] results, double threshold, string category)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                if (category != "all" && queries[i].Category != category)
                {
                    continue;
                }

                var found = false;
                foreach (var (id, score) in results[i])
                {
                    if (score < threshold)
                    {
                        continue;
                    }

                    if (id == queries[i].Expected)
                    {
                        found = true;
                    }
                    else
                    {
                        fp++;
                    }
                }

                if (queries[i].Expected.Length > 0)
                {
                    tp += found ? 1 : 0;
                    fn += found ? 0 : 1;
                }
            }

            return new Counts(tp, fp, fn);
        }
    }

    private static List<Query> ReadQueries(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        var queries = new List<Query>();
        while (csv.Read())
        {
            var birth = PartialDate.Parse(csv.GetString("birth_date"));
            var nationality = csv.GetString("nationality") is { Length: > 0 } n ? n : null;
            queries.Add(new Query(csv.GetString("category")!, new ScreeningQuery(csv.GetString("name")!, birth, nationality), csv.GetString("expected") ?? ""));
        }

        return queries;
    }

    internal static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vartio.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
