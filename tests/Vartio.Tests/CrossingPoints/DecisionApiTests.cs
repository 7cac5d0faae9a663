using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using NodaTime;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// Draft, preview, publish over HTTP, with the refusals the issue names. "Now" is 15 January 2026:
/// every land crossing point is closed until further notice by decision 9 (4 April 2024).
/// </summary>
public abstract class DecisionApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private const int UntilFurtherNotice = 9;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Effect(string code, string status, string from, string? until = null, string[]? traffic = null) =>
        new { crossingPoint = code, status, from, until, traffic };

    private static object Decision(string title, object[] effects, int[]? supersedes = null) =>
        new { decidedOn = "2026-01-15", title, text = $"{title}.", supersedes, effects };

    [Fact]
    public async Task DeciderDraftsPreviewsAndPublishes_AndTheStatusFollows()
    {
        var decider = await app.As(Roles.Decider);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Close Nuijamaa port to goods in 2031", [Effect("NUP", "closed", "2031-06-01T00:00", "2031-07-01T00:00", ["goods"])]), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        Assert.Equal("2031-05-31T21:00:00Z", draft.GetProperty("effects")[0].GetProperty("from").GetString());
        Assert.Equal("2031-06-01T00:00:00+03:00", draft.GetProperty("effects")[0].GetProperty("fromLocal").GetString());

        // A draft has no effect and is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/decisions/{id}", Ct)).StatusCode);
        var before = await StatusOf("NUP", "2031-06-15T12:00Z");
        Assert.Equal("restricted", before.GetProperty("status").GetString());

        var preview = await decider.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{id}/preview", Ct);
        var affected = preview.GetProperty("crossingPoints").EnumerateArray().Where(p => p.GetProperty("affected").GetBoolean()).ToList();
        Assert.Equal("NUP", Assert.Single(affected).GetProperty("code").GetString());
        Assert.Equal("closed", affected[0].GetProperty("changes")[0].GetProperty("after").GetString());

        var published = await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = await published.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("published", body.GetProperty("state").GetString());
        Assert.Equal("2026-01-15T10:00:00Z", body.GetProperty("publishedAt").GetString());

        var after = await StatusOf("NUP", "2031-06-15T12:00Z");
        Assert.Equal("closed", after.GetProperty("status").GetString());
        Assert.Equal(id, after.GetProperty("decisionId").GetInt32());

        // Publishing again (a retry) changes nothing and answers with the published decision.
        var again = await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2026-01-15T10:00:00Z", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("publishedAt").GetString());
        var announcements = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/announcements", Ct);
        Assert.Single(announcements.EnumerateArray(), a => a.GetProperty("decisionId").GetInt32() == id);
    }

    [Fact]
    public async Task StatusNow_ShowsAPublishedChangeAtOnce()
    {
        // The answer for "now" is cached within the second; publishing must clear it.
        var before = await StatusOf("VAI", null);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("nextChange").ValueKind);

        var decider = await app.As(Roles.Decider);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Stop rail freight at Vainikkala for March", [Effect("VAI", "closed", "2026-03-01T00:00", "2026-04-01T00:00")]), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);

        var after = await StatusOf("VAI", null);
        Assert.Equal("2026-02-28T22:00:00Z", after.GetProperty("nextChange").GetProperty("at").GetString());
        Assert.Equal("closed", after.GetProperty("nextChange").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownCrossingPoint_IsNotFound()
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", Decision("Nowhere", [Effect("XYZ", "closed", "2032-01-01T00:00")]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("effects[0].crossingPoint", out _));
    }

    [Fact]
    public async Task EndBeforeStart_IsBadRequestNamingTheField()
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Backwards", [Effect("NUP", "closed", "2032-02-01T00:00", "2032-01-01T00:00", ["goods"])]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("effects[0].until", out _));
    }

    [Fact]
    public async Task MalformedTimesAndStatus_AreAllReportedWithTheirFields()
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Sloppy", [Effect("NUP", "shut", "next monday", "2032-13-01T00:00", ["goods", "camels"])]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(
            ["effects[0].from", "effects[0].status", "effects[0].traffic", "effects[0].until"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TimeSkippedByDaylightSaving_IsRefused()
    {
        // 29 March 2032: clocks in Helsinki go from 03:00 to 04:00, so 03:30 does not exist.
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Gap", [Effect("NUP", "closed", "2032-03-28T03:30", null, ["goods"])]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("effects[0].from")[0].GetString();
        Assert.Contains("daylight saving", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlapWithPublishedDecision_IsConflictNamingIt_UnlessSuperseded()
    {
        var decider = await app.As(Roles.Decider);
        var overlapping = Decision("Reopen Vaalimaa in 2033", [Effect("VAA", "open", "2033-01-01T00:00", "2033-02-01T00:00")]);
        var conflict = await decider.PostAsJsonAsync("/api/v1/decisions", overlapping, Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(UntilFurtherNotice, problem.GetProperty("conflictingDecisions")[0].GetInt32());
        Assert.Contains("decision 9", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var superseding = Decision("Reopen Vaalimaa in 2033", [Effect("VAA", "open", "2033-01-01T00:00", "2033-02-01T00:00")], [UntilFurtherNotice]);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions", superseding, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);
        Assert.Equal("open", (await StatusOf("VAA", "2033-01-15T12:00Z")).GetProperty("status").GetString());
        Assert.Equal("closed", (await StatusOf("NUI", "2033-01-15T12:00Z")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnonymousAndOfficer_CannotDraftOrPublish()
    {
        var decider = await app.As(Roles.Decider);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Close Nuijamaa port to goods in 2034", [Effect("NUP", "closed", "2034-06-01T00:00", "2034-07-01T00:00", ["goods"])]), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/decisions", new { }, Ct)).StatusCode);

        foreach (var role in new[] { Roles.Officer, Roles.StationHead, Roles.Analyst, Roles.AsylumCaseworker, Roles.Admin })
        {
            var client = await app.As(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/decisions", new { }, Ct)).StatusCode);
        }

        var still = await decider.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{id}", Ct);
        Assert.Equal("draft", still.GetProperty("state").GetString());
    }

    [Fact]
    public async Task PublishedDecision_CannotBeDeleted_DraftCan()
    {
        var decider = await app.As(Roles.Decider);
        Assert.Equal(HttpStatusCode.Conflict, (await decider.DeleteAsync("/api/v1/decisions/2", Ct)).StatusCode);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Short-lived draft", [Effect("NUP", "closed", "2035-06-01T00:00", null, ["goods"])]), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await decider.DeleteAsync($"/api/v1/decisions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await decider.GetAsync($"/api/v1/decisions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnnouncementFeed_IsValidAtomWithOneEntryPerPublishedDecision()
    {
        var response = await app.Anonymous().GetAsync("/feeds/announcements.atom", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = XmlReader.Create(stream);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "The document is not an Atom 1.0 feed (RFC 4287).");
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;

        var published = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/decisions", Ct);
        Assert.Equal(published.GetArrayLength(), feed.Items.Count());
        var first = feed.Items.Single(i => i.Id.EndsWith("/api/v1/decisions/2", StringComparison.Ordinal));
        Assert.Equal("Vaalimaa, Nuijamaa, Imatra and Niirala close", first.Title.Text);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 14, 0, 0, TimeSpan.Zero), first.PublishDate);
        Assert.All(feed.Items, i => Assert.NotEqual(default, i.LastUpdatedTime));
    }

    [Fact]
    public async Task OverlappingDraftsPublishedAtOnce_OnlyOneIsPublished_TheOthersConflict()
    {
        // Six drafts closing Nuijamaa port to goods for the same month of 2028, all published at the same moment:
        // whichever is published first governs, and each of the others now overlaps it.
        var decider = await app.As(Roles.Decider);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var created = await decider.PostAsJsonAsync("/api/v1/decisions",
                Decision($"Close Nuijamaa port to goods in June 2028 ({i})", [Effect("NUP", "closed", "2028-06-01T00:00", "2028-07-01T00:00", ["goods"])]), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
        }

        var responses = await Task.WhenAll(ids.Select(id => decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var published = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/decisions", Ct);
        Assert.Single(published.EnumerateArray(), d => ids.Contains(d.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task OneDraftPublishedManyTimesAtOnce_IsPublishedOnce_AndEveryAnswerIsThePublishedDecision()
    {
        var decider = await app.As(Roles.Decider);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Close Nuijamaa port to goods in June 2029", [Effect("NUP", "closed", "2029-06-01T00:00", "2029-07-01T00:00", ["goods"])]), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        Assert.All(bodies, b => Assert.Equal("2026-01-15T10:00:00Z", b.GetProperty("publishedAt").GetString()));
        var announcements = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/announcements", Ct);
        Assert.Single(announcements.EnumerateArray(), a => a.GetProperty("decisionId").GetInt32() == id);
    }

    [Theory]
    [InlineData("NUL", "\0", "U+0000")]
    [InlineData("vertical tab", "\v", "U+000B")]
    [InlineData("bell", "\a", "U+0007")]
    public async Task ControlCharacterInTitleOrText_IsRefusedNamingTheField_AndNothingIsStored(string name, string escaped, string codePoint)
    {
        // Such characters cannot be written into XML 1.0 (§2.2), so a published one would break the Atom feed.
        var character = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var decider = await app.As(Roles.Decider);
        var before = (await decider.GetFromJsonAsync<JsonElement>("/api/v1/decisions", Ct)).GetArrayLength();
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", new
        {
            title = $"Close Nuijamaa port ({name}{character} inside)",
            text = $"Text with a {name}{character} inside.",
            effects = new[] { Effect("NUP", "closed", "2043-06-01T00:00", null, ["goods"]) },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(codePoint, problem.GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(codePoint, problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("title", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await decider.GetFromJsonAsync<JsonElement>("/api/v1/decisions", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task ControlCharacterInAnEffectNote_IsRefusedNamingTheEffect()
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", new
        {
            title = "Close Nuijamaa port with a bad note",
            effects = new[] { new { crossingPoint = "NUP", status = "closed", from = "2043-07-01T00:00", traffic = new[] { "goods" }, note = "a\u0000b" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("U+0000", errors.GetProperty("effects[0].note")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-9998-01-01T00:00", "effects[0].from")]
    [InlineData("9999-12-31T23:59", "effects[0].from")]
    [InlineData("1899-12-31T23:59", "effects[0].from")]
    public async Task EffectTimeOutsideTheAcceptedYears_IsBadRequestNamingTheFieldAndTheRange(string from, string field)
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", Decision("Far away", [Effect("NUP", "closed", from, null, ["goods"])]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains("1900 to 2200", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilOutsideTheAcceptedYears_IsBadRequestNamingIt()
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions",
            Decision("Far away", [Effect("NUP", "closed", "2044-01-01T00:00", "9999-12-31T23:59", ["goods"])]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("effects[0].until", out _));
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    public async Task DecidedOnOutsideTheAcceptedYears_IsBadRequestNamingIt(string decidedOn)
    {
        var decider = await app.As(Roles.Decider);
        var response = await decider.PostAsJsonAsync("/api/v1/decisions", new
        {
            decidedOn,
            title = "Decided long ago",
            effects = new[] { Effect("NUP", "closed", "2044-02-01T00:00", null, ["goods"]) },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("decidedOn")[0].GetString();
        Assert.Contains("1900 to 2200", message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> StatusOf(string code, string? at)
    {
        var query = at is null ? "" : $"?at={Uri.EscapeDataString(at)}";
        var status = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/status{query}", Ct);
        return status.GetProperty("crossingPoints").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);
    }
}

public sealed class DecisionApiOnSqlite(SqliteApp app) : DecisionApiTests<SqliteApp>(app);

public sealed class DecisionApiOnPostgres(PostgresApp app) : DecisionApiTests<PostgresApp>(app);
