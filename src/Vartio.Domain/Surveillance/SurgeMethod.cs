using NodaTime;

namespace Vartio.Domain.Surveillance;

/// <summary>What the method needs to know of the alert open for a place.</summary>
/// <param name="OpenedOn">The day of the arrivals that opened it.</param>
/// <param name="OpeningBaseline">The baseline at opening, frozen: later days are compared with it, not with a baseline the surge itself raises.</param>
/// <param name="ShownDay">The day its evidence shows (the day with the most arrivals so far).</param>
/// <param name="ShownCount">The count its evidence shows.</param>
/// <param name="ShownComplete">Whether that count was of the whole day, or of the day so far.</param>
public sealed record OpenSurge(LocalDate OpenedOn, double OpeningBaseline, LocalDate ShownDay, int ShownCount, bool ShownComplete);

/// <summary>What an evaluation does to a place's alert.</summary>
public abstract record SurgeStep
{
    private SurgeStep()
    {
    }

    /// <summary>Nothing to change: no surge, or an open alert with nothing new.</summary>
    public sealed record None : SurgeStep;

    /// <summary>A surge begins: open an alert with this evidence.</summary>
    public sealed record Open(SurgeEvidence Evidence) : SurgeStep;

    /// <summary>
    /// New evidence while the alert lasts: a day with <see cref="SurgeOptions.UpdateFactor"/> times the arrivals it
    /// has shown, or the whole count of a day it showed while under way. Never more than a few a day, however
    /// many arrivals are recorded.
    /// </summary>
    public sealed record Update(SurgeEvidence Evidence) : SurgeStep;

    /// <summary>The surge is over: the whole days from <see cref="QuietFrom"/> to the day before have been back within the frozen baseline.</summary>
    public sealed record Close(LocalDate QuietFrom, int QuietDays) : SurgeStep;

    public static SurgeStep Nothing { get; } = new None();
}

/// <summary>
/// The surge test (docs/SURGE.md): a day's arrivals at a place against the mean of the days before it, with a
/// floor for a near-zero baseline, by a one-sided Poisson test of the arrivals counted as groups; alerts that
/// open on significant days, update on new daily maxima, and close after whole days back within the baseline
/// frozen at opening. The day under way counts as far as it has gone, so a surge is seen during its first day.
/// </summary>
public static class SurgeMethod
{
    /// <summary>The mean of the <see cref="SurgeOptions.BaselineDays"/> whole days before <paramref name="day"/>, at least the floor.</summary>
    public static double Baseline(SurgeOptions options, IReadOnlyDictionary<LocalDate, int> counts, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counts);
        long sum = 0;
        for (var i = 1; i <= options.BaselineDays; i++)
        {
            sum += counts.GetValueOrDefault(day.PlusDays(-i));
        }

