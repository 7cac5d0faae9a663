namespace Vartio.Domain.Countries;

/// <summary>
/// A state, territory or other entity that may issue a travel document or be a traveller's nationality: its
/// ISO 3166-1 alpha-3 and alpha-2 codes, the code ICAO Doc 9303 Part 3 writes in a machine-readable zone, and
/// its name. Besides the ISO 3166-1 list, Doc 9303 Part 3 adds codes for documents only: Germany written
/// <c>D</c> (<c>D&lt;&lt;</c> in a zone), the stateless and refugee codes (XXA, XXB, XXC, XXX), the United
/// Nations (UNO, UNA, UNK), the European Union (EUE), Kosovo (RKS), the British nationality classes,
/// international organisations and the specimen state Utopia (UTO). Each entity is one value, so Germany read
/// as <c>D</c> from a zone and as <c>DEU</c> or <c>de</c> from a list is the same <see cref="Country"/>.
/// </summary>
public sealed class Country
{
    private const string Iso = "ISO 3166-1";
    private const string Icao = "ICAO Doc 9303 Part 3";

    private Country(string alpha3, string? alpha2, string name, string source = Iso)
    {
        Alpha3 = alpha3;
        Alpha2 = alpha2;
        Name = name;
        Source = source;
        MrzCode = alpha3 == "DEU" ? "D" : alpha3;
        MrzField = MrzCode.PadRight(3, '<');
    }

    /// <summary>
    /// The ISO 3166-1 alpha-3 code (<c>DEU</c> for Germany), or for an entity ISO does not list, ICAO's code
    /// (<c>UTO</c>, <c>XXA</c>, <c>RKS</c>).
    /// </summary>
    public string Alpha3 { get; }

    /// <summary>
    /// The ISO 3166-1 alpha-2 code; for Kosovo the user-assigned <c>XK</c> that the European Commission and
    /// most lists use; null for the entities only ICAO names.
    /// </summary>
    public string? Alpha2 { get; }

    public string Name { get; }

    /// <summary>Where the code comes from: <c>ISO 3166-1</c> or <c>ICAO Doc 9303 Part 3</c>.</summary>
    public string Source { get; }

    /// <summary>The code a machine-readable zone writes, without fillers: <c>D</c> for Germany, otherwise <see cref="Alpha3"/>.</summary>
    public string MrzCode { get; }

    /// <summary>The three characters of the zone's field: <see cref="MrzCode"/> padded with fillers (<c>D&lt;&lt;</c>).</summary>
    public string MrzField { get; }

    /// <summary>Whether ISO 3166-1 lists it; false for the codes ICAO Doc 9303 Part 3 adds.</summary>
    public bool IsIso => ReferenceEquals(Source, Iso);

