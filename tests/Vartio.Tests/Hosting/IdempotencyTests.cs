using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Hosting;

/// <summary>
/// Retried writes (docs/API.md, "Retried writes: Idempotency-Key"), through a record-creating endpoint that
/// the test host adds: it makes one traveller per request, with an audit entry, through
/// <see cref="IdempotentWrites.RunAsync"/>, as the check and the asylum registrations do.
/// </summary>
public abstract class IdempotencyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp, IIdempotencyApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameKeyAndBody_GivesTheSameResponseAndOneRecord()
    {
        var officer = await app.As(Roles.Officer);
        var before = await CountAsync();

        var first = await PostAsync(officer, "retry-same-body", new { name = "first" });
        var second = await PostAsync(officer, "retry-same-body", new { name = "first" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal("true", second.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());
        Assert.Equal((before.Travellers + 1, before.Audit + 1), await CountAsync());
    }

    [Fact]
    public async Task TwoRetriesInParallel_MakeOneRecord()
    {
        var officer = await app.As(Roles.Officer);
        var before = await CountAsync();
        var reached = app.Reached;

        // The endpoint holds each write open a moment, so both requests pass the check for a stored response
        // before either commits: the database decides between them.
        var responses = await Task.WhenAll(
            PostAsync(officer, "retry-in-parallel", new { name = "parallel", holdMilliseconds = 300 }),
            PostAsync(officer, "retry-in-parallel", new { name = "parallel", holdMilliseconds = 300 }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Single(responses, r => r.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(reached + 2, app.Reached);
        Assert.Equal((before.Travellers + 1, before.Audit + 1), await CountAsync());
        var id = JsonDocument.Parse(bodies[0]).RootElement.GetProperty("id").GetGuid();
        Assert.True(await app.WithDbAsync(db => db.Travellers.AnyAsync(t => t.Id == id, Ct)));
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Is422NamingTheHeader()
    {
        var officer = await app.As(Roles.Officer);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(officer, "reused-key", new { name = "one" })).StatusCode);
        var before = await CountAsync();

        var other = await PostAsync(officer, "reused-key", new { name = "another" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(IdempotencyKeys.Header, out _));
        Assert.StartsWith("Idempotency-Key:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("tab\there", "character 4")]
    [InlineData("avain-ä", "character 7")]
    public async Task AKeyThatIsNotPrintableAscii_Is400NamingTheHeader(string key, string expected)
    {
        var officer = await app.As(Roles.Officer);
        var before = await CountAsync();

        var response = await PostAsync(officer, key, new { name = "bad key" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty(IdempotencyKeys.Header)[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public void AnEmptyKey_IsRefused()
    {
        // An empty header value does not survive the HTTP client, so the rule is asked directly.
        Assert.Contains("1 to 255", IdempotencyKeys.KeyFault(""), StringComparison.Ordinal);
        Assert.Null(IdempotencyKeys.KeyFault("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    [Fact]
    public async Task AKeyOf256Characters_IsRefused_And255IsAccepted()
    {
        var officer = await app.As(Roles.Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(officer, new string('k', 256), new { name = "long" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(officer, new string('k', 255), new { name = "long" })).StatusCode);
    }

    [Fact]
    public async Task KeysAreTheCallersOwn()
    {
        var officer = await app.As(Roles.Officer);
        var head = await app.As(Roles.StationHead);
        var before = await CountAsync();

        var mine = await PostAsync(officer, "shared-key", new { name = "same" });
        var theirs = await PostAsync(head, "shared-key", new { name = "same" });

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.NotEqual(await mine.Content.ReadAsStringAsync(Ct), await theirs.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before.Travellers + 2, (await CountAsync()).Travellers);
    }

    [Fact]
    public async Task WithoutAKey_EachRequestIsAWrite()
    {
        var officer = await app.As(Roles.Officer);
        var before = await CountAsync();

        await officer.PostAsJsonAsync(IIdempotencyApp.Route, new { name = "no key" }, Ct);
        await officer.PostAsJsonAsync(IIdempotencyApp.Route, new { name = "no key" }, Ct);

        Assert.Equal(before.Travellers + 2, (await CountAsync()).Travellers);
    }

    [Fact]
    public async Task ARefusedWrite_KeepsNeitherRecordNorKey()
    {
        var officer = await app.As(Roles.Officer);
        var before = await CountAsync();

        var refused = await PostAsync(officer, "refused-write", new { name = "", refuse = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, await CountAsync());
        Assert.False(await app.WithDbAsync(db => db.IdempotencyKeys.AnyAsync(k => k.Key == "refused-write", Ct)));

        // The key is still free: the corrected request is carried out.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(officer, "refused-write", new { name = "corrected" })).StatusCode);
    }

    [Fact]
    public async Task AKeyIsForgottenAfterTheRetentionPeriod_AndSweptAway()
    {
        var officer = await app.As(Roles.Officer);
        var first = await PostAsync(officer, "expiring-key", new { name = "day one" });
        var before = await CountAsync();
        try
        {
            // Idempotency:RetentionHours is 24 by default.
            app.Clock.Advance(Duration.FromHours(24) + Duration.FromSeconds(1));
            var later = await PostAsync(officer, "expiring-key", new { name = "day one" });

            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
            Assert.False(later.Headers.Contains(IdempotencyKeys.ReplayedHeader));
            Assert.NotEqual(await first.Content.ReadAsStringAsync(Ct), await later.Content.ReadAsStringAsync(Ct));
            Assert.Equal(before.Travellers + 1, (await CountAsync()).Travellers);

            app.Clock.Advance(Duration.FromHours(24) + Duration.FromSeconds(1));
            var swept = await app.WithDbAsync(db => IdempotencyKeySweeper.SweepAsync(db, app.Clock, new IdempotencyOptions(Duration.FromHours(24)), Ct));
            Assert.True(swept >= 1);
            Assert.False(await app.WithDbAsync(db => db.IdempotencyKeys.AnyAsync(Ct)));
        }
        finally
        {
            app.Clock.Reset(VartioApp.DefaultNow);
        }
    }

    [Fact]
    public async Task TheOpenApiDocument_NamesTheHeaderAndThe422()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var operation = document.GetProperty("paths").GetProperty(IIdempotencyApp.Route).GetProperty("post");

        var header = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == IdempotencyKeys.Header);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Equal(255, header.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(operation.GetProperty("responses").TryGetProperty("422", out _));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, IIdempotencyApp.Route) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        return client.SendAsync(request, Ct);
    }

    private Task<(int Travellers, int Audit)> CountAsync() => app.WithDbAsync(async db =>
        (await db.Travellers.CountAsync(Ct), await db.AuditLog.CountAsync(e => e.Action == IIdempotencyApp.AuditAction, Ct)));
}

/// <summary>A host with one record-creating endpoint that honours Idempotency-Key.</summary>
public interface IIdempotencyApp
{
    const string Route = "/api/v1/test-travellers";

    const string AuditAction = "test.traveller.created";

    /// <summary>How many requests reached the endpoint (past the check for a stored response).</summary>
    int Reached { get; }

    internal static void Map(WebApplication app, Action reached) =>
        app.MapPost(Route, async (TestTraveller body, HttpContext http, VartioDbContext db, IClock clock) =>
        {
            reached();
            return await IdempotentWrites.RunAsync(http, db, clock, async ct =>
            {
                if (body.Refuse)
                {
                    return WriteOutcome.Refused(ProblemResponses.Invalid("name", "Refused as asked.", "Refused"));
                }

                var row = new TravellerRow { Id = TravelDocuments.NewId(clock.GetCurrentInstant()), CreatedAt = clock.GetCurrentInstant() };
                db.Travellers.Add(row);
                await db.SaveChangesAsync(ct);
                await Task.Delay(body.HoldMilliseconds, ct);
                return WriteOutcome.Created(new { id = row.Id, name = body.Name }, new AuditRecord(Actors.Of(http.User), AuditAction, "traveller:" + row.Id, body.Name));
            });
        }).RequireAuthorization().WithIdempotencyKey();
}

public sealed record TestTraveller(string Name, bool Refuse = false, int HoldMilliseconds = 0);

public sealed class IdempotencySqliteApp : SqliteApp, IIdempotencyApp
{
    private int reached;

    public int Reached => Volatile.Read(ref reached);

    protected override void ConfigureApp(WebApplication app) => IIdempotencyApp.Map(app, () => Interlocked.Increment(ref reached));
}

public sealed class IdempotencyPostgresApp : PostgresApp, IIdempotencyApp
{
    private int reached;

    public int Reached => Volatile.Read(ref reached);

    protected override void ConfigureApp(WebApplication app) => IIdempotencyApp.Map(app, () => Interlocked.Increment(ref reached));
}

public sealed class IdempotencyOnSqlite(IdempotencySqliteApp app) : IdempotencyTests<IdempotencySqliteApp>(app);

public sealed class IdempotencyOnPostgres(IdempotencyPostgresApp app) : IdempotencyTests<IdempotencyPostgresApp>(app);
