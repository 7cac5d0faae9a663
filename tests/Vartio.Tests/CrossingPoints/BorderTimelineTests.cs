using NodaTime;
using Vartio.Domain.CrossingPoints;
using Vartio.Tests.Infrastructure;
using static Vartio.Tests.CrossingPoints.Finland2023;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// The 2023–24 timeline at instants on both sides of every boundary, in Helsinki time and in UTC.
/// Expected values: the Finnish Government's decisions of 16, 22 and 28 November, 12 and 14 December 2023,
/// 11 January, 8 February and 4 April 2024 as announced, tabulated with their sources in docs/DATA.md.
/// </summary>
public sealed class BorderTimelineTests
{
    [Fact]
    public void StatusAt_BeforeAnyDecision_RoadCrossingsOpenAndReceiveAsylum()
    {
        var status = At("VAA", Local(2023, 11, 1, 12));
        Assert.Equal(CrossingPointState.Open, status.State);
        Assert.True(status.ReceivesAsylumApplications);
        Assert.Null(status.DecisionId);
        Assert.Null(status.Since);
        Assert.Equal(Local(2023, 11, 18, 0), status.NextChange?.At);
        Assert.Equal(CrossingPointState.Closed, status.NextChange?.To.State);
    }

    [Theory]
    [InlineData("VAA")]
    [InlineData("NUI")]
    [InlineData("IMA")]
    [InlineData("NII")]
    public void StatusAt_MidnightInto18November_FirstFourClose(string code)
    {
        // 16 November decision: closed from midnight into 18 November 2023 (Helsinki, UTC+2).
        Assert.Equal(CrossingPointState.Open, At(code, Local(2023, 11, 17, 23, 59, 59)).State);
        Assert.Equal(CrossingPointState.Closed, At(code, Local(2023, 11, 18, 0)).State);
        Assert.Equal(Nov16, At(code, Local(2023, 11, 18, 0)).DecisionId);

        // The same boundary in UTC: 2023-11-17 22:00Z.
        Assert.Equal(CrossingPointState.Open, At(code, Instant.FromUtc(2023, 11, 17, 21, 59, 59)).State);
        Assert.Equal(CrossingPointState.Closed, At(code, Instant.FromUtc(2023, 11, 17, 22, 0)).State);
    }

    [Fact]
    public void StatusAt_Niirala17November_LastHoursEndAtItsNormal2000Closing()
    {
        // Niirala keeps winter hours 08–20 (from 1 March 2023); its last opening hours end at 20:00 on 17 Nov.
        var before = At("NII", Local(2023, 11, 17, 19, 59));
        var after = At("NII", Local(2023, 11, 17, 20, 0));
        Assert.Equal(CrossingPointState.Open, before.State);
        Assert.True(before.WithinOpeningHours);
        Assert.Equal(CrossingPointState.Open, after.State);
        Assert.False(after.WithinOpeningHours);
        Assert.Equal("08:00–20:00", after.HoursToday?.ToString());

        // In UTC the 20:00 closing is 18:00Z.
        Assert.True(At("NII", Instant.FromUtc(2023, 11, 17, 17, 59)).WithinOpeningHours);
        Assert.False(At("NII", Instant.FromUtc(2023, 11, 17, 18, 0)).WithinOpeningHours);
    }

    [Fact]
    public void StatusAt_18November_AsylumOnlyAtVartiusAndSalla()
    {
        var at = Local(2023, 11, 20, 12);
        var receiving = Timeline.StatusAt(at).Where(s => s.ReceivesAsylumApplications && s.CrossingPoint.Kind is not (CrossingPointKind.Sea or CrossingPointKind.Air))
            .Select(s => s.CrossingPoint.Code).ToList();
        Assert.Equal(["VAR", "SAL"], receiving);
        Assert.Equal(CrossingPointState.Open, At("VAR", at).State);
        Assert.Equal(CrossingPointState.Closed, At("VAA", at).State);

        // Raja-Jooseppi stayed open but did not receive applications from 18 November.
        var raja = At("RAJ", at);
        Assert.Equal(CrossingPointState.Open, raja.State);
        Assert.False(raja.ReceivesAsylumApplications);
        Assert.Equal(Local(2023, 11, 18, 0), raja.Since);
    }

