namespace Vartio.Domain.Documents;

/// <summary>A three-letter code that may stand in an MRZ's issuing-state or nationality field.</summary>
/// <param name="Code">As written in the MRZ, fillers included (<c>D&lt;&lt;</c> for Germany).</param>
/// <param name="Source">Where the code comes from: <c>ISO 3166-1</c> or <c>ICAO Doc 9303 Part 3</c>.</param>
public sealed record CountryCode(string Code, string Name, string Source)
{
    /// <summary>The code without trailing fillers, as a result reports it: <c>D</c> for <c>D&lt;&lt;</c>.</summary>
    public string Value { get; } = Code.TrimEnd('<');
}

/// <summary>
/// The codes accepted for issuing states and nationalities: every ISO 3166-1 alpha-3 code, plus the codes
/// ICAO Doc 9303 Part 3 adds for documents (Germany's <c>D</c>, the stateless and refugee codes, the UN,
/// the EU, Kosovo, the British nationality classes, international organisations and the specimen state
/// Utopia). Kept as data: a new code is one line here.
/// </summary>
public static class CountryCodes
{
    private const string Iso = "ISO 3166-1";
    private const string Icao = "ICAO Doc 9303 Part 3";

    /// <summary>Every accepted code, ISO 3166-1 first (in alphabetical order of code), then ICAO's own.</summary>
    public static IReadOnlyList<CountryCode> All { get; } =
    [
        new("ABW", "Aruba", Iso),
        new("AFG", "Afghanistan", Iso),
        new("AGO", "Angola", Iso),
        new("AIA", "Anguilla", Iso),
        new("ALA", "Åland Islands", Iso),
        new("ALB", "Albania", Iso),
        new("AND", "Andorra", Iso),
        new("ARE", "United Arab Emirates", Iso),
        new("ARG", "Argentina", Iso),
        new("ARM", "Armenia", Iso),
        new("ASM", "American Samoa", Iso),
        new("ATA", "Antarctica", Iso),
        new("ATF", "French Southern Territories", Iso),
        new("ATG", "Antigua and Barbuda", Iso),
        new("AUS", "Australia", Iso),
        new("AUT", "Austria", Iso),
        new("AZE", "Azerbaijan", Iso),
        new("BDI", "Burundi", Iso),
        new("BEL", "Belgium", Iso),
        new("BEN", "Benin", Iso),
        new("BES", "Bonaire, Sint Eustatius and Saba", Iso),
        new("BFA", "Burkina Faso", Iso),
        new("BGD", "Bangladesh", Iso),
        new("BGR", "Bulgaria", Iso),
        new("BHR", "Bahrain", Iso),
        new("BHS", "Bahamas", Iso),
        new("BIH", "Bosnia and Herzegovina", Iso),
        new("BLM", "Saint Barthélemy", Iso),
        new("BLR", "Belarus", Iso),
        new("BLZ", "Belize", Iso),
        new("BMU", "Bermuda", Iso),
        new("BOL", "Bolivia", Iso),
        new("BRA", "Brazil", Iso),
        new("BRB", "Barbados", Iso),
        new("BRN", "Brunei Darussalam", Iso),
        new("BTN", "Bhutan", Iso),
        new("BVT", "Bouvet Island", Iso),
        new("BWA", "Botswana", Iso),
        new("CAF", "Central African Republic", Iso),
        new("CAN", "Canada", Iso),
        new("CCK", "Cocos (Keeling) Islands", Iso),
        new("CHE", "Switzerland", Iso),
        new("CHL", "Chile", Iso),
        new("CHN", "China", Iso),
        new("CIV", "Côte d'Ivoire", Iso),
        new("CMR", "Cameroon", Iso),
        new("COD", "Congo, Democratic Republic of the", Iso),
        new("COG", "Congo", Iso),
        new("COK", "Cook Islands", Iso),
        new("COL", "Colombia", Iso),
        new("COM", "Comoros", Iso),
        new("CPV", "Cabo Verde", Iso),
        new("CRI", "Costa Rica", Iso),
        new("CUB", "Cuba", Iso),
        new("CUW", "Curaçao", Iso),
        new("CXR", "Christmas Island", Iso),
        new("CYM", "Cayman Islands", Iso),
        new("CYP", "Cyprus", Iso),
        new("CZE", "Czechia", Iso),
        new("DEU", "Germany", Iso),
        new("DJI", "Djibouti", Iso),
        new("DMA", "Dominica", Iso),
        new("DNK", "Denmark", Iso),
        new("DOM", "Dominican Republic", Iso),
        new("DZA", "Algeria", Iso),
        new("ECU", "Ecuador", Iso),
        new("EGY", "Egypt", Iso),
        new("ERI", "Eritrea", Iso),
        new("ESH", "Western Sahara", Iso),
        new("ESP", "Spain", Iso),
        new("EST", "Estonia", Iso),
        new("ETH", "Ethiopia", Iso),
        new("FIN", "Finland", Iso),
        new("FJI", "Fiji", Iso),
        new("FLK", "Falkland Islands (Malvinas)", Iso),
        new("FRA", "France", Iso),
        new("FRO", "Faroe Islands", Iso),
        new("FSM", "Micronesia, Federated States of", Iso),
        new("GAB", "Gabon", Iso),
        new("GBR", "United Kingdom", Iso),
        new("GEO", "Georgia", Iso),
        new("GGY", "Guernsey", Iso),
        new("GHA", "Ghana", Iso),
        new("GIB", "Gibraltar", Iso),
        new("GIN", "Guinea", Iso),
        new("GLP", "Guadeloupe", Iso),
        new("GMB", "Gambia", Iso),
        new("GNB", "Guinea-Bissau", Iso),
        new("GNQ", "Equatorial Guinea", Iso),
        new("GRC", "Greece", Iso),
        new("GRD", "Grenada", Iso),
        new("GRL", "Greenland", Iso),
        new("GTM", "Guatemala", Iso),
        new("GUF", "French Guiana", Iso),
        new("GUM", "Guam", Iso),
        new("GUY", "Guyana", Iso),
        new("HKG", "Hong Kong", Iso),
        new("HMD", "Heard Island and McDonald Islands", Iso),
        new("HND", "Honduras", Iso),
        new("HRV", "Croatia", Iso),
        new("HTI", "Haiti", Iso),
        new("HUN", "Hungary", Iso),
        new("IDN", "Indonesia", Iso),
        new("IMN", "Isle of Man", Iso),
        new("IND", "India", Iso),
        new("IOT", "British Indian Ocean Territory", Iso),
        new("IRL", "Ireland", Iso),
        new("IRN", "Iran", Iso),
        new("IRQ", "Iraq", Iso),
        new("ISL", "Iceland", Iso),
        new("ISR", "Israel", Iso),
        new("ITA", "Italy", Iso),
        new("JAM", "Jamaica", Iso),
        new("JEY", "Jersey", Iso),
        new("JOR", "Jordan", Iso),
        new("JPN", "Japan", Iso),
        new("KAZ", "Kazakhstan", Iso),
        new("KEN", "Kenya", Iso),
        new("KGZ", "Kyrgyzstan", Iso),
        new("KHM", "Cambodia", Iso),
        new("KIR", "Kiribati", Iso),
        new("KNA", "Saint Kitts and Nevis", Iso),
        new("KOR", "Korea, Republic of", Iso),
        new("KWT", "Kuwait", Iso),
        new("LAO", "Lao People's Democratic Republic", Iso),
        new("LBN", "Lebanon", Iso),
        new("LBR", "Liberia", Iso),
        new("LBY", "Libya", Iso),
        new("LCA", "Saint Lucia", Iso),
        new("LIE", "Liechtenstein", Iso),
        new("LKA", "Sri Lanka", Iso),
        new("LSO", "Lesotho", Iso),
        new("LTU", "Lithuania", Iso),
        new("LUX", "Luxembourg", Iso),
        new("LVA", "Latvia", Iso),
        new("MAC", "Macao", Iso),
        new("MAF", "Saint Martin (French part)", Iso),
        new("MAR", "Morocco", Iso),
        new("MCO", "Monaco", Iso),
        new("MDA", "Moldova", Iso),
        new("MDG", "Madagascar", Iso),
        new("MDV", "Maldives", Iso),
        new("MEX", "Mexico", Iso),
        new("MHL", "Marshall Islands", Iso),
        new("MKD", "North Macedonia", Iso),
        new("MLI", "Mali", Iso),
        new("MLT", "Malta", Iso),
        new("MMR", "Myanmar", Iso),
        new("MNE", "Montenegro", Iso),
        new("MNG", "Mongolia", Iso),
        new("MNP", "Northern Mariana Islands", Iso),
        new("MOZ", "Mozambique", Iso),
        new("MRT", "Mauritania", Iso),
        new("MSR", "Montserrat", Iso),
        new("MTQ", "Martinique", Iso),
        new("MUS", "Mauritius", Iso),
        new("MWI", "Malawi", Iso),
        new("MYS", "Malaysia", Iso),
        new("MYT", "Mayotte", Iso),
        new("NAM", "Namibia", Iso),
        new("NCL", "New Caledonia", Iso),
        new("NER", "Niger", Iso),
        new("NFK", "Norfolk Island", Iso),
        new("NGA", "Nigeria", Iso),
        new("NIC", "Nicaragua", Iso),
        new("NIU", "Niue", Iso),
        new("NLD", "Netherlands", Iso),
        new("NOR", "Norway", Iso),
        new("NPL", "Nepal", Iso),
        new("NRU", "Nauru", Iso),
        new("NZL", "New Zealand", Iso),
        new("OMN", "Oman", Iso),
        new("PAK", "Pakistan", Iso),
        new("PAN", "Panama", Iso),
        new("PCN", "Pitcairn", Iso),
        new("PER", "Peru", Iso),
        new("PHL", "Philippines", Iso),
        new("PLW", "Palau", Iso),
        new("PNG", "Papua New Guinea", Iso),
        new("POL", "Poland", Iso),
        new("PRI", "Puerto Rico", Iso),
        new("PRK", "Korea, Democratic People's Republic of", Iso),
        new("PRT", "Portugal", Iso),
        new("PRY", "Paraguay", Iso),
        new("PSE", "Palestine, State of", Iso),
        new("PYF", "French Polynesia", Iso),
        new("QAT", "Qatar", Iso),
        new("REU", "Réunion", Iso),
        new("ROU", "Romania", Iso),
        new("RUS", "Russian Federation", Iso),
        new("RWA", "Rwanda", Iso),
        new("SAU", "Saudi Arabia", Iso),
        new("SDN", "Sudan", Iso),
        new("SEN", "Senegal", Iso),
        new("SGP", "Singapore", Iso),
        new("SGS", "South Georgia and the South Sandwich Islands", Iso),
        new("SHN", "Saint Helena, Ascension and Tristan da Cunha", Iso),
        new("SJM", "Svalbard and Jan Mayen", Iso),
        new("SLB", "Solomon Islands", Iso),
        new("SLE", "Sierra Leone", Iso),
        new("SLV", "El Salvador", Iso),
        new("SMR", "San Marino", Iso),
        new("SOM", "Somalia", Iso),
        new("SPM", "Saint Pierre and Miquelon", Iso),
        new("SRB", "Serbia", Iso),
        new("SSD", "South Sudan", Iso),
        new("STP", "Sao Tome and Principe", Iso),
        new("SUR", "Suriname", Iso),
        new("SVK", "Slovakia", Iso),
        new("SVN", "Slovenia", Iso),
        new("SWE", "Sweden", Iso),
        new("SWZ", "Eswatini", Iso),
        new("SXM", "Sint Maarten (Dutch part)", Iso),
        new("SYC", "Seychelles", Iso),
        new("SYR", "Syrian Arab Republic", Iso),
        new("TCA", "Turks and Caicos Islands", Iso),
        new("TCD", "Chad", Iso),
        new("TGO", "Togo", Iso),
        new("THA", "Thailand", Iso),
        new("TJK", "Tajikistan", Iso),
        new("TKL", "Tokelau", Iso),
        new("TKM", "Turkmenistan", Iso),
        new("TLS", "Timor-Leste", Iso),
        new("TON", "Tonga", Iso),
        new("TTO", "Trinidad and Tobago", Iso),
        new("TUN", "Tunisia", Iso),
        new("TUR", "Türkiye", Iso),
        new("TUV", "Tuvalu", Iso),
        new("TWN", "Taiwan, Province of China", Iso),
        new("TZA", "Tanzania, United Republic of", Iso),
        new("UGA", "Uganda", Iso),
        new("UKR", "Ukraine", Iso),
        new("UMI", "United States Minor Outlying Islands", Iso),
        new("URY", "Uruguay", Iso),
        new("USA", "United States of America", Iso),
        new("UZB", "Uzbekistan", Iso),
        new("VAT", "Holy See", Iso),
        new("VCT", "Saint Vincent and the Grenadines", Iso),
        new("VEN", "Venezuela", Iso),
        new("VGB", "Virgin Islands (British)", Iso),
        new("VIR", "Virgin Islands (U.S.)", Iso),
        new("VNM", "Viet Nam", Iso),
        new("VUT", "Vanuatu", Iso),
        new("WLF", "Wallis and Futuna", Iso),
        new("WSM", "Samoa", Iso),
        new("YEM", "Yemen", Iso),
        new("ZAF", "South Africa", Iso),
        new("ZMB", "Zambia", Iso),
        new("ZWE", "Zimbabwe", Iso),

        new("D<<", "Germany", Icao),
        new("EUE", "European Union", Icao),
        new("GBD", "British Overseas Territories citizen", Icao),
        new("GBN", "British National (Overseas)", Icao),
        new("GBO", "British Overseas citizen", Icao),
        new("GBP", "British protected person", Icao),
        new("GBS", "British subject", Icao),
        new("RKS", "Kosovo", Icao),
        new("UNA", "Specialized agency of the United Nations", Icao),
        new("UNK", "Resident of Kosovo (United Nations Interim Administration Mission in Kosovo)", Icao),
        new("UNO", "United Nations Organization", Icao),
        new("UTO", "Utopia (specimen documents)", Icao),
        new("XBA", "African Development Bank", Icao),
        new("XCC", "Caribbean Community (CARICOM)", Icao),
        new("XCE", "Council of Europe", Icao),
        new("XCO", "Common Market for Eastern and Southern Africa (COMESA)", Icao),
        new("XDC", "Southern African Development Community", Icao),
        new("XEC", "Economic Community of West African States (ECOWAS)", Icao),
        new("XES", "Organisation of Eastern Caribbean States", Icao),
        new("XIM", "African Export-Import Bank", Icao),
        new("XOM", "Sovereign Military Order of Malta", Icao),
        new("XPO", "International Criminal Police Organization (INTERPOL)", Icao),
        new("XXA", "Stateless person", Icao),
        new("XXB", "Refugee (1951 Convention)", Icao),
        new("XXC", "Refugee (other than the 1951 Convention)", Icao),
        new("XXX", "Nationality unspecified", Icao),
    ];