    /// <summary>Every entity, ISO 3166-1 first (in alphabetical order of alpha-3 code), then ICAO's own.</summary>
    public static IReadOnlyList<Country> All { get; } =
    [
        new("ABW", "AW", "Aruba"),
        new("AFG", "AF", "Afghanistan"),
        new("AGO", "AO", "Angola"),
        new("AIA", "AI", "Anguilla"),
        new("ALA", "AX", "Åland Islands"),
        new("ALB", "AL", "Albania"),
        new("AND", "AD", "Andorra"),
        new("ARE", "AE", "United Arab Emirates"),
        new("ARG", "AR", "Argentina"),
        new("ARM", "AM", "Armenia"),
        new("ASM", "AS", "American Samoa"),
        new("ATA", "AQ", "Antarctica"),
        new("ATF", "TF", "French Southern Territories"),
        new("ATG", "AG", "Antigua and Barbuda"),
        new("AUS", "AU", "Australia"),
        new("AUT", "AT", "Austria"),
        new("AZE", "AZ", "Azerbaijan"),
        new("BDI", "BI", "Burundi"),
        new("BEL", "BE", "Belgium"),
        new("BEN", "BJ", "Benin"),
        new("BES", "BQ", "Bonaire, Sint Eustatius and Saba"),
        new("BFA", "BF", "Burkina Faso"),
        new("BGD", "BD", "Bangladesh"),
        new("BGR", "BG", "Bulgaria"),
        new("BHR", "BH", "Bahrain"),
        new("BHS", "BS", "Bahamas"),
        new("BIH", "BA", "Bosnia and Herzegovina"),
        new("BLM", "BL", "Saint Barthélemy"),
        new("BLR", "BY", "Belarus"),
        new("BLZ", "BZ", "Belize"),
        new("BMU", "BM", "Bermuda"),
        new("BOL", "BO", "Bolivia"),
        new("BRA", "BR", "Brazil"),
        new("BRB", "BB", "Barbados"),
        new("BRN", "BN", "Brunei Darussalam"),
        new("BTN", "BT", "Bhutan"),
        new("BVT", "BV", "Bouvet Island"),
        new("BWA", "BW", "Botswana"),
        new("CAF", "CF", "Central African Republic"),
        new("CAN", "CA", "Canada"),
        new("CCK", "CC", "Cocos (Keeling) Islands"),
        new("CHE", "CH", "Switzerland"),
        new("CHL", "CL", "Chile"),
        new("CHN", "CN", "China"),
        new("CIV", "CI", "Côte d'Ivoire"),
        new("CMR", "CM", "Cameroon"),
        new("COD", "CD", "Congo, Democratic Republic of the"),
        new("COG", "CG", "Congo"),
        new("COK", "CK", "Cook Islands"),
        new("COL", "CO", "Colombia"),
        new("COM", "KM", "Comoros"),
        new("CPV", "CV", "Cabo Verde"),
        new("CRI", "CR", "Costa Rica"),
        new("CUB", "CU", "Cuba"),
        new("CUW", "CW", "Curaçao"),
        new("CXR", "CX", "Christmas Island"),
        new("CYM", "KY", "Cayman Islands"),
        new("CYP", "CY", "Cyprus"),
        new("CZE", "CZ", "Czechia"),
        new("DEU", "DE", "Germany"),
        new("DJI", "DJ", "Djibouti"),
        new("DMA", "DM", "Dominica"),
        new("DNK", "DK", "Denmark"),
        new("DOM", "DO", "Dominican Republic"),
        new("DZA", "DZ", "Algeria"),
        new("ECU", "EC", "Ecuador"),
        new("EGY", "EG", "Egypt"),
        new("ERI", "ER", "Eritrea"),
        new("ESH", "EH", "Western Sahara"),
        new("ESP", "ES", "Spain"),
        new("EST", "EE", "Estonia"),
        new("ETH", "ET", "Ethiopia"),
        new("FIN", "FI", "Finland"),
        new("FJI", "FJ", "Fiji"),
        new("FLK", "FK", "Falkland Islands (Malvinas)"),
        new("FRA", "FR", "France"),
        new("FRO", "FO", "Faroe Islands"),
        new("FSM", "FM", "Micronesia, Federated States of"),
        new("GAB", "GA", "Gabon"),
        new("GBR", "GB", "United Kingdom"),
        new("GEO", "GE", "Georgia"),
        new("GGY", "GG", "Guernsey"),
        new("GHA", "GH", "Ghana"),
        new("GIB", "GI", "Gibraltar"),
        new("GIN", "GN", "Guinea"),
        new("GLP", "GP", "Guadeloupe"),
        new("GMB", "GM", "Gambia"),
        new("GNB", "GW", "Guinea-Bissau"),
        new("GNQ", "GQ", "Equatorial Guinea"),
        new("GRC", "GR", "Greece"),
        new("GRD", "GD", "Grenada"),
        new("GRL", "GL", "Greenland"),
        new("GTM", "GT", "Guatemala"),
        new("GUF", "GF", "French Guiana"),
        new("GUM", "GU", "Guam"),
        new("GUY", "GY", "Guyana"),
        new("HKG", "HK", "Hong Kong"),
        new("HMD", "HM", "Heard Island and McDonald Islands"),
        new("HND", "HN", "Honduras"),
        new("HRV", "HR", "Croatia"),
        new("HTI", "HT", "Haiti"),
        new("HUN", "HU", "Hungary"),
        new("IDN", "ID", "Indonesia"),
        new("IMN", "IM", "Isle of Man"),
        new("IND", "IN", "India"),
        new("IOT", "IO", "British Indian Ocean Territory"),
        new("IRL", "IE", "Ireland"),
        new("IRN", "IR", "Iran"),
        new("IRQ", "IQ", "Iraq"),
        new("ISL", "IS", "Iceland"),
        new("ISR", "IL", "Israel"),
        new("ITA", "IT", "Italy"),
        new("JAM", "JM", "Jamaica"),
        new("JEY", "JE", "Jersey"),
        new("JOR", "JO", "Jordan"),
        new("JPN", "JP", "Japan"),
        new("KAZ", "KZ", "Kazakhstan"),
        new("KEN", "KE", "Kenya"),
        new("KGZ", "KG", "Kyrgyzstan"),
        new("KHM", "KH", "Cambodia"),
        new("KIR", "KI", "Kiribati"),
        new("KNA", "KN", "Saint Kitts and Nevis"),
        new("KOR", "KR", "Korea, Republic of"),
        new("KWT", "KW", "Kuwait"),
        new("LAO", "LA", "Lao People's Democratic Republic"),
        new("LBN", "LB", "Lebanon"),
        new("LBR", "LR", "Liberia"),
        new("LBY", "LY", "Libya"),
        new("LCA", "LC", "Saint Lucia"),
        new("LIE", "LI", "Liechtenstein"),
        new("LKA", "LK", "Sri Lanka"),
        new("LSO", "LS", "Lesotho"),
        new("LTU", "LT", "Lithuania"),
        new("LUX", "LU", "Luxembourg"),
        new("LVA", "LV", "Latvia"),
        new("MAC", "MO", "Macao"),
        new("MAF", "MF", "Saint Martin (French part)"),
        new("MAR", "MA", "Morocco"),
        new("MCO", "MC", "Monaco"),
        new("MDA", "MD", "Moldova"),
        new("MDG", "MG", "Madagascar"),
        new("MDV", "MV", "Maldives"),
        new("MEX", "MX", "Mexico"),
        new("MHL", "MH", "Marshall Islands"),
        new("MKD", "MK", "North Macedonia"),
        new("MLI", "ML", "Mali"),
        new("MLT", "MT", "Malta"),
        new("MMR", "MM", "Myanmar"),
        new("MNE", "ME", "Montenegro"),
        new("MNG", "MN", "Mongolia"),
        new("MNP", "MP", "Northern Mariana Islands"),
        new("MOZ", "MZ", "Mozambique"),
        new("MRT", "MR", "Mauritania"),
        new("MSR", "MS", "Montserrat"),
        new("MTQ", "MQ", "Martinique"),
        new("MUS", "MU", "Mauritius"),
        new("MWI", "MW", "Malawi"),
        new("MYS", "MY", "Malaysia"),
        new("MYT", "YT", "Mayotte"),
        new("NAM", "NA", "Namibia"),
        new("NCL", "NC", "New Caledonia"),
        new("NER", "NE", "Niger"),
        new("NFK", "NF", "Norfolk Island"),
        new("NGA", "NG", "Nigeria"),
        new("NIC", "NI", "Nicaragua"),
        new("NIU", "NU", "Niue"),
        new("NLD", "NL", "Netherlands"),
        new("NOR", "NO", "Norway"),
        new("NPL", "NP", "Nepal"),
        new("NRU", "NR", "Nauru"),
        new("NZL", "NZ", "New Zealand"),
        new("OMN", "OM", "Oman"),
        new("PAK", "PK", "Pakistan"),
        new("PAN", "PA", "Panama"),
        new("PCN", "PN", "Pitcairn"),
        new("PER", "PE", "Peru"),
        new("PHL", "PH", "Philippines"),
        new("PLW", "PW", "Palau"),
        new("PNG", "PG", "Papua New Guinea"),
        new("POL", "PL", "Poland"),
        new("PRI", "PR", "Puerto Rico"),
        new("PRK", "KP", "Korea, Democratic People's Republic of"),
        new("PRT", "PT", "Portugal"),
        new("PRY", "PY", "Paraguay"),
        new("PSE", "PS", "Palestine, State of"),
        new("PYF", "PF", "French Polynesia"),
        new("QAT", "QA", "Qatar"),
        new("REU", "RE", "Réunion"),
        new("ROU", "RO", "Romania"),
        new("RUS", "RU", "Russian Federation"),
        new("RWA", "RW", "Rwanda"),
        new("SAU", "SA", "Saudi Arabia"),
        new("SDN", "SD", "Sudan"),
        new("SEN", "SN", "Senegal"),
        new("SGP", "SG", "Singapore"),
        new("SGS", "GS", "South Georgia and the South Sandwich Islands"),
        new("SHN", "SH", "Saint Helena, Ascension and Tristan da Cunha"),
        new("SJM", "SJ", "Svalbard and Jan Mayen"),
        new("SLB", "SB", "Solomon Islands"),
        new("SLE", "SL", "Sierra Leone"),
        new("SLV", "SV", "El Salvador"),
        new("SMR", "SM", "San Marino"),
        new("SOM", "SO", "Somalia"),
        new("SPM", "PM", "Saint Pierre and Miquelon"),
        new("SRB", "RS", "Serbia"),
        new("SSD", "SS", "South Sudan"),
        new("STP", "ST", "Sao Tome and Principe"),
        new("SUR", "SR", "Suriname"),
        new("SVK", "SK", "Slovakia"),
        new("SVN", "SI", "Slovenia"),
        new("SWE", "SE", "Sweden"),
        new("SWZ", "SZ", "Eswatini"),
        new("SXM", "SX", "Sint Maarten (Dutch part)"),
        new("SYC", "SC", "Seychelles"),
        new("SYR", "SY", "Syrian Arab Republic"),
        new("TCA", "TC", "Turks and Caicos Islands"),
        new("TCD", "TD", "Chad"),
        new("TGO", "TG", "Togo"),
        new("THA", "TH", "Thailand"),
        new("TJK", "TJ", "Tajikistan"),
        new("TKL", "TK", "Tokelau"),
        new("TKM", "TM", "Turkmenistan"),
        new("TLS", "TL", "Timor-Leste"),
        new("TON", "TO", "Tonga"),
        new("TTO", "TT", "Trinidad and Tobago"),
        new("TUN", "TN", "Tunisia"),
        new("TUR", "TR", "Türkiye"),
        new("TUV", "TV", "Tuvalu"),
        new("TWN", "TW", "Taiwan, Province of China"),
        new("TZA", "TZ", "Tanzania, United Republic of"),
        new("UGA", "UG", "Uganda"),
        new("UKR", "UA", "Ukraine"),
        new("UMI", "UM", "United States Minor Outlying Islands"),
        new("URY", "UY", "Uruguay"),
        new("USA", "US", "United States of America"),
        new("UZB", "UZ", "Uzbekistan"),
        new("VAT", "VA", "Holy See"),
        new("VCT", "VC", "Saint Vincent and the Grenadines"),
        new("VEN", "VE", "Venezuela"),
        new("VGB", "VG", "Virgin Islands (British)"),
        new("VIR", "VI", "Virgin Islands (U.S.)"),
        new("VNM", "VN", "Viet Nam"),
        new("VUT", "VU", "Vanuatu"),
        new("WLF", "WF", "Wallis and Futuna"),
        new("WSM", "WS", "Samoa"),
        new("YEM", "YE", "Yemen"),
        new("ZAF", "ZA", "South Africa"),
        new("ZMB", "ZM", "Zambia"),
        new("ZWE", "ZW", "Zimbabwe"),
        new("EUE", null, "European Union", Icao),
        new("GBD", null, "British Overseas Territories citizen", Icao),
        new("GBN", null, "British National (Overseas)", Icao),
        new("GBO", null, "British Overseas citizen", Icao),
        new("GBP", null, "British protected person", Icao),
        new("GBS", null, "British subject", Icao),
        new("RKS", "XK", "Kosovo", Icao),
        new("UNA", null, "Specialized agency of the United Nations", Icao),
        new("UNK", null, "Resident of Kosovo (United Nations Interim Administration Mission in Kosovo)", Icao),
        new("UNO", null, "United Nations Organization", Icao),
        new("UTO", null, "Utopia (specimen documents)", Icao),
        new("XBA", null, "African Development Bank", Icao),
        new("XCC", null, "Caribbean Community (CARICOM)", Icao),
        new("XCE", null, "Council of Europe", Icao),
        new("XCO", null, "Common Market for Eastern and Southern Africa (COMESA)", Icao),
        new("XDC", null, "Southern African Development Community", Icao),
        new("XEC", null, "Economic Community of West African States (ECOWAS)", Icao),
        new("XES", null, "Organisation of Eastern Caribbean States", Icao),
        new("XIM", null, "African Export-Import Bank", Icao),
        new("XOM", null, "Sovereign Military Order of Malta", Icao),
        new("XPO", null, "International Criminal Police Organization (INTERPOL)", Icao),
        new("XXA", null, "Stateless person", Icao),
        new("XXB", null, "Refugee (1951 Convention)", Icao),
        new("XXC", null, "Refugee (other than the 1951 Convention)", Icao),
        new("XXX", null, "Nationality unspecified", Icao),
    ];