    [Fact]
    public void HelsinkiAirportAndWestHarbour_StayedOpenThroughout()
    {
        // No decision of 2023-24 addressed them (docs/DATA.md): at the closure of the whole land border, and
        // after the last decision, both are open to passengers and receive applications.
        foreach (var at in new[] { Local(2023, 11, 30, 0), Local(2024, 4, 15, 0), VartioApp.DefaultNow })
        {
            Assert.All(new[] { At("HEL", at), At("HWH", at) }, s =>
            {
                Assert.Equal(CrossingPointState.Open, s.State);
                Assert.Null(s.DecisionId);
                Assert.True(s.ReceivesAsylumApplications);
            });
        }

        Assert.True(At("HEL", Local(2024, 1, 1, 3, 0)).WithinOpeningHours);
        Assert.Equal(CrossingPointKind.Air, At("HEL", VartioApp.DefaultNow).CrossingPoint.Kind);
        Assert.Equal(CrossingPointKind.Sea, At("HWH", VartioApp.DefaultNow).CrossingPoint.Kind);
    }

    [Fact]
    public void StatusAt_SallaInNovember2023_OpenTenToFourteenOnly()
    {
        Assert.False(At("SAL", Local(2023, 11, 20, 9, 59)).WithinOpeningHours);
        Assert.True(At("SAL", Local(2023, 11, 20, 10, 0)).WithinOpeningHours);
        Assert.True(At("SAL", Local(2023, 11, 20, 13, 59)).WithinOpeningHours);
        Assert.False(At("SAL", Local(2023, 11, 20, 14, 0)).WithinOpeningHours);
        Assert.Equal("10:00–14:00", At("RAJ", Local(2023, 11, 20, 12)).HoursToday?.ToString());

        // Outside November the normal hours apply again: Saturday 2 December 2023, 09–17.
        Assert.Equal("09:00–17:00", At("RAJ", Local(2023, 12, 2, 12)).HoursToday?.ToString());
    }

    [Fact]
    public void StatusAt_24November_NorthernCrossingsCloseAndOnlyRajaJoosepiReceives()
    {
        foreach (var code in new[] { "KUU", "SAL" })
        {
            Assert.Equal(CrossingPointState.Open, At(code, Local(2023, 11, 23, 23, 59)).State);
            Assert.Equal(CrossingPointState.Closed, At(code, Local(2023, 11, 24, 0)).State);
        }

        // Vartius: road traffic closes, rail freight continues, so it is restricted rather than closed.
        var vartius = At("VAR", Local(2023, 11, 24, 0));
        Assert.Equal(CrossingPointState.Restricted, vartius.State);
        Assert.Contains(vartius.Condition.Traffic, t => t.Traffic == Traffic.RailFreight && t.State == CrossingPointState.Open);
        Assert.False(vartius.ReceivesAsylumApplications);

        var raja = At("RAJ", Local(2023, 11, 24, 0));
        Assert.True(raja.ReceivesAsylumApplications);
        Assert.Equal(Nov22, raja.DecisionId);
        Assert.False(At("RAJ", Local(2023, 11, 23, 23, 59)).ReceivesAsylumApplications);
    }

    [Fact]
    public void StatusAt_30November_WholeLandBorderClosedButRailFreightAtVainikkala()
    {
        Assert.Equal(CrossingPointState.Open, At("RAJ", Local(2023, 11, 29, 23, 59)).State);
        var at = Local(2023, 11, 30, 0);
        Assert.Equal(CrossingPointState.Closed, At("RAJ", at).State);
        Assert.Equal(Nov28, At("RAJ", at).DecisionId);
        var statuses = Timeline.StatusAt(at).Where(s => s.CrossingPoint.Kind is not (CrossingPointKind.Sea or CrossingPointKind.Air)).ToList();
        Assert.DoesNotContain(statuses, s => s.ReceivesAsylumApplications);
        Assert.All(statuses.Where(s => s.CrossingPoint.Traffic.HasFlag(Traffic.Passengers)), s =>
            Assert.Equal(CrossingPointState.Closed, s.Condition.Traffic.Single(t => t.Traffic == Traffic.Passengers).State));
        Assert.Equal(CrossingPointState.Open, At("VAI", at).State);
    }

