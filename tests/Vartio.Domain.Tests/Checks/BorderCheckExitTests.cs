using Vartio.Domain.Checks;
using Vartio.Domain.Screening;
using Vartio.Domain.Stays;
using static Vartio.Domain.Tests.Checks.Travellers;

namespace Vartio.Domain.Tests.Checks;

/// <summary>The exit check (Regulation (EU) 2016/399, Art. 8(3)(g)–(h)) and the overstay the Entry/Exit System flags (Regulation (EU) 2017/2226, Art. 12).</summary>
public sealed class BorderCheckExitTests
{
    // Entered 2025-10-01, leaving 2026-01-15: 31 + 30 + 31 + 15 = 107 days in the 180 days ending 2026-01-15, 17 over
    // the 90. The authorised stay recorded at entry ended on 2025-12-29, the 90th day (31 + 30 + 29), 17 days before.
    [Fact]
    public void Decide_ExitAfterOverstay_RecordsTheExitAndFlagsTheOverstay()
    {
        var input = Exit(Passport("RUS"), new Stay(D(2025, 10, 1), null)) with { RecordedAuthorisedStayUntil = D(2025, 12, 29) };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.True(decision.Overstay);
        Assert.Equal(107, decision.DaysUsed);
        Assert.Empty(decision.RefusalReasons);
        var overstay = decision.Condition(ConditionCodes.Overstay);
        Assert.Equal(ConditionResult.NeedsAttention, overstay.Result);
        Assert.Equal("The authorised stay ended on 2025-12-29, 17 days before this exit: the exit is recorded and the traveller flagged as an overstayer.", overstay.Explanation);
        Assert.Contains("17 days over the limit of 90", decision.Condition(ConditionCodes.Stay).Explanation, StringComparison.Ordinal);
    }

    // The visa may end before the 90 days: an exit after the recorded authorised stay is an overstay though the 90/180 rule holds.
    [Fact]
    public void Decide_ExitAfterTheVisaEndedWithinNinetyDays_FlagsTheOverstay()
    {
        var input = Exit(Passport("RUS"), new Stay(D(2026, 1, 1), null)) with { RecordedAuthorisedStayUntil = D(2026, 1, 10) };

        var decision = Decide(input);

        Assert.True(decision.Overstay);
        Assert.Equal(15, decision.DaysUsed);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.Stay).Result);
    }

    [Fact]
    public void Decide_ExitWithinTheAuthorisedStay_AdmitsWithoutFlag()
    {
        var input = Exit(Passport("RUS"), new Stay(D(2026, 1, 1), null)) with { RecordedAuthorisedStayUntil = D(2026, 3, 31) };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.False(decision.Overstay);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.Overstay).Result);
        Assert.All(
            [ConditionCodes.VisaRequired, ConditionCodes.VisaValid, ConditionCodes.Purpose, ConditionCodes.Means, ConditionCodes.DocumentValidBeyondDeparture],
            code => Assert.Equal(ConditionResult.NotApplicable, decision.Condition(code).Result));
    }

    // Exit is not refused (Art. 8(3)(g)): an expired document is noted, a lost or stolen one goes to second line.
    [Fact]
    public void Decide_ExitWithExpiredDocument_NeedsAttentionButAdmits()
    {
        var decision = Decide(Exit(Passport("USA", expiry: "251231"), new Stay(D(2026, 1, 1), null)));

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.DocumentExpiry).Result);
        Assert.DoesNotContain(decision.Conditions, c => c.Result == ConditionResult.Fail);
    }

    [Fact]
    public void Decide_ExitWithLostOrStolenDocument_RefersToSecondLine()
    {
        var input = Exit(Passport("USA"), new Stay(D(2026, 1, 1), null)) with
        {
            WatchlistHits = [Hit(WatchlistKind.LostOrStolenDocument, "interpol-sltd", 1.0)],
        };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refer, decision.ProposedOutcome);
        Assert.Empty(decision.RefusalReasons);
    }

    [Fact]
    public void Decide_FinnishCitizenAtExit_HasNoStayRule()
    {
        var decision = Decide(Exit(Passport("FIN")));

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.False(decision.Overstay);
        Assert.Equal(ConditionResult.NotApplicable, decision.Condition(ConditionCodes.Stay).Result);
    }
}
