using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// Webhooks end to end: a real receiver on a loopback socket, signatures checked the way a subscriber
/// would check them (HMAC-SHA256 of the body with the shared secret), retries after failure.
/// </summary>
public abstract class WebhookTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishedDecisionAndItsScheduledChange_AreDeliveredSignedAndRetriedAfterFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var admin = await app.As(Roles.Admin);
        var subscribed = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = receiver.Url, description = "Neighbour authority" }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = await subscribed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secret = subscription.GetProperty("secret").GetString()!;
        var subscriptionId = subscription.GetProperty("id").GetString();

        // The scheduler starts its record of time now, so history is not replayed.
        var scheduler = app.App.Services.GetRequiredService<StatusChangeScheduler>();
        var dispatcher = app.App.Services.GetRequiredService<WebhookDispatcher>();
        await scheduler.RunAsync(Ct);

        var decider = await app.As(Roles.Decider);
        var start = app.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).Date.PlusDays(2);
        var created = await decider.PostAsJsonAsync("/api/v1/decisions", new
        {
            title = "Close Nuijamaa port to goods",
            text = "Test.",
            effects = new[] { new { crossingPoint = "NUP", status = "closed", traffic = new[] { "goods" }, from = $"{start:yyyy'-'MM'-'dd}T00:00" } },
        }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsync($"/api/v1/decisions/{id}/publish", null, Ct)).StatusCode);

        // First attempt: the receiver answers 500, so the delivery is kept for a retry.
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));
        Assert.Single(receiver.Received);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));

        // After the backoff (10 s for the first retry) it is sent again and accepted.
        app.Clock.Advance(Duration.FromSeconds(10));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));
        Assert.Equal(2, receiver.Received.Count);
        var delivered = receiver.Received.Last();
        AssertSigned(delivered, secret);
        Assert.Equal("decision.published", delivered.Headers["X-Vartio-Event"]);
        var published = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal($"decision.published/{id}", published.GetProperty("id").GetString());
        Assert.Equal(id, published.GetProperty("data").GetProperty("id").GetInt32());
        Assert.Equal(receiver.Received.First().Headers["X-Vartio-Delivery"], delivered.Headers["X-Vartio-Delivery"]);

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{subscriptionId}/deliveries", Ct);
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(2, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(500, entry.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(200, entry.GetProperty("attemptLog")[1].GetProperty("statusCode").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("deliveredAt").ValueKind);

        // When the closure takes effect, the scheduler announces the change once.
        app.Clock.Advance(Duration.FromDays(3));
        Assert.Equal(1, await scheduler.RunAsync(Ct));
        Assert.Equal(0, await scheduler.RunAsync(Ct));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));
        var change = receiver.Received.Last();
        AssertSigned(change, secret);
        var changed = JsonDocument.Parse(change.Body).RootElement;
        Assert.Equal("status.changed", changed.GetProperty("type").GetString());
        Assert.Equal("NUP", changed.GetProperty("data").GetProperty("crossingPoint").GetString());
        Assert.Equal("restricted", changed.GetProperty("data").GetProperty("from").GetString());
        Assert.Equal("closed", changed.GetProperty("data").GetProperty("to").GetString());
    }

    [Fact]
    public async Task SubscriptionsAreForAdminsOnly()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:1/x" }, Ct)).StatusCode);
        foreach (var role in new[] { Roles.Officer, Roles.Decider, Roles.Analyst })
        {
            var client = await app.As(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:1/x" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/subscriptions", Ct)).StatusCode);
        }

        var admin = await app.As(Roles.Admin);
        var bad = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = "not a url" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task WithLoopbackAllowed_ANameResolvingToLoopback_IsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.As(Roles.Admin);
        var url = receiver.Url.Replace("127.0.0.1", "receiver.test", StringComparison.Ordinal);
        var subscribed = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var id = (await subscribed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        try
        {
            await WebhookAddressTests<WebhookSqliteApp>.EnqueueForAsync(app, id);
            Assert.Equal(1, await app.App.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(Ct));
            Assert.Single(receiver.Received);
            var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/deliveries", Ct);
            Assert.Equal(200, log[0].GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32());
        }
        finally
        {
            await admin.DeleteAsync($"/api/v1/subscriptions/{id}", Ct);
        }
    }

    /// <summary>
    /// What a subscriber does (Standard Webhooks): decode the key from the secret (base64 after <c>whsec_</c>),
    /// recompute HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c> and compare with the
    /// <c>v1,</c> value; the timestamp is the attempt's time.
    /// </summary>
    private void AssertSigned(ReceivedRequest request, string secret)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var id = request.Headers["webhook-id"];
        var timestamp = request.Headers["webhook-timestamp"];
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(request.Body).ToArray();
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), request.Headers["webhook-signature"]);
        Assert.Equal(request.Headers["X-Vartio-Delivery"], id);
        Assert.Equal(app.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.False(request.Headers.ContainsKey("X-Vartio-Signature"));
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
    }

    [Fact]
    public async Task ASubscriptionWithAnOldHexSecret_StillGetsItsBodySignature_AndTheStandardOne()
    {
        app.SkipIfUnavailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        const string legacy = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        var id = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.WebhookSubscriptions.Add(new Vartio.Data.Entities.WebhookSubscriptionRow
            {
                Id = id, Url = receiver.Url, Description = "registered before", Secret = legacy, CreatedAt = app.Clock.GetCurrentInstant(),
            });
            db.WebhookDeliveries.Add(new Vartio.Data.Entities.WebhookDeliveryRow
            {
                Id = Guid.CreateVersion7(), SubscriptionId = id, EventId = "test/legacy", EventType = "test", Payload = "{\"test\":1}",
                CreatedAt = app.Clock.GetCurrentInstant(), NextAttemptAt = app.Clock.GetCurrentInstant(),
            });
            return await db.SaveChangesAsync(Ct);
        });

        try
        {
            await app.App.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(Ct);
            var request = Assert.Single(receiver.Received);

            // Old receivers: sha256= and the hex HMAC of the body, keyed with the hex text's bytes.
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(legacy), request.Body)), request.Headers["X-Vartio-Signature"]);

            // The standard signature, with the same key (whsec_ + base64 of the hex text).
            var signed = Encoding.UTF8.GetBytes($"{request.Headers["webhook-id"]}.{request.Headers["webhook-timestamp"]}.").Concat(request.Body).ToArray();
            Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(legacy), signed)), request.Headers["webhook-signature"]);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var row = await db.WebhookSubscriptions.FindAsync([id], Ct);
                row!.Active = false;
                return await db.SaveChangesAsync(Ct);
            });
        }
    }
}

/// <summary>The receivers of these tests listen on loopback, so the operator's allowlist names it.</summary>
public sealed class WebhookSqliteApp : SqliteApp
{
    protected override IEnumerable<string> Settings => [.. base.Settings, "--Webhooks:AllowedNetworks:0=127.0.0.0/8"];

    protected override void ConfigureBuilder(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => LoopbackNames.Use(builder);
}

public sealed class WebhookPostgresApp : PostgresApp
{
    protected override IEnumerable<string> Settings => [.. base.Settings, "--Webhooks:AllowedNetworks:0=127.0.0.0/8"];

    protected override void ConfigureBuilder(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => LoopbackNames.Use(builder);
}

public sealed class WebhooksOnSqlite(WebhookSqliteApp app) : WebhookTests<WebhookSqliteApp>(app);

public sealed class WebhooksOnPostgres(WebhookPostgresApp app) : WebhookTests<WebhookPostgresApp>(app);
