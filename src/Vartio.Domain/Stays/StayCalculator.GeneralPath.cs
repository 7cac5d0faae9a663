using NodaTime;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Stays;

/// <summary>The general path: any input, sorted, checked in full, and every problem reported.</summary>
public static partial class StayCalculator
{
    /// <summary>
    /// Checks every stay and excluded period and turns them into runs; null, with every problem found, when
    /// the input cannot be assessed.
    /// </summary>
    /// <param name="limit">The control date or the planned entry, as a day number.</param>
    private static StayHistory? Prepare(IReadOnlyList<Stay> stays, IReadOnlyList<ExcludedPeriod> excluded, int limit, Mode mode, out List<Problem> problems)
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
                    problems.Add(new(StayFields.Stay(i, ".entry"), entryProblem));
                }

                if (exitProblem is not null)
                {
                    problems.Add(new(StayFields.Stay(i, ".exit"), exitProblem));
                }

                continue;
            }

            var entry = Day(stay.Entry);
            var exit = stay.Exit is { } x ? Day(x) : limit;
            if (exit < entry && stay.Exit is not null)
            {
                problems.Add(new(StayFields.Stay(i, ".exit"), Text($"The stay {stay} ends before it begins.")));
            }
            else if (entry > limit)
            {
                problems.Add(new(StayFields.Stay(i, ".entry"), Text($"The stay {stay} begins after {limitName} ({StayText.Date(Date(limit))}).")));
            }
            else if (stay.Exit is null && mode == Mode.Planning)
            {
                problems.Add(new(StayFields.Stay(i, ".exit"), Text($"The stay {stay} is still open; planning an entry needs the day the traveller left.")));
            }
            else if (exit > limit)
            {
                problems.Add(new(StayFields.Stay(i, ".exit"), mode == Mode.Control
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
                    problems.Add(new(StayFields.Stay(i, ""), Text($"The stay {stays[i]} overlaps the stay {stays[reach]}; only a day of exit may also be the day of the next entry.")));
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
                problems.Add(new(StayFields.Excluded(i, ".from"), fromProblem));
            }

            if (toProblem is not null)
            {
                problems.Add(new(StayFields.Excluded(i, ".to"), toProblem));
            }

            if (fromProblem is not null || toProblem is not null)
            {
                continue;
            }

            if (period.To < period.From)
            {
                problems.Add(new(StayFields.Excluded(i, ".to"), Text($"The excluded period {period} ends before it begins.")));
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
    private static readonly List<Problem> NoProblems = [];
}
