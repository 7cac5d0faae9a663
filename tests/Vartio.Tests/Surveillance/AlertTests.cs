using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Hosting;
using Vartio.Surveillance;
using Vartio.Tests.CrossingPoints;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Surveillance;

/// <summary>
/// Surge alerts as registrations are written (docs/SURGE.md, docs/API.md "Alerts"), on each database. Each test
/// uses its own crossing point and a time months from the others', so their baselines do not meet; the expected
/// figures follow from the method's defaults: a crossing point with no arrivals in the 28 days before has the
/// floor's baseline of 0.2 a day (0.04 in units of five), and 10 arrivals (2 units) are the fewest that open an
/// alert there: P(N ≥ 2 | 0.04) = 7.8e−4 &lt; 0.001, at the method's minimum count.
/// </summary>
public abstract class AlertTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static Instant Local(int year, int month, int day, int hour) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Helsinki).ToInstant();

    private static object[] People(int count) => [.. Enumerable.Range(0, count).Select(_ => new { name = "Test Person", nationality = "SYR", arrivedBy = "bicycle" })];

    private static async Task RegisterAsync(HttpClient officer, string crossingPoint, int people)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/asylum-applications", new { crossingPoint, applicants = People(people) }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ConcurrentRegistrationsAtVartius_OpenOneAlertPerPlace_WithEvidenceAuditAndWebhooksForAlertSubscribersOnly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.As(Roles.Admin);
        var alertsOnly = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = receiver.Url, description = "Analysts' unit", events = new[] { "alert." } }, Ct);
        Assert.Equal(HttpStatusCode.Created, alertsOnly.StatusCode);
        var alertsOnlyBody = await alertsOnly.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["alert."], alertsOnlyBody.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var alertsOnlyId = Guid.Parse(alertsOnlyBody.GetProperty("id").GetString()!);
        var unfiltered = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = receiver.Url, description = "Neighbour authority" }, Ct);
        var unfilteredId = Guid.Parse((await unfiltered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);

        // 18 November 2023, Vartius receiving applications (decision of 16 November): 40 people one by one at once.
        app.Clock.Reset(Local(2023, 11, 18, 12));
        var officer = await app.OfficerAtAsync("VAR");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => RegisterAsync(officer, "VAR", 1)));

        var alerts = await app.WithDbAsync(db => db.Alerts.AsNoTracking().ToListAsync(Ct));
        Assert.All(alerts.Where(a => a.ClosedAt == null).GroupBy(a => (a.Scope, a.Place)), g => Assert.Single(g));
        var vartius = Assert.Single(alerts, a => a.Scope == "crossing-point" && a.Place == "VAR");
        Assert.Single(alerts, a => a.Scope == "section" && a.Place == "Kainuu");
        Assert.Equal("Kainuu", vartius.Section);
        Assert.Null(vartius.ClosedAt);
        Assert.InRange(vartius.Count, 16, 40);
        Assert.Equal(0.2, vartius.Baseline);
        Assert.Matches(@"^\d+ so far at Vartius on 18 November 2023 against a baseline of 0\.2 a day; p < 0\.001$", vartius.Evidence);

        var analyst = await app.As(Roles.Analyst);
        var listed = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open&crossingPoint=VAR", Ct);
        var alert = Assert.Single(listed.EnumerateArray());
        Assert.Equal(vartius.Id.ToString(), alert.GetProperty("id").GetString());
        Assert.Equal("crossing-point", alert.GetProperty("scope").GetString());
        Assert.Equal("VAR", alert.GetProperty("crossingPoint").GetString());
        Assert.Equal("2023-11-18T10:00:00Z", alert.GetProperty("openedAt").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("closedAt").ValueKind);
        Assert.Equal(vartius.Evidence, alert.GetProperty("evidence").GetString());
        Assert.Equal("2023-11-18", alert.GetProperty("day").GetString());
        var section = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts?scope=section", Ct);
        Assert.Contains(section.EnumerateArray(), a => a.GetProperty("section").GetString() == "Kainuu" && a.GetProperty("crossingPoint").ValueKind == JsonValueKind.Null);

        // One audit entry per opening, and the events for the subscriber that asked for alerts only.
        var opened = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Action == "alert.opened" && e.Subject == $"alert:{vartius.Id}").CountAsync(Ct));
        Assert.Equal(1, opened);
        var deliveries = await app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.EventType.StartsWith("alert.")).ToListAsync(Ct));
        Assert.Contains(deliveries, d => d.SubscriptionId == alertsOnlyId && d.EventId == $"alert.opened/{vartius.Id}");
        Assert.DoesNotContain(deliveries, d => d.SubscriptionId == unfilteredId);

        await app.App.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(Ct);
        var sent = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).Single(e => e.GetProperty("id").GetString() == $"alert.opened/{vartius.Id}");
        Assert.Equal("alert.opened", sent.GetProperty("type").GetString());
        Assert.Matches(@"^\d+ so far at Vartius on 18 November 2023 against a baseline of 0\.2 a day; p < 0\.001$", sent.GetProperty("data").GetProperty("evidence").GetString());
        Assert.Equal("2023-11-18T10:00:00Z", sent.GetProperty("data").GetProperty("openedAt").GetString());
        Assert.All(receiver.Received, r => Assert.StartsWith("v1,", r.Headers["webhook-signature"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAlertUpdatesOnceWithTheWholeDay_AndClosesAfterThreeQuietDays_AsThePeriodicEvaluationRuns()
    {
        // Helsinki West Harbour, June 2024: a group of 20 (4 groups of 5 at most) opens an alert at once.
        app.SkipIfUnavailable();
        var monitor = app.App.Services.GetRequiredService<SurgeMonitor>();
        var changes = new List<AlertChange>();
        var notifications = app.App.Services.GetRequiredService<SurgeAlerts>();
        void Collect(object? sender, AlertChange change) => changes.Add(change);
        notifications.Changed += Collect;
        try
        {
            app.Clock.Reset(Local(2024, 6, 10, 12));
            var officer = await app.OfficerAtAsync("HWH");
            await RegisterAsync(officer, "HWH", 20);
            var opened = Assert.Single(changes, c => c.Alert.CrossingPoint == "HWH");
            Assert.Equal(AlertChange.Opened, opened.Kind);
            Assert.Equal("20 so far at Helsinki West Harbour on 10 June 2024 against a baseline of 0.2 a day; p < 0.001", opened.Alert.Evidence);

            // Evaluations through the same day change nothing; the next day shows the whole of 10 June once.
            Assert.DoesNotContain(await monitor.EvaluateAsync(Local(2024, 6, 10, 18), Ct), c => c.Alert.CrossingPoint == "HWH");
            var whole = Assert.Single(await monitor.EvaluateAsync(Local(2024, 6, 11, 8), Ct), c => c.Alert.CrossingPoint == "HWH");
            Assert.Equal(AlertChange.Updated, whole.Kind);
            Assert.Equal("20 at Helsinki West Harbour on 10 June 2024 against a baseline of 0.2 a day; p < 0.001", whole.Alert.Evidence);
            Assert.DoesNotContain(await monitor.EvaluateAsync(Local(2024, 6, 13, 8), Ct), c => c.Alert.CrossingPoint == "HWH");

            // 11, 12 and 13 June without arrivals: closed on the 14th.
            var closed = Assert.Single(await monitor.EvaluateAsync(Local(2024, 6, 14, 0) + Duration.FromMinutes(10), Ct), c => c.Alert.CrossingPoint == "HWH");
            Assert.Equal(AlertChange.Closed, closed.Kind);
            Assert.Equal(Local(2024, 6, 14, 0) + Duration.FromMinutes(10), closed.Alert.ClosedAt);
            Assert.Equal(["opened", "updated", "closed"], changes.Where(c => c.Alert.CrossingPoint == "HWH").Select(c => c.Kind));

            var audit = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Subject == $"alert:{opened.Alert.Id}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
            Assert.Equal(["alert.opened", "alert.updated", "alert.closed"], audit);
            var all = await (await app.As(Roles.Decider)).GetFromJsonAsync<JsonElement>("/api/v1/alerts?crossingPoint=hwh", Ct);
            Assert.Equal("2024-06-13T21:10:00Z", Assert.Single(all.EnumerateArray()).GetProperty("closedAt").GetString());
        }
        finally
        {
            notifications.Changed -= Collect;
        }
    }

    [Fact]
    public async Task ARegistration_IsStoredAndAnswered_WhenTheSurgeEvaluationAfterItFails()
    {
        app.Clock.Reset(Local(2025, 3, 1, 12));
        var officer = await app.OfficerAtAsync("HEL");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE alerts RENAME TO alerts_away", Ct));
        try
        {
            await RegisterAsync(officer, "HEL", 30);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE alerts_away RENAME TO alerts", Ct));
        }

        Assert.Equal(30, await app.WithDbAsync(db => db.AsylumApplications.CountAsync(a => a.CrossingPointCode == "HEL" && a.At == Local(2025, 3, 1, 12), Ct)));

        // The next evaluation catches up.
        var changes = await app.App.Services.GetRequiredService<SurgeMonitor>().EvaluateAsync(Local(2025, 3, 1, 13), Ct);
        Assert.Contains(changes, c => c.Kind == AlertChange.Opened && c.Alert.CrossingPoint == "HEL");
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.AsylumCaseworker)]
    [InlineData(Roles.Admin)]
    public async Task RolesWithoutSituationalAwareness_CannotListAlerts(string role)
    {
        var client = await app.As(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/alerts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/alerts/subscription", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnonymousCannotListAlerts_AndADeciderCannotSubscribe()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/alerts", Ct)).StatusCode);
        var decider = await app.As(Roles.Decider);
        Assert.Equal(HttpStatusCode.OK, (await decider.GetAsync("/api/v1/alerts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await decider.PutAsJsonAsync("/api/v1/alerts/subscription", new { kind = "all" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AStationHeadSubscribesToASection_AndBadChoicesAreNamed()
    {
        var head = await app.As(Roles.StationHead);
        Assert.Equal("none", (await head.GetFromJsonAsync<JsonElement>("/api/v1/alerts/subscription", Ct)).GetProperty("kind").GetString());

        var put = await head.PutAsJsonAsync("/api/v1/alerts/subscription", new { kind = "section", section = "Lapland" }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await head.GetFromJsonAsync<JsonElement>("/api/v1/alerts/subscription", Ct);
        Assert.Equal("section", stored.GetProperty("kind").GetString());
        Assert.Equal("Lapland", stored.GetProperty("section").GetString());

        await AssertProblemAsync(await head.PutAsJsonAsync("/api/v1/alerts/subscription", new { kind = "everything" }, Ct), "kind");
        await AssertProblemAsync(await head.PutAsJsonAsync("/api/v1/alerts/subscription", new { kind = "section", section = "Uusimaa" }, Ct), "section");
        await AssertProblemAsync(await head.PutAsJsonAsync("/api/v1/alerts/subscription", new { kind = "crossingPoints", crossingPoints = new[] { "VAR", "XYZ" } }, Ct), "crossingPoints[1]");
        Assert.Equal("Lapland", (await head.GetFromJsonAsync<JsonElement>("/api/v1/alerts/subscription", Ct)).GetProperty("section").GetString());

        var analyst = await app.As(Roles.Analyst);
        await AssertProblemAsync(await analyst.GetAsync("/api/v1/alerts?status=closed", Ct), "status");
        await AssertProblemAsync(await analyst.GetAsync("/api/v1/alerts?scope=district", Ct), "scope");
        var admin = await app.As(Roles.Admin);
        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook", events = new[] { "alerts" } }, Ct), "events[0]");
    }

    [Fact]
    public async Task AlertsCommand_PrintsTheApisJson_AndRefusesBadOptionsWithExitCode2()
    {
        app.Clock.Reset(Local(2025, 9, 1, 12));
        await RegisterAsync(await app.OfficerAtAsync("HAA"), "HAA", 25);

        var (exit, output, error) = await Cli.RunAsync(["alerts", "--json", "--open", "--crossing-point", "HAA", .. app.DatabaseArguments]);
        Assert.True(exit == 0, error);
        var alert = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("crossing-point", alert.GetProperty("scope").GetString());
        Assert.Equal("HAA", alert.GetProperty("crossingPoint").GetString());
        Assert.Equal("2025-09-01T09:00:00Z", alert.GetProperty("openedAt").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("closedAt").ValueKind);
        Assert.Equal("25 so far at Haapasaari on 1 September 2025 against a baseline of 0.2 a day; p < 0.001", alert.GetProperty("evidence").GetString());

        var (tableExit, table, _) = await Cli.RunAsync(["alerts", .. app.DatabaseArguments]);
        Assert.Equal(0, tableExit);
        Assert.Contains("25 so far at Haapasaari", table, StringComparison.Ordinal);

        var (badExit, _, badError) = await Cli.RunAsync(["alerts", "--scope", "district", .. app.DatabaseArguments]);
        Assert.Equal(2, badExit);
        Assert.Contains("--scope", badError, StringComparison.Ordinal);
        Assert.Equal(2, (await Cli.RunAsync("alerts", "--since", "yesterday")).Exit);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no problem named {field}: {problem}");
    }
}

public sealed class AlertsOnSqlite(WebhookSqliteApp app) : AlertTests<WebhookSqliteApp>(app);

public sealed class AlertsOnPostgres(WebhookPostgresApp app) : AlertTests<WebhookPostgresApp>(app);
