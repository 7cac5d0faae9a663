using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vartio.CrossingPoints;

namespace Vartio.Browser.Tests;

/// <summary>The Decider's page, in Chromium: published decisions open in words, and a preview lists only what changes.</summary>
public sealed class DecisionsPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task APublishedDecision_Opens_AndAPreviewShowsOnlyTheCrossingPointsItChanges()
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var request = new DecisionRequest(new NodaTime.LocalDate(2026, 1, 14), "Close Helsinki Airport for a day", "Helsinki Airport is closed on 1 February.", [],
                [new EffectRequest("HEL", "closed", [], "1.2.2026 0:00", "2.2.2026 0:00", null, null)]);
            var outcome = await scope.ServiceProvider.GetRequiredService<DecisionWorkflow>().CreateDraftAsync(request, "user:test-decider", CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }

        var page = await app.SignedInPageAsync("Decider");
        await page.GotoAsync("/decisions");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

        // The Government's decision of 16 November 2023 (seeded as decision 2; docs/DATA.md): in words, no API codes.
        await page.Locator("[data-testid='open-decision-2']").ClickAsync();
        var details = page.Locator("[data-testid='decision-2-details']");
        await Assertions.Expect(details).ToContainTextAsync("Vaalimaa: closed for passengers, goods from 18 November 2023 (2023-11-18 00:00 (UTC+02)), until 18 February 2024; asylum applications not received.");
        await Assertions.Expect(details).Not.ToContainTextAsync("railFreight");
        await Assertions.Expect(page.Locator("[data-testid='open-decision-2']")).ToHaveAttributeAsync("aria-expanded", "true");

        // The draft closes Helsinki Airport alone: one row, and the others counted, not listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).First.ClickAsync();
        var preview = page.Locator("table.points").First;
        await Assertions.Expect(preview.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(preview).ToContainTextAsync("Helsinki Airport");
        var points = (await app.App.Services.GetRequiredService<TimelineCache>().GetAsync(TestContext.Current.CancellationToken)).CrossingPoints.Count;
        await Assertions.Expect(page.Locator("[data-testid='preview-unchanged']")).ToHaveTextAsync($"{points - 1} other crossing points are unchanged.");
        await page.ExpectAccessibleAsync("a published decision opened and a preview");
    }
}
