using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Vartio.CrossingPoints;

namespace Vartio.Browser.Tests;

/// <summary>The public status page keeps itself current without a reload (its own app: it publishes a decision and moves the clock).</summary>
public sealed class StatusPageRefreshTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task StatusPage_AfterADecisionTakesEffect_ShowsItWithoutAReload_WithTheTimeItWasUpdated()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("tr[data-code='HEL'] .status")).ToHaveTextAsync("open");
        await Assertions.Expect(page.Locator("[data-testid='last-updated']")).ToHaveTextAsync("Last updated 12:00:00.");
        await page.EvaluateAsync("() => window.__notReloaded = true");

        // The fixed "now" is 15 January 2026 12:00 in Helsinki; Helsinki Airport closes at 13:00 for the day.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var decisions = scope.ServiceProvider.GetRequiredService<DecisionWorkflow>();
            var draft = await decisions.CreateDraftAsync(
                new DecisionRequest(new LocalDate(2026, 1, 15), "Close Helsinki Airport for the afternoon", "Closed from 13:00.", [],
                    [new EffectRequest("HEL", "closed", [], "2026-01-15T13:00", "2026-01-16T00:00", null, null)]),
                "user:test-decider",
                CancellationToken.None);
            Assert.True(draft.Succeeded, string.Join("; ", draft.Problems.Select(p => p.Message)));
            Assert.True((await decisions.PublishAsync(draft.Decision!.Id, "user:test-decider", CancellationToken.None)).Succeeded);
        }

        app.Clock.Advance(Duration.FromMinutes(61));

        // The page asks again every 30 seconds (vartio.js); the test asks at once instead of waiting.
        await page.EvaluateAsync("() => window.vartio.refresh()");
        await Assertions.Expect(page.Locator("tr[data-code='HEL'] .status")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator("[data-testid='last-updated']")).ToHaveTextAsync("Last updated 13:01:00.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
    }
}
