using System.Globalization;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// The 90/180 rule in the two modes of the European Commission's short-stay calculator: control (at a check
/// date, is the traveller within the limit) and planning (entering on a date, for how long may they stay).
/// </summary>
/// <remarks>
/// Stays become sorted runs of day numbers, days under a residence permit or long-stay visa are taken out,
/// and each question is answered by a sweep over those runs (<see cref="PresenceSweep"/>), so a history of
/// hundreds of stays costs about as much as its length in runs, whatever the number of days it spans.
/// </remarks>
public static class StayCalculator
{
    // Day numbers count from this date; any fixed ISO date would do.
    private static readonly LocalDate Origin = new(2000, 1, 1);
    private static readonly LocalDate Earliest = new(1900, 1, 1);
    private static readonly LocalDate Latest = new(9998, 12, 31);

    /// <summary>Control at <paramref name="on"/>. No stay may begin or end after that date; the last may be open.</summary>
    public static StayResult<StayControl> Control(IReadOnlyList<Stay> stays, LocalDate on, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        excluded ??= [];
        var problems = new List<StayProblem>();
        if (DateProblem(on, "control date") is { } onProblem)
        {
            return StayResult<StayControl>.Failure([new("on", null, onProblem)]);
        }

        var d = Day(on);
        var history = Prepare(stays, excluded, d, Mode.Control, problems);
        if (history is null)
        {
            return StayResult<StayControl>.Failure(problems);
        }

        var windowStart = d - (StayRule.WindowDays - 1);
        var counted = PresenceSweep.Subtract(history.Presence, history.Excluded);
        var used = PresenceSweep.CountIn(CollectionsMarshalSpan(counted), windowStart, d);
        var lawful = used <= StayRule.MaxDays;
        var present = history.Presence.Length > 0 && history.Presence[^1].End == d;

        LocalDate? latestExit = null;
        if (present && lawful)
        {
            // The present stay goes on from the day after the control date, except for excluded days.
            PresenceSweep.Subtract([new DayRange(d + 1, PresenceSweep.Unbounded)], history.Excluded, counted);
            latestExit = Date(PresenceSweep.FirstDayOverLimit(CollectionsMarshalSpan(counted), d + 1)!.Value - 1);
        }

        var window = new DateInterval(Date(windowStart), on);
        return StayResult<StayControl>.Success(new StayControl(
            on,
            window,
            used,
            lawful,
            Math.Max(0, used - StayRule.MaxDays),
            present,
            latestExit,
            Intervals(PresenceSweep.Clip(CollectionsMarshalSpan(counted), windowStart, d)),
            Intervals(NotCounted(history, windowStart, d)),
            Warnings(window.Start)));
    }

