using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

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
            return StayResult<StayPlan>.Failure([new("entry", null, entryProblem)]);
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

    /// <summary>
    /// Checks every stay and excluded period and turns them into runs; null, with every problem found, when
    /// the input cannot be assessed.
    /// </summary>
    /// <param name="limit">The control date or the planned entry, as a day number.</param>
    private static StayHistory? Prepare(IReadOnlyList<Stay> stays, IReadOnlyList<ExcludedPeriod> excluded, int limit, Mode mode, out List<StayProblem> problems)
    {
        problems = NoProblems;
        if (excluded.Count == 0 && PrepareInOrder(stays, limit, mode) is { } inOrder)
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
    /// The stays are walked from the last. Those that can still reach a window of interest become runs of
    /// day numbers (<see cref="TakeRecent"/>); the older ones are only checked (<see cref="InOrder"/>). In
    /// order, every date is on or after the one before it, so only the last exit (against the limit) and
    /// the first entry (against the earliest year) need a range check.
    /// </remarks>
    private static StayHistory? PrepareInOrder(IReadOnlyList<Stay> list, int limit, Mode mode)
    {
        // Read through a span: indexing an array through IReadOnlyList costs more than the checks below.
        ReadOnlySpan<Stay> stays = list switch
        {
            Stay[] array => array,
            List<Stay> stayList => CollectionsMarshal.AsSpan(stayList),
            _ => list.ToArray(),
        };
        if (stays.IsEmpty)
        {
            return new StayHistory([], []);
        }

        if (stays[0].Entry.Year < EarliestYear)
        {
            return null;
        }

        var recent = new RecentDays(limit);
        var older = TakeRecent(stays, limit, mode == Mode.Control, ref recent);
        if (older < 0 || (older > 0 && !InOrder(stays[..older], DayNumbers.SortKey(stays[older].Entry))))
        {
            return null;
        }

        return new StayHistory(recent);
    }

    /// <summary>
    /// Walks the stays from the last, checking each, and marks in <paramref name="recent"/> the days of
    /// those that end on or after its first day.
    /// </summary>
    /// <returns>
    /// The index of the latest stay that ends before that day, checked but not marked, and so the number of
    /// stays before it, which have not been looked at; 0 when there are none. −1 when a stay is not as the
    /// fast path needs it: open before the last, out of order, ending after the limit, or with a date not
    /// in the ISO calendar.
    /// </returns>
    [MethodImpl(MethodImplOptions.NoInlining)] // a loop of its own keeps its values in registers
    private static int TakeRecent(ReadOnlySpan<Stay> stays, int limit, bool lastMayBeOpen, ref RecentDays recent)
    {
        var days = default(DayNumbers.Cache);
        var i = stays.Length - 1;
        int exit;
        if (stays[i].Exit is { } lastExit)
        {
            if (lastExit.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            exit = days.Of(lastExit);
        }
        else if (lastMayBeOpen)
        {
            exit = limit;
        }
        else
        {
            return -1;
        }

        // Each stay must end by the entry of the one after it, the last by the limit. The loop reads the
        // entry of a stay and then the exit of the one before, which only the last stay may lack.
        var later = limit;
        while (true)
        {
            var entryDate = stays[i].Entry;
            var entry = days.Of(entryDate);
            if (exit > later || entry > exit || entryDate.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            if (exit < recent.FirstDay)
            {
                return i;
            }

            recent.Add(entry, exit);
            later = entry;
            if (--i < 0)
            {
                return 0;
            }

            if (stays[i].Exit is not { } exitDate || exitDate.Calendar != CalendarSystem.Iso)
            {
                return -1;
            }

            exit = days.Of(exitDate);
        }
    }

    /// <summary>
    /// Whether every stay is closed, in the ISO calendar and in order, the last ending by the date whose
    /// sort key is <paramref name="endKey"/>. A day of exit may be the next day of entry.
    /// </summary>
    /// <remarks>
    /// Dates are compared by <see cref="DayNumbers.SortKey"/>, which orders them without the arithmetic of
    /// a day number: this loop runs over every stay of a long history.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // a loop of its own keeps its values in registers
    private static bool InOrder(ReadOnlySpan<Stay> stays, int endKey)
    {
        var reach = int.MinValue; // the last day so far; the next stay may begin on it, not before
        foreach (var stay in stays)
        {
            if (stay.Exit is not { } exitDate)
            {
                return false;
            }

            var entry = DayNumbers.SortKey(stay.Entry);
            var exit = DayNumbers.SortKey(exitDate);
            if (entry < reach || exit < entry || stay.Entry.Calendar != CalendarSystem.Iso || exitDate.Calendar != CalendarSystem.Iso)
            {
                return false;
            }

            reach = exit;
        }

        return reach <= endKey;
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

    /// <summary>Why a date cannot be used; null when it can.</summary>
    private static string? DateProblem(LocalDate date, string what) =>
        date.Calendar != CalendarSystem.Iso ? Text($"The {what} must be a date in the ISO calendar.")
        : date.Year < EarliestYear || date.Year > LatestYear ? Text($"The {what} {StayText.Date(date)} is outside the years {EarliestYear} to {LatestYear}.")
        : null;

    private static string StayField(int index, string member) => Text($"stays[{index}]{member}");

    private static IReadOnlyList<string> Warnings(LocalDate windowStart) => StayRule.Warnings(DayNumbers.Of(windowStart));

    private static int Day(LocalDate date) => DayNumbers.Of(date);

    internal static LocalDate Date(int day) => DayNumbers.ToDate(day);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
