using Microsoft.Playwright;

namespace Vartio.Browser.Tests;

/// <summary>A traveller switches the public pages to their language, in Chromium; the choice holds on the next page.</summary>
public sealed class LanguagePageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ATraveller_SwitchesToRussian_AndTheNextPageIsRussianToo_AndAccessible()
    {
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/?at=2023-12-01T12:00");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();

        // Back on the same page and moment, in Russian (the decision of 28 November 2023: DOMAIN.md §3).
        await page.WaitForURLAsync("**/?at=2023-12-01T12:00");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Пункты пропуска через границу");
        await Assertions.Expect(page.Locator("[data-testid='status-summary']")).ToContainTextAsync("Все сухопутные пункты пропуска закрыты для путешественников.");
        await Assertions.Expect(page.Locator("nav[aria-label='Язык'] a[aria-current='true']")).ToHaveTextAsync("Русский");
        await page.ExpectAccessibleAsync("status in Russian at 360 px");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth}px wide on a 360px screen.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Объявления" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Объявления");
        await page.ExpectAccessibleAsync("announcements in Russian");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "vartio-status-ru.png"), FullPage = true });
    }

    [Fact]
    public async Task TheBrowsersPreference_ChoosesFinnish_WithoutASwitch()
    {
        var context = await app.Browser!.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?at=2023-11-20T12:00");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
        await Assertions.Expect(page.Locator("[data-testid='status-summary']")).ToContainTextAsync("Auki maarajalla: Vartius, Kuusamo, Salla ja Raja-Jooseppi.");
        await Assertions.Expect(page.Locator("tr[data-code='VAA'] .status")).ToHaveTextAsync("suljettu");
        await page.ExpectAccessibleAsync("status in Finnish");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "vartio-status-fi.png"), FullPage = true });
    }
}
