using NodaTime;
using Vartio.Simulation;

namespace Vartio.Tests.Simulation;

/// <summary>The autumn-2023 plan against the published figures (DOMAIN §4).</summary>
public sealed class ArrivalPlanTests
{
    private static readonly ArrivalPlan Plan = ArrivalPlan.Autumn2023;

    private static int Background(int year, int month) => Plan.BackgroundIn(new YearMonth(year, month));

    private static int On(int month, int day, string? point = null) =>
        Plan.On(new LocalDate(2023, month, day))!.Where(p => point is null || p.CrossingPoint == point).Sum(p => p.People);

    [Fact]
    public void AugustToTheMorningOf24November_Is911()
    {
        var august = Background(2023, 8) + Background(2023, 9) + Background(2023, 10);

        Assert.Equal(911, august + Plan.PlannedBetween(new LocalDate(2023, 11, 1), new LocalDate(2023, 11, 23)));
    }

    [Fact]
    public void JanuaryToOctober_Is117()
    {
        var months = Enumerable.Range(1, 10).Sum(m => Background(2023, m));

        // Each month's share of 117 in 304 days is rounded; the ten months together stay within one of it.
        Assert.InRange(months, 116, 118);
    }

    [Fact]
    public void PublishedDays_AreThePublishedFigures()
    {
        Assert.Equal(3, On(11, 27, "RAJ"));
        Assert.Equal(0, On(11, 28));
        Assert.Equal(91, On(12, 14));
        Assert.Equal(70, On(12, 14, "NII"));
        Assert.Equal(21, On(12, 14, "VAA"));
        Assert.Equal(35, On(11, 20, "SAL"));
        Assert.All(Plan.On(new LocalDate(2023, 11, 18))!.Where(p => p.CrossingPoint == "NUI"), p => Assert.True(p.Irregular));
    }

    [Fact]
    public void TheAutumnMakesAbout1300()
    {
        var total = Background(2023, 8) + Background(2023, 9) + Background(2023, 10) + Plan.PlannedBetween(new LocalDate(2023, 11, 1), new LocalDate(2023, 12, 31));

        // "About 1,300 in three months"; 1,282 asylum applications in all (asylum service): within 5 %.
        Assert.InRange(total, 1_235, 1_365);
    }
}
