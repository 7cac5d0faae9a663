namespace Vartio.Domain.Checks;

/// <summary>The rules the conditions apply, each with its source, as the conditions cite them.</summary>
public static class CheckRules
{
    public const string DocumentValid = "Regulation (EU) 2016/399, Art. 6(1)(a) and 8(3)(a)(i); check digits as ICAO Doc 9303 Part 3 defines them.";
    public const string DocumentValidFreeMovement = "Regulation (EU) 2016/399, Art. 8(2); Directive 2004/38/EC, Art. 5(1) (passport or identity card).";
    public const string DocumentExpiry = "Regulation (EU) 2016/399, Art. 6(1)(a): a valid travel document.";
    public const string DocumentExpiryFreeMovement = "Regulation (EU) 2016/399, Art. 8(2); Directive 2004/38/EC, Art. 5(4): a citizen without a valid document may prove nationality by other means.";
    public const string DocumentExpiryExit = "Regulation (EU) 2016/399, Art. 8(3)(g)(i): a valid document for crossing the border at exit.";
    public const string ValidBeyondDeparture = "Regulation (EU) 2016/399, Art. 6(1)(a)(i): valid at least three months after the intended date of departure; waived only in a justified case of emergency.";
    public const string IssuedWithinTenYears = "Regulation (EU) 2016/399, Art. 6(1)(a)(ii): issued within the previous ten years.";
    public const string LostOrStolen = "Regulation (EU) 2016/399, Art. 8(2) and 8(3)(a)(vi): the document checked against the SIS and Interpol's database of stolen and lost travel documents.";
    public const string ResidencePermit = "Regulation (EU) 2016/399, Art. 6(1)(b) and 6(2): a valid residence permit stands for a visa, and days under it do not count.";
    public const string VisaRequiredByNationality = "Regulation (EU) 2018/1806, Art. 3(1) and Annex I (visa required), Art. 4(1) and Annex II (exempt).";
    public const string VisaRequiredStateless = "Regulation (EU) 2018/1806, Art. 3(2) (refugees and stateless persons residing in an Annex I country), Art. 4(2) (residing in a member state with its travel document), Art. 6 (national exemptions).";
    public const string VisaNotRequiredFreeMovement = "Regulation (EU) 2018/1806, Art. 1: the visa lists apply to third-country nationals only.";
    public const string VisaValid = "Regulation (EU) 2016/399, Art. 6(1)(b); Regulation (EC) No 810/2009, Art. 24: the period of validity, the number of entries and the duration of stay on the sticker.";
    public const string Stay = "Regulation (EU) 2016/399, Art. 6(1), 6(2) and 8(3)(a)(iii): at most 90 days in any 180-day period.";
    public const string Overstay = "Regulation (EU) 2017/2226, Art. 12: a stay that ended with no exit, or an exit after the authorised stay, is recorded and flagged.";
    public const string Watchlist = "Regulation (EU) 2016/399, Art. 6(1)(d)–(e) and 8(3)(a)(vi): not the subject of an alert for refusal of entry, not a threat; a hit is confirmed at second line (Practical Handbook for Border Guards, C(2019) 7131), and an alert confirmed there is refusal H.";
    public const string Purpose = "Regulation (EU) 2016/399, Art. 6(1)(c) and 8(3)(a)(iv): purpose and conditions of the stay justified.";
    public const string Means = "Regulation (EU) 2016/399, Art. 6(1)(c), 6(4) and 8(3)(a)(v): sufficient means of subsistence.";
    public const string LongStayHolder = "Regulation (EU) 2016/399, Art. 6(1)(b) and 6(2): a residence permit or long-stay visa stands for a short-stay visa.";
}
