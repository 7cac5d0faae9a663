using Vartio.Domain.Countries;

namespace Vartio.Domain.Tests.Countries;

/// <summary>
/// Codes from ISO 3166-1 (the alpha-2 and alpha-3 codes of its officially assigned elements) and from ICAO
/// Doc 9303 Part 3 (the codes for use in machine-readable travel documents: Germany's D, the stateless and
/// refugee codes, the United Nations, the EU, Kosovo and the specimen state Utopia).
/// </summary>
public sealed class CountryTests
{
    [Fact]
    public void All_IsoEntities_AreTheOfficiallyAssigned249WithDistinctCodes()
    {
        // ISO 3166-1 has 249 officially assigned code elements, each with one alpha-2 and one alpha-3 code.
        var iso = Country.All.Where(c => c.IsIso).ToList();
        Assert.Equal(249, iso.Count);
        Assert.Equal(249, iso.Select(c => c.Alpha2).Distinct().Count());
        Assert.All(iso, c => Assert.NotNull(c.Alpha2));
        Assert.Equal(Country.All.Count, Country.All.Select(c => c.Alpha3).Distinct().Count());
    }

    [Theory]
    [InlineData("XXA", "Stateless person")]
    [InlineData("XXB", "Refugee (1951 Convention)")]
    [InlineData("XXC", "Refugee (other than the 1951 Convention)")]
    [InlineData("XXX", "Nationality unspecified")]
    [InlineData("UNO", "United Nations Organization")]
    [InlineData("UNA", "Specialized agency of the United Nations")]
    [InlineData("UNK", "Resident of Kosovo (United Nations Interim Administration Mission in Kosovo)")]
    [InlineData("EUE", "European Union")]
    [InlineData("RKS", "Kosovo")]
    [InlineData("UTO", "Utopia (specimen documents)")]
    public void FromAlpha3_IcaoOnlyCode_IsFoundAndNotIso(string code, string name)
    {
        var country = Country.FromAlpha3(code);

        Assert.NotNull(country);
        Assert.Equal(name, country.Name);
        Assert.False(country.IsIso);
        Assert.Equal("ICAO Doc 9303 Part 3", country.Source);
        Assert.Equal(code, country.MrzCode);
        Assert.Same(country, Country.FromMrz(code));
    }

    [Fact]
    public void FromMrz_GermanyWrittenDWithFillers_IsGermanyWhoseAlpha3IsDeu()
    {
        // Doc 9303 Part 3: Germany's code in a zone is D, padded with fillers to the field's three characters.
        var germany = Country.FromMrz("D<<");

        Assert.NotNull(germany);
        Assert.Same(Country.Germany, germany);
        Assert.Equal("DEU", germany.Alpha3);
        Assert.Equal("DE", germany.Alpha2);
        Assert.Equal("D", germany.MrzCode);
        Assert.Equal("D<<", germany.MrzField);
        Assert.Equal("Germany", germany.Name);
    }

    [Theory]
    [InlineData("D<<", "D")]
    [InlineData("DEU", "DEU")]
    public void WrittenIn_GermanyEitherWay_SaysWhatTheZoneSays(string field, string written)
    {
        Assert.Same(Country.Germany, Country.FromMrz(field));
        Assert.Equal(written, Country.Germany.WrittenIn(field));
    }

    [Theory]
    [InlineData("FIN", "FIN")]
    [InlineData("UTO", "UTO")]
    [InlineData("D<<", "DEU")]
    [InlineData("DEU", "DEU")]
    [InlineData("GBD", "GBD")]
    public void FromMrz_KnownField_IsFound(string field, string alpha3) =>
        Assert.Equal(alpha3, Country.FromMrz(field)?.Alpha3);

    [Theory]
    [InlineData("D")]
    [InlineData("DE<")]
    [InlineData("<<<")]
    [InlineData("XYZ")]
    [InlineData("fin")]
    [InlineData("FI1")]
    [InlineData("FINN")]
    [InlineData("")]
    public void FromMrz_AnythingElse_IsNull(string field) => Assert.Null(Country.FromMrz(field));

    [Theory]
    [InlineData("D", "DEU")]
    [InlineData("DEU", "DEU")]
    [InlineData("RUS", "RUS")]
    [InlineData("XXA", "XXA")]
    public void FromAlpha3_CodeAsAResultReportsIt_IsFound(string code, string alpha3) =>
        Assert.Equal(alpha3, Country.FromAlpha3(code)?.Alpha3);

    [Theory]
    [InlineData("D<<")]
    [InlineData("D<")]
    [InlineData("deu")]
    [InlineData("rus")]
    [InlineData("XYZ")]
    [InlineData("RUSS")]
    [InlineData("R1S")]
    [InlineData("")]
    public void FromAlpha3_FillersLowerCaseOrUnknown_IsNull(string code) => Assert.Null(Country.FromAlpha3(code));

    [Theory]
    [InlineData("FI", "FIN")]
    [InlineData("de", "DEU")]
    [InlineData(" ru ", "RUS")]
    [InlineData("GB", "GBR")]
    [InlineData("RE", "REU")] // Réunion (ISO 3166-1); not RUE, which is no code at all
    [InlineData("YT", "MYT")]
    [InlineData("XK", "RKS")] // Kosovo: user-assigned XK in lists, RKS in ICAO's documents
    public void FromAlpha2_Code_IsTheEntityOfThatAlpha3(string code, string alpha3) =>
        Assert.Equal(alpha3, Country.FromAlpha2(code)?.Alpha3);

    [Theory]
    [InlineData("suhh")] // OpenSanctions' code for the Soviet Union
    [InlineData("EU")] // exceptionally reserved in ISO 3166-1, not assigned
    [InlineData("ZZ")]
    [InlineData("F")]
    [InlineData("F1")]
    [InlineData("")]
    public void FromAlpha2_NoAssignedCode_IsNull(string code) => Assert.Null(Country.FromAlpha2(code));

    [Theory]
    [InlineData("D", "DEU")]
    [InlineData("D<<", "DEU")]
    [InlineData(" d ", "DEU")]
    [InlineData("deu", "DEU")]
    [InlineData("fin", "FIN")]
    [InlineData("XYZ", "XYZ")] // unknown codes are compared as written, cleaned
    [InlineData(" xy< ", "XY")]
    public void Normalise_Code_IsTheFormCompared(string code, string normalised) =>
        Assert.Equal(normalised, Country.Normalise(code));

    [Fact]
    public void Normalise_KnownCodeInCapitals_ReturnsTheSharedStringWithoutAllocating()
    {
        Assert.Same(Country.Germany.Alpha3, Country.Normalise("DEU"));
        Assert.Same(Country.Germany.Alpha3, Country.Normalise("D"));
    }
}
