using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>
/// The situation dashboard as an analyst at headquarters keeps it open, in Chromium, on the tests' day (15 January
/// 2026): Helsinki Airport receives asylum applications (the eastern land border is closed until further notice).
/// </summary>
public sealed class DashboardPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewAsylumApplication_AppearsOnAnOpenDashboard_WithoutAReload()
    {
        var page = await app.SignedInPageAsync("Analyst");
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        var helsinki = page.Locator("[data-testid='arrivals-HEL']");
        var before = int.Parse(await helsinki.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        var (token, problem) = await app.WithAccountsAsync(a => a.CreateTokenAsync(VartioApp.UserOf("Admin"), "dashboard-test", "Officer", ["HEL"], 30, Ct));
        Assert.Null(problem);
        using var officer = new HttpClient { BaseAddress = app.BaseAddress };
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var registered = await officer.PostAsJsonAsync(
            "/api/v1/asylum-applications",
            new { crossingPoint = "HEL", applicants = new[] { new { name = "Yusuf Ali", nationality = "SOM", arrivedBy = "other" }, new { name = "Hodan Ali", nationality = "SOM", arrivedBy = "other" } } },
            Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // The page looks at today's counters every 2 seconds; Playwright waits up to 5.
        await Assertions.Expect(helsinki).ToHaveTextAsync((before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid='dashboard-nationalities']")).ToContainTextAsync("SOM");
        await Assertions.Expect(page.Locator("#arrivals-chart .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='status-map'], svg[aria-label='Map of the crossing points']").First).ToContainTextAsync("Helsinki Airport · " + (before + 2));
        Assert.Equal(0, navigations);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "vartio-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task November2023_ShowsTheDecisionsOnTheTimeAxis()
    {
        var page = await app.SignedInPageAsync("StationHead");
        await page.GotoAsync("/dashboard?from=2023-11-01&to=2023-11-30");

        // The decisions of 16 and 22 November 2023 took effect on 18 and 24 November, that of 28 November on the 30th.
        var decisions = page.Locator("[data-testid='dashboard-decisions'] li");
        await Assertions.Expect(decisions).ToHaveCountAsync(3);
        await Assertions.Expect(decisions.Nth(0)).ToContainTextAsync("2023-11-18");
        await Assertions.Expect(decisions.Nth(1)).ToContainTextAsync("2023-11-24");
        await Assertions.Expect(decisions.Nth(2)).ToContainTextAsync("2023-11-30");
        await Assertions.Expect(page.Locator("[data-testid='dashboard-updated']")).ToContainTextAsync("Status at the end of 30 November 2023");
        await Assertions.Expect(page.Locator("[data-testid='dashboard-today'] tr[data-code='VAA']")).ToContainTextAsync("closed");
    }

    [Fact]
    public async Task AnOfficer_IsRefusedTheDashboard()
    {
        var page = await app.SignedInPageAsync("Officer");
        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/denied**");
        await Assertions.Expect(page.Locator("[data-testid='dashboard-today']")).ToHaveCountAsync(0);
    }
}
