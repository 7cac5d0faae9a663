using NodaTime;
using Vartio.Domain.Checks;

namespace Vartio.Domain.Tests.Checks;

/// <summary>Retention of the Entry/Exit System's records, Regulation (EU) 2017/2226, Art. 34 (DOMAIN.md §7).</summary>
public sealed class RecordRetentionTests
{
    private static RetainedRecord Entry(int y, int m, int d, LocalDate? until = null) => new(Guid.NewGuid(), RecordKind.Entry, new LocalDate(y, m, d), until);

    private static RetainedRecord Exit(int y, int m, int d) => new(Guid.NewGuid(), RecordKind.Exit, new LocalDate(y, m, d), null);

    [Fact]
    public void EntryAndExit_AreErasedThreeYearsAfterTheExit()
    {
        var schedule = RecordRetention.Schedule([Entry(2020, 1, 1, new LocalDate(2020, 3, 30)), Exit(2020, 2, 1)]);

        Assert.All(schedule, e => Assert.Equal(new LocalDate(2023, 2, 1), e.EraseOn));
        Assert.All(schedule, e => Assert.False(e.Overstay));
    }

    [Fact]
    public void Refusal_IsErasedThreeYearsAfterIt()
    {
        var refusal = new RetainedRecord(Guid.NewGuid(), RecordKind.Refusal, new LocalDate(2022, 6, 1), null);

        Assert.Equal(new LocalDate(2025, 6, 1), Assert.Single(RecordRetention.Schedule([refusal])).EraseOn);
    }

    [Fact]
    public void EntryWithNoExit_IsAnOverstayersKeptFiveYearsAfterTheStayEnded_WithAWarningThreeMonthsAhead()
    {
        var erasure = Assert.Single(RecordRetention.Schedule([Entry(2021, 1, 1, new LocalDate(2021, 3, 31))]));

        Assert.True(erasure.Overstay);
        Assert.Equal(new LocalDate(2026, 3, 31), erasure.EraseOn);
        Assert.Equal(new LocalDate(2025, 12, 31), erasure.WarnFrom);
    }

    [Fact]
    public void EntryFollowedByAnotherEntry_IsKeptAsAnOverstayers()
    {
        // No exit recorded between them: the first stay never ended in the records.
        var schedule = RecordRetention.Schedule([Entry(2020, 1, 1, new LocalDate(2020, 3, 30)), Entry(2020, 6, 1, new LocalDate(2020, 8, 29)), Exit(2020, 7, 1)]);

        Assert.Equal(new LocalDate(2025, 3, 30), schedule[0].EraseOn);
        Assert.True(schedule[0].Overstay);
        Assert.Equal(new LocalDate(2023, 7, 1), schedule[1].EraseOn);
        Assert.Equal(new LocalDate(2023, 7, 1), schedule[2].EraseOn);
    }
}
