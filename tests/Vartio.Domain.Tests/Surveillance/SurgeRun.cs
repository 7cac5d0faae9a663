using NodaTime;
using Vartio.Domain.Surveillance;

namespace Vartio.Domain.Tests.Surveillance;

/// <summary>One thing the method did: an alert opened, updated or closed for a place on a day.</summary>
public sealed record SurgeEvent(string Scope, string Key, LocalDate On, string Kind, SurgeEvidence? Evidence);

/// <summary>
/// Runs the method over a year of arrivals per crossing point as a monitor would: four evaluations a day, each
/// with the day's arrivals so far (a quarter, a half, three quarters, all), every crossing point, its section and
/// the whole border.
/// </summary>
public sealed class SurgeRun
{
    /// <summary>Land crossing points and their sections (border.json).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sections = new Dictionary<string, string>
    {
        ["VAA"] = "South-East Finland",
        ["NUI"] = "South-East Finland",
        ["IMA"] = "South-East Finland",
        ["NII"] = "North Karelia",
        ["VAR"] = "Kainuu",
        ["KUU"] = "Kainuu",
        ["SAL"] = "Lapland",
        ["RAJ"] = "Lapland",
    };

    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["VAA"] = "Vaalimaa",
        ["NUI"] = "Nuijamaa",
        ["IMA"] = "Imatra",
        ["NII"] = "Niirala",
        ["VAR"] = "Vartius",
        ["KUU"] = "Kuusamo",
        ["SAL"] = "Salla",
        ["RAJ"] = "Raja-Jooseppi",
    };

    public List<SurgeEvent> Events { get; } = [];

    public List<SurgePlace> Open { get; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<SurgeEvent> Of(string scope, string key) => [.. Events.Where(e => e.Scope == scope && e.Key == key)];

    public static SurgeRun Over(LocalDate from, LocalDate to, Func<LocalDate, string, int> arrivals, SurgeOptions? options = null)
    {
        options ??= new SurgeOptions();
        var run = new SurgeRun();
        var places = Sections.Keys.Select(c => (Place: SurgePlace.CrossingPoint(c, Names[c]), Points: new[] { c }))
            .Concat(Sections.Values.Distinct().Select(s => (Place: SurgePlace.Section(s), Points: Sections.Where(p => p.Value == s).Select(p => p.Key).ToArray())))
            .Append((Place: SurgePlace.National, Points: Sections.Keys.ToArray()))
            .ToList();
        var counts = places.ToDictionary(p => p.Place, _ => new Dictionary<LocalDate, int>());
        var open = new Dictionary<SurgePlace, OpenSurge>();
        var closed = new Dictionary<SurgePlace, LocalDate>();
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            var whole = Sections.Keys.ToDictionary(c => c, c => arrivals(day, c));
            run.Total += whole.Values.Sum();
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                foreach (var (place, points) in places)
                {
                    counts[place][day] = points.Sum(c => whole[c] * quarter / 4);
                    var step = SurgeMethod.Decide(options, place, counts[place], day, open.GetValueOrDefault(place), closed.TryGetValue(place, out var c) ? c : null);
                    switch (step)
                    {
                        case SurgeStep.Open(var e):
                            open[place] = new OpenSurge(e.Day, e.Baseline, e.Day, e.Count, e.Complete);
                            run.Events.Add(new SurgeEvent(place.ScopeName, place.Key, day, "open", e));
                            break;
                        case SurgeStep.Update(var e):
                            open[place] = open[place] with { ShownDay = e.Day, ShownCount = e.Count, ShownComplete = e.Complete };
                            run.Events.Add(new SurgeEvent(place.ScopeName, place.Key, day, "update", e));
                            break;
                        case SurgeStep.Close:
                            open.Remove(place);
                            closed[place] = day;
                            run.Events.Add(new SurgeEvent(place.ScopeName, place.Key, day, "close", null));
                            break;
                    }
                }
            }
        }

        run.Open.AddRange(open.Keys);
        return run;
    }
}

