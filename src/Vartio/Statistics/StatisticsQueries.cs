using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Text;
using Vartio.Checks;
using Vartio.Data;
using Vartio.Domain.Countries;
using Vartio.Domain.Problems;

namespace Vartio.Statistics;

/// <summary>What to count: a measure over local dates, at some crossing points, in periods of a granularity.</summary>
public sealed record StatisticsQuery(string Measure, LocalDate From, LocalDate To, IReadOnlyList<string> CrossingPoints, string Granularity, string? By, bool Split)
{
    public const string Hour = "hour";
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";

    /// <summary>Hourly figures for at most this many days at once.</summary>
    public const int MaxHourlyDays = 31;

    /// <summary>At most this many days (about ten years) in one question.</summary>
    public const int MaxDays = 3700;

    public static IReadOnlyList<string> Granularities { get; } = [Hour, Day, Week, Month];

    /// <summary>Breakdowns: the keys counted (<see cref="Counts"/>), and nationalities in their groups (<see cref="NationalityGroups"/>).</summary>
    public static IReadOnlyList<string> Breakdowns { get; } = ["nationality", NationalityGroup, "reason", "arrivedBy"];

    public const string NationalityGroup = "nationalityGroup";

    /// <summary>Reads the query string: each problem names its parameter.</summary>
    public static (StatisticsQuery? Query, IReadOnlyList<Problem> Problems) Read(string? measure, string? from, string? to, string? crossingPoint, string? granularity, string? by, bool? split)
    {
        var problems = new List<Problem>();
        var m = Counts.Measures.FirstOrDefault(x => string.Equals(x, measure?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (m is null)
        {
            problems.Add(new Problem("measure", $"Give one of {string.Join(", ", Counts.Measures)}."));
        }

        var (start, end) = ReadPeriod(from, to, problems);

        var g = (granularity ?? Day).Trim().ToLowerInvariant();
        if (!Granularities.Contains(g))
        {
            problems.Add(new Problem("granularity", $"Give one of {string.Join(", ", Granularities)}."));
        }
        else if (g == Hour && start is { } hs && end is { } he && Period.Between(hs, he, PeriodUnits.Days).Days >= MaxHourlyDays)
        {
            problems.Add(new Problem("granularity", $"Hourly figures for at most {MaxHourlyDays} days at once; ask by day for longer."));
        }

        var b = string.IsNullOrWhiteSpace(by) ? null : Breakdowns.FirstOrDefault(x => string.Equals(x, by.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(by) && b is null)
        {
            problems.Add(new Problem("by", $"Give one of {string.Join(", ", Breakdowns)}."));
        }

        var points = ReadCrossingPoints(crossingPoint, problems);
        return problems.Count > 0 ? (null, problems) : (new StatisticsQuery(m!, start!.Value, end!.Value, points, g, b, split == true), []);
    }

    /// <summary>Reads <c>from</c> and <c>to</c>: local dates, in order, at most <see cref="MaxDays"/> apart.</summary>
    internal static (LocalDate? From, LocalDate? To) ReadPeriod(string? from, string? to, List<Problem> problems)
    {
        var start = Date(from, "from", problems);
        var end = Date(to, "to", problems);
        if (start is { } s && end is { } e && (e < s || Period.Between(s, e, PeriodUnits.Days).Days >= MaxDays))
        {
            problems.Add(new Problem("to", e < s ? "The period ends before it begins." : $"At most {MaxDays} days at once."));
        }

        return (start, end);
    }

    /// <summary>Reads <c>crossingPoint</c>: codes separated by commas; none means all of them.</summary>
    internal static List<string> ReadCrossingPoints(string? crossingPoint, List<Problem> problems)
    {
        var points = (crossingPoint ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (points.Any(p => p.Length > 8 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            problems.Add(new Problem("crossingPoint", "Give crossing point codes separated by commas, for example VAR,SAL."));
        }

        return points;
    }

    private static LocalDate? Date(string? text, string field, List<Problem> problems)
    {
        var result = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        if (result.Success && result.Value.Year is >= 1900 and <= 2200)
        {
            return result.Value;
        }

        problems.Add(new Problem(field, "Give a date as YYYY-MM-DD (local date at the crossing points)."));
        return null;
    }
}

/// <summary>
/// Statistics from the counters kept with each write (<see cref="Counts"/>): days and longer periods from the daily
/// counters, hours from the hourly ones; periods without any count are given as zero.
/// </summary>
/// <param name="visaLists">The visa lists as edited, for nationality groups; without them, the lists Vartio ships.</param>
public sealed class StatisticsQueries(VartioDbContext db, VisaRequirementLists? visaLists = null)
{
    public async Task<StatisticsResponse> CountAsync(StatisticsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = LocalDatePattern.Iso.Format(query.From);
        var to = LocalDatePattern.Iso.Format(query.To);
        // Nationality groups are read from the nationality keys, each grouped as on its own day.
        var prefix = query.By switch
        {
            null => null,
            StatisticsQuery.NationalityGroup => Counts.Nationality(null)[..^NationalityGroups.Unknown.Length],
            _ => query.By + ":",
        };
        var visas = query.By != StatisticsQuery.NationalityGroup ? null
            : visaLists is null ? Domain.Checks.VisaRequirementTable.Standard
            : (await visaLists.GetAsync(ct)).Table;
        string Key(string day, string dimension) => visas is null || dimension == Counts.Total ? dimension
            : prefix + NationalityGroups.Of(dimension[prefix!.Length..], LocalDatePattern.Iso.Parse(day).Value, visas);
        var points = query.CrossingPoints;

        List<(string Point, string Period, string Dimension, long Count)> rows;
        if (query.Granularity == StatisticsQuery.Hour)
        {
            var hourly = db.HourlyCounts.AsNoTracking().Where(c => c.Measure == query.Measure && string.Compare(c.Day, from) >= 0 && string.Compare(c.Day, to) <= 0);
            hourly = points.Count > 0 ? hourly.Where(c => points.Contains(c.CrossingPointCode)) : hourly;
            hourly = prefix is null ? hourly.Where(c => c.Dimension == Counts.Total) : hourly.Where(c => c.Dimension == Counts.Total || c.Dimension.StartsWith(prefix));
            rows = [.. (await hourly.Select(c => new { c.CrossingPointCode, c.Day, c.Hour, c.Dimension, c.Count }).ToListAsync(ct))
                .Select(c => (c.CrossingPointCode, $"{c.Day}T{c.Hour:D2}", Key(c.Day, c.Dimension), c.Count))];
        }
        else
        {
            var daily = db.DailyCounts.AsNoTracking().Where(c => c.Measure == query.Measure && string.Compare(c.Day, from) >= 0 && string.Compare(c.Day, to) <= 0);
            daily = points.Count > 0 ? daily.Where(c => points.Contains(c.CrossingPointCode)) : daily;
            daily = prefix is null ? daily.Where(c => c.Dimension == Counts.Total) : daily.Where(c => c.Dimension == Counts.Total || c.Dimension.StartsWith(prefix));
            rows = [.. (await daily.Select(c => new { c.CrossingPointCode, c.Day, c.Dimension, c.Count }).ToListAsync(ct))
                .Select(c => (c.CrossingPointCode, PeriodOf(LocalDatePattern.Iso.Parse(c.Day).Value, query.Granularity), Key(c.Day, c.Dimension), c.Count))];
        }

        var periods = Periods(query).ToList();
        var groups = query.Split
            ? (points.Count > 0 ? points : [.. rows.Select(r => r.Point).Distinct().Order(StringComparer.Ordinal)]).Select(p => ((string?)p, rows.Where(r => r.Point == p).ToList()))
            : [((string?)null, rows)];
        var series = groups.Select(g => Series(g.Item1, g.Item2, periods, prefix)).ToList();
        return new StatisticsResponse(query.Measure, query.Granularity, from, to, query.By, series);
    }

    private static StatisticsSeriesResponse Series(string? point, List<(string Point, string Period, string Dimension, long Count)> rows, IReadOnlyList<string> periods, string? prefix)
    {
        var byPeriod = rows.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.ToList());
        var result = periods.Select(p =>
        {
            var here = byPeriod.GetValueOrDefault(p) ?? [];
            var total = here.Where(r => r.Dimension == Counts.Total).Sum(r => r.Count);
            IReadOnlyDictionary<string, long>? breakdown = prefix is null ? null
                : here.Where(r => r.Dimension != Counts.Total).GroupBy(r => r.Dimension[prefix.Length..]).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            return new StatisticsPointResponse(p, total, breakdown);
        }).ToList();
        return new StatisticsSeriesResponse(point, result.Sum(p => p.Count), result);
    }

    /// <summary>Every period from the first day to the last, in order, so that days without counts show as zero.</summary>
    private static IEnumerable<string> Periods(StatisticsQuery query)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var day = query.From; day <= query.To; day = day.PlusDays(1))
        {
            if (query.Granularity == StatisticsQuery.Hour)
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    yield return $"{LocalDatePattern.Iso.Format(day)}T{hour:D2}";
                }
            }
            else if (seen.Add(PeriodOf(day, query.Granularity)))
            {
                yield return PeriodOf(day, query.Granularity);
            }
        }
    }

    /// <summary>The period a local date falls in: the day itself, its ISO 8601 week (<c>2023-W46</c>) or its month.</summary>
    public static string PeriodOf(LocalDate day, string granularity) => granularity switch
    {
        StatisticsQuery.Week => $"{WeekYearRules.Iso.GetWeekYear(day):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(day):D2}",
        StatisticsQuery.Month => $"{day.Year:D4}-{day.Month:D2}",
        _ => LocalDatePattern.Iso.Format(day),
    };
}
