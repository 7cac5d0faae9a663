using NodaTime;
using Vartio.Domain.Checks;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Tests.Countries;

/// <summary>The statistics' nationality groups follow the free-movement states and the visa lists as dated.</summary>
public sealed class NationalityGroupsTests
{
    private static string Of(string? nationality, int year, int month, int day) =>
        NationalityGroups.Of(nationality, new LocalDate(year, month, day), VisaRequirementTable.Standard);

    [Fact]
    public void UnionCitizens_HaveFreeMovement_AndTheBritishLostItAtTheEndOf2020()
    {
        Assert.Equal(NationalityGroups.FreeMovementGroup, Of("FIN", 2023, 11, 18));
        Assert.Equal(NationalityGroups.FreeMovementGroup, Of("NOR", 2023, 11, 18)); // EEA
        Assert.Equal(NationalityGroups.FreeMovementGroup, Of("CHE", 2023, 11, 18)); // Free Movement of Persons Agreement

        // Withdrawal Agreement, Art. 126–127: free movement until 31 December 2020; then Annex II (Regulation (EU) 2019/592).
        Assert.Equal(NationalityGroups.FreeMovementGroup, Of("GBR", 2020, 12, 31));
        Assert.Equal(NationalityGroups.VisaExempt, Of("GBR", 2021, 1, 1));
    }

    [Fact]
    public void ThirdCountryNationals_ByTheVisaLists()
    {
        Assert.Equal(NationalityGroups.VisaRequired, Of("RUS", 2023, 11, 18)); // Regulation (EU) 2018/1806, Annex I
        Assert.Equal(NationalityGroups.VisaRequired, Of("SYR", 2023, 11, 18));
        Assert.Equal(NationalityGroups.VisaExempt, Of("USA", 2023, 11, 18)); // Annex II
    }

    [Fact]
    public void StatelessAndUnstated_AreKeptApart()
    {
        Assert.Equal(NationalityGroups.Other, Of("XXA", 2023, 11, 18)); // ICAO Doc 9303's code for a stateless person
        Assert.Equal(NationalityGroups.Unknown, Of(null, 2023, 11, 18));
        Assert.Equal(NationalityGroups.Unknown, Of("unknown", 2023, 11, 18));
    }
}