    [Fact]
    public void StatusAt_30November_VartiusClosedToRailFreightToo()
    {
        // DOMAIN.md §3, the Government's decision of 2023-11-28: from 30 November 2023 Vainikkala is the one
        // crossing point left open on the eastern border, for rail freight only; Vartius's freight trains stop
        // too. Before, Vartius was restricted (road closed, rail freight open).
        Assert.Equal(CrossingPointState.Restricted, At("VAR", Local(2023, 11, 29, 23, 59)).State);
        var vartius = At("VAR", Local(2023, 11, 30, 0));
        Assert.Equal(CrossingPointState.Closed, vartius.State);
        Assert.Equal(CrossingPointState.Closed, vartius.Condition.Traffic.Single(t => t.Traffic == Traffic.RailFreight).State);

        // Later decisions close its road again without reopening the freight trains.
        foreach (var at in new[] { Local(2023, 12, 14, 12), Local(2024, 1, 20, 12), Local(2024, 6, 1, 12) })
        {
            Assert.Equal(CrossingPointState.Closed, At("VAR", at).State);
        }

        Assert.Equal(CrossingPointState.Open, At("VAI", Local(2023, 11, 30, 0)).State);
    }

    [Fact]
    public void StatusAt_14December_VaalimaaAtMidnightNiiralaAtItsEightOClockOpening()
    {
        Assert.Equal(CrossingPointState.Closed, At("VAA", Local(2023, 12, 13, 23, 59)).State);
        Assert.Equal(CrossingPointState.Open, At("VAA", Local(2023, 12, 14, 0)).State);
        Assert.Equal(Dec12, At("VAA", Local(2023, 12, 14, 0)).DecisionId);

        Assert.Equal(CrossingPointState.Closed, At("NII", Local(2023, 12, 14, 7, 59)).State);
        var niirala = At("NII", Local(2023, 12, 14, 8, 0));
        Assert.Equal(CrossingPointState.Open, niirala.State);
        Assert.True(niirala.ReceivesAsylumApplications);
        Assert.True(niirala.WithinOpeningHours);

        // In UTC: 08:00 EET is 06:00Z.
        Assert.Equal(CrossingPointState.Closed, At("NII", Instant.FromUtc(2023, 12, 14, 5, 59)).State);
        Assert.Equal(CrossingPointState.Open, At("NII", Instant.FromUtc(2023, 12, 14, 6, 0)).State);

        // The others stay closed.
        Assert.Equal(CrossingPointState.Closed, At("NUI", Local(2023, 12, 14, 12)).State);
        Assert.Equal(Dec12, At("NUI", Local(2023, 12, 14, 12)).DecisionId);
    }

    [Theory]
    [InlineData("VAA")]
    [InlineData("NII")]
    public void StatusAt_15December2000_VaalimaaAndNiiralaCloseAgain(string code)
    {
        var before = At(code, Local(2023, 12, 15, 19, 59));
        Assert.Equal(CrossingPointState.Open, before.State);
        Assert.Equal(Local(2023, 12, 15, 20, 0), before.NextChange?.At);
        var after = At(code, Local(2023, 12, 15, 20, 0));
        Assert.Equal(CrossingPointState.Closed, after.State);
        Assert.Equal(Dec14, after.DecisionId);
        Assert.False(after.ReceivesAsylumApplications);
        Assert.Equal(CrossingPointState.Closed, At(code, Instant.FromUtc(2023, 12, 15, 18, 0)).State);
        Assert.Equal(CrossingPointState.Open, At(code, Instant.FromUtc(2023, 12, 15, 17, 59, 59)).State);
    }

