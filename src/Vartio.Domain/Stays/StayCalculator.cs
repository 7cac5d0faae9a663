using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;

namespace Vartio.Domain.Stays;

/// <summary>
/// The 90/180 rule in the two modes of the European Commission's short-stay calculator: control (at a check
/// date, is the traveller within the limit) and planning (entering on a date, for how long may they stay).
/// </summary>
/// <remarks>
/// Every stay is checked once; the stays that can reach a window of interest become sorted runs of day
/// numbers, days under a residence permit or long-stay visa are taken out, and each question is answered by
/// walking those runs (<see cref="PresenceSweep"/>). The cost grows with the number of stays, never with the
/// number of days they span; stays given out of order are sorted first.
/// </remarks>
public static class StayCalculator
{
    // Far enough from the ends of NodaTime's range that windows and results around any accepted date exist.
    private const int EarliestYear = 1900;
    private const int LatestYear = 9998;

    /// <summary>Control at <paramref name="on"/>. No stay may begin or end after that date; the last may be open.</summary>
    public static StayResult<StayControl> Control(IReadOnlyList<Stay> stays, LocalDate on, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        if (DateProblem(on, "control date") is { } onProblem)
        {
            return StayResult<StayControl>.Failure([new("on", null, onProblem)]);
        }

        var d = Day(on);
        var history = Prepare(stays, excluded ?? [], on, d, Mode.Control, out var problems);
        if (history is null)
        {
            return StayResult<StayControl>.Failure(problems);
        }

        var windowStart = d - (StayRule.WindowDays - 1);
        var counted = history.Counted;
        var used = PresenceSweep.CountIn(counted, windowStart, d);
        var lawful = used <= StayRule.MaxDays;
        var present = history.Presence.Length > 0 && history.Presence[^1].End == d;

        LocalDate? latestExit = null;
        if (present && lawful)
        {
            // The present stay goes on from the day after the control date, except for excluded days.
            latestExit = Date(FirstDayOverLimitStayingFrom(history, d + 1, used) - 1);
        }

        var window = new DateInterval(Date(windowStart), on);
        return StayResult<StayControl>.Success(new StayControl(on, window, used, lawful, present, latestExit, history, Warnings(window.Start)));
    }

    /// <summary>Planning an entry on <paramref name="entry"/>. Every earlier stay must have ended, on that date at the latest.</summary>
    public static StayResult<StayPlan> Plan(IReadOnlyList<Stay> stays, LocalDate entry, IReadOnlyList<ExcludedPeriod>? excluded = null)
    {
        if (DateProblem(entry, "planned entry") is { } entryProblem)
        {
            return StayResult<StayPlan>.Failure([new("entry", null, entryProblem)]);
        }

        var e = Day(entry);
        var history = Prepare(stays, excluded ?? [], entry, e, Mode.Planning, out var problems);
        if (history is null)
        {
            return StayResult<StayPlan>.Failure(problems);
        }

        var entryWindowStart = e - (StayRule.WindowDays - 1);
        var usedBefore = PresenceSweep.CountIn(history.Counted, entryWindowStart, e - 1);
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
        var afterLast = history.Counted[^1].End + StayRule.MaxDays + 1;
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
            return PresenceSweep.FirstDayOverLimitStayingFrom(history.Counted, start, counted);
        }

