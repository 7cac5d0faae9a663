using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Vartio.Checks;
using Vartio.Data;
using Vartio.Domain.Checks;
using Vartio.Domain.Problems;

namespace Vartio.Statistics;

/// <summary>
/// The monthly review per crossing point, in the form the Finnish Border Guard publishes its monthly figures:
/// crossings against the same month of the two previous years, refusals and their most common reason, forged
/// documents detected, asylum applications and irregular arrivals (docs/STATISTICS.md, "Monthly review").
/// </summary>
/// <param name="Total">The crossing points of the review together.</param>
public sealed record MonthlyReviewResponse(string Month, string SameMonthLastYear, string SameMonthTwoYearsAgo, IReadOnlyList<MonthlyReviewRow> CrossingPoints, MonthlyReviewRow Total);

/// <param name="CrossingPoint">Null in the total.</param>
/// <param name="Crossings">Entries and exits in the month.</param>
/// <param name="ChangeFromLastYear">The change in crossings from the same month a year before, in per cent, one decimal; null when there were none then.</param>
/// <param name="MostCommonRefusalReason">The letter of Annex V Part B given most often (the earlier letter on a tie); null without refusals.</param>
/// <param name="ForgedDocuments">Refusals on reason B (a false, counterfeit or forged travel document) or D (visa or residence permit); a refusal on both counts twice, once per document.</param>
public sealed record MonthlyReviewRow(
    string? CrossingPoint,
    string Name,
    long Crossings,
    long CrossingsLastYear,
    long CrossingsTwoYearsAgo,
    double? ChangeFromLastYear,
    long Entries,
    long Exits,
    long Refusals,
    RefusalReasonCount? MostCommonRefusalReason,
    long ForgedDocuments,
    long SecondLineReferrals,
    long AsylumApplications,
    long IrregularArrivals);

/// <param name="Reason">The reason's wording on the form in force in the month.</param>
public sealed record RefusalReasonCount(string Letter, string Reason, long Count);

/// <summary>The month of a review and its crossing points.</summary>
public sealed record MonthlyReviewQuery(YearMonth Month, IReadOnlyList<string> CrossingPoints)
{
    /// <summary>Reads <c>month</c> (YYYY-MM) and <c>crossingPoint</c> against the crossing points there are.</summary>
    public static (MonthlyReviewQuery? Query, IReadOnlyList<Problem> Problems) Read(string? month, string? crossingPoint, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var problems = new List<Problem>();
        var parsed = YearMonthPattern.Iso.Parse(month?.Trim() ?? "");
        if (!parsed.Success || parsed.Value.Year is < 1900 or > 2200)
        {
            problems.Add(new Problem("month", "Give a month as YYYY-MM, for example 2023-11."));
        }

        var points = StatisticsQuery.ReadCrossingPoints(crossingPoint, problems);
        if (problems.Count == 0 && points.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            problems.Add(new Problem("crossingPoint", $"There is no crossing point {unknown}."));
        }

        return problems.Count > 0 ? (null, problems) : (new MonthlyReviewQuery(parsed.Value, points.Count > 0 ? [.. known.Where(points.Contains)] : known), []);
    }
}

/// <summary>Computes the review from the daily counters: three months of totals and refusal reasons, never the records.</summary>
public sealed class MonthlyReviews(VartioDbContext db)
{
    private static readonly string[] Measures = [Counts.Entry, Counts.Exit, Counts.Refusal, Counts.SecondLine, Counts.AsylumApplication, Counts.IrregularArrival];

    private static readonly string ReasonPrefix = Counts.Reason('A')[..^1];

