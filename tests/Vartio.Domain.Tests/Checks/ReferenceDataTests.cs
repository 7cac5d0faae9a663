using Vartio.Domain.Checks;
using Vartio.Domain.Countries;
using static Vartio.Domain.Tests.Checks.Travellers;

namespace Vartio.Domain.Tests.Checks;

/// <summary>The visa lists and the refusal reasons as dated reference data.</summary>
public sealed class ReferenceDataTests
{
    private static readonly VisaRequirementTable Lists = VisaRequirementTable.Standard;

    private static VisaAnnex? Annex(string country, int year, int month, int day) =>
        Lists.On(Country.FromAlpha3(country)!, D(year, month, day))?.Annex;

    // Regulation (EU) 2018/1806, Annex I: among them Russia, Belarus, Turkey, China, India (DOMAIN §9).
    [Theory]
    [InlineData("RUS")]
    [InlineData("BLR")]
    [InlineData("SYR")]
    [InlineData("TUR")]
    [InlineData("CHN")]
    [InlineData("IND")]
    public void On_AnnexINationality_IsAnnexI(string country) => Assert.Equal(VisaAnnex.AnnexI, Annex(country, 2026, 1, 15));

    // Annex II: among them the United States, Japan, Canada, Australia, Brazil, Serbia.
    [Theory]
    [InlineData("USA")]
    [InlineData("JPN")]
    [InlineData("CAN")]
    [InlineData("AUS")]
    [InlineData("BRA")]
    [InlineData("SRB")]
    public void On_AnnexIINationality_IsAnnexII(string country) => Assert.Equal(VisaAnnex.AnnexII, Annex(country, 2026, 1, 15));

    // Regulation (EU) 2017/850: Ukraine in Annex II from 11 June 2017.
    [Fact]
    public void On_Ukraine_MovedToAnnexIIOn11June2017()
    {
        Assert.Equal(VisaAnnex.AnnexI, Annex("UKR", 2017, 6, 10));
        Assert.Equal(VisaAnnex.AnnexII, Annex("UKR", 2017, 6, 11));
    }

    // Regulation (EU) 2023/850: Kosovo visa-exempt from 1 January 2024.
    [Fact]
    public void On_Kosovo_MovedToAnnexIIOn1January2024()
    {
        Assert.Equal(VisaAnnex.AnnexI, Annex("RKS", 2023, 12, 31));
        Assert.Equal(VisaAnnex.AnnexII, Annex("RKS", 2024, 1, 1));
    }

    // Regulation (EU) 2019/592: the United Kingdom in Annex II once Union law ceased to apply to it (the end of the
    // transition period); until then its citizens had free movement.
    [Fact]
    public void On_UnitedKingdom_FreeMovementUntil2020ThenAnnexII()
    {
        var uk = Country.FromAlpha3("GBR");
        Assert.True(FreeMovement.Includes(uk, D(2020, 12, 31)));
        Assert.Null(Annex("GBR", 2020, 12, 31));
        Assert.False(FreeMovement.Includes(uk, D(2021, 1, 1)));
        Assert.Equal(VisaAnnex.AnnexII, Annex("GBR", 2021, 1, 1));
    }

    // Commission Delegated Regulation (EU) 2023/222: Vanuatu's exemption suspended from 4 February 2023.
    [Fact]
    public void On_Vanuatu_VisaRequiredFrom4February2023()
    {
        Assert.Equal(VisaAnnex.AnnexII, Annex("VUT", 2023, 2, 3));
        Assert.Equal(VisaAnnex.AnnexI, Annex("VUT", 2023, 2, 4));
    }

    [Fact]
    public void On_NoNationalityListedTwiceOrOnBothLists()
    {
        foreach (var country in Lists.Entries.Select(e => e.Country).Distinct())
        {
            Assert.Single(Lists.Entries, e => e.Country == country && e.AppliesOn(D(2026, 1, 15)) && e.Until is null);
        }
    }