    [Fact]
    public void StatusAt_Extensions_GovernedByEachDecisionInTurnWithNoGap()
    {
        Assert.Equal(Dec14, At("VAA", Local(2024, 1, 14, 23, 59)).DecisionId);
        Assert.Equal(Jan11, At("VAA", Local(2024, 1, 15, 0)).DecisionId);
        Assert.Equal(Feb08, At("VAA", Local(2024, 2, 12, 0)).DecisionId);
        Assert.Equal(Apr04, At("VAA", Local(2024, 4, 15, 0)).DecisionId);
        var now = At("VAA", Local(2026, 1, 1, 12));
        Assert.Equal(CrossingPointState.Closed, now.State);
        Assert.Null(now.Until);
        Assert.Null(now.NextChange);

        // Closed since 20:00 on 15 December 2023: the extensions do not restart the closure.
        Assert.Equal(Local(2023, 12, 15, 20, 0), now.Since);
    }

    [Fact]
    public void StatusAt_15April2024AfterDaylightSavingBegan_MidnightIsUtcPlusThree()
    {
        // Clocks went forward on 31 March 2024; "from 00:00 on 15 April" is 21:00Z on 14 April, not 22:00Z.
        Assert.Equal(Instant.FromUtc(2024, 4, 14, 21, 0), Local(2024, 4, 15, 0));
        Assert.Equal(Feb08, At("VAA", Instant.FromUtc(2024, 4, 14, 20, 59)).DecisionId);
        Assert.Equal(Apr04, At("VAA", Instant.FromUtc(2024, 4, 14, 21, 0)).DecisionId);

        // Nuijamaa port: leisure boating closes, goods continue.
        Assert.Equal(CrossingPointState.Open, At("NUP", Instant.FromUtc(2024, 4, 14, 20, 59)).State);
        Assert.Equal(CrossingPointState.Restricted, At("NUP", Instant.FromUtc(2024, 4, 14, 21, 0)).State);
        Assert.Equal(CrossingPointState.Closed, At("HAA", Instant.FromUtc(2024, 4, 14, 21, 0)).State);
    }

    [Fact]
    public void HoursOn_NiiralaAcrossDaylightSavingChange_SwitchesFromWinterToSummerHours()
    {
        var niirala = Timeline.For("NII").CrossingPoint;

        // 30 March 2024 is the last winter day (EET), 31 March the first summer day (EEST).
        Assert.Equal("08:00–20:00", niirala.Hours.HoursOn(new LocalDate(2024, 3, 30), Helsinki)?.ToString());
        Assert.Equal("09:00–21:00", niirala.Hours.HoursOn(new LocalDate(2024, 3, 31), Helsinki)?.ToString());
        Assert.True(niirala.Hours.IsWithinHours(Local(2024, 3, 30, 8, 30), Helsinki));
        Assert.False(niirala.Hours.IsWithinHours(Local(2024, 3, 31, 8, 30), Helsinki));
    }

    [Fact]
    public void StatusAt_Parikkala_ClosedThroughout2023()
    {
        var status = At("PAR", Local(2023, 11, 1, 12));
        Assert.Equal(CrossingPointState.Closed, status.State);
        Assert.Equal(Parikkala, status.DecisionId);
        Assert.False(status.ReceivesAsylumApplications);
    }

    [Fact]
    public void ChangesBetween_November2023_ListsEachStatusChangeOnce()
    {
        var changes = Timeline.ChangesBetween(Local(2023, 11, 17, 0), Local(2023, 11, 30, 0));

        // 18 Nov: four closures plus asylum stopping at KUU and RAJ; 24 Nov: KUU, SAL, VAR close, RAJ starts
        // receiving; 30 Nov: RAJ closes, and VAR to rail freight too.
        Assert.Equal(
            [
                "18/IMA", "18/KUU", "18/NII", "18/NUI", "18/RAJ", "18/VAA",
                "24/KUU", "24/RAJ", "24/SAL", "24/VAR",
                "30/RAJ", "30/VAR",
            ],
            changes.Select(c => $"{c.At.InZone(Helsinki).Day}/{c.CrossingPointCode}").ToList());
    }
}