        return Math.Max(options.BaselineFloor, (double)sum / options.BaselineDays);
    }

    /// <summary>
    /// The p-value of <paramref name="count"/> arrivals in a day against <paramref name="baseline"/> a day, allowing
    /// for arrivals that come together in groups of up to <see cref="SurgeOptions.LargestGroup"/> (g): a scaled
    /// (quasi-) Poisson test, P(N ≥ ⌈count / g⌉) for N ~ Poisson(baseline / g). People arriving in groups of at most
    /// g, the groups at random, are a compound Poisson count whose variance is at most g times its mean
    /// (variance / mean = E[size²] / E[size] ≤ g); counting in units of g makes it a count whose variance is at
    /// most its mean, which the Poisson tail then bounds. A family of five against a near-zero baseline is one
    /// unit, not five independent arrivals; a rise of tens a day against a few is still many units.
    /// </summary>
    public static double PValue(SurgeOptions options, int count, double baseline)
    {
        ArgumentNullException.ThrowIfNull(options);
        var units = (count + options.LargestGroup - 1) / options.LargestGroup;
        return Poisson.UpperTail(units, baseline / options.LargestGroup);
    }

    /// <summary>A day's arrivals at a place tested against the days before it.</summary>
    public static SurgeEvidence Test(SurgeOptions options, SurgePlace place, IReadOnlyDictionary<LocalDate, int> counts, LocalDate day, bool complete)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var baseline = Baseline(options, counts, day);
        var count = counts.GetValueOrDefault(day);
        return new SurgeEvidence(place, day, count, baseline, PValue(options, count, baseline), complete);
    }

    /// <summary>Whether evidence opens an alert: enough arrivals, and a p-value below the opening level.</summary>
    public static bool Opens(SurgeOptions options, SurgeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Count >= options.MinimumCount && evidence.P < options.OpenLevel;
    }

    /// <summary>
    /// What to do for one place at one moment of <paramref name="today"/> (counted so far). Yesterday is looked at
    /// too, whole, so an evaluation that comes only after midnight still sees the day before.
    /// </summary>
    /// <param name="counts">Arrivals by local day, at least from <see cref="SurgeOptions.BaselineDays"/> + 1 days before today; a missing day has none.</param>
    /// <param name="open">The alert open for the place, or null.</param>
    /// <param name="lastClosedOn">The day the place's last alert closed, or null: days before it are not opened on again.</param>
    public static SurgeStep Decide(
        SurgeOptions options,
        SurgePlace place,
        IReadOnlyDictionary<LocalDate, int> counts,
        LocalDate today,
        OpenSurge? open,
        LocalDate? lastClosedOn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counts);
        var yesterday = today.PlusDays(-1);
        if (open is null)
        {
            foreach (var (day, complete) in new[] { (yesterday, true), (today, false) })
            {
                if (lastClosedOn is { } closed && day < closed)
                {
                    continue;
                }

                var evidence = Test(options, place, counts, day, complete);
                if (Opens(options, evidence))
                {
                    return new SurgeStep.Open(evidence);
                }
            }

            return SurgeStep.Nothing;
        }

        if (Quiet(options, counts, today, open) is { } close)
        {
            return close;
        }

        // A day shown while under way is shown once more when it has ended, with its whole count.
        if (!open.ShownComplete && open.ShownDay < today)
        {
            var count = counts.GetValueOrDefault(open.ShownDay);
            return new SurgeStep.Update(new SurgeEvidence(place, open.ShownDay, count, open.OpeningBaseline, PValue(options, count, open.OpeningBaseline), true));
        }

        // The larger of yesterday (whole) and today (so far), if it reaches the update factor over what was shown.
        var candidates = new[] { (Day: yesterday, Complete: true), (Day: today, Complete: false) }
            .Where(d => d.Day >= open.OpenedOn)
            .Select(d => (d.Day, d.Complete, Count: counts.GetValueOrDefault(d.Day)))
            .OrderByDescending(d => d.Count)
            .ToList();
        if (candidates.Count > 0 && candidates[0].Count >= options.UpdateFactor * open.ShownCount)
        {
            var (day, complete, count) = candidates[0];
            return new SurgeStep.Update(new SurgeEvidence(place, day, count, open.OpeningBaseline, PValue(options, count, open.OpeningBaseline), complete));
        }

        return SurgeStep.Nothing;
    }

    /// <summary>
    /// A close when the <see cref="SurgeOptions.QuietDaysToClose"/> whole days before today, all after the
    /// opening day, and today so far, are each back within the frozen baseline; otherwise null.
    /// </summary>
    private static SurgeStep.Close? Quiet(SurgeOptions options, IReadOnlyDictionary<LocalDate, int> counts, LocalDate today, OpenSurge open)
    {
        var first = today.PlusDays(-options.QuietDaysToClose);
        if (first <= open.OpenedOn)
        {
            return null;
        }

        for (var day = first; day <= today; day = day.PlusDays(1))
        {
            if (PValue(options, counts.GetValueOrDefault(day), open.OpeningBaseline) < options.QuietLevel)
            {
                return null;
            }
        }

        return new SurgeStep.Close(first, options.QuietDaysToClose);
    }
}
