using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The public status page as a traveller sees it, in Chromium.</summary>
public sealed class StatusPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task StatusPageOn20November2023_ShowsVaalimaaClosedAndVartiusOpenReceivingAsylum()
    {
        var page = await app.NewPageAsync();

        // 20 November 2023 12:00 Helsinki time (after the Government's decision of 16 November took effect, before that of 22 November; docs/DATA.md).
        await page.GotoAsync("/?at=2023-11-20T12:00");

        var vaalimaa = page.Locator("tr[data-code='VAA']");
        await Assertions.Expect(vaalimaa.Locator(".status")).ToHaveTextAsync("closed");
        var vartius = page.Locator("tr[data-code='VAR']");
        await Assertions.Expect(vartius.Locator(".status")).ToHaveTextAsync("open");
        await Assertions.Expect(vartius.Locator("td").Nth(2)).ToHaveTextAsync("received");
        await Assertions.Expect(page.Locator("[data-testid='asylum-summary']")).ToContainTextAsync("Vartius, Salla");
        await Assertions.Expect(page.Locator("svg g[data-code='VAR'] circle").First).ToHaveAttributeAsync("fill", "#1b7f3b");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("2023-11-20 12:00 (UTC+02)");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "status-2023-11-20.png"), FullPage = true });
    }

    [Fact]
    public async Task StatusPage_PickingAnotherTime_ShowsThatTime()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("input[name='at']").FillAsync("2023-12-14T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-code='NII'] .status")).ToHaveTextAsync("open");
        await Assertions.Expect(page.Locator("tr[data-code='NUI'] .status")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator("[data-testid='asylum-summary']")).ToContainTextAsync("Vaalimaa, Niirala");
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59")]
    public async Task StatusPage_AtATimeOutsideTheAcceptedYears_SaysSoAndShowsNow(string at)
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync($"/?at={Uri.EscapeDataString(at)}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("years 1900 to 2200");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("Status now");
        await Assertions.Expect(page.Locator("tr[data-code='VAA'] .status")).ToHaveTextAsync("closed");
    }

    [Fact]
    public async Task StatusPage_OnAPhone_FitsTheScreenWidth()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/?at=2023-11-20T12:00");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page is {scrollWidth}px wide on a 390px screen.");
    }

    [Fact]
    public async Task StatusPageAt360Pixels_ShowsTheSummaryFirst_AndCardsThatFitTheScreen()
    {
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/?at=2023-11-20T12:00");

        // From 18 November 2023 Vaalimaa, Nuijamaa, Imatra and Niirala are closed; Vartius, Salla, Kuusamo and
        // Raja-Jooseppi stay open (the Government's decision of 16 November 2023; docs/DATA.md).
        var first = page.Locator("main > *").Nth(1);
        await Assertions.Expect(first).ToHaveAttributeAsync("data-testid", "status-live");
        var summary = page.Locator("[data-testid='status-summary']");
        await Assertions.Expect(summary).ToContainTextAsync("Open on land: ");
        await Assertions.Expect(summary).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Closed: .*Vaalimaa"));
        await Assertions.Expect(page.Locator("table.points")).ToBeHiddenAsync();
        var vaalimaa = page.Locator("li[data-code='VAA']");
        await Assertions.Expect(vaalimaa).ToBeVisibleAsync();
        await Assertions.Expect(vaalimaa).ToContainTextAsync("No one may cross here.");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth}px wide on a 360px screen.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "status-360.png"), FullPage = true });
    }

    [Fact]
    public async Task Map_DrawsTheBorder_AndNoMarkerOrLabelCoversAnother()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid='eastern-border']")).ToHaveCountAsync(1);

        // Nuijamaa and Nuijamaa port are about a kilometre apart: at this scale their markers would coincide.
        var boxes = await page.EvaluateAsync<double[][]>(@"() => [...document.querySelectorAll('.map svg g[data-code]')].map(g => {
            const c = g.querySelector('circle').getBoundingClientRect(), t = g.querySelector('text').getBoundingClientRect();
            return [c.x, c.y, c.width, c.height, t.x, t.y, t.width, t.height];
        })");
        Assert.True(boxes.Length >= 10);
        static bool Overlap(double[] a, int i, double[] b, int j) =>
            a[i] < b[j] + b[j + 2] && b[j] < a[i] + a[i + 2] && a[i + 1] < b[j + 1] + b[j + 3] && b[j + 1] < a[i + 1] + a[i + 3];
        for (var m = 0; m < boxes.Length; m++)
        {
            for (var n = m + 1; n < boxes.Length; n++)
            {
                Assert.False(Overlap(boxes[m], 0, boxes[n], 0), $"Markers {m} and {n} overlap.");
                Assert.False(Overlap(boxes[m], 4, boxes[n], 4), $"Labels {m} and {n} overlap.");
            }
        }

        await page.Locator(".map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "status-map.png") });
    }

    [Fact]
    public async Task StatusPage_GivenADateAlone_ShowsTheStartOfThatDayAtTheBorder()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?at=2023-11-20");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("2023-11-20 00:00 (UTC+02)");
    }

    [Fact]
    public async Task StatusPage_WritesTheEndOfAClosureAsItsLastDay_AsTheAnnouncementDoes()
    {
        var page = await app.NewPageAsync();

        // The Government's decision of 28 November 2023 closed the whole land border until 13 December 2023:
        // its effect ends at 00:00 on 14 December (docs/DATA.md), which a traveller reads as "until 13 December".
        await page.GotoAsync("/?at=2023-12-01T12:00");
        var rajaJooseppi = page.Locator("tr[data-code='RAJ']");
        await Assertions.Expect(rajaJooseppi).ToContainTextAsync("until 13 December 2023");
        await Assertions.Expect(rajaJooseppi).Not.ToContainTextAsync("2023-12-14 00:00");
    }

    [Fact]
    public async Task StatusPage_LoadsWithoutAnyScriptBlockedByTheContentSecurityPolicy_AndHasAFavicon()
    {
        var page = await app.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(blocked);
        var icon = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(icon!);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task DeciderPages_RequireSignIn_AndAnOfficerIsRefused()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/decisions");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);

        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Officer"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Officer"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/denied**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [Fact]
    public async Task SigningInAfterAFailedAttempt_StillLeadsToThePageAskedFor()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/decisions");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Decider"));
        await page.Locator("input[name='password']").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is wrong");

        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Decider"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Decider"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/decisions");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Decisions");
    }

    [Fact]
    public async Task Decider_DraftsPreviewsAndPublishes_InTheBrowser()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fdecisions");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Decider"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Decider"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/decisions");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Decisions");

        // Wait for the interactive circuit before typing.
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await page.GetByLabel("Title").FillAsync("Close Nuijamaa port to goods");
        await page.GetByText("Save draft").ClickAsync();
        // The problem is named in the form's words, not by the API's field path (effects[0].crossingPoint).
        await Assertions.Expect(page.Locator(".mud-alert-message").First).ToContainTextAsync("Effect 1, crossing point");
        await Assertions.Expect(page.Locator(".mud-alert-message").First).Not.ToContainTextAsync("effects[");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "decisions-problems.png"), FullPage = true });
    }
}
