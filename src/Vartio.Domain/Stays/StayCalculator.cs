using NodaTime;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Stays;

/// <summary>
/// The 90/180 rule in the two modes of the European Commission's short-stay calculator: control (at a check
/// date, is the traveller within the limit) and planning (entering on a date, for how long may they stay).
/// </summary>
/// <remarks>
/// Every stay is checked once. Stays given in order with nothing excluded mark the days any window of
/// interest reaches as bits (<see cref="RecentDays"/>), and the answers are counts of those bits; otherwise
/// the stays are sorted into runs of day numbers, days under a residence permit or long-stay visa are taken
/// out, and each question is answered by walking those runs (<see cref="PresenceSweep"/>). The cost grows
/// with the number of stays, never with the number of days they span.
/// </remarks>
public static partial class StayCalculator
{
    /// <summary>Control at <paramref name="on"/>. No stay may begin or end after that date; the last may be open.</summary>
    public static StayResult<StayControl> Control(IReadOnlyList<Stay> stays, LocalDate on, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        if (DateProblem(on, "control date") is { } onProblem)
        {
            return StayResult<StayControl>.Failure([new Problem("on", onProblem)]);
        }

        var d = Day(on);
        var history = Prepare(stays, excluded ?? [], d, Mode.Control, out var problems);
        if (history is null)
        {
            return StayResult<StayControl>.Failure(problems);
        }

        var windowStart = d - (StayRule.WindowDays - 1);
        var used = history.CountIn(windowStart, d);
        var lawful = used <= StayRule.MaxDays;
        var present = history.LastPresentDay() == d;

        LocalDate? latestExit = null;
        if (present && lawful)
        {
            // The present stay goes on from the day after the control date, except for excluded days.
            latestExit = Date(FirstDayOverLimitStayingFrom(history, d + 1, used) - 1);
        }

        return StayResult<StayControl>.Success(new StayControl(on, d, used, lawful, present, latestExit, history));
    }

    /// <summary>Planning an entry on <paramref name="entry"/>. Every earlier stay must have ended, on that date at the latest.</summary>
    public static StayResult<StayPlan> Plan(IReadOnlyList<Stay> stays, LocalDate entry, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        if (DateProblem(entry, "planned entry") is { } entryProblem)
        {
            return StayResult<StayPlan>.Failure([new Problem("entry", entryProblem)]);
        }

        var e = Day(entry);
        var history = Prepare(stays, excluded ?? [], e, Mode.Planning, out var problems);
        if (history is null)
        {
            return StayResult<StayPlan>.Failure(problems);
        }

        var entryWindowStart = e - (StayRule.WindowDays - 1);
        var usedBefore = history.CountIn(entryWindowStart, e - 1);
        var limit = FirstDayOverLimitStayingFrom(history, e);
        var maxDays = limit - e;

        return StayResult<StayPlan>.Success(new StayPlan(
            entry,
            maxDays,
            maxDays > 0 ? Date(limit - 1) : null,
            usedBefore,
            Date(FullStayFrom(history, e, maxDays)),
            new DateInterval(Date(entryWindowStart), entry),
            new DateInterval(Date(limit - (StayRule.WindowDays - 1)), Date(limit)),
            history,
            Warnings(Date(entryWindowStart))));
    }

    /// <summary>
    /// The earliest entry on or after <paramref name="entry"/> from which 90 consecutive days are lawful.
    /// </summary>
    /// <remarks>
    /// Without excluded days ahead, a 90-day stay from F is lawful exactly when no counted day falls in the
    /// 90 days before F: on its 90th day the window holds those 90 days before F and the stay itself, so
    /// they must be empty; and then on its k-th day the window reaches back only 180 − k days, at most
    /// 90 − k of them counted before F, so the window holds at most 90. The answer is therefore the entry
    /// itself or the 91st day after the last counted day. Excluded days ahead (a residence permit that will
    /// begin) make the stay cheaper on some days only, and the answer can move in both directions; then
    /// each candidate is tried with the sweep. The 91st day after the last counted day always works, so
    /// there are at most 92 candidates.
    /// </remarks>
    private static int FullStayFrom(StayHistory history, int entry, int maxDaysAtEntry)
    {
        if (maxDaysAtEntry >= StayRule.MaxDays)
        {
            return entry;
        }

        // Some day counts here: with none, 90 days are always possible.
        var afterLast = history.LastCountedDay()!.Value + StayRule.MaxDays + 1;
        var exclusionAhead = false;
        foreach (var run in history.Excluded)
        {
            if (run.End >= entry && run.Start <= afterLast + StayRule.MaxDays)
            {
                exclusionAhead = true;
                break;
            }
        }

        if (!exclusionAhead)
        {
            return Math.Max(entry + 1, afterLast);
        }

        for (var candidate = entry + 1; candidate < afterLast; candidate++)
        {
            if (PresenceSweep.FirstDayOverLimit(history.WithStayFrom(candidate), candidate)!.Value - candidate >= StayRule.MaxDays)
            {
                return candidate;
            }
        }

        return Math.Max(entry + 1, afterLast);
    }

    /// <summary>Staying on every day from <paramref name="start"/>: the first day whose window would hold more than 90 days.</summary>
    /// <param name="counted">The counted days in the 180 days before <paramref name="start"/>, when already known.</param>
    private static int FirstDayOverLimitStayingFrom(StayHistory history, int start, int? counted = null)
    {
        if (history.Excluded.Length == 0 || history.Excluded[^1].End < start)
        {
            return history.FirstDayOverLimitStayingFrom(start, counted);
        }

        // Excluded days ahead interrupt the count of the stay itself: the general sweep handles them.
        return PresenceSweep.FirstDayOverLimit(history.WithStayFrom(start), start)!.Value;
    }

    private enum Mode
    {
        Control,
        Planning,
    }
}