        // Excluded days ahead interrupt the count of the stay itself: the general sweep handles them.
        return PresenceSweep.FirstDayOverLimit(history.WithStayFrom(start), start)!.Value;
    }

    private enum Mode
    {
        Control,
        Planning,
    }

    /// <summary>
    /// Checks every stay and excluded period and turns them into runs; null, with every problem found, when
    /// the input cannot be assessed.
    /// </summary>
    /// <param name="limit">The control date or the planned entry, as a day number.</param>
    private static StayHistory? Prepare(IReadOnlyList<Stay> stays, IReadOnlyList<ExcludedPeriod> excluded, LocalDate limitDate, int limit, Mode mode, out List<StayProblem> problems)
    {
        problems = NoProblems;
        if (excluded.Count == 0 && PrepareInOrder(stays, limitDate, limit, mode) is { } inOrder)
        {
            return inOrder;
        }

        problems = [];
        var limitName = mode == Mode.Control ? "the control date" : "the planned entry";
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
                problems.Add(new(StayField(i, ".entry"), i, Text($"The stay {stay} begins after {limitName} ({StayText.Date(Date(limit))}).")));
            }
            else if (stay.Exit is null && mode == Mode.Planning)
            {
                problems.Add(new(StayField(i, ".exit"), i, Text($"The stay {stay} is still open; planning an entry needs the day the traveller left.")));
            }
            else if (exit > limit)
            {
                problems.Add(new(StayField(i, ".exit"), i, mode == Mode.Control
                    ? Text($"The stay {stay} ends after the control date ({StayText.Date(Date(limit))}); leave its exit open if the traveller is still in the area.")
                    : Text($"The stay {stay} ends after the planned entry ({StayText.Date(Date(limit))}).")));
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

        return new StayHistory([.. presence], [.. joinedExcluded]);
    }

    /// <summary>
    /// The usual input in one pass: valid stays, already in date order, none overlapping, nothing excluded.
    /// Null for anything else, which <see cref="Prepare"/> then sorts, checks and reports in full.
    /// </summary>
    /// <remarks>
    /// Every stay is checked with <see cref="DayNumbers.SortKey"/>, which orders dates without the divisions
    /// of a day number; only the stays that can reach a window of interest become runs of day numbers.
    /// Every window looked at begins at most 180 days before <paramref name="limit"/>.
    /// </remarks>
    private static StayHistory? PrepareInOrder(IReadOnlyList<Stay> list, LocalDate limitDate, int limit, Mode mode)
    {
        // Read through a span: indexing an array through IReadOnlyList costs more than the checks below.
        var stays = list switch
        {
            Stay[] array => array,
            List<Stay> stayList => CollectionsMarshal.AsSpan(stayList),
            _ => list.ToArray(),
        };
        var limitKey = DayNumbers.SortKey(limitDate);
        var recentKey = DayNumbers.SortKey(Date(limit - StayRule.WindowDays - 1));
        var reach = int.MinValue; // the last day of the stays so far, as a key; the next may begin on it, not before
        var firstRecent = stays.Length;
        for (var i = 0; i < stays.Length; i++)
        {
            var stay = stays[i];
            var entry = DayNumbers.SortKey(stay.Entry);
            int exit;
            if (stay.Exit is { } exitDate)
            {
                exit = DayNumbers.SortKey(exitDate);
            }
            else if (mode == Mode.Control && i == stays.Length - 1)
            {
                exit = limitKey;
            }
            else
            {
                return null;
            }

            if (entry < reach || exit < entry || exit > limitKey || entry < MinKey
                || stay.Entry.Calendar != CalendarSystem.Iso || (stay.Exit is { } x && x.Calendar != CalendarSystem.Iso))
            {
                return null;
            }

            if (exit >= recentKey && firstRecent == stays.Length)
            {
                firstRecent = i;
            }

            reach = exit;
        }

        var presence = new DayRange[stays.Length - firstRecent];
        var count = 0;
        var days = default(DayNumbers.Cache);
        for (var i = firstRecent; i < stays.Length; i++)
        {
            var stay = stays[i];
            var run = new DayRange(days.Of(stay.Entry), stay.Exit is { } exit ? days.Of(exit) : limit);
            if (count > 0 && run.Start <= presence[count - 1].End + 1)
            {
                presence[count - 1] = new DayRange(presence[count - 1].Start, run.End);
            }
            else
            {
                presence[count++] = run;
            }
        }

        if (count < presence.Length)
        {
            Array.Resize(ref presence, count);
        }

        return new StayHistory(presence, []);
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

    // Never added to: the fast path has no problems to report.
    private static readonly List<StayProblem> NoProblems = [];

    // The sort key of the earliest date accepted; the latest is checked through the control date or entry.
    private static readonly int MinKey = DayNumbers.SortKey(new LocalDate(EarliestYear, 1, 1));

    /// <summary>Why a date cannot be used; null when it can.</summary>
    private static string? DateProblem(LocalDate date, string what) =>
        date.Calendar != CalendarSystem.Iso ? Text($"The {what} must be a date in the ISO calendar.")
        : date.Year < EarliestYear || date.Year > LatestYear ? Text($"The {what} {StayText.Date(date)} is outside the years {EarliestYear} to {LatestYear}.")
        : null;

    private static string StayField(int index, string member) => Text($"stays[{index}]{member}");

    private static IReadOnlyList<string> Warnings(LocalDate windowStart) =>
        windowStart < StayRule.InForceFrom ? [StayRule.OldRuleWarning(windowStart)] : [];

    private static int Day(LocalDate date) => DayNumbers.Of(date);

    internal static LocalDate Date(int day) => DayNumbers.ToDate(day);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
