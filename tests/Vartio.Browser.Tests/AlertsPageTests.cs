using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>
/// The alerts page in Chromium on the tests' day (15 January 2026, when asylum applications are received at air and
/// sea crossing points only): an alert that opens while the page is open appears on it, and in the layout's notice
/// of a subscribed Analyst, without a reload. 20 arrivals at a crossing point with none in the 28 days before are
/// four groups of five against the floor's 0.2 a day: P(N ≥ 4 | 0.2) = 5.7e−5, an alert (docs/SURGE.md).
/// </summary>
public sealed class AlertsPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Registers <paramref name="people"/> people at once at a crossing point, as its officer would.</summary>
    internal static async Task RegisterAsync(BrowserApp app, string crossingPoint, int people)
    {
        var officer = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new(ClaimTypes.Name, "test-officer"),
                new(ClaimTypes.Role, Roles.Officer),
                new(VartioClaims.CrossingPoint, crossingPoint),
            ],
            "test",
            ClaimTypes.Name,
            ClaimTypes.Role));
        await using var scope = app.App.Services.CreateAsyncScope();
        var (_, refusal) = await scope.ServiceProvider.GetRequiredService<Asylum.AsylumRegistrations>().RecordAsync(
            new Asylum.AsylumRegistrationRequest(crossingPoint, null, null, [.. Enumerable.Range(0, people).Select(i => new Asylum.ApplicantRequest(null, $"Person {i + 1}", null, 1995, "SYR", "male", "bicycle", [], false, null))]),
            officer,
            CancellationToken.None);
        Assert.Null(refusal);
    }

    [Fact]
    public async Task Analyst_SubscribedToAll_SeesAnAlertOpenOnThePageAndInTheNotice_WithoutAReload()
    {
        var page = await app.SignedInPageAsync("Analyst");
        await page.GotoAsync("/alerts");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='open-alerts']")).ToContainTextAsync("No alert is open.");

        await page.GetByLabel("All", new() { Exact = true }).CheckAsync();
        await page.Locator("[data-testid='alert-subscribe']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='alert-subscription-saved']")).ToHaveTextAsync("Saved: you are told of all alerts.");

        await RegisterAsync(app, "HWH", 20);

        var evidence = "20 so far at Helsinki West Harbour on 15 January 2026 against a baseline of 0.2 a day; p < 0.001";
        await Assertions.Expect(page.Locator("[data-testid='open-alert']").Filter(new() { HasText = "HWH" })).ToContainTextAsync(evidence);
        await Assertions.Expect(page.Locator("[data-testid='alert-notice']")).ToContainTextAsync("Surge alert:");
        await page.Context.CloseAsync();
    }
}
