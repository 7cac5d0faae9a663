using Vartio.Domain.Checks;
using Vartio.Domain.Screening;
using Vartio.Domain.Stays;
using static Vartio.Domain.Tests.Checks.Travellers;

namespace Vartio.Domain.Tests.Checks;

/// <summary>The entry conditions of Regulation (EU) 2016/399, Art. 6(1), as the check applies them.</summary>
public sealed class BorderCheckEntryTests
{
    // Regulation (EU) 2018/1806, Annex I lists Russia; Art. 6(1)(b) of 2016/399 requires the visa; Annex V Part B: C.
    [Fact]
    public void Decide_RussianCitizenWithoutVisa_RefusesOnC()
    {
        var decision = Decide(Entry(Passport("RUS")));

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("C", Letters(decision));
        Assert.Equal("Has no valid visa or residence permit.", decision.RefusalReasons[0].Text);
        var visa = decision.Condition(ConditionCodes.VisaRequired);
        Assert.Equal(ConditionResult.Fail, visa.Result);
        Assert.Equal('C', visa.RefusalReason);
        Assert.Contains("Annex I", visa.Rule, StringComparison.Ordinal);
        Assert.Contains("Russian Federation", visa.Explanation, StringComparison.Ordinal);
        Assert.Null(decision.AuthorisedStayUntil);
    }