/// <summary>
/// Arrivals at the land border in 2023 shaped on DOMAIN §4: 117 from January to October (64 in January–July, the
/// rest rising from August, in the south-east), 27 in the south-east on 1–12 November, then 39, 55 and 75 there on
/// 13–15 November, Vartius 5 on 17 November and 67 on 18 November (with 4 at the closed Nuijamaa), Salla 35 on
/// 20 November, Raja-Jooseppi 3 on 27 November and none on the 28th, nothing while the land border is closed, and
/// 70 at Niirala and 21 at Vaalimaa on 14 December. Days not named in DOMAIN §4 are this test's own.
/// </summary>
public static class Autumn2023
{
    private static readonly Dictionary<(int Month, int Day), Dictionary<string, int>> November = new()
    {
        [(11, 1)] = new() { ["NUI"] = 1 },
        [(11, 3)] = new() { ["IMA"] = 2 },
        [(11, 4)] = new() { ["NUI"] = 1 },
        [(11, 6)] = new() { ["IMA"] = 3 },
        [(11, 7)] = new() { ["NUI"] = 2 },
        [(11, 9)] = new() { ["IMA"] = 4 },
        [(11, 10)] = new() { ["NUI"] = 3 },
        [(11, 11)] = new() { ["IMA"] = 5 },
        [(11, 12)] = new() { ["NUI"] = 6 },
        [(11, 13)] = new() { ["VAA"] = 12, ["NUI"] = 15, ["IMA"] = 12 },
        [(11, 14)] = new() { ["VAA"] = 20, ["NUI"] = 20, ["IMA"] = 15 },
        [(11, 15)] = new() { ["VAA"] = 25, ["NUI"] = 30, ["IMA"] = 20 },
        [(11, 16)] = new() { ["VAA"] = 20, ["NUI"] = 25, ["IMA"] = 15 },
        [(11, 17)] = new() { ["VAA"] = 15, ["NUI"] = 20, ["IMA"] = 15, ["NII"] = 10, ["VAR"] = 5, ["SAL"] = 3 },
        [(11, 18)] = new() { ["VAR"] = 67, ["NUI"] = 4 },
        [(11, 19)] = new() { ["VAR"] = 50, ["SAL"] = 20 },
        [(11, 20)] = new() { ["VAR"] = 40, ["SAL"] = 35 },
        [(11, 21)] = new() { ["VAR"] = 30, ["SAL"] = 30 },
        [(11, 22)] = new() { ["VAR"] = 30, ["SAL"] = 25 },
        [(11, 23)] = new() { ["VAR"] = 25, ["SAL"] = 30 },
        [(11, 24)] = new() { ["RAJ"] = 10 },
        [(11, 25)] = new() { ["RAJ"] = 8 },
        [(11, 26)] = new() { ["RAJ"] = 5 },
        [(11, 27)] = new() { ["RAJ"] = 3 },
        [(12, 14)] = new() { ["NII"] = 70, ["VAA"] = 21 },
        [(12, 15)] = new() { ["NII"] = 20, ["VAA"] = 5 },
    };

    public static int Arrivals(LocalDate day, string point)
    {
        if (day.Month <= 7)
        {
            // 63 in January–July: one at Vaalimaa, Niirala and Salla on the 5th, 15th and 25th; a family of three at
            // Nuijamaa on the 10th and at Imatra on the 20th; and one at Vartius on 30 July: 64.
            return (day.Day, point) switch
            {
                (5, "VAA") or (15, "NII") or (25, "SAL") => 1,
                (10, "NUI") or (20, "IMA") => 3,
                (30, "VAR") when day.Month == 7 => 1,
                _ => 0,
            };
        }

        if (day.Month <= 10)
        {
            // 53 in August–October: families of three at Vaalimaa on 4, 11, 18 and 25 August
            // at Vaalimaa (12); September 1, 8, 15, 22, 29 at Nuijamaa (15); two at Imatra every third day of
            // October (3, 6, … 30: 20) and six at Vaalimaa on 31 October (26).
            return (day.Month, day.Day, point) switch
            {
                (8, 4 or 11 or 18 or 25, "VAA") => 3,
                (9, 1 or 8 or 15 or 22 or 29, "NUI") => 3,
                (10, 31, "VAA") => 6,
                (10, var d, "IMA") when d % 3 == 0 => 2,
                _ => 0,
            };
        }

        return November.TryGetValue((day.Month, day.Day), out var points) ? points.GetValueOrDefault(point) : 0;
    }

    public static SurgeRun Run() => SurgeRun.Over(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31), Arrivals);
}

/// <summary>
/// A year of normal background: groups arriving as a Poisson process at 117/304 arrivals a day over the land
/// border (DOMAIN §4, January–October 2023), mostly alone, sometimes families of up to five (sizes 1–5 with
/// chances 0.7, 0.1, 0.1, 0.05, 0.05: 1.65 on average), each at a land crossing point chosen at random.
/// </summary>
public static class NormalYear
{
    public static SurgeRun Run(int seed)
    {
        var random = new Random(seed);
        var groupsPerDay = 117.0 / 304 / 1.65;
        var points = SurgeRun.Sections.Keys.ToArray();
        var year = new Dictionary<(LocalDate, string), int>();
        for (var day = new LocalDate(2023, 1, 1); day.Year == 2023; day = day.PlusDays(1))
        {
            // Knuth's method: multiply uniforms until the product falls below e^−rate.
            var groups = 0;
            for (var product = random.NextDouble(); product > Math.Exp(-groupsPerDay); product *= random.NextDouble())
            {
                groups++;
            }

            for (var g = 0; g < groups; g++)
            {
                var u = random.NextDouble();
                var size = u < 0.7 ? 1 : u < 0.8 ? 2 : u < 0.9 ? 3 : u < 0.95 ? 4 : 5;
                var key = (day, points[random.Next(points.Length)]);
                year[key] = year.GetValueOrDefault(key) + size;
            }
        }

        return SurgeRun.Over(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31), (day, point) => year.GetValueOrDefault((day, point)));
    }
}
