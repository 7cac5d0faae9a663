using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vartio.CrossingPoints.Webhooks;
using Vartio.Data.Entities;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// Webhooks are not sent to this server's own networks unless an operator allows them: refused at
/// registration when the URL names such an address (in any notation), and refused at connect time when a
/// name resolves to one. No test here sends anything beyond loopback (names resolve through
/// <see cref="LoopbackNames"/>; accepted public URLs are never delivered to).
/// </summary>
public abstract class WebhookAddressTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://2130706433/hook")]                     // 127.0.0.1 as one decimal number
    [InlineData("http://0x7f000001/hook")]                     // 127.0.0.1 in hexadecimal
    [InlineData("http://0177.0.0.1/hook")]                     // 127.0.0.1 with an octal first part
    [InlineData("http://127.1/hook")]                          // 127.0.0.1 with parts left out
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://LocalHost./hook")]
    [InlineData("http://admin.localhost/hook")]                // RFC 6761: every .localhost name is loopback
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]             // IPv4-mapped IPv6
    [InlineData("http://[::ffff:7f00:1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]   // cloud metadata service
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/")]               // 169.254.169.254 through NAT64 (RFC 6052)
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.254/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://[fc00::1]/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://100.64.0.1/hook")]                     // carrier-grade NAT
    [InlineData("http://224.0.0.1/hook")]                      // multicast
    [InlineData("http://255.255.255.255/hook")]                // broadcast
    [InlineData("http://[ff02::1]/hook")]
    public async Task RegistrationOfAnInternalAddress_IsRefusedNamingTheUrl(string url)
    {
        var admin = await app.As(Roles.Admin);
        var before = await app.WithDbAsync(db => Task.FromResult(db.WebhookSubscriptions.Count()));
        var response = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("not sent", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.WebhookSubscriptions.Count())));
    }

    [Theory]
    [InlineData("https://receiver.example/hook")]   // names are checked when a delivery connects
    [InlineData("https://172.32.0.1/hook")]         // just above 172.16.0.0/12
    [InlineData("https://100.128.0.1/hook")]        // just above 100.64.0.0/10
    [InlineData("https://[2001:db8::1]/hook")]
    public async Task RegistrationOfAPublicAddress_IsAccepted(string url)
    {
        var admin = await app.As(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Never delivered to: deactivated at once.
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/subscriptions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ADeliveryToANameResolvingToLoopback_IsRefusedBeforeAnyConnection()
    {
        // A loopback listener that is never accepted from: a connection would wait in its queue.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var admin = await app.As(Roles.Admin);
        var subscribed = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = $"http://receiver.test:{port}/hook" }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var id = (await subscribed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        try
        {
            await EnqueueForAsync(app, id);
            Assert.Equal(1, await app.App.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(Ct));
            Assert.False(listener.Pending());

            var attempt = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/deliveries", Ct))[0].GetProperty("attemptLog")[0];
            Assert.Equal("refused: address not allowed", attempt.GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        }
        finally
        {
            await admin.DeleteAsync($"/api/v1/subscriptions/{id}", Ct);
        }
    }

    /// <summary>One delivery due now for one subscription, as the outbox writes it.</summary>
    public static Task<int> EnqueueForAsync(VartioApp app, Guid subscriptionId) => app.WithDbAsync(db =>
    {
        db.WebhookDeliveries.Add(new WebhookDeliveryRow
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = subscriptionId,
            EventId = $"test/{Guid.NewGuid():N}",
            EventType = "test",
            Payload = "{\"test\":true}",
            CreatedAt = app.Clock.GetCurrentInstant(),
            NextAttemptAt = app.Clock.GetCurrentInstant(),
        });
        return db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });
}

/// <summary>The default: no network allowed beyond the public internet.</summary>
public sealed class WebhookAddressSqliteApp : SqliteApp
{
    protected override void ConfigureBuilder(WebApplicationBuilder builder) => LoopbackNames.Use(builder);
}

public sealed class WebhookAddressPostgresApp : PostgresApp
{
    protected override void ConfigureBuilder(WebApplicationBuilder builder) => LoopbackNames.Use(builder);
}

public sealed class WebhookAddressesOnSqlite(WebhookAddressSqliteApp app) : WebhookAddressTests<WebhookAddressSqliteApp>(app);

public sealed class WebhookAddressesOnPostgres(WebhookAddressPostgresApp app) : WebhookAddressTests<WebhookAddressPostgresApp>(app);