    // Art. 6(1) and 6(2): 90 days in any 180. Stays 2025-09-17 to 2025-12-15 are 14 + 31 + 30 + 15 = 90 days, all in
    // the 179 days before 2026-01-15 (2025-07-20 to 2026-01-14), so the day of entry would be the 91st: refusal F.
    // A full stay is possible again once the 90 days before entry hold none of them: from 2025-12-15 + 91 days.
    [Fact]
    public void Decide_VisaHolderWhoseStaysLeaveNoDays_RefusesOnFWithTheDays()
    {
        var input = Entry(Passport("RUS")) with
        {
            Visa = Visa(D(2026, 1, 1), D(2026, 12, 31)),
            Stays = [new Stay(D(2025, 9, 17), D(2025, 12, 15))],
        };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("F", Letters(decision));
        Assert.Equal(90, decision.DaysUsed);
        var stay = decision.Condition(ConditionCodes.Stay);
        Assert.Equal(ConditionResult.Fail, stay.Result);
        Assert.Contains("90 days of stay in the 179 days before 2026-01-15 (2025-07-20 to 2026-01-14)", stay.Explanation, StringComparison.Ordinal);
        Assert.Contains("from 2026-03-16", stay.Explanation, StringComparison.Ordinal);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.VisaValid).Result);
    }

    // Art. 6(1)(a): a valid travel document; Annex V Part B: A. The United States are in Annex II, so only the document fails.
    [Fact]
    public void Decide_ExpiredPassport_RefusesOnA()
    {
        var decision = Decide(Entry(Passport("USA", expiry: "251231")));

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("A", Letters(decision));
        var expiry = decision.Condition(ConditionCodes.DocumentExpiry);
        Assert.Equal(ConditionResult.Fail, expiry.Result);
        Assert.Equal("The document expired on 2025-12-31.", expiry.Explanation);
    }

    // Art. 6(1)(a)(i): valid at least three months after the intended departure. It is a condition of entry, so its
    // failure proposes refusal A; only a justified emergency waives it, which is the officer's decision, not the
    // check's. Leaving on 2026-01-20 needs validity until 2026-04-20; this passport ends on 2026-04-19.
    [Fact]
    public void Decide_PassportExpiringWithinThreeMonthsOfDeparture_RefusesOnA()
    {
        var input = Entry(Passport("USA", expiry: "260419")) with { IntendedDeparture = D(2026, 1, 20) };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("A", Letters(decision));
        var beyond = decision.Condition(ConditionCodes.DocumentValidBeyondDeparture);
        Assert.Equal(ConditionResult.Fail, beyond.Result);
        Assert.Contains("departure by 2026-01-19 at the latest", beyond.Explanation, StringComparison.Ordinal);
        Assert.Contains("emergency", beyond.Explanation, StringComparison.Ordinal);
    }

    // The same rule at its edge: 2026-01-20 plus three months is 2026-04-20, the last day of validity.
    [Fact]
    public void Decide_PassportValidExactlyThreeMonthsAfterDeparture_Admits()
    {
        var input = Entry(Passport("USA", expiry: "260420")) with { IntendedDeparture = D(2026, 1, 20) };

        var decision = Decide(input);

        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.DocumentValidBeyondDeparture).Result);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
    }

    // Without a stated departure the three months are counted from the last day of the authorised stay: 90 days from
    // 2026-01-15 end on 2026-04-14, and three months later is 2026-07-14, after this passport's end on 2026-07-10; a
    // departure by 2026-04-10 (2026-07-10 less three months) would meet the rule, so the officer asks.
    [Fact]
    public void Decide_NoDepartureStatedAndPassportShortOfTheFullStay_AsksForTheDeparture()
    {
        var decision = Decide(Entry(Passport("USA", expiry: "260710")));

        var beyond = decision.Condition(ConditionCodes.DocumentValidBeyondDeparture);
        Assert.Equal(ConditionResult.NeedsAttention, beyond.Result);
        Assert.Contains("departure by 2026-04-10", beyond.Explanation, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
    }

    // Art. 6(1)(a)(ii): issued within the previous ten years.
    [Fact]
    public void Decide_PassportIssuedMoreThanTenYearsAgo_RefusesOnA()
    {
        var decision = Decide(Entry(Passport("USA", issued: D(2016, 1, 14))));

        Assert.Equal("A", Letters(decision));
        Assert.Equal(ConditionResult.Fail, decision.Condition(ConditionCodes.DocumentIssuedWithinTenYears).Result);
        Assert.Equal(ConditionResult.Pass, Decide(Entry(Passport("USA", issued: D(2016, 1, 15)))).Condition(ConditionCodes.DocumentIssuedWithinTenYears).Result);
    }

    // Art. 6(1)(d): an alert for refusal of entry; a hit above the screening threshold goes to second line, where a
    // confirmed alert is refusal H.
    [Fact]
    public void Decide_WatchlistHitAboveThreshold_RefersToSecondLine()
    {
        var input = Entry(Passport("JPN")) with { WatchlistHits = [Hit(WatchlistKind.RefusalOfEntry, "national-refusals", 0.93, "FI-2023-0042")] };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refer, decision.ProposedOutcome);
        Assert.Empty(decision.RefusalReasons);
        var watchlist = decision.Condition(ConditionCodes.Watchlist);
        Assert.Equal(ConditionResult.NeedsAttention, watchlist.Result);
        Assert.True(watchlist.ToSecondLine);
        Assert.Contains("list national-refusals, entry FI-2023-0042 (score 0.93)", watchlist.Explanation, StringComparison.Ordinal);
        Assert.Contains("refusal H", watchlist.Explanation, StringComparison.Ordinal);
    }

    // The screening threshold (ScreeningDefaults.Threshold, 0.86): a weaker match is set aside.
    [Fact]
    public void Decide_WatchlistHitBelowThreshold_Admits()
    {
        var input = Entry(Passport("JPN")) with { WatchlistHits = [Hit(WatchlistKind.WantedPerson, "national-wanted", 0.62)] };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.Watchlist).Result);
        Assert.Contains("1 weaker match below the threshold of 0.86 was set aside", decision.Condition(ConditionCodes.Watchlist).Explanation, StringComparison.Ordinal);
    }

    // A document reported lost or stolen is not a valid travel document (Art. 6(1)(a); Annex V Part B: A), and the
    // refusal names the list.
    [Fact]
    public void Decide_LostOrStolenDocument_RefusesOnANamingTheList()
    {
        var input = Entry(Passport("JPN")) with { WatchlistHits = [Hit(WatchlistKind.LostOrStolenDocument, "interpol-sltd", 1.0, "JPN-TR1234567")] };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("A", Letters(decision));
        var lost = decision.Condition(ConditionCodes.DocumentLostOrStolen);
        Assert.Equal(ConditionResult.Fail, lost.Result);
        Assert.Contains("list interpol-sltd, entry JPN-TR1234567", lost.Explanation, StringComparison.Ordinal);
    }

    // Art. 8(2): a citizen with free movement gets the minimum check, document and watchlists only.
    [Fact]
    public void Decide_FinnishCitizen_MinimumCheckAdmits()
    {
        var input = Entry(Passport("FIN")) with { Findings = null };

        var decision = Decide(input);

        Assert.Equal(CheckScope.Minimum, decision.Scope);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Empty(decision.RefusalReasons);
        Assert.Null(decision.DaysUsed);
        Assert.Null(decision.AuthorisedStayUntil);
        string[] checkedCodes = [ConditionCodes.DocumentValid, ConditionCodes.DocumentExpiry, ConditionCodes.DocumentLostOrStolen, ConditionCodes.Watchlist];
        Assert.All(decision.Conditions, c => Assert.Equal(checkedCodes.Contains(c.Code) ? ConditionResult.Pass : ConditionResult.NotApplicable, c.Result));
    }

    // Directive 2004/38/EC, Art. 5(4): a Union citizen without a valid document may prove nationality otherwise, so an
    // expired passport is for the officer to look at, not a refusal.
    [Fact]
    public void Decide_FinnishCitizenWithExpiredPassport_NeedsAttentionNotRefusal()
    {
        var decision = Decide(Entry(Passport("FIN", expiry: "251231")));

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.DocumentExpiry).Result);
    }

    // Regulation (EU) 2018/1806, Art. 4(2): a stateless person residing in a member state, with a travel document it issued, is exempt.
    [Fact]
    public void Decide_StatelessPersonWithFinnishTravelDocument_IsExemptFromTheVisa()
    {
        var decision = Decide(Entry(Passport("XXA", issuer: "FIN")));

        Assert.Equal(CheckScope.Thorough, decision.Scope);
        var visa = decision.Condition(ConditionCodes.VisaRequired);
        Assert.Equal(ConditionResult.Pass, visa.Result);
        Assert.Contains("Art. 4(2)", visa.Explanation, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(D(2026, 4, 14), decision.AuthorisedStayUntil);
    }

    // Regulation (EU) 2018/1806, Art. 3(2): a refugee whose travel document was issued by an Annex I country needs a visa.
    [Fact]
    public void Decide_RefugeeWithTravelDocumentOfAnAnnexICountryWithoutVisa_RefusesOnC()
    {
        var decision = Decide(Entry(Passport("XXB", issuer: "RUS")));

        Assert.Equal("C", Letters(decision));
        Assert.Contains("Art. 3(2)", decision.Condition(ConditionCodes.VisaRequired).Explanation, StringComparison.Ordinal);
    }

    // ICAO Doc 9303 Part 3: XXX is an unspecified nationality; the visa requirement cannot be read from it.
    [Fact]
    public void Decide_UnspecifiedNationality_NeedsAttentionOnTheVisa()
    {
        var decision = Decide(Entry(Passport("XXX", issuer: "UTO")));

        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.VisaRequired).Result);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
    }

    // ICAO Doc 9303 Part 7: a visa's zone carries its last day of validity, not its first day, entries or duration; it
    // counts as valid for its period, with a reminder. 90 days from 2026-01-15 end on 2026-04-14 (17 + 28 + 31 + 14),
    // before the visa's 2026-06-30.
    [Fact]
    public void Decide_VisaReadFromItsZoneAlone_AdmitsWithAReminder()
    {
        var input = Entry(Passport("RUS")) with { Visa = VisaZone("RUS", validUntil: "260630") };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        var visa = decision.Condition(ConditionCodes.VisaValid);
        Assert.Equal(ConditionResult.NeedsAttention, visa.Result);
        Assert.Equal(
            "The visa is valid until 2026-06-30; the first day of validity, the number of entries and the duration of stay are not in its machine-readable zone: read them on the sticker.",
            visa.Explanation);
        Assert.Equal(D(2026, 4, 14), decision.AuthorisedStayUntil);
        Assert.Equal(0, decision.DaysUsed);
    }

    // Regulation (EC) No 810/2009, Art. 24: the stay ends with the visa when the visa ends first.
    [Fact]
    public void Decide_VisaEndingBeforeTheNinetyDays_AuthorisesTheStayUntilTheVisaEnds()
    {
        var input = Entry(Passport("RUS")) with { Visa = Visa(D(2026, 1, 1), D(2026, 1, 31)) };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(D(2026, 1, 31), decision.AuthorisedStayUntil);
        Assert.Contains("ends on 2026-01-31 (the visa)", decision.Condition(ConditionCodes.Stay).Explanation, StringComparison.Ordinal);
    }

    // The duration of stay on the sticker counts the days stayed within the visa's validity: two stays of 10 days since
    // 2025-12-01 use 20 of its 30, which leaves 10 from 2026-01-15: the stay ends on 2026-01-24.
    [Fact]
    public void Decide_VisaDurationPartlyUsed_AuthorisesTheDaysLeft()
    {
        var input = Entry(Passport("RUS")) with
        {
            Visa = Visa(D(2025, 12, 1), D(2026, 12, 31), duration: 30),
            Stays = [new Stay(D(2025, 12, 1), D(2025, 12, 10)), new Stay(D(2026, 1, 2), D(2026, 1, 11))],
            VisaEntriesUsed = 2,
        };

        var decision = Decide(input);

        Assert.Equal(D(2026, 1, 24), decision.AuthorisedStayUntil);
        Assert.Contains("10 days of its 30 days of stay left", decision.Condition(ConditionCodes.VisaValid).Explanation, StringComparison.Ordinal);
    }

    // A single-entry visa already used (Regulation (EC) No 810/2009, Art. 24(1)): no valid visa, C.
    [Fact]
    public void Decide_SingleEntryVisaAlreadyUsed_RefusesOnC()
    {
        var input = Entry(Passport("RUS")) with { Visa = Visa(D(2026, 1, 1), D(2026, 3, 31), VisaEntries.One), VisaEntriesUsed = 1 };

        var decision = Decide(input);

        Assert.Equal("C", Letters(decision));
        Assert.Equal("The visa allows one entry, and 1 has been used.", decision.Condition(ConditionCodes.VisaValid).Explanation);
    }

    [Fact]
    public void Decide_ExpiredVisa_RefusesOnC()
    {
        var input = Entry(Passport("RUS")) with { Visa = Visa(D(2025, 6, 1), D(2025, 12, 31)) };

        Assert.Equal("C", Letters(Decide(input)));
    }

    // Art. 6(1)(c): purpose (E) and means (G) as the officer found them.
    [Fact]
    public void Decide_PurposeAndMeansNotEstablished_RefusesOnEAndG()
    {
        var input = Entry(Passport("USA")) with { Findings = new OfficerFindings(PurposeJustified: false, SufficientMeans: false) };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refuse, decision.ProposedOutcome);
        Assert.Equal("EG", Letters(decision));
    }

    [Fact]
    public void Decide_FindingsNotYetRecorded_NeedAttentionAndAdmit()
    {
        var decision = Decide(Entry(Passport("USA")) with { Findings = null });

        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.Purpose).Result);
        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.Means).Result);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
    }

    // Second line sees a possible wanted person before anyone is turned away; the failed condition's letter goes with the referral.
    [Fact]
    public void Decide_WatchlistHitAndNoVisa_RefersWithTheLetterForSecondLine()
    {
        var input = Entry(Passport("RUS")) with { WatchlistHits = [Hit(WatchlistKind.WantedPerson, "national-wanted", 0.97)] };

        var decision = Decide(input);

        Assert.Equal(CheckOutcome.Refer, decision.ProposedOutcome);
        Assert.Equal("C", Letters(decision));
    }

    // Art. 6(1)(b) and 6(2): a valid residence permit stands for the visa; its holder gets document and watchlists only.
    [Fact]
    public void Decide_RussianWithValidResidencePermit_MinimumCheckAdmits()
    {
        var input = Entry(Passport("RUS")) with { ResidencePermit = new ResidencePermit("FI1234567", D(2027, 5, 31)) };

        var decision = Decide(input);

        Assert.Equal(CheckScope.Minimum, decision.Scope);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.ResidencePermitValid).Result);
        Assert.Equal(ConditionResult.Pass, decision.Condition(ConditionCodes.VisaRequired).Result);
        Assert.Equal(ConditionResult.NotApplicable, decision.Condition(ConditionCodes.Stay).Result);
    }

    [Fact]
    public void Decide_RussianWithExpiredResidencePermitAndNoVisa_ThoroughCheckRefusesOnC()
    {
        var input = Entry(Passport("RUS")) with { ResidencePermit = new ResidencePermit("FI1234567", D(2025, 12, 31)) };

        var decision = Decide(input);

        Assert.Equal(CheckScope.Thorough, decision.Scope);
        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.ResidencePermitValid).Result);
        Assert.Equal("C", Letters(decision));
    }

    // Regulation (EU) 2018/1806, Annex II as amended by Regulation (EU) 2017/850: Ukrainians with biometric passports
    // are exempt; the check cannot see the chip, so the officer confirms.
    [Fact]
    public void Decide_UkrainianCitizen_ExemptWithTheBiometricProvisoToConfirm()
    {
        var decision = Decide(Entry(Passport("UKR")));

        var visa = decision.Condition(ConditionCodes.VisaRequired);
        Assert.Equal(ConditionResult.NeedsAttention, visa.Result);
        Assert.Contains("biometric passports", visa.Explanation, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Admit, decision.ProposedOutcome);
    }

    // A zone that does not verify may be a misreading or an altered document (refusal B if so): second line looks.
    [Fact]
    public void Decide_ZoneThatDoesNotVerify_RefersToSecondLine()
    {
        var document = Passport("USA");
        var decision = Decide(Entry(document with { ZoneValid = false }));

        Assert.Equal(CheckOutcome.Refer, decision.ProposedOutcome);
        Assert.True(decision.Condition(ConditionCodes.DocumentValid).ToSecondLine);
    }

    // Regulation (EC) No 810/2009, Art. 2(5): an airport transit visa allows passage through the international transit area only.
    [Fact]
    public void Decide_AirportTransitVisa_RefusesOnC()
    {
        var input = Entry(Passport("RUS")) with { Visa = new PresentedVisa(VisaType.AirportTransit, D(2026, 1, 1), D(2026, 2, 1), VisaEntries.One, 1) };

        Assert.Equal("C", Letters(Decide(input)));
    }

    // Records that say the traveller never left cannot be planned from: the officer looks instead of the rule guessing.
    [Fact]
    public void Decide_RecordsWithAnOpenStay_NeedAttentionOnTheStay()
    {
        var input = Entry(Passport("USA")) with { Stays = [new Stay(D(2025, 12, 1), null)] };

        var decision = Decide(input);

        Assert.Equal(ConditionResult.NeedsAttention, decision.Condition(ConditionCodes.Stay).Result);
        Assert.Null(decision.DaysUsed);
    }
}
