using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Vartio.Data;
using Vartio.Domain.Travellers;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Checks;

/// <summary>
/// The first-line check through the HTTP API (docs/API.md, "Border checks"; docs/CHECKS.md). The tests run at
/// Helsinki Airport (HEL), open throughout, on 15 January 2026 (the tests' clock), as an Officer assigned to
/// it. Zones were written with the check-digit arithmetic of ICAO Doc 9303 Part 3 §4.9 (weights 7, 3, 1).
/// </summary>
public abstract class CheckApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Russian passport, valid until 1 January 2033: Petr Ivanov, born 15 March 1985.</summary>
    private static readonly string[] RussianPassport =
        ["P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<", "7512345672RUS8503150M3001019<<<<<<<<<<<<<<06"];

    /// <summary>A Finnish passport, valid until 1 January 2032.</summary>
    private static readonly string[] FinnishPassport =
        ["P<FINVIRTANEN<<MATTI<<<<<<<<<<<<<<<<<<<<<<<<", "XP12345674FIN8001014M3201015<<<<<<<<<<<<<<04"];

    /// <summary>A travel document of a stateless person (XXA) issued by Finland, valid until 1 January 2031.</summary>
    private static readonly string[] StatelessTravelDocument =
        ["P<FINDOE<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "SL12345677XXA9001011M3101012<<<<<<<<<<<<<<02"];

    private static object Fields(string number, string nationality, string expiry, string name = "SMIRNOVA", string given = "OLGA", string birth = "1990-02-20") => new
    {
        fields = new
        {
            documentCode = "P",
            issuingState = nationality,
            number,
            primaryIdentifier = name,
            secondaryIdentifier = given,
            nationality,
            dateOfBirth = birth,
            sex = "F",
            dateOfExpiry = expiry,
        },
    };

    private static object ShortStayVisa(string from = "2025-09-01", string until = "2026-08-31") =>
        new { fields = new { type = "C", validFrom = from, validUntil = until, entries = "MULT", durationOfStay = 90, number = "FIN000123", issuingState = "FIN" } };

    private static readonly object Satisfied = new { purposeJustified = true, sufficientMeans = true };

    private async Task<HttpClient> OfficerAsync()
    {
        var officer = await app.As(Roles.Officer);
        return officer;
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, object body, HttpStatusCode expected = HttpStatusCode.Created, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/checks") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyKeys.Header, key);
        }

        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Result(JsonElement check, string code) =>
        check.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("result").GetString()!;

    private static string[] Reasons(JsonElement check) =>
        [.. check.GetProperty("refusalReasons").EnumerateArray().Select(r => r.GetString()!)];

    [Fact]
    public async Task RussianCitizenWithoutVisa_IsRefusedOnC()
    {
        // Russia is in Annex I of Regulation (EU) 2018/1806 (visa required); without a visa the entry condition of
        // Regulation (EU) 2016/399, Art. 6(1)(b) fails, which is reason C of the standard form (Annex V Part B).
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = new { mrz = RussianPassport }, findings = Satisfied });

        Assert.Equal("refuse", check.GetProperty("proposedOutcome").GetString());
        Assert.Equal(["C"], Reasons(check));
        Assert.Equal("fail", Result(check, "visa.required"));
        Assert.NotEqual(Guid.Empty, check.GetProperty("traveller").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task VisaHolderWhoseRecordedStaysLeaveNoDays_IsRefusedOnFWithTheDays()
    {
        // Recorded: in from 1 October to 29 December 2025, 90 days. On 15 January 2026 the 180 days from
        // 20 July 2025 hold all 90 (Art. 6(1) first subparagraph): no day is left, reason F. The visa is a new
        // one, valid from 1 January 2026, so none of its own duration of stay is used.
        var officer = await OfficerAsync();
        var document = Fields("759876500", "RUS", "2033-01-01");
        await RecordStayAsync(document, new LocalDate(2025, 10, 1), new LocalDate(2025, 12, 29));

        var check = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document, visa = ShortStayVisa(from: "2026-01-01"), intendedDeparture = "2026-01-20", findings = Satisfied });

        Assert.Equal("refuse", check.GetProperty("proposedOutcome").GetString());
        Assert.Equal(["F"], Reasons(check));
        Assert.Equal(90, check.GetProperty("daysUsed").GetInt32());
        Assert.Equal("fail", Result(check, "stay.90in180"));
    }

    [Fact]
    public async Task ExpiredPassport_IsRefusedOnA()
    {
        // Art. 6(1)(a): a valid travel document; this one expired on 1 January 2026, before the check.
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = Fields("759876501", "RUS", "2026-01-01"), visa = ShortStayVisa(), findings = Satisfied });

        Assert.Equal("refuse", check.GetProperty("proposedOutcome").GetString());
        Assert.Contains("A", Reasons(check));
        Assert.Equal("fail", Result(check, "document.expiry"));
    }

    [Fact]
    public async Task PassportExpiringWithinThreeMonthsOfDeparture_IsRefusedOnA()
    {
        // Art. 6(1)(a)(i): valid for at least three months after the intended date of departure. Departure on
        // 31 January 2026 needs validity to 30 April 2026; this passport ends on 1 March 2026.
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = Fields("759876502", "RUS", "2026-03-01"), visa = ShortStayVisa(), intendedDeparture = "2026-01-31", findings = Satisfied });

        Assert.Equal("refuse", check.GetProperty("proposedOutcome").GetString());
        Assert.Equal(["A"], Reasons(check));
        Assert.Equal("fail", Result(check, "document.validBeyondDeparture"));
    }

    [Fact]
    public async Task VisaHolderWithEverythingInOrder_IsAdmittedWithTheLastDayOfTheStay()
    {
        // No stays recorded: 90 days from 15 January 2026 end on 14 April 2026, within the visa (to 31 August).
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = Fields("759876503", "RUS", "2033-01-01"), visa = ShortStayVisa(), intendedDeparture = "2026-02-01", findings = Satisfied });

        Assert.Equal("admit", check.GetProperty("proposedOutcome").GetString());
        Assert.Empty(Reasons(check));
        Assert.Equal("2026-04-14", check.GetProperty("authorisedStayUntil").GetString());
    }

    [Fact]
    public async Task WatchlistHit_IsReferredToSecondLine()
    {
        await ImportAsync("check-alerts", "A-1,refusal-of-entry,Petrov Ivan,,1970-01-01,RUS,,national alert,,");
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = Fields("751111111", "RUS", "2033-01-01", "PETROV", "IVAN", "1970-01-01"), visa = ShortStayVisa(), findings = Satisfied });

        Assert.Equal("refer", check.GetProperty("proposedOutcome").GetString());
        Assert.Equal("needsAttention", Result(check, "watchlist"));
    }

    [Fact]
    public async Task LostOrStolenDocument_IsRefusedNamingTheList()
    {
        await ImportAsync("stolen-documents", "D-1,lost-or-stolen-document,,,,,RUS:759876504,reported stolen,,");
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = Fields("759876504", "RUS", "2033-01-01"), visa = ShortStayVisa(), findings = Satisfied });

        Assert.Equal("refuse", check.GetProperty("proposedOutcome").GetString());
        var condition = check.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "document.lostOrStolen");
        Assert.Equal("fail", condition.GetProperty("result").GetString());
        Assert.Contains("stolen-documents", condition.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinnishCitizen_GetsTheMinimumCheck()
    {
        // Art. 8(2): persons enjoying the right of free movement get the minimum check (document and watchlists).
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = new { mrz = FinnishPassport } });

        Assert.Equal("admit", check.GetProperty("proposedOutcome").GetString());
        Assert.Equal("notApplicable", Result(check, "visa.required"));
        Assert.Equal("notApplicable", Result(check, "stay.90in180"));
        Assert.Equal("notApplicable", Result(check, "purpose"));
    }

    [Fact]
    public async Task StatelessTravellerWithAFinnishTravelDocument_IsExemptFromTheVisa()
    {
        // Regulation (EU) 2018/1806, Art. 6(2)(b) (as DOMAIN.md §9 and docs/CHECKS.md give it): stateless persons
        // holding a travel document issued by a Member State are exempt.
        var check = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = new { mrz = StatelessTravelDocument }, findings = Satisfied });

        Assert.NotEqual("fail", Result(check, "visa.required"));
        Assert.Equal("admit", check.GetProperty("proposedOutcome").GetString());
    }

    [Fact]
    public async Task ExitAfterAnOverstay_IsRecordedAndFlagged()
    {
        // Admitted on 15 January 2026 until 14 April; leaving on 20 April is six days over.
        var officer = await OfficerAsync();
        var document = Fields("759876505", "RUS", "2033-01-01");
        var entry = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document, visa = ShortStayVisa(), intendedDeparture = "2026-02-01", findings = Satisfied });
        await DecideAsync(officer, entry, new { outcome = "admit" });

        app.Clock.AdvanceDays(95);
        try
        {
            var exit = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "exit", document });
            // Exit is never refused (docs/CHECKS.md): the overstay is for the officer to see and is recorded.
            Assert.True(exit.GetProperty("overstay").GetBoolean());
            Assert.Equal("needsAttention", Result(exit, "stay.overstay"));
            Assert.Equal("admit", exit.GetProperty("proposedOutcome").GetString());
            var decided = await DecideAsync(officer, exit, new { outcome = "admit" });
            Assert.NotEqual(JsonValueKind.Null, decided.GetProperty("decision").GetProperty("recordId").ValueKind);

            var traveller = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/travellers/{exit.GetProperty("traveller").GetProperty("id").GetGuid()}", Ct);
            Assert.Equal(["entry", "exit"], traveller.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("kind").GetString()!).ToArray());
            Assert.True(traveller.GetProperty("overstay").GetBoolean());
            Assert.False(traveller.GetProperty("present").GetBoolean());
        }
        finally
        {
            app.Clock.AdvanceDays(-95);
        }
    }

    [Fact]
    public async Task Overstayer_IsListedInTheApiAndTheCsvAndFlaggedOnce_WithAFormulaNameDefused()
    {
        // Admitted on 15 January 2026 until 14 April; 100 days later, 25 April, is 11 days over.
        var officer = await OfficerAsync();
        var document = Fields("759876509", "RUS", "2033-01-01", "=HYPERLINK(\"x\")", "EVE");
        var entry = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document, visa = ShortStayVisa(), intendedDeparture = "2026-02-01", findings = Satisfied });
        await DecideAsync(officer, entry, new { outcome = "admit" });
        var traveller = entry.GetProperty("traveller").GetProperty("id").GetGuid();

        app.Clock.AdvanceDays(100);
        try
        {
            var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/overstayers", Ct);
            var overstayer = list.GetProperty("overstayers").EnumerateArray().Single(o => o.GetProperty("travellerId").GetGuid() == traveller);
            Assert.Equal(("2026-04-14", 11), (overstayer.GetProperty("authorisedStayUntil").GetString(), overstayer.GetProperty("daysOver").GetInt32()));

            // A spreadsheet would run a cell beginning with '=' as a formula: the CSV writes it as text.
            var csv = await officer.GetStringAsync("/api/v1/overstayers.csv", Ct);
            Assert.Contains("\"'=HYPERLINK(\"\"x\"\") EVE\"", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);

            await using var scope = app.App.Services.CreateAsyncScope();
            var flagger = scope.ServiceProvider.GetRequiredService<Vartio.Checks.OverstayFlagger>();
            Assert.True(await flagger.RunAsync(Ct) >= 1);
            Assert.Equal(0, await flagger.RunAsync(Ct));
            Assert.Equal(1, await app.WithDbAsync(db => db.OverstayFlags.CountAsync(f => f.TravellerId == traveller, Ct)));
        }
        finally
        {
            app.Clock.AdvanceDays(-100);
        }
    }

    [Fact]
    public async Task NewPassport_IsANewTravellerUntilAnOfficerConfirmsTheLink()
    {
        // 60 days recorded under the old passport (1 November to 30 December 2025): once linked, the new
        // passport's traveller has used them too (Art. 6(1)(b)), and nothing was merged before.
        var officer = await OfficerAsync();
        var old = Fields("759876510", "RUS", "2026-06-01", "KUZNETSOVA", "ANNA");
        await RecordStayAsync(old, new LocalDate(2025, 11, 1), new LocalDate(2025, 12, 30));
        var oldTraveller = await app.WithDbAsync(db => db.TravelDocuments.Where(d => d.Number == "759876510").Select(d => d.TravellerId).SingleAsync(Ct));

        var check = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document = Fields("759876511", "RUS", "2035-06-01", "KUZNETSOVA", "ANNA"), visa = ShortStayVisa(), findings = Satisfied });
        var traveller = check.GetProperty("traveller").GetProperty("id").GetGuid();
        Assert.NotEqual(oldTraveller, traveller);
        Assert.Equal(0, check.GetProperty("daysUsed").GetInt32());

        var missingReason = await officer.PostAsJsonAsync($"/api/v1/travellers/{traveller}/links", new { travellerId = oldTraveller }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);

        var linked = await officer.PostAsJsonAsync($"/api/v1/travellers/{traveller}/links", new { travellerId = oldTraveller, reason = "Previous passport 759876510 noted in the new one." }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var body = await linked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([oldTraveller], body.GetProperty("linkedTravellers").EnumerateArray().Select(t => t.GetGuid()).ToArray());
        Assert.Equal(2, body.GetProperty("documents").GetArrayLength());
        Assert.Equal(60, body.GetProperty("daysUsed").GetInt32());

        var again = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document = Fields("759876511", "RUS", "2035-06-01", "KUZNETSOVA", "ANNA"), visa = ShortStayVisa(from: "2026-01-01"), findings = Satisfied });
        Assert.Equal(60, again.GetProperty("daysUsed").GetInt32());
    }

    [Fact]
    public async Task SameIdempotencyKeyTwiceInParallel_MakesOneCheck()
    {
        var officer = await OfficerAsync();
        var body = new { crossingPoint = "HEL", direction = "entry", document = Fields("759876506", "RUS", "2033-01-01"), visa = ShortStayVisa(), findings = Satisfied };
        var key = Guid.NewGuid().ToString();

        var both = await Task.WhenAll(CheckAsync(officer, body, key: key), CheckAsync(officer, body, key: key));

        Assert.Equal(both[0].GetProperty("id").GetGuid(), both[1].GetProperty("id").GetGuid());
        var traveller = both[0].GetProperty("traveller").GetProperty("id").GetGuid();
        Assert.Equal(1, await app.WithDbAsync(db => db.Checks.CountAsync(c => c.TravellerId == traveller, Ct)));
    }

    [Fact]
    public async Task TwoChecksOfANewDocumentAtOnce_FindOneTraveller()
    {
        // Two booths check the same never-seen passport at the same moment (each its own write, no shared key).
        var officer = await OfficerAsync();
        var body = new { crossingPoint = "HEL", direction = "entry", document = Fields("759876513", "RUS", "2033-01-01"), visa = ShortStayVisa(), findings = Satisfied };

        var both = await Task.WhenAll(CheckAsync(officer, body), CheckAsync(officer, body));

        Assert.NotEqual(both[0].GetProperty("id").GetGuid(), both[1].GetProperty("id").GetGuid());
        Assert.Equal(both[0].GetProperty("traveller").GetProperty("id").GetGuid(), both[1].GetProperty("traveller").GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithDbAsync(db => db.TravelDocuments.CountAsync(d => d.Number == "759876513", Ct)));
    }

    [Fact]
    public async Task OfficerAtAnotherCrossingPoint_IsRefused403()
    {
        // The test Officer is assigned to VAA and HEL, not to Helsinki West Harbour (HWH).
        var problem = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HWH", direction = "entry", document = new { mrz = FinnishPassport } }, HttpStatusCode.Forbidden);
        Assert.Contains("HWH", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAtAClosedCrossingPoint_IsAConflictNamingTheDecision()
    {
        // Vaalimaa has been closed to all traffic since 15 December 2023 under the seeded decision 9.
        var problem = await CheckAsync(await OfficerAsync(), new { crossingPoint = "VAA", direction = "entry", document = new { mrz = FinnishPassport } }, HttpStatusCode.Conflict);
        Assert.Equal(9, problem.GetProperty("decisionId").GetInt32());
        Assert.Contains("decision 9", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_RecordsTheLettersAndTheSignature()
    {
        var officer = await OfficerAsync();
        var check = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document = Fields("759876507", "RUS", "2033-01-01"), findings = Satisfied });
        var refused = await DecideAsync(officer, check, new { outcome = "refuse", remarks = "No visa presented.", travellerSigned = false });

        var decision = refused.GetProperty("decision");
        Assert.Equal("refuse", decision.GetProperty("outcome").GetString());
        Assert.Equal(["C"], decision.GetProperty("refusalReasons").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.False(decision.GetProperty("travellerSigned").GetBoolean());

        // Decided once: the same decision again answers the same; another is a conflict.
        var again = await DecideAsync(officer, check, new { outcome = "refuse", remarks = "No visa presented.", travellerSigned = false });
        Assert.Equal(decision.GetProperty("recordId").GetGuid(), again.GetProperty("decision").GetProperty("recordId").GetGuid());
        await DecideAsync(officer, check, new { outcome = "admit", remarks = "changed my mind" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TwoDifferentDecisionsAtOnce_OneIsRecordedAndTheOtherIsAConflict()
    {
        var officer = await OfficerAsync();
        var check = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document = Fields("759876512", "RUS", "2033-01-01"), visa = ShortStayVisa(), findings = Satisfied });
        var id = check.GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(
            officer.PostAsJsonAsync($"/api/v1/checks/{id}/outcome", new { outcome = "admit" }, Ct),
            officer.PostAsJsonAsync($"/api/v1/checks/{id}/outcome", new { outcome = "refuse", refusalReasons = new[] { "E" }, remarks = "Purpose not credible." }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.BorderRecords.CountAsync(r => r.CheckId == id, Ct)));
    }

    [Fact]
    public async Task Referral_OpensASecondLineCaseThatALaterDecisionCloses()
    {
        var officer = await OfficerAsync();
        var check = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", document = Fields("759876508", "RUS", "2033-01-01"), visa = ShortStayVisa(), findings = Satisfied });
        var referred = await DecideAsync(officer, check, new { outcome = "refer", remarks = "Documents to be examined." });
        Assert.Equal(JsonValueKind.Null, referred.GetProperty("decision").GetProperty("secondLine").GetProperty("closedAt").ValueKind);

        var admitted = await DecideAsync(officer, check, new { outcome = "admit" });
        var secondLine = admitted.GetProperty("decision").GetProperty("secondLine");
        Assert.Equal("admit", secondLine.GetProperty("outcome").GetString());
        Assert.NotEqual(JsonValueKind.Null, admitted.GetProperty("decision").GetProperty("recordId").ValueKind);
    }

    [Fact]
    public async Task LateCheck_NeedsAReasonAndIsMarkedLate()
    {
        var officer = await OfficerAsync();
        var body = new { crossingPoint = "HEL", direction = "entry", at = "2026-01-14T09:00:00Z", document = new { mrz = FinnishPassport } };
        var problem = await CheckAsync(officer, body, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lateReason", out _));

        var late = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", at = "2026-01-14T09:00:00Z", lateReason = "System outage; checked on paper.", document = new { mrz = FinnishPassport } });
        Assert.True(late.GetProperty("late").GetBoolean());

        // Checks:LateRecordingDays is 7 by default.
        var tooLate = await CheckAsync(officer, new { crossingPoint = "HEL", direction = "entry", at = "2026-01-01T09:00:00Z", lateReason = "Paper", document = new { mrz = FinnishPassport } }, HttpStatusCode.BadRequest);
        Assert.True(tooLate.GetProperty("errors").TryGetProperty("at", out _));
    }

    [Fact]
    public async Task BadInput_NamesEveryFieldAndRecordsNothing()
    {
        var officer = await OfficerAsync();
        var before = await app.WithDbAsync(db => db.Checks.CountAsync(Ct));
        var problem = await CheckAsync(officer, new
        {
            crossingPoint = "",
            direction = "sideways",
            at = "9999-12-31T00:00:00Z",
            document = new { fields = new { documentCode = "P", issuingState = "ZZZ", number = "X\u0007", nationality = "RUS", dateOfExpiry = "2026-13-01" } },
        }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "crossingPoint", "direction", "at", "document.fields.issuingState", "document.fields.number", "document.fields.dateOfExpiry", "document.fields.primaryIdentifier" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named");
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Checks.CountAsync(Ct)));
    }

    [Fact]
    public async Task NotAZone_IsRefusedWithItsLine()
    {
        var problem = await CheckAsync(await OfficerAsync(), new { crossingPoint = "HEL", direction = "entry", document = new { mrz = new[] { "HELLO", "WORLD" } } }, HttpStatusCode.BadRequest);
        Assert.Equal("document.mrz", problem.GetProperty("problems")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Analyst_IsRefused403()
    {
        var analyst = await app.As(Roles.Analyst);
        var response = await analyst.PostAsJsonAsync("/api/v1/checks", new { crossingPoint = "HEL", direction = "entry", document = new { mrz = FinnishPassport } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> DecideAsync(HttpClient client, JsonElement check, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/checks/{check.GetProperty("id").GetGuid()}/outcome", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task ImportAsync(string list, string row)
    {
        var admin = await app.As(Roles.Admin);
        var csv = "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n" + row + "\n";
        var response = await admin.PostAsync($"/api/v1/watchlists/{list}/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.App.Services.GetRequiredService<Vartio.Screening.WatchlistScreening>().RefreshAsync(Ct);
    }

    /// <summary>An entry and an exit at HEL, as earlier checks would have recorded them.</summary>
    private Task RecordStayAsync(object document, LocalDate entry, LocalDate exit) => app.WithDbAsync(async db =>
    {
        var fields = JsonSerializer.SerializeToElement(document).GetProperty("fields");
        var identity = new TravellerIdentity(
            fields.GetProperty("primaryIdentifier").GetString(),
            fields.GetProperty("secondaryIdentifier").GetString(),
            Vartio.Domain.Screening.PartialDate.Parse(fields.GetProperty("dateOfBirth").GetString()),
            null,
            Vartio.Domain.Countries.Country.FromAlpha3(fields.GetProperty("nationality").GetString()),
            new TravelDocument("P", fields.GetProperty("number").GetString(), Vartio.Domain.Countries.Country.FromAlpha3(fields.GetProperty("issuingState").GetString()), null));
        var now = app.Clock.GetCurrentInstant();
        var (traveller, row, _) = await db.FindOrAddDocumentAsync(identity, now, Ct);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Entry, traveller.Id, row.Id, "HEL", entry.AtStartOfDayInZone(zone).ToInstant() + Duration.FromHours(12)), now);
        db.AppendRecord(new NewBorderRecord(BorderRecordKinds.Exit, traveller.Id, row.Id, "HEL", exit.AtStartOfDayInZone(zone).ToInstant() + Duration.FromHours(12)), now);
        await db.SaveChangesAsync(Ct);
        return 0;
    });
}

public sealed class CheckApiOnSqlite(SqliteApp app) : CheckApiTests<SqliteApp>(app);

public sealed class CheckApiOnPostgres(PostgresApp app) : CheckApiTests<PostgresApp>(app);
