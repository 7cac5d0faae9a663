using Microsoft.Playwright;

namespace Vartio.Browser.Tests;

/// <summary>"How long may I stay?" in Chromium, on a phone-sized screen.</summary>
public sealed class StayPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Traveller_OnAPhone_EntersTwoStaysAndSeesBothAnswersAndTheWindow()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/stay");

        // The Swiss State Secretariat for Migration's example: stays 15 August to 30 September and 1 to
        // 30 November 2014, asked about on 1 December, the day after the second exit.
        await page.Locator("[data-testid='stay-date']").FillAsync("2014-12-01");
        await page.Locator("[data-testid='stay-entry-0']").FillAsync("2014-08-15");
        await page.Locator("[data-testid='stay-exit-0']").FillAsync("2014-09-30");
        await page.Locator("[data-testid='stay-entry-1']").FillAsync("2014-11-01");
        await page.Locator("[data-testid='stay-exit-1']").FillAsync("2014-11-30");
        await page.Locator("[data-testid='stay-submit']").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid='stay-control']")).ToContainTextAsync("77 of 90 days used");
        // Entering again on 1 December: 13 days take the window to 90, to 13 December.
        await Assertions.Expect(page.Locator("[data-testid='stay-max-days']")).ToHaveTextAsync("You may stay 13 days, until 13 December 2014");
        await Assertions.Expect(page.Locator("[data-testid='control-timeline'] .tl-run.tl-counted")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid='plan-timeline'] .tl-run.tl-planned")).ToHaveCountAsync(1);

        // Nothing wider than the screen: no sideways scrolling on a phone.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the screen.");
    }
}