    // Found by a scan, not through the lookup tables, whose initialisation reads All.
    public static Country Germany { get; } = All.Single(c => c.Alpha3 == "DEU");

    /// <summary>
    /// The entity of a zone's issuing-state or nationality field, three characters as written, padded with
    /// fillers (<c>D&lt;&lt;</c>, <c>UTO</c>; Germany's <c>DEU</c> too); null when no entity has that code.
    /// </summary>
    public static Country? FromMrz(ReadOnlySpan<char> field) => At(Tables.MrzSlot(field));

    /// <summary>
    /// The entity of an alpha-3 code as a result reports it, in capitals and without fillers: ISO 3166-1's
    /// (<c>DEU</c>), ICAO's (<c>UTO</c>, <c>XXA</c>) and Germany's <c>D</c>; null for anything else.
    /// </summary>
    public static Country? FromAlpha3(ReadOnlySpan<char> code)
    {
        if (code.Length is 0 or > 3 || code.ContainsAnyExceptInRange('A', 'Z'))
        {
            return null;
        }

        Span<char> field = ['<', '<', '<'];
        code.CopyTo(field);
        return FromMrz(field);
    }

    /// <summary>
    /// The entity of an ISO 3166-1 alpha-2 code (Kosovo's <c>XK</c> included), in either case and ignoring
    /// surrounding white space as lists write it (OpenSanctions: <c>de</c>); null for anything else.
    /// </summary>
    public static Country? FromAlpha2(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        if (code.Length != 2)
        {
            return null;
        }

        var first = (char)(code[0] & ~0x20);
        var second = (char)(code[1] & ~0x20);
        return first is >= 'A' and <= 'Z' && second is >= 'A' and <= 'Z'
            ? At(Tables.Alpha2[((first - 'A') * 26) + (second - 'A')] - 1)
            : null;
    }