    /// <summary>Planning an entry on <paramref name="entry"/>. Every earlier stay must have ended, on that date at the latest.</summary>
    public static StayResult<StayPlan> Plan(IReadOnlyList<Stay> stays, LocalDate entry, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        excluded ??= [];
        var problems = new List<StayProblem>();
        if (DateProblem(entry, "planned entry") is { } entryProblem)
        {
            return StayResult<StayPlan>.Failure([new("entry", null, entryProblem)]);
        }

        var e = Day(entry);
        var history = Prepare(stays, excluded, e, Mode.Planning, problems);
        if (history is null)
        {
            return StayResult<StayPlan>.Failure(problems);
        }

        var countedHistory = PresenceSweep.Subtract(history.Presence, history.Excluded);
        var historySpan = CollectionsMarshalSpan(countedHistory);
        var usedBefore = PresenceSweep.CountIn(historySpan, e - (StayRule.WindowDays - 1), e - 1);

        var withStay = WithStayFrom(historySpan, history.Excluded, e);
        var limit = PresenceSweep.FirstDayOverLimit(CollectionsMarshalSpan(withStay), e)!.Value;
        var maxDays = limit - e;
        var limitWindowStart = limit - (StayRule.WindowDays - 1);
        var entryWindowStart = e - (StayRule.WindowDays - 1);

        var notCounted = NotCounted(history, entryWindowStart, e - 1);
        foreach (var run in PresenceSweep.Clip(history.Excluded, Math.Max(e, limitWindowStart), limit))
        {
            PresenceSweep.AppendJoined(notCounted, run);
        }

        return StayResult<StayPlan>.Success(new StayPlan(
            entry,
            maxDays,
            maxDays > 0 ? Date(limit - 1) : null,
            usedBefore,
            Date(FullStayFrom(historySpan, history.Excluded, e, maxDays)),
            new DateInterval(Date(entryWindowStart), entry),
            Intervals(PresenceSweep.Clip(historySpan, entryWindowStart, e - 1)),
            Date(limit),
            new DateInterval(Date(limitWindowStart), Date(limit)),
            Intervals(PresenceSweep.Clip(CollectionsMarshalSpan(withStay), limitWindowStart, limit)),
            Intervals(notCounted),
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
    private static int FullStayFrom(ReadOnlySpan<DayRange> countedHistory, DayRange[] excluded, int entry, int maxDaysAtEntry)
    {
        if (maxDaysAtEntry >= StayRule.MaxDays)
        {
            return entry;
        }

        // countedHistory is not empty here: with no history, 90 days are always possible.
        var afterLast = countedHistory[^1].End + StayRule.MaxDays + 1;
        var exclusionAhead = false;
        foreach (var run in excluded)
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
            var withStay = WithStayFrom(countedHistory, excluded, candidate);
            if (PresenceSweep.FirstDayOverLimit(CollectionsMarshalSpan(withStay), candidate)!.Value - candidate >= StayRule.MaxDays)
            {
                return candidate;
            }
        }

        return Math.Max(entry + 1, afterLast);
    }

    /// <summary>The counted history followed by a stay from <paramref name="from"/> with no end, less excluded days.</summary>
    private static List<DayRange> WithStayFrom(ReadOnlySpan<DayRange> countedHistory, DayRange[] excluded, int from)
    {
        var runs = new List<DayRange>(countedHistory.Length + 2);
        runs.AddRange(countedHistory);
        foreach (var run in PresenceSweep.Subtract([new DayRange(from, PresenceSweep.Unbounded)], excluded))
        {
            PresenceSweep.AppendJoined(runs, run);
        }

        return runs;
    }

    private static List<DayRange> NotCounted(History history, int from, int to)
    {
        // Presence within the window, less what is counted, is what the exclusions took out.
        var inWindow = PresenceSweep.Clip(history.Presence, from, to);
        var result = new List<DayRange>();
        foreach (var run in inWindow)
        {
            foreach (var excludedRun in PresenceSweep.Clip(history.Excluded, run.Start, run.End))
            {
                result.Add(excludedRun);
            }
        }

        return result;
    }

    private enum Mode
    {
        Control,
        Planning,
    }

    /// <summary>Validated input as sorted, joined runs of day numbers.</summary>
    private sealed record History(DayRange[] Presence, DayRange[] Excluded);

    /// <summary>
    /// Checks every stay and excluded period and turns them into runs; null, with every problem found, when
    /// the input cannot be assessed.
    /// </summary>
    /// <param name="limit">The control date or the planned entry, as a day number.</param>
    private static History? Prepare(IReadOnlyList<Stay> stays, IReadOnlyList<ExcludedPeriod> excluded, int limit, Mode mode, List<StayProblem> problems)
    {
        var limitName = mode == Mode.Control ? "the control date" : "the planned entry";
        var limitDate = Date(limit);
        var entries = new int[stays.Count];
        var exits = new int[stays.Count]; // open stays end on the control date
        var usable = new bool[stays.Count];
        for (var i = 0; i < stays.Count; i++)
        {
            var stay = stays[i];
            var entryProblem = DateProblem(stay.Entry, "entry");
            var exitProblem = stay.Exit is { } exitDate ? DateProblem(exitDate, "exit") : null;
            if (entryProblem is not null || exitProblem is not null)
            {
                if (entryProblem is not null)
                {
                    problems.Add(new(StayField(i, ".entry"), i, entryProblem));
                }

                if (exitProblem is not null)
                {
                    problems.Add(new(StayField(i, ".exit"), i, exitProblem));
                }

                continue;
            }

            var entry = Day(stay.Entry);
            var exit = stay.Exit is { } x ? Day(x) : limit;
            if (exit < entry && stay.Exit is not null)
            {
                problems.Add(new(StayField(i, ".exit"), i, Text($"The stay {stay} ends before it begins.")));
            }
            else if (entry > limit)
            {
                problems.Add(new(StayField(i, ".entry"), i, Text($"The stay {stay} begins after {limitName} ({StayText.Date(limitDate)}).")));
            }
            else if (stay.Exit is null && mode == Mode.Planning)
            {
                problems.Add(new(StayField(i, ".exit"), i, Text($"The stay {stay} is still open; planning an entry needs the day the traveller left.")));
            }
            else if (exit > limit)
            {
                problems.Add(new(StayField(i, ".exit"), i, mode == Mode.Control
                    ? Text($"The stay {stay} ends after the control date ({StayText.Date(limitDate)}); leave its exit open if the traveller is still in the area.")
                    : Text($"The stay {stay} ends after the planned entry ({StayText.Date(limitDate)}).")));
            }
            else
            {
                entries[i] = entry;
                exits[i] = exit;
                usable[i] = true;
            }
        }

        var order = SortedOrder(entries, exits, usable, stays);

        // An open stay lasts until the traveller leaves, so any stay after it overlaps it.
        var presence = new List<DayRange>(order.Length);
        var reach = -1; // the stay that ends latest so far, as an index into stays
        foreach (var i in order)
        {
            if (reach >= 0)
            {
                var reachEnd = stays[reach].IsOpen ? int.MaxValue : exits[reach];
                if (entries[i] < reachEnd)
                {
                    problems.Add(new(StayField(i, ""), i,
                        Text($"The stay {stays[i]} overlaps the stay {stays[reach]}; only a day of exit may also be the day of the next entry.")));
                }
            }

            if (reach < 0 || stays[i].IsOpen || (!stays[reach].IsOpen && exits[i] > exits[reach]))
            {
                reach = i;
            }

            PresenceSweep.AppendJoined(presence, new DayRange(entries[i], exits[i]));
        }

        var excludedRuns = new List<DayRange>(excluded.Count);
        for (var i = 0; i < excluded.Count; i++)
        {
            var period = excluded[i];
            var fromProblem = DateProblem(period.From, "first excluded day");
            var toProblem = DateProblem(period.To, "last excluded day");
            if (fromProblem is not null)
            {
                problems.Add(new(Text($"excluded[{i}].from"), null, fromProblem));
            }

            if (toProblem is not null)
            {
                problems.Add(new(Text($"excluded[{i}].to"), null, toProblem));
            }

            if (fromProblem is not null || toProblem is not null)
            {
                continue;
            }

            if (period.To < period.From)
            {
                problems.Add(new(Text($"excluded[{i}].to"), null, Text($"The excluded period {period} ends before it begins.")));
                continue;
            }

            excludedRuns.Add(new DayRange(Day(period.From), Day(period.To)));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        // Excluded periods may overlap each other; only their union matters.
        excludedRuns.Sort((a, b) => a.Start.CompareTo(b.Start));
        var joinedExcluded = new List<DayRange>(excludedRuns.Count);
        foreach (var run in excludedRuns)
        {
            PresenceSweep.AppendJoined(joinedExcluded, run);
        }

        return new History([.. presence], [.. joinedExcluded]);
    }

    /// <summary>The usable stays' indices by entry, then exit; input that is already in order is not re-sorted.</summary>
    private static int[] SortedOrder(int[] entries, int[] exits, bool[] usable, IReadOnlyList<Stay> stays)
    {
        var order = new List<int>(entries.Length);
        var inOrder = true;
        for (var i = 0; i < entries.Length; i++)
        {
            if (!usable[i])
            {
                continue;
            }

            if (order.Count > 0 && Compare(order[^1], i) > 0)
            {
                inOrder = false;
            }

            order.Add(i);
        }

        var result = order.ToArray();
        if (!inOrder)
        {
            Array.Sort(result, Compare);
        }

        return result;

        int Compare(int a, int b)
        {
            var byEntry = entries[a].CompareTo(entries[b]);
            if (byEntry != 0)
            {
                return byEntry;
            }

            var byOpen = stays[a].IsOpen.CompareTo(stays[b].IsOpen);
            return byOpen != 0 ? byOpen : exits[a] != exits[b] ? exits[a].CompareTo(exits[b]) : a.CompareTo(b);
        }
    }

    /// <summary>Why a date cannot be used; null when it can.</summary>
    private static string? DateProblem(LocalDate date, string what) =>
        date.Calendar != CalendarSystem.Iso ? Text($"The {what} must be a date in the ISO calendar.")
        : date < Earliest || date > Latest ? Text($"The {what} {StayText.Date(date)} is outside the years 1900 to 9998.")
        : null;

    private static string StayField(int index, string member) => Text($"stays[{index}]{member}");

    private static IReadOnlyList<string> Warnings(LocalDate windowStart) =>
        windowStart < StayRule.InForceFrom ? [StayRule.OldRuleWarning(windowStart)] : [];

    private static List<DateInterval> Intervals(List<DayRange> runs) =>
        runs.ConvertAll(r => new DateInterval(Date(r.Start), Date(r.End)));

    private static ReadOnlySpan<DayRange> CollectionsMarshalSpan(List<DayRange> runs) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(runs);

    private static int Day(LocalDate date) => Period.DaysBetween(Origin, date);

    private static LocalDate Date(int day) => Origin.PlusDays(day);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