    // Every code is three characters of A–Z or '<' (27 possibilities each), so a 27³ table indexes them
    // directly: looking a code up costs three subtractions and reads one array element, with no hashing and
    // no allocation.
    private const int Radix = 27;
    private static readonly short[] Index = BuildIndex();

    /// <summary>The entry for a code as written in the MRZ (three characters), or null when unknown.</summary>
    public static CountryCode? Find(ReadOnlySpan<char> code)
    {
        var slot = Slot(code);
        if (slot < 0)
        {
            return null;
        }

        var entry = Index[slot];
        return entry == 0 ? null : All[entry - 1];
    }

    private static int Slot(ReadOnlySpan<char> code)
    {
        if (code.Length != 3)
        {
            return -1;
        }

        var slot = 0;
        foreach (var c in code)
        {
            int digit;
            if (c is >= 'A' and <= 'Z')
            {
                digit = c - 'A' + 1;
            }
            else if (c == '<')
            {
                digit = 0;
            }
            else
            {
                return -1;
            }

            slot = (slot * Radix) + digit;
        }

        return slot;
    }

    private static short[] BuildIndex()
    {
        var index = new short[Radix * Radix * Radix];
        for (var i = 0; i < All.Count; i++)
        {
            index[Slot(All[i].Code)] = (short)(i + 1);
        }

        return index;
    }
}