    /// <param name="names">The name of each crossing point, by code.</param>
    public async Task<MonthlyReviewResponse> ReviewAsync(MonthlyReviewQuery query, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        var months = new[] { query.Month, query.Month.PlusMonths(-12), query.Month.PlusMonths(-24) };
        var points = query.CrossingPoints;
        var counts = new List<(string Point, YearMonth Month, string Measure, string Dimension, long Count)>();
        foreach (var month in months)
        {
            var from = LocalDatePattern.Iso.Format(month.OnDayOfMonth(1));
            var to = LocalDatePattern.Iso.Format(month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
            var rows = await db.DailyCounts.AsNoTracking()
                .Where(c => Measures.Contains(c.Measure) && (c.Dimension == Counts.Total || (c.Measure == Counts.Refusal && c.Dimension.StartsWith(ReasonPrefix)))
                    && string.Compare(c.Day, from) >= 0 && string.Compare(c.Day, to) <= 0 && points.Contains(c.CrossingPointCode))
                .GroupBy(c => new { c.CrossingPointCode, c.Measure, c.Dimension })
                .Select(g => new { g.Key.CrossingPointCode, g.Key.Measure, g.Key.Dimension, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            counts.AddRange(rows.Select(r => (r.CrossingPointCode, month, r.Measure, r.Dimension, r.Count)));
        }

        var lastDay = query.Month.OnDayOfMonth(query.Month.Calendar.GetDaysInMonth(query.Month.Year, query.Month.Month));
        MonthlyReviewRow Row(string? point, string name)
        {
            var here = counts.Where(c => point is null || c.Point == point).ToList();
            long Sum(YearMonth month, string measure, string dimension) => here.Where(c => c.Month == month && c.Measure == measure && c.Dimension == dimension).Sum(c => c.Count);
            long Crossings(YearMonth month) => Sum(month, Counts.Entry, Counts.Total) + Sum(month, Counts.Exit, Counts.Total);
            var reasons = here.Where(c => c.Month == query.Month && c.Measure == Counts.Refusal && c.Dimension != Counts.Total)
                .GroupBy(c => c.Dimension[ReasonPrefix.Length..])
                .Select(g => (Letter: g.Key, Count: g.Sum(c => c.Count)))
                .Where(r => r.Count > 0)
                .OrderByDescending(r => r.Count).ThenBy(r => r.Letter, StringComparer.Ordinal)
                .ToList();
            var top = reasons.FirstOrDefault();
            var crossings = Crossings(query.Month);
            var lastYear = Crossings(months[1]);
            return new MonthlyReviewRow(
                point,
                name,
                crossings,
                lastYear,
                Crossings(months[2]),
                lastYear == 0 ? null : Math.Round(100.0 * (crossings - lastYear) / lastYear, 1, MidpointRounding.AwayFromZero),
                Sum(query.Month, Counts.Entry, Counts.Total),
                Sum(query.Month, Counts.Exit, Counts.Total),
                Sum(query.Month, Counts.Refusal, Counts.Total),
                top.Letter is null ? null : new RefusalReasonCount(top.Letter, RefusalReasonTable.Standard.On(top.Letter[0], lastDay)?.Text ?? "", top.Count),
                reasons.Where(r => r.Letter is "B" or "D").Sum(r => r.Count),
                Sum(query.Month, Counts.SecondLine, Counts.Total),
                Sum(query.Month, Counts.AsylumApplication, Counts.Total),
                Sum(query.Month, Counts.IrregularArrival, Counts.Total));
        }

        return new MonthlyReviewResponse(
            Format(months[0]),
            Format(months[1]),
            Format(months[2]),
            [.. points.Select(p => Row(p, names.GetValueOrDefault(p) ?? p))],
            Row(null, points.Count == names.Count ? "All crossing points" : "These crossing points"));
    }

    public static string Format(YearMonth month) => YearMonthPattern.Iso.Format(month);

    /// <summary>The review as CSV (RFC 4180): one line per crossing point and the total; text cells neutralised for spreadsheets.</summary>
    public static string Csv(MonthlyReviewResponse review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var csv = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"crossing_point,name,crossings_{review.Month},crossings_{review.SameMonthLastYear},crossings_{review.SameMonthTwoYearsAgo},change_from_last_year_percent,")
            .Append("entries,exits,refusals,most_common_refusal_reason,most_common_refusal_reason_count,forged_documents,second_line_referrals,asylum_applications,irregular_arrivals\r\n");
        foreach (var row in review.CrossingPoints.Append(review.Total))
        {
            csv.AppendJoin(',', [
                OverstayerCsv.Cell(row.CrossingPoint ?? "ALL"),
                OverstayerCsv.Cell(row.Name),
                Number(row.Crossings),
                Number(row.CrossingsLastYear),
                Number(row.CrossingsTwoYearsAgo),
                row.ChangeFromLastYear?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                Number(row.Entries),
                Number(row.Exits),
                Number(row.Refusals),
                row.MostCommonRefusalReason?.Letter ?? "",
                row.MostCommonRefusalReason is { } r ? Number(r.Count) : "",
                Number(row.ForgedDocuments),
                Number(row.SecondLineReferrals),
                Number(row.AsylumApplications),
                Number(row.IrregularArrivals)]).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
