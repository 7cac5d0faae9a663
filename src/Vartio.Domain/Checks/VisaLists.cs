using NodaTime;

namespace Vartio.Domain.Checks;

/// <summary>
/// The visa lists as shipped: Regulation (EU) 2018/1806, Annexes I and II, in the consolidated text of 4 August
/// 2024 (CELEX 02018R1806-20240804), with the dated moves between the lists it and its predecessor, Regulation (EC)
/// No 539/2001, record. An Admin edits them as data (<see cref="VisaRequirementTable.Create"/>).
/// </summary>
/// <remarks>
/// A listing without a first day holds as far back as the table goes: the accessions to Annex II before 2018
/// other than those dated here (Colombia, Peru, the United Arab Emirates, the Pacific states) are not dated.
/// </remarks>
internal static class VisaLists
{
    private const string AnnexI = "Regulation (EU) 2018/1806, Annex I";
    private const string AnnexII = "Regulation (EU) 2018/1806, Annex II";
    private const string Biometric = "holders of biometric passports only";

    private static readonly string[] AnnexINationals =
    [
        "AFG", "AGO", "ARM", "AZE", "BDI", "BEN", "BFA", "BGD", "BHR", "BLR", "BLZ", "BOL", "BTN", "BWA", "CAF", "CHN",
        "CIV", "CMR", "COD", "COG", "COM", "CPV", "CUB", "DJI", "DOM", "DZA", "ECU", "EGY", "ERI", "ETH", "FJI", "GAB",
        "GHA", "GIN", "GMB", "GNB", "GNQ", "GUY", "HTI", "IDN", "IND", "IRN", "IRQ", "JAM", "JOR", "KAZ", "KEN", "KGZ",
        "KHM", "KWT", "LAO", "LBN", "LBR", "LBY", "LKA", "LSO", "MAR", "MDG", "MDV", "MLI", "MMR", "MNG", "MOZ", "MRT",
        "MWI", "NAM", "NER", "NGA", "NPL", "NRU", "OMN", "PAK", "PHL", "PNG", "PRK", "PSE", "QAT", "RUS", "RWA", "SAU",
        "SDN", "SEN", "SLE", "SOM", "SSD", "STP", "SUR", "SWZ", "SYR", "TCD", "TGO", "THA", "TJK", "TKM", "TUN", "TUR",
        "TZA", "UGA", "UZB", "VNM", "YEM", "ZAF", "ZMB", "ZWE",
    ];

    // The British nationals who are not citizens of the United Kingdom (GBD, GBN, GBO, GBP, GBS in Doc 9303) were in
    // Annex II before the United Kingdom itself was.
    private static readonly string[] AnnexIINationals =
    [
        "AND", "ARE", "ARG", "ATG", "AUS", "BHS", "BRA", "BRB", "BRN", "CAN", "CHL", "COL", "CRI", "DMA", "FSM", "GBD",
        "GBN", "GBO", "GBP", "GBS", "GRD", "GTM", "HKG", "HND", "ISR", "JPN", "KIR", "KNA", "KOR", "LCA", "MAC", "MCO",
        "MEX", "MHL", "MUS", "MYS", "NIC", "NZL", "PAN", "PER", "PLW", "PRY", "SGP", "SLB", "SLV", "SMR", "SYC", "TLS",
        "TON", "TTO", "TUV", "TWN", "URY", "USA", "VAT", "VCT", "VEN", "WSM",
    ];

    public static IEnumerable<VisaRequirementEntry> Entries =>
        AnnexINationals.Select(c => new VisaRequirementEntry(c, VisaAnnex.AnnexI, null, null, AnnexI))
            .Concat(AnnexIINationals.Select(c => new VisaRequirementEntry(c, VisaAnnex.AnnexII, null, null, AnnexII)))
            .Concat(Moves);

    private static IEnumerable<VisaRequirementEntry> Moves =>
    [
        .. Moved("MKD", new LocalDate(2009, 12, 19), "Regulation (EC) No 1244/2009", Biometric),
        .. Moved("MNE", new LocalDate(2009, 12, 19), "Regulation (EC) No 1244/2009", Biometric),
        .. Moved("SRB", new LocalDate(2009, 12, 19), "Regulation (EC) No 1244/2009", Biometric + ", excluding passports issued by the Serbian Coordination Directorate"),
        .. Moved("ALB", new LocalDate(2010, 12, 15), "Regulation (EU) No 1091/2010", Biometric),
        .. Moved("BIH", new LocalDate(2010, 12, 15), "Regulation (EU) No 1091/2010", Biometric),
        .. Moved("MDA", new LocalDate(2014, 4, 28), "Regulation (EU) No 259/2014", Biometric),
        .. Moved("GEO", new LocalDate(2017, 3, 28), "Regulation (EU) 2017/372", Biometric),
        .. Moved("UKR", new LocalDate(2017, 6, 11), "Regulation (EU) 2017/850", Biometric),
        .. Moved("RKS", new LocalDate(2024, 1, 1), "Regulation (EU) 2023/850", null),

        // Before the end of the transition period its citizens had free movement, and were on neither list.
        new("GBR", VisaAnnex.AnnexII, new LocalDate(2021, 1, 1), null, AnnexII + ", as amended by Regulation (EU) 2019/592, from 1 January 2021"),

        // The exemption suspended, so a visa is required again.
        new("VUT", VisaAnnex.AnnexII, null, new LocalDate(2023, 2, 3), AnnexII),
        new("VUT", VisaAnnex.AnnexI, new LocalDate(2023, 2, 4), null, "Commission Delegated Regulations (EU) 2023/222 and 2024/2059: visa exemption suspended from 4 February 2023"),
    ];

    /// <summary>In Annex I until the day before <paramref name="on"/>, in Annex II from it.</summary>
    private static VisaRequirementEntry[] Moved(string country, LocalDate on, string act, string? proviso) =>
    [
        new(country, VisaAnnex.AnnexI, null, on.PlusDays(-1), AnnexI),
        new(country, VisaAnnex.AnnexII, on, null, $"{AnnexII}, as amended by {act}, from {on.Day} {MonthName(on.Month)} {on.Year}", proviso),
    ];

    private static string MonthName(int month) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