    [Fact]
    public void On_FreeMovementStates_AreOnNeitherList()
    {
        foreach (var (state, _, _) in FreeMovement.All.Where(m => m.Until is null))
        {
            Assert.Null(Lists.On(state, D(2026, 1, 15)));
        }
    }

    // An Admin's edit: overlapping listings and unknown codes are refused with every problem named.
    [Fact]
    public void Create_OverlappingListingsAndUnknownCode_NamesEachProblem()
    {
        var (table, problems) = VisaRequirementTable.Create(
        [
            new VisaRequirementEntry("RUS", VisaAnnex.AnnexI, null, null, "test"),
            new VisaRequirementEntry("RUS", VisaAnnex.AnnexII, D(2030, 1, 1), null, "test"),
            new VisaRequirementEntry("QQQ", VisaAnnex.AnnexII, null, null, "test"),
        ]);

        Assert.Null(table);
        Assert.Equal(["entries[1]", "entries[2].country"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Create_AMoveWithDates_AnswersByDate()
    {
        var (table, problems) = VisaRequirementTable.Create(
        [
            new VisaRequirementEntry("QAT", VisaAnnex.AnnexI, null, D(2026, 6, 30), "test"),
            new VisaRequirementEntry("QAT", VisaAnnex.AnnexII, D(2026, 7, 1), null, "test"),
        ]);

        Assert.Empty(problems);
        Assert.Equal(VisaAnnex.AnnexI, table!.On(Country.FromAlpha3("QAT")!, D(2026, 6, 30))!.Annex);
        Assert.Equal(VisaAnnex.AnnexII, table.On(Country.FromAlpha3("QAT")!, D(2026, 7, 1))!.Annex);
    }

    // Regulation (EU) 2016/399, Annex V Part B; its predecessor Regulation (EC) No 562/2006 applied from 13 October 2006.
    [Fact]
    public void RefusalReasons_Standard_LettersAToIWithTheActOfTheDay()
    {
        var reasons = RefusalReasonTable.Standard;

        Assert.Equal("ABCDEFGHI", string.Concat(Enumerable.Range('A', 9).Select(l => reasons.On((char)l, D(2026, 1, 15))!.Letter)));
        Assert.Equal("Regulation (EU) 2016/399, Annex V Part B", reasons.On('F', D(2026, 1, 15))!.Source);
        Assert.Equal("Regulation (EC) No 562/2006, Annex V Part B", reasons.On('F', D(2015, 1, 15))!.Source);
        Assert.Null(reasons.On('F', D(2006, 10, 12)));
    }

    // Regulation (EU) 2017/2226, Art. 18(1)(b): refusals on B, D and H have the biometrics recorded.
    [Fact]
    public void RefusalReasons_Standard_BiometricsForBDAndH() =>
        Assert.Equal("BDH", string.Concat(RefusalReasonTable.Standard.Versions.Where(r => r.Until is null && r.RequiresBiometrics).Select(r => r.Letter)));

    [Fact]
    public void RefusalReasons_CreateWithTwoVersionsOnOneDay_IsRefused()
    {
        var (table, problems) = RefusalReasonTable.Create(
        [
            new RefusalReason('C', "Has no valid visa or residence permit.", D(2016, 4, 12), null, "test", false),
            new RefusalReason('C', "Has no valid visa, travel authorisation or residence permit.", D(2027, 1, 1), null, "test", false),
            new RefusalReason('J', "Not a letter.", D(2016, 4, 12), null, "test", false),
        ]);

        Assert.Null(table);
        Assert.Equal(2, problems.Count);
    }

    // Accession treaties: Croatia from 1 July 2013.
    [Fact]
    public void FreeMovement_Croatia_From1July2013()
    {
        var croatia = Country.FromAlpha3("HRV");
        Assert.False(FreeMovement.Includes(croatia, D(2013, 6, 30)));
        Assert.True(FreeMovement.Includes(croatia, D(2013, 7, 1)));
        Assert.True(FreeMovement.Includes(Country.FromAlpha3("CHE"), D(2026, 1, 15)));
        Assert.False(FreeMovement.Includes(Country.FromAlpha3("RUS"), D(2026, 1, 15)));
    }
}
