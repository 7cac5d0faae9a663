using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Documents;

/// <summary><c>POST /api/v1/documents/mrz</c> for officers, on each database.</summary>
public abstract class MrzApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private const string Path = "/api/v1/documents/mrz";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ICAO Doc 9303 Part 4's specimen passport.
    private static readonly string[] Passport = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

    [Fact]
    public async Task OfficerReadingAValidPassport_GetsItsFieldsUnderExactlyTheDocumentedKeys()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { lines = Passport }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(MrzCommandTests.Keys, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TD3", json.GetProperty("format").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("L898902C3", json.GetProperty("documentNumber").GetString());
        Assert.Equal("ERIKSSON", json.GetProperty("primaryIdentifier").GetString());
        Assert.Equal("ANNA MARIA", json.GetProperty("secondaryIdentifier").GetString());
        Assert.Equal("1974-08-12", json.GetProperty("dateOfBirth").GetString());
        Assert.Equal("2012-04-15", json.GetProperty("dateOfExpiry").GetString());
        Assert.Equal("ZE184226B", json.GetProperty("optionalData").GetString());
    }

    [Fact]
    public async Task StationHeadReadingALetterInADate_GetsTheCorrectedFieldsAndTheCorrection()
    {
        var client = await app.As(Roles.StationHead);

        // The specimen's birth date 740812 read with O for its 0: a date holds only digits.
        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { Passport[0], "L898902C36UTO74O8122F1204159ZE184226B<<<<<10" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("1974-08-12", json.GetProperty("dateOfBirth").GetString());
        var correction = Assert.Single(json.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("dateOfBirth", "74O812", "740812"), (correction.GetProperty("field").GetString(), correction.GetProperty("from").GetString(), correction.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task ChangedDigitInADocumentNumber_IsNotMadeValidButTheLookAlikeIsOfferedToCompare()
    {
        var client = await app.As(Roles.Officer);

        // ICAO's specimen with its number L898902C3 changed to L898902C4. LB98902C4 satisfies both the number's
        // and the composite check digit, which cover it with the same weights: no evidence for a swap.
        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { Passport[0], "L898902C46UTO7408122F1204159ZE184226B<<<<<10" } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(problem.GetProperty("valid").GetBoolean());
        Assert.Equal("L898902C4", problem.GetProperty("documentNumber").GetString());
        Assert.Equal(0, problem.GetProperty("corrections").GetArrayLength());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["documentNumberCheckDigit", "compositeCheckDigit"], errors.Select(e => e.GetProperty("field").GetString()));
        var candidate = Assert.Single(errors[0].GetProperty("candidates").EnumerateArray());
        Assert.Equal(("documentNumber", "LB98902C4", 2, 1), (candidate.GetProperty("field").GetString(), candidate.GetProperty("reading").GetString(), candidate.GetProperty("line").GetInt32(), candidate.GetProperty("position").GetInt32()));
        Assert.Equal(0, errors[1].GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task ExpiredPassport_IsAValidZoneThatSaysItHasExpired()
    {
        var client = await app.As(Roles.Officer);

        // ICAO's specimen expired on 2012-04-15; the suite's clock stands in 2026.
        var response = await client.PostAsJsonAsync(Path, new { lines = Passport }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.True(json.GetProperty("expired").GetBoolean());
        Assert.Equal(["the document expired on 2012-04-15"], json.GetProperty("remarks").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SingleNameInTheSecondaryIdentifier_IsAValidZoneWithARemark()
    {
        var client = await app.As(Roles.Officer);

        // A valid TD3 zone whose name field opens with << (no primary identifier); check digits worked in
        // Vartio.Domain.Tests' MrzRemarkTests (Doc 9303 Part 3 weights 7, 3, 1).
        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { "P<IND<<FIRST<NAME<<<<<<<<<<<<<<<<<<<<<<<<<<<", "J8369854<4IND8503150M3209170<<<<<<<<<<<<<<<0" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.False(json.GetProperty("expired").GetBoolean());
        Assert.Equal("", json.GetProperty("primaryIdentifier").GetString());
        Assert.Equal("FIRST NAME", json.GetProperty("secondaryIdentifier").GetString());
        Assert.Equal(["the name has no primary identifier: the holder's single name is in the secondary identifier only"], json.GetProperty("remarks").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task FaultyZone_IsProblemDetailsWithTheFieldsAndEachErrorsLineAndPosition()
    {
        var client = await app.As(Roles.Officer);

        // The expiry date's check digit (line 2 position 28) changed: it and the composite fail.
        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { Passport[0], "L898902C36UTO7408122F1204158ZE184226B<<<<<10" } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("The machine-readable zone is not valid", problem.GetProperty("title").GetString());
        Assert.Contains("Line 2, position 28 (dateOfExpiryCheckDigit)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var key in MrzCommandTests.Keys)
        {
            Assert.True(problem.TryGetProperty(key, out _), $"missing {key}");
        }

        Assert.False(problem.GetProperty("valid").GetBoolean());
        Assert.True(problem.GetProperty("expired").GetBoolean());
        Assert.Equal("L898902C3", problem.GetProperty("documentNumber").GetString());
        Assert.Equal(
            [("dateOfExpiryCheckDigit", 2, 28), ("compositeCheckDigit", 2, 44)],
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("position").GetInt32())));
    }

    [Fact]
    public async Task FaultyZone_ListsItsErrorsAsProblemsLikeEveryEndpoint()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { Passport[0], "L898902C36UTO7408122F1204158ZE184226B<<<<<10" } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            [("dateOfExpiryCheckDigit", 2, 28), ("compositeCheckDigit", 2, 44)],
            problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("line").GetInt32(), p.GetProperty("position").GetInt32())));
        Assert.All(problem.GetProperty("problems").EnumerateArray(), p => Assert.StartsWith("check digit", p.GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TextThatIsNoZone_IsOneProblemWithTheInputAsAWhole()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { "not a zone" } }, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("input", only.GetProperty("field").GetString());
        Assert.False(only.TryGetProperty("line", out var line) && line.ValueKind != JsonValueKind.Null, "no line for the input as a whole");
        Assert.StartsWith("input: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextThatIsNoZone_IsProblemDetailsWithANullFormat()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { "not a zone" } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The input is not a machine-readable zone", problem.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("format").ValueKind);
        Assert.Equal("input", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task RequestWithoutLines_IsBadRequestNamingTheField()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task ZonePastedAsOneLine_IsReadAndTheNormalisationReported()
    {
        var client = await app.As(Roles.Officer);

        var response = await client.PostAsJsonAsync(Path, new { lines = new[] { " " + string.Concat(Passport) + " " } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            ["surrounding whitespace removed", "a single line of 88 characters read as 2 lines of 44"],
            json.GetProperty("normalisations").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task AnonymousCaller_IsRefused()
    {
        var response = await app.Anonymous().PostAsJsonAsync(Path, new { lines = Passport }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ZonePage_IsServedToOfficersWithItsStylesheet()
    {
        var client = await app.As(Roles.Officer);

        var page = await client.GetStringAsync("/documents/mrz", Ct);
        var css = await client.GetAsync("/mrz.css", Ct);

        Assert.Contains("<h1>Machine-readable zone</h1>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"mrz-input\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".mrz-fault", await css.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZonePage_SendsAnonymousVisitorsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/documents/mrz", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fdocuments%2Fmrz", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Decider)]
    public async Task StaffOutsideTheBorderCheck_AreForbidden(string role)
    {
        var client = await app.As(role);

        var response = await client.PostAsJsonAsync(Path, new { lines = Passport }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class MrzApiOnSqlite(SqliteApp app) : MrzApiTests<SqliteApp>(app);

public sealed class MrzApiOnPostgres(PostgresApp app) : MrzApiTests<PostgresApp>(app);