    /// <summary>
    /// A nationality or issuing state in the form compared: upper case, without surrounding space or trailing
    /// fillers, and a known entity as its <see cref="Alpha3"/> (Germany's <c>D</c> as <c>DEU</c>), so that a list
    /// written with either code finds a document written with the other. An unknown code is kept, cleaned.
    /// </summary>
    public static string Normalise(string code)
    {
        if (FromAlpha3(code) is { } exact)
        {
            return exact.Alpha3;
        }

        var cleaned = code.Trim().TrimEnd('<').ToUpperInvariant();
        return FromAlpha3(cleaned)?.Alpha3 ?? cleaned;
    }

    /// <summary>
    /// The code as the zone wrote it, without fillers: <see cref="MrzCode"/>, or <see cref="Alpha3"/> when the
    /// zone spells Germany <c>DEU</c>. A result reports this, so that it says what the document says.
    /// </summary>
    /// <param name="field">The zone's three characters this entity was found from.</param>
    public string WrittenIn(ReadOnlySpan<char> field) => field.Length > 1 && field[1] == '<' ? MrzCode : Alpha3;

    public override string ToString() => Alpha3;

    private static Country? At(int index) => index < 0 ? null : All[index];

    /// <summary>
    /// Direct-indexed tables, built on first use: a lookup costs a few subtractions and one array read, with no
    /// hashing and no allocation (a watchlist file looks up a code on every row).
    /// </summary>
    private static class Tables
    {
        // A zone's code is three characters of A–Z or '<' (27 possibilities each): a 27³ table of indexes
        // into All, plus one, so that 0 means no entity.
        private const int Radix = 27;

