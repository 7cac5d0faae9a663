using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>
/// What to assess: the stays, periods that do not count, and a control date, a planned entry, or both.
/// Dates are written YYYY-MM-DD; they are read here rather than by the serializer, so that a bad one is
/// reported with its field.
/// </summary>
/// <param name="On">Control date: is the traveller within the limit on it.</param>
/// <param name="Entry">Planned entry: how long may the traveller stay from it.</param>
public sealed record StayAssessRequest(
    IReadOnlyList<StayRequest?>? Stays,
    IReadOnlyList<ExcludedPeriodRequest?>? Excluded,
    string? On,
    string? Entry);

/// <param name="Exit">Null or absent for a stay still open.</param>
public sealed record StayRequest(string? Entry, string? Exit);

/// <summary>A period under a residence permit or long-stay visa, first and last day included.</summary>
public sealed record ExcludedPeriodRequest(string? From, string? To);

/// <summary>The assessments asked for; a mode not asked for is null.</summary>
public sealed record StayAssessResponse(StayControlResponse? Control, StayPlanResponse? Plan, string Rule);

/// <param name="LatestExit">When present and within the limit, the last day the present stay may last; else null.</param>
/// <param name="OverstayDays">Days counted in the window beyond the 90 allowed.</param>
public sealed record StayControlResponse(
    LocalDate On,
    LocalDate WindowStart,
    LocalDate WindowEnd,
    int DaysUsed,
    bool Lawful,
    int OverstayDays,
    bool Present,
    LocalDate? LatestExit,
    IReadOnlyList<DayRunResponse> Counted,
    IReadOnlyList<DayRunResponse> NotCounted,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<string> Warnings)
{
    public static StayControlResponse From(StayControl c) => new(
        c.On,
        c.Window.Start,
        c.Window.End,
        c.DaysUsed,
        c.Lawful,
        c.OverstayDays,
        c.Present,
        c.LatestExit,
        DayRunResponse.From(c.Counted),
        DayRunResponse.From(c.NotCounted),
        c.Explanation(),
        c.Warnings);
}

/// <param name="MaxDays">Consecutive days from the entry, the day of entry included; 0 when entry is not lawful.</param>
/// <param name="LatestExit">The last day of that stay; null when <paramref name="MaxDays"/> is 0.</param>
/// <param name="FullStayFrom">The earliest entry, on or after the planned one, that allows 90 consecutive days.</param>
/// <param name="LimitDay">The first day the stay cannot reach: its window would hold 91 days.</param>
public sealed record StayPlanResponse(
    LocalDate Entry,
    int MaxDays,
    LocalDate? LatestExit,
    int DaysUsedBeforeEntry,
    LocalDate FullStayFrom,
    LocalDate EntryWindowStart,
    LocalDate LimitDay,
    LocalDate LimitWindowStart,
    IReadOnlyList<DayRunResponse> CountedBeforeEntry,
    IReadOnlyList<DayRunResponse> CountedInLimitWindow,
    IReadOnlyList<DayRunResponse> NotCounted,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<string> Warnings)
{
    public static StayPlanResponse From(StayPlan p) => new(
        p.Entry,
        p.MaxDays,
        p.LatestExit,
        p.DaysUsedBeforeEntry,
        p.FullStayFrom,
        p.EntryWindow.Start,
        p.LimitDay,
        p.LimitWindow.Start,
        DayRunResponse.From(p.CountedBeforeEntry),
        DayRunResponse.From(p.CountedInLimitWindow),
        DayRunResponse.From(p.NotCounted),
        p.Explanation(),
        p.Warnings);
}

/// <summary>A run of days, first and last included.</summary>
public sealed record DayRunResponse(LocalDate Start, LocalDate End, int Days)
{
    /// <summary>The run as an interval of dates, for the page's timeline.</summary>
    public DateInterval Interval() => new(Start, End);

    public static IReadOnlyList<DayRunResponse> From(IReadOnlyList<DateInterval> runs) =>
        [.. runs.Select(r => new DayRunResponse(r.Start, r.End, r.Length))];
}
