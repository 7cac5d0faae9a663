using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Benchmarks;

/// <summary>
/// The 90/180 calculator against the day-by-day baseline, in both modes, for histories of a frequent
/// traveller: stays of one to three days, three to six days apart (about a third of the days present), the
/// last stay still open at the control date, and a planned entry ten days after the last exit.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class StaysBenchmarks
{
    private Stay[] openHistory = [];
    private Stay[] closedHistory = [];
    private LocalDate controlDate;
    private LocalDate plannedEntry;

    [Params(1, 10, 100, 1000)]
    public int Stays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(90_180);
        var stays = new List<Stay>(Stays);
        var day = new LocalDate(2016, 1, 4);
        for (var i = 0; i < Stays; i++)
        {
            var exit = day.PlusDays(random.Next(0, 3));
            stays.Add(new Stay(day, exit));
            day = exit.PlusDays(random.Next(3, 7));
        }

        closedHistory = [.. stays];
        controlDate = closedHistory[^1].Exit!.Value;
        plannedEntry = controlDate.PlusDays(10);
        openHistory = [.. stays];
        openHistory[^1] = openHistory[^1] with { Exit = null };

        // Both implementations must give the same answers, or the comparison means nothing.
        var control = StayCalculator.Control(openHistory, controlDate).Assessment!;
        var controlBaseline = DayByDayStays.Control(openHistory, controlDate);
        var plan = StayCalculator.Plan(closedHistory, plannedEntry).Assessment!;
        var planBaseline = DayByDayStays.Plan(closedHistory, plannedEntry);
        if (control.DaysUsed != controlBaseline.DaysUsed || control.LatestExit != controlBaseline.LatestExit
            || plan.MaxDays != planBaseline.MaxDays || plan.FullStayFrom != planBaseline.FullStayFrom
            || plan.DaysUsedBeforeEntry != planBaseline.DaysUsedBeforeEntry)
        {
            throw new InvalidOperationException("The calculator and the day-by-day baseline disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "control, day by day")]
    [BenchmarkCategory("Control")]
    public DayByDayStays.ControlAnswer ControlDayByDay() => DayByDayStays.Control(openHistory, controlDate);

    [Benchmark(Description = "control, sweep")]
    [BenchmarkCategory("Control")]
    public StayControl? ControlSweep() => StayCalculator.Control(openHistory, controlDate).Assessment;

    [Benchmark(Baseline = true, Description = "plan, day by day")]
    [BenchmarkCategory("Plan")]
    public DayByDayStays.PlanAnswer PlanDayByDay() => DayByDayStays.Plan(closedHistory, plannedEntry);

    [Benchmark(Description = "plan, sweep")]
    [BenchmarkCategory("Plan")]
    public StayPlan? PlanSweep() => StayCalculator.Plan(closedHistory, plannedEntry).Assessment;
}