        public static readonly short[] Mrz = BuildMrz();

        // An alpha-2 code is two letters: a 26² table, the same way.
        public static readonly short[] Alpha2 = BuildAlpha2();

        /// <summary>The index into <see cref="All"/> of the entity written so, or -1.</summary>
        public static int MrzSlot(ReadOnlySpan<char> field)
        {
            var slot = Slot(field);
            return slot < 0 ? -1 : Mrz[slot] - 1;
        }

        private static int Slot(ReadOnlySpan<char> field)
        {
            if (field.Length != 3)
            {
                return -1;
            }

            var slot = 0;
            foreach (var c in field)
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

        private static short[] BuildMrz()
        {
            var index = new short[Radix * Radix * Radix];
            for (var i = 0; i < All.Count; i++)
            {
                // Germany is found both as ISO's DEU and as ICAO's D<<.
                index[Slot(All[i].Alpha3)] = (short)(i + 1);
                index[Slot(All[i].MrzField)] = (short)(i + 1);
            }

            return index;
        }

        private static short[] BuildAlpha2()
        {
            var index = new short[26 * 26];
            for (var i = 0; i < All.Count; i++)
            {
                if (All[i].Alpha2 is { } code)
                {
                    index[((code[0] - 'A') * 26) + (code[1] - 'A')] = (short)(i + 1);
                }
            }

            return index;
        }
    }
}
