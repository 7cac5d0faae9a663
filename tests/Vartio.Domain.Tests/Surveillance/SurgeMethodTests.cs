using NodaTime;
using Vartio.Domain.Surveillance;

namespace Vartio.Domain.Tests.Surveillance;

/// <summary>
/// The surge test (docs/SURGE.md) with its default parameters: baseline the mean of the 28 days before, floor 0.2
/// a day, arrivals counted in groups of up to 5, at least 10 arrivals and p &lt; 0.001 to open, 3 whole days with
/// p ≥ 0.05 against the frozen baseline to close. Poisson tails are worked by hand as
/// P(N ≥ k | λ) = e^−λ Σ_{i≥k} λ^i / i! (from k upward when the tail is small, 1 − Σ_{i&lt;k} otherwise).
/// </summary>
public sealed class SurgeMethodTests
{
    private static readonly SurgeOptions Defaults = new();

    [Fact]
    public void UpperTail_SmallMean_IsTheSumFromK()
    {
        // P(N ≥ 3 | 0.2) = 1 − e^−0.2 (1 + 0.2 + 0.02) = 1 − 0.818731 × 1.22 = 0.001148.
        Assert.Equal(0.001148, Poisson.UpperTail(3, 0.2), 6);

        // P(N ≥ 14 | 0.2) = e^−0.2 × 0.2^14 / 14! × (1 + 0.2/15 + 0.2²/(15×16) + …)
        //                 = 0.818731 × 1.6384e−10 / 8.71783e10 × 1.013423 = 1.5593e−21.
        Assert.Equal(1.5593e-21, Poisson.UpperTail(14, 0.2), 1e-24);
    }

    [Fact]
    public void UpperTail_LargeTail_IsOneLessTheSumBelowK()
    {
        // P(N ≥ 1 | 0.2) = 1 − e^−0.2 = 0.181269; P(N ≥ 2 | 1) = 1 − 2/e = 0.264241.
        Assert.Equal(0.181269, Poisson.UpperTail(1, 0.2), 6);
        Assert.Equal(0.264241, Poisson.UpperTail(2, 1), 6);
        Assert.Equal(1, Poisson.UpperTail(0, 3));
    }

    [Fact]
    public void PValue_CountsArrivalsInUnitsOfTheLargestGroup()
    {
        // Count and baseline in units of five (a scaled Poisson test): a family of five where a crossing point has the
        // floor's 0.2 a day is one unit against 0.04: P(N ≥ 1 | 0.04) = 1 − e^−0.04 = 0.039211.
        Assert.Equal(0.039211, SurgeMethod.PValue(Defaults, 5, 0.2), 6);

        // Two families (10) are two units: 1 − e^−0.04 × 1.04 = 0.000779; 16 are four: P = 1.033e−7.
        Assert.Equal(0.000779, SurgeMethod.PValue(Defaults, 10, 0.2), 6);
        Assert.Equal(1.033e-7, SurgeMethod.PValue(Defaults, 16, 0.2), 1e-10);
    }

    [Fact]
    public void Evidence_Sentence_GivesCountPlaceDayBaselineAndP()
    {
        var evidence = new SurgeEvidence(SurgePlace.CrossingPoint("VAR", "Vartius"), new LocalDate(2023, 11, 18), 67, 0.2, 1.5593e-21, true);
        Assert.Equal("67 at Vartius on 18 November 2023 against a baseline of 0.2 a day; p < 0.001", evidence.Sentence);

        var partial = new SurgeEvidence(SurgePlace.Section("South-East Finland"), new LocalDate(2023, 11, 13), 29, 43.0 / 28, 0.0049808, false);
        Assert.Equal("29 so far in South-East Finland on 13 November 2023 against a baseline of 1.5 a day; p = 0.00498", partial.Sentence);
    }

