using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Asylum;

/// <summary>
/// Asylum applications received at the border, through the HTTP API (docs/API.md, "Asylum applications";
/// docs/ASYLUM.md), against the seeded decisions of 2023 (DOMAIN §3: from 18 November applications were
/// received on land only at Vartius and Salla; from 24 November only at Raja-Jooseppi; from 30 November at no
/// land crossing point). Each test sets the clock to the day it is about, so registrations happen "now".
/// </summary>
public abstract class AsylumApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static Instant Local(int year, int month, int day, int hour = 12) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Helsinki).ToInstant();

    /// <summary>A client acting as an Officer at one crossing point, through an API token as a booth's kiosk does.</summary>
    private async Task<HttpClient> OfficerAtAsync(string code, string role = Roles.Officer)
    {
        var (token, problem) = await app.WithAccountsAsync(a => a.CreateTokenAsync(VartioApp.UserOf(Roles.Admin), $"{code.ToLowerInvariant()}-{Guid.NewGuid():N}", role, [code], 1, Ct));
        Assert.Null(problem);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static object Undocumented(string name, string birth = "1998-03-04", string nationality = "SYR", string? arrivedBy = "bicycle", string[]? vulnerabilities = null, bool unaccompanied = false) =>
        new { name, dateOfBirth = birth, nationality, sex = "male", arrivedBy, vulnerabilities = vulnerabilities ?? [], unaccompaniedMinor = unaccompanied };

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string crossingPoint, object[] applicants, HttpStatusCode expected = HttpStatusCode.Created, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/asylum-applications") { Content = JsonContent.Create(new { crossingPoint, applicants }) };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyKeys.Header, key);
        }

        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string[] Codes(JsonElement application) =>
        [.. application.GetProperty("directedTo").EnumerateArray().Select(c => c.GetString()!)];

    [Fact]
    public async Task AtVaalimaaOn18November2023_NotReceived_DirectedToVartiusThenSalla()
    {
        // Decision of 16 November 2023: Vaalimaa closed from 18 November 00:00; applications received on land
        // only at Vartius and Salla. Vartius (64.55 N) is nearer to Vaalimaa (60.60 N) than Salla (66.92 N).
        app.Clock.Reset(Local(2023, 11, 18));
        var officer = await OfficerAtAsync("VAA");

        var result = await RegisterAsync(officer, "VAA", [Undocumented("Ahmad Haddad")]);

        var application = result.GetProperty("applications")[0];
        Assert.False(application.GetProperty("received").GetBoolean());
        Assert.Equal(["VAR", "SAL"], Codes(application));
        Assert.Equal("directedElsewhere", application.GetProperty("status").GetString());
        Assert.Contains("Vartius", application.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, application.GetProperty("decisionId").ValueKind);

        var irregular = await officer.GetFromJsonAsync<JsonElement>("/api/v1/irregular-arrivals?crossingPoint=VAA&from=2023-11-18&to=2023-11-18", Ct);
        Assert.Contains(irregular.GetProperty("applications").EnumerateArray(), a => a.GetProperty("id").GetString() == application.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AtVartiusOn18November2023_Received()
    {
        app.Clock.Reset(Local(2023, 11, 18));
        var officer = await OfficerAtAsync("VAR");

        var application = (await RegisterAsync(officer, "VAR", [Undocumented("Abdi Warsame", nationality: "SOM")])).GetProperty("applications")[0];

        Assert.True(application.GetProperty("received").GetBoolean());
        Assert.Empty(Codes(application));
        Assert.Equal("registered", application.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, application.GetProperty("exemption").ValueKind);
    }

    [Fact]
    public async Task AtRajaJooseppiOn27November2023_Received()
    {
        // Decision of 22 November 2023: from 24 November applications received on land only at Raja-Jooseppi.
        app.Clock.Reset(Local(2023, 11, 27));
        var officer = await OfficerAtAsync("RAJ");

        var application = (await RegisterAsync(officer, "RAJ", [Undocumented("Saleh Al-Hakimi", nationality: "YEM")])).GetProperty("applications")[0];

        Assert.True(application.GetProperty("received").GetBoolean());
    }

    [Fact]
    public async Task AnywhereOnLandOn1December2023_NotReceived_OnlyAirAndSea()
    {
        // Decision of 28 November 2023: the whole land border closed from 30 November; applications received at
        // air and sea crossing points only.
        app.Clock.Reset(Local(2023, 12, 1));
        foreach (var code in new[] { "VAA", "RAJ" })
        {
            var officer = await OfficerAtAsync(code);
            var application = (await RegisterAsync(officer, code, [Undocumented("Omar Farah", nationality: "SOM")])).GetProperty("applications")[0];

            Assert.False(application.GetProperty("received").GetBoolean());
            var codes = Codes(application);
            Assert.NotEmpty(codes);
            Assert.Contains("HEL", codes);
            Assert.DoesNotContain(codes, c => c is "VAA" or "VAI" or "NUI" or "IMA" or "PAR" or "NII" or "VAR" or "KUU" or "SAL" or "RAJ");
            Assert.Contains("only air and sea crossing points", application.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnderThe2024Act_AChildIsReceivedWithTheExemptionNamed_AnAdultIsNot()
    {
        // Act on Temporary Measures to Combat Instrumentalised Migration (in force 2024-07-22): receipt may be
        // stopped in a border area for at most a month; children are still received.
        app.Clock.Reset(Local(2026, 1, 15, 10));
        var decider = await app.As(Roles.Decider);
        var status = await decider.GetFromJsonAsync<JsonElement>("/api/v1/crossing-points/NII", Ct);
        var closure = status.GetProperty("status").GetProperty("decisionId").GetInt32();

        var tooLong = await decider.PostAsJsonAsync("/api/v1/decisions", Restriction(closure, "2026-01-16T00:00", "2026-02-17T00:00"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("effects[0].until", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var created = await decider.PostAsJsonAsync("/api/v1/decisions", Restriction(closure, "2026-01-16T00:00", "2026-02-16T00:00"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);

        app.Clock.Reset(Local(2026, 1, 20));
        var officer = await OfficerAtAsync("NII");
        var result = await RegisterAsync(officer, "NII", [
            Undocumented("Amina Yusuf", birth: "2012-06-01", nationality: "SOM"),
            Undocumented("Hassan Yusuf", birth: "1985-02-02", nationality: "SOM"),
            Undocumented("Fatima Yusuf", birth: "1987-09-09", nationality: "SOM", vulnerabilities: ["disabled"])]);

        var child = result.GetProperty("applications")[0];
        Assert.True(child.GetProperty("received").GetBoolean());
        Assert.Equal("child", child.GetProperty("exemption").GetString());
        Assert.Contains("exempts children", child.GetProperty("message").GetString(), StringComparison.Ordinal);
        var adult = result.GetProperty("applications")[1];
        Assert.False(adult.GetProperty("received").GetBoolean());
        Assert.Contains("none of its exempt categories", adult.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("disabled", result.GetProperty("applications")[2].GetProperty("exemption").GetString());

        var after = await decider.GetFromJsonAsync<JsonElement>("/api/v1/crossing-points/NII", Ct);
        Assert.True(after.GetProperty("status").GetProperty("asylumRestricted").GetBoolean());
    }

    private static object Restriction(int supersedes, string from, string until) => new
    {
        decidedOn = "2026-01-15",
        title = "Receipt of applications stopped in the border area of Niirala",
        text = "Under the Act on Temporary Measures to Combat Instrumentalised Migration.",
        supersedes = new[] { supersedes },
        effects = new object[]
        {
            new { crossingPoint = "NII", status = "closed", traffic = new[] { "passengers", "goods" }, from, until, asylumRestricted = true },
            new { crossingPoint = "NII", status = "closed", traffic = new[] { "passengers", "goods" }, from = until, receivesAsylumApplications = false },
        },
    };

    [Fact]
    public async Task ARetriedRegistration_CreatesOneGroup()
    {
        app.Clock.Reset(Local(2023, 11, 20));
        var officer = await OfficerAtAsync("SAL");
        var key = Guid.NewGuid().ToString();
        object[] family = [Undocumented("Karim Nasser"), Undocumented("Layla Nasser", birth: "2015-01-01", vulnerabilities: ["child"])];

        var first = RegisterAsync(officer, "SAL", family, key: key);
        var second = RegisterAsync(officer, "SAL", family, key: key);
        var results = await Task.WhenAll(first, second);

        var group = results[0].GetProperty("groupId").GetGuid();
        Assert.Equal(group, results[1].GetProperty("groupId").GetGuid());
        Assert.Equal(1, await app.WithDbAsync(db => db.AsylumGroups.CountAsync(g => g.Id == group, Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AsylumApplications.CountAsync(a => a.GroupId == group, Ct)));
    }

    [Fact]
    public async Task AGroupOfFive_IsFiveLinkedApplications()
    {
        app.Clock.Reset(Local(2023, 11, 20));
        var officer = await OfficerAtAsync("SAL");
        object[] five = [.. Enumerable.Range(1, 5).Select(i => Undocumented($"Traveller Number{i}", birth: $"199{i}-01-01", nationality: "IRQ"))];

        var result = await RegisterAsync(officer, "SAL", five);

        var applications = result.GetProperty("applications").EnumerateArray().ToList();
        Assert.Equal(5, applications.Count);
        Assert.All(applications, a => Assert.Equal(result.GetProperty("groupId").GetGuid(), a.GetProperty("groupId").GetGuid()));
        Assert.Equal(5, applications.Select(a => a.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(["Traveller Number1", "Traveller Number5"], [applications[0].GetProperty("person").GetProperty("name").GetString()!, applications[4].GetProperty("person").GetProperty("name").GetString()!]);
    }

    [Fact]
    public async Task Handover_OnlyMovesForward_AndTheCaseworkerReceives()
    {
        app.Clock.Reset(Local(2023, 11, 19));
        var officer = await OfficerAtAsync("VAR");
        var id = (await RegisterAsync(officer, "VAR", [Undocumented("Yonas Tesfaye", nationality: "ERI")])).GetProperty("applications")[0].GetProperty("id").GetString();
        var caseworker = await app.As(Roles.AsylumCaseworker);

        // Receipt before handover: not a step forward from registered.
        var early = await caseworker.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "received" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var handover = await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/handover", new { note = "Finnish Immigration Service, Kajaani reception centre" }, Ct);
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        var again = await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/handover", new { note = "Finnish Immigration Service, Kajaani reception centre" }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // An officer cannot record receipt; the asylum authority does.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "received" }, Ct)).StatusCode);
        var inbox = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/asylum-applications?status=handedOver", Ct);
        Assert.Contains(inbox.GetProperty("applications").EnumerateArray(), a => a.GetProperty("id").GetString() == id && a.GetProperty("person").GetProperty("name").GetString() == "Yonas Tesfaye");

        var received = await caseworker.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "received" }, Ct);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var body = await received.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["registered", "handedOver", "received"], body.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("status").GetString()!).ToArray());

        // Never back: neither handed over again nor withdrawn after receipt.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "withdrawn" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/handover", new { }, Ct)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"asylum-application:{id}", Ct)));
    }

    [Fact]
    public async Task TwoConflictingMovesAtOnce_OneWins_AndTheOtherIsRefused()
    {
        app.Clock.Reset(Local(2023, 11, 19));
        var officer = await OfficerAtAsync("VAR");
        var caseworker = await app.As(Roles.AsylumCaseworker);

        // Several rounds, so that the two requests overlap in at least some of them.
        for (var round = 0; round < 8; round++)
        {
            var id = (await RegisterAsync(officer, "VAR", [Undocumented($"Dawit Haile{round}", nationality: "ERI")])).GetProperty("applications")[0].GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/handover", new { }, Ct)).StatusCode);

            var moves = await Task.WhenAll(
                caseworker.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "received" }, Ct),
                caseworker.PostAsJsonAsync($"/api/v1/asylum-applications/{id}/status", new { status = "withdrawn" }, Ct));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], moves.Select(m => m.StatusCode).Order().ToArray());
            var history = await app.WithDbAsync(db => db.AsylumEvents.Where(e => e.ApplicationId == Guid.Parse(id!)).Select(e => e.Status).ToListAsync(Ct));
            Assert.Equal(3, history.Count);
        }
    }

    [Fact]
    public async Task AnAnalyst_SeesFiguresButNeverNames()
    {
        app.Clock.Reset(Local(2023, 11, 21));
        var officer = await OfficerAtAsync("SAL");
        var id = (await RegisterAsync(officer, "SAL", [Undocumented("Unique Analystname", nationality: "AFG")])).GetProperty("applications")[0].GetProperty("id").GetString();
        var analyst = await app.As(Roles.Analyst);

        var list = await analyst.GetStringAsync("/api/v1/asylum-applications?nationality=AFG", Ct);
        var one = await analyst.GetStringAsync($"/api/v1/asylum-applications/{id}", Ct);
        var csv = await analyst.GetStringAsync("/api/v1/asylum-applications/export.csv?nationality=AFG", Ct);

        Assert.Contains(id!, list, StringComparison.Ordinal);
        Assert.Contains("\"nationality\":\"AFG\"", one, StringComparison.Ordinal);
        foreach (var text in new[] { list, one, csv })
        {
            Assert.DoesNotContain("Analystname", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1998-03-04", text, StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(one).RootElement.GetProperty("person").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", applicants = new[] { Undocumented("X Y") } }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AnEarlierRegistrationOfASimilarName_IsShown_AndLinkedOnlyWhenTheOfficerSaysSo()
    {
        app.Clock.Reset(Local(2023, 11, 19));
        var vartius = await OfficerAtAsync("VAR");
        var first = (await RegisterAsync(vartius, "VAR", [Undocumented("Mohammed Al-Rashid", birth: "1996-07-12", nationality: "IRQ")])).GetProperty("applications")[0];

        app.Clock.Reset(Local(2023, 11, 21));
        var salla = await OfficerAtAsync("SAL");
        var second = (await RegisterAsync(salla, "SAL", [Undocumented("Muhammad Alrashid", birth: "1996-07-12", nationality: "IRQ")])).GetProperty("applications")[0];

        Assert.Equal("pending", second.GetProperty("identityReview").GetString());
        var earlier = second.GetProperty("earlierRegistrations").EnumerateArray().Single(e => e.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        Assert.Equal("name", earlier.GetProperty("match").GetString());
        Assert.NotEqual(first.GetProperty("person").GetProperty("personId").GetGuid(), second.GetProperty("person").GetProperty("personId").GetGuid());

        var linked = await salla.PostAsJsonAsync($"/api/v1/asylum-applications/{second.GetProperty("id").GetString()}/person", new { samePersonAs = first.GetProperty("id").GetGuid() }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var after = await linked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("linked", after.GetProperty("identityReview").GetString());
        Assert.Equal(first.GetProperty("person").GetProperty("personId").GetGuid(), after.GetProperty("person").GetProperty("personId").GetGuid());

        var changed = await salla.PostAsJsonAsync($"/api/v1/asylum-applications/{second.GetProperty("id").GetString()}/person", new { newPerson = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
    }

    [Fact]
    public async Task BadInput_NamesTheField_AndStoresNothing()
    {
        app.Clock.Reset(Local(2023, 11, 22));
        var officer = await OfficerAtAsync("SAL");
        var before = await app.WithDbAsync(db => db.AsylumApplications.CountAsync(Ct));

        var response = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new
        {
            crossingPoint = "SAL",
            applicants = new object[]
            {
                Undocumented("Valid Person"),
                new { name = "Bad\u0007Bell", dateOfBirth = "2031-01-01", nationality = "ZZZ", arrivedBy = "plane", vulnerabilities = new[] { "tired" } },
            },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "applicants[1].name", "applicants[1].dateOfBirth", "applicants[1].nationality", "applicants[1].arrivedBy", "applicants[1].vulnerabilities[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem for {field}: {errors}");
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.AsylumApplications.CountAsync(Ct)));

        // A list import is not a registration: more than 100 people at once is refused, naming the list.
        var crowd = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", applicants = Enumerable.Range(0, 101).Select(i => Undocumented($"Person {i}")).ToArray() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, crowd.StatusCode);
        Assert.True((await crowd.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("applicants", out _));

        // Absurd dates: a birth year in the future and a birth date before the calendar the product accepts.
        var absurd = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", applicants = new object[] { new { name = "A B", birthYear = 99999 }, new { name = "C D", dateOfBirth = "0001-01-01" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, absurd.StatusCode);
        var absurdErrors = (await absurd.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(absurdErrors.TryGetProperty("applicants[0].birthYear", out _), absurdErrors.ToString());
        Assert.True(absurdErrors.TryGetProperty("applicants[1].dateOfBirth", out _), absurdErrors.ToString());
        Assert.Equal(before, await app.WithDbAsync(db => db.AsylumApplications.CountAsync(Ct)));
    }

    [Fact]
    public async Task ARegistrationMadeLate_NeedsAReason_WithinTheWindow()
    {
        app.Clock.Reset(Local(2023, 11, 22));
        var officer = await OfficerAtAsync("SAL");
        var applicants = new[] { Undocumented("Late Person") };

        var noReason = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", at = "2023-11-21T10:00:00+02:00", applicants }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lateReason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var tooOld = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", at = "2023-11-10T10:00:00+02:00", lateReason = "paper", applicants }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);

        // 21 November at Salla: received (decision of 16 November), recorded a day late from the paper form.
        var late = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", at = "2023-11-21T10:00:00+02:00", lateReason = "Network down; registered on paper", applicants }, Ct);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var body = await late.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Network down; registered on paper", body.GetProperty("applications")[0].GetProperty("lateReason").GetString());
    }

    [Fact]
    public async Task AnOfficer_RegistersOnlyAtTheirCrossingPoint()
    {
        app.Clock.Reset(Local(2023, 11, 20));
        var officer = await OfficerAtAsync("VAR");

        var response = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint = "SAL", applicants = new[] { Undocumented("Someone Else") } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ADocumentedApplicant_IsReadFromTheZone_AndFoundAgainByTheDocument()
    {
        // The specimen passport of ICAO Doc 9303 Part 4 (Utopia, Anna Maria Eriksson), check digits as printed.
        string[] zone = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
        app.Clock.Reset(Local(2023, 11, 20));
        var officer = await OfficerAtAsync("VAR");

        var first = (await RegisterAsync(officer, "VAR", [new { document = new { mrz = zone }, arrivedBy = "car" }])).GetProperty("applications")[0];
        var second = (await RegisterAsync(officer, "VAR", [new { document = new { mrz = zone }, arrivedBy = "car" }])).GetProperty("applications")[0];

        Assert.Equal("ERIKSSON ANNA MARIA", first.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal("1974-08-12", first.GetProperty("person").GetProperty("dateOfBirth").GetString());
        Assert.True(first.GetProperty("documented").GetBoolean());
        var match = second.GetProperty("earlierRegistrations").EnumerateArray().First(e => e.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        Assert.Equal("document", match.GetProperty("match").GetString());
    }
}

public sealed class AsylumApiOnSqlite(SqliteApp app) : AsylumApiTests<SqliteApp>(app);

public sealed class AsylumApiOnPostgres(PostgresApp app) : AsylumApiTests<PostgresApp>(app);
