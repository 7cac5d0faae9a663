using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;
using Vartio.Domain.Screening;
using Vartio.Domain.Travellers;

namespace Vartio.Domain.Tests.Travellers;

/// <summary>From a document's machine-readable zone to the traveller's identity, and from that to a screening query.</summary>
public sealed class TravellerIdentityTests
{
    private static readonly LocalDate Today = new(2026, 1, 15);

    // ICAO Doc 9303 Part 4 (8th ed.), the example of a passport data page: Anna Maria Eriksson of Utopia.
    private static readonly string[] IcaoSpecimen =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    // The specimen German passport (Erika Mustermann): Germany is D, padded with fillers to D<< (Doc 9303 Part 3).
    private static readonly string[] GermanSpecimen =
    [
        "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
        "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
    ];

    [Fact]
    public void FromMrz_IcaoSpecimenPassport_IsAnnaMariaErikssonOfUtopia()
    {
        var identity = TravellerIdentity.FromMrz(MrzParser.Parse(IcaoSpecimen, Today));

        Assert.NotNull(identity);
        Assert.Equal("ERIKSSON", identity.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", identity.SecondaryIdentifier);
        Assert.Equal("ERIKSSON ANNA MARIA", identity.Name);
        Assert.Equal(PartialDate.FromDate(new LocalDate(1974, 8, 12)), identity.BirthDate);
        Assert.Equal(Sex.Female, identity.Sex);
        Assert.Same(Country.FromAlpha3("UTO"), identity.Nationality);
        Assert.Equal(new TravelDocument("P", "L898902C3", Country.FromAlpha3("UTO"), new LocalDate(2012, 4, 15)), identity.Document);
    }

    [Fact]
    public void ScreeningQueryFor_IcaoSpecimen_CarriesNameBirthDateNationalityAndDocument()
    {
        var identity = TravellerIdentity.FromMrz(MrzParser.Parse(IcaoSpecimen, Today))!;

        var query = ScreeningQuery.For(identity);

        Assert.Equal(new ScreeningQuery("ERIKSSON ANNA MARIA", PartialDate.Parse("1974-08-12"), "UTO", new WatchlistDocument("UTO", "L898902C3")), query);
    }

    [Fact]
    public void FromMrz_GermanPassportWrittenD_HasNationalityAndIssuingStateGermanyAsDeu()
    {
        var result = MrzParser.Parse(GermanSpecimen, Today);
        Assert.True(result.IsValid);
        Assert.Equal("D", result.Nationality); // the result says what the document says

        var identity = TravellerIdentity.FromMrz(result)!;
        var query = ScreeningQuery.For(identity);

        Assert.Same(Country.Germany, identity.Nationality);
        Assert.Same(Country.Germany, identity.Document?.IssuingState);
        Assert.Equal("MUSTERMANN ERIKA", query.Name);
        Assert.Equal("DEU", query.Nationality);
        Assert.Equal(new WatchlistDocument("DEU", "C01X00T47"), query.Document);
        Assert.Equal(PartialDate.Parse("1964-08-12"), query.BirthDate);
    }

    [Fact]
    public void FromMrz_BirthMonthAndDayUnknown_KeepsTheYear()
    {
        // Doc 9303 Part 3: unknown parts of a birth date are fillers. Check digits recomputed for 74<<<<.
        var result = MrzParser.Parse([IcaoSpecimen[0], "L898902C36UTO74<<<<1F1204159ZE184226B<<<<<18"], Today);
        Assert.True(result.IsValid);
        Assert.Null(result.DateOfBirth);

        var identity = TravellerIdentity.FromMrz(result)!;

        Assert.Equal(PartialDate.FromYear(1974), identity.BirthDate);
        Assert.Equal("1974", ScreeningQuery.For(identity).BirthDate.ToString());
    }

    [Fact]
    public void FromMrz_BirthDateAllUnknown_IsUnknown()
    {
        var result = MrzParser.Parse([IcaoSpecimen[0], "L898902C36UTO<<<<<<0F1204159ZE184226B<<<<<10"], Today);
        Assert.True(result.IsValid);

        Assert.True(TravellerIdentity.FromMrz(result)!.BirthDate.IsUnknown);
    }

    [Fact]
    public void FromMrz_UnknownNationalityCode_IsNullButTheRestIsRead()
    {
        // XYZ is no code of ISO 3166-1 or Doc 9303 Part 3; nationality is outside every check digit.
        var result = MrzParser.Parse([IcaoSpecimen[0], "L898902C36XYZ7408122F1204159ZE184226B<<<<<10"], Today);
        Assert.False(result.IsValid);

        var identity = TravellerIdentity.FromMrz(result)!;
        var query = ScreeningQuery.For(identity);

        Assert.Null(identity.Nationality);
        Assert.Null(query.Nationality);
        Assert.Equal("ERIKSSON ANNA MARIA", query.Name);
        Assert.Equal(new WatchlistDocument("UTO", "L898902C3"), query.Document);
    }

    [Fact]
    public void FromMrz_TextThatIsNoZone_IsNull() =>
        Assert.Null(TravellerIdentity.FromMrz(MrzParser.Parse(["not a zone"], Today)));

    [Fact]
    public void FromMrz_FrenchIdentityCard_IsAFrenchNationalWithoutExpiry()
    {
        // The French identity card of 1988–2021 (published specimen): no nationality field, issued to French nationals only.
        var result = MrzParser.Parse(["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "8806923102858CORINNE<<<<<<<6512068F6"], Today);

        var identity = TravellerIdentity.FromMrz(result)!;

        Assert.Equal("FRA", identity.Nationality?.Alpha3);
        Assert.Null(identity.Document?.Expiry);
        Assert.Equal("880692310285", identity.Document?.Number);
    }
}