    [Fact]
    public void Autumn2023_SouthEastOpensOn13November_WithTheWholeDayShownTheNextDay()
    {
        var run = Autumn2023.Run();

        // South-East Finland on 13 November: baseline = (Imatra's 2 on 18, 21, 24, 27, 30 October + 6 at Vaalimaa on
        // 31 October + 27 on 1–12 November) / 28 = 43 / 28 = 1.5357 a day, 0.30714 in units of five. The 19 arrived by
        // half the day are 4 units: P(N ≥ 4 | 0.30714) = 1 − e^−λ (1 + λ + λ²/2 + λ³/6) = 2.904e−4 < 0.001, so it
        // opens during the day (the 10 of its first quarter are 2 units: P = 0.0384, not yet).
        var southEast = run.Of("section", "South-East Finland");
        var opened = Assert.Single(southEast, e => e.Kind == "open");
        Assert.Equal(new LocalDate(2023, 11, 13), opened.On);
        Assert.Equal(new LocalDate(2023, 11, 13), opened.Evidence!.Day);
        Assert.Equal(19, opened.Evidence.Count);
        Assert.Equal(43.0 / 28, opened.Evidence.Baseline, 12);
        Assert.Equal(2.904e-4, opened.Evidence.P, 1e-7);

        // The day's whole count is shown once the day has ended.
        var finalised = southEast.First(e => e.Kind == "update" && e.On == new LocalDate(2023, 11, 14));
        Assert.Equal("39 in South-East Finland on 13 November 2023 against a baseline of 1.5 a day; p < 0.001", finalised.Evidence!.Sentence);
    }

    [Fact]
    public void Autumn2023_VartiusOpensDuringItsFirstDay_18November()
    {
        var run = Autumn2023.Run();
        var vartius = run.Of("crossing-point", "VAR");

        // Vartius's 28 days before 18 November hold only the 5 of 17 November: 5 / 28 = 0.18, raised to the floor of
        // 0.2 (0.04 in units of five). A quarter of the day's 67 is 16 arrivals, four units: P(N ≥ 4 | 0.04) = 1.033e−7,
        // so it opens then.
        var opened = Assert.Single(vartius, e => e.Kind == "open");
        Assert.Equal(new LocalDate(2023, 11, 18), opened.On);
        Assert.Equal(16, opened.Evidence!.Count);
        Assert.Equal(0.2, opened.Evidence.Baseline);

        // The whole day, shown on the next: 67 are 14 units, P(N ≥ 14 | 0.04) = 2.9663e−31.
        var shown = vartius.Last(e => e.Kind == "update");
        Assert.Equal("67 at Vartius on 18 November 2023 against a baseline of 0.2 a day; p < 0.001", shown.Evidence!.Sentence);
        Assert.Equal(2.9663e-31, shown.Evidence.P, 1e-34);
    }

    [Fact]
    public void Autumn2023_NoAlertBefore13November()
    {
        var run = Autumn2023.Run();
        Assert.DoesNotContain(run.Events, e => e.On < new LocalDate(2023, 11, 13));
    }

    [Fact]
    public void Autumn2023_AnAlertDoesNotReopenWhileTheSurgeLasts_AndClosesAfterThreeQuietDays()
    {
        var run = Autumn2023.Run();
        var vartius = run.Of("crossing-point", "VAR");

        // Open on 18 November; updates only: 33 and 50 so far that day (each at least 1.5 times what was shown), then
        // the whole 67 on 19 November; 19–23 November (50, 40, 30, 30, 25) never reach 1.5 × 67. Closed from
        // 24 November: 24, 25 and 26 November have none, and the close comes on 27 November.
        Assert.Equal(["open", "update", "update", "update", "close"], vartius.Select(e => e.Kind));
        var close = vartius[^1];
        Assert.Equal(new LocalDate(2023, 11, 27), close.On);

        // Each place opens at most once from 13 to 30 November: no alert storm.
        Assert.All(run.Events.Where(e => e.Kind == "open" && e.On < new LocalDate(2023, 12, 1)).GroupBy(e => (e.Scope, e.Key)), g => Assert.Single(g));
        Assert.DoesNotContain(run.Open, p => p.Key is "VAR" or "South-East Finland");
    }

    [Fact]
    public void Autumn2023_NiiralaOn14December_OpensAgainAfterTheClosedWeeks()
    {
        // 70 at Niirala on 14 December 2023 (DOMAIN §3), against a baseline of the floor: a new alert.
        var run = Autumn2023.Run();
        var niirala = run.Of("crossing-point", "NII");
        Assert.Contains(niirala, e => e.Kind == "open" && e.On == new LocalDate(2023, 12, 14));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void NormalYear_OpensNoAlert(int seed)
    {
        var run = NormalYear.Run(seed);
        Assert.InRange(run.Total, 100, 190);
        Assert.Empty(run.Events);
    }
}
