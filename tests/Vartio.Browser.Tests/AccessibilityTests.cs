using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vartio.CrossingPoints;
using Vartio.Hosting;
using Vartio.Screening;

namespace Vartio.Browser.Tests;

/// <summary>
/// Every page passes axe-core (WCAG 2.1 A and AA, and axe's best practices), as anonymous and as every role the
/// access table lets see it, in the states that show results: EN 301 549 and the Web Accessibility Directive
/// (EU) 2016/2102 hold public-sector websites to WCAG 2.1 AA.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// A page in one of its states: where to go, the access table's key, and what to do there first. A public page
    /// differs between callers only in the layout's menu, so most are checked as anonymous; those marked
    /// <paramref name="EveryCaller"/> are checked as every role too, which covers each role's menu.
    /// </summary>
    private sealed record Visit(string Name, string Path, string AccessKey, Func<BrowserApp, IPage, Task>? Show = null, bool EveryCaller = false);

    /// <summary>
    /// One line per page state. A page added to the access table fails <see cref="EveryPageInTheAccessTableIsVisited"/>
    /// until it has a line here.
    /// </summary>
    private static readonly Visit[] Visits =
    [
        new("status now", "/", "PAGE /"),
        new("status on 20 November 2023", "/status?at=2023-11-20T12:00", "PAGE /status", EveryCaller: true),
        new("status at an unreadable time", "/?at=yesterday", "PAGE /"),
        new("announcements", "/announcements", "PAGE /announcements"),
        new("stay answered", "/stay", "PAGE /stay", ShowStayAsync),
        new("sign-in", "/login", "PAGE /login"),
        new("sign-in failed", "/login?failed=1", "PAGE /login"),
        new("not allowed", "/denied", "PAGE /denied"),
        new("accessibility statement", "/accessibility", "PAGE /accessibility", EveryCaller: true),
        new("no such page", "/no-such-page", "PAGE /not-found"),
        new("decisions with a preview and problems", "/decisions", "PAGE /decisions", ShowDecisionsAsync),
        new("station", "/stations/VAA", "PAGE /stations/{Code}"),
        new("zone read with problems", "/documents/mrz", "PAGE /documents/mrz", ShowZoneAsync),
        new("check proposed", "/checks", "PAGE /checks", ShowCheckAsync),
        new("refusal form", "/checks", "PAGE /checks/{id:guid}/refusal", ShowRefusalFormAsync),
        new("overstayers", "/overstayers", "PAGE /overstayers"),
        new("asylum applicants registered", "/asylum/register", "PAGE /asylum/register", ShowAsylumRegistrationAsync),
        new("asylum inbox with an application handed over", "/asylum/inbox", "PAGE /asylum/inbox", ShowAsylumInboxAsync),
        new("asylum list", "/asylum", "PAGE /asylum", ShowAsylumListAsync),
        new("one asylum registration", "/asylum", "PAGE /asylum/{id:guid}", ShowAsylumApplicationAsync),
        new("watchlists screened and import refused", "/admin/watchlists", "PAGE /admin/watchlists", ShowWatchlistsAsync),
        new("users with a new password", "/admin/users", "PAGE /admin/users", ShowUsersAsync),
        new("tokens with a new token", "/admin/tokens", "PAGE /admin/tokens", ShowTokensAsync),
        new("audit log verified", "/admin/audit?verify=1", "PAGE /admin/audit"),
        new("situation with arrivals today", "/dashboard", "PAGE /dashboard", ShowDashboardAsync),
        new("situation for a period that cannot be read", "/dashboard?from=2023-11-30&to=2023-11-01", "PAGE /dashboard"),
        new("monthly review", "/reviews/monthly?month=2026-01", "PAGE /reviews/monthly"),
        new("simulation refused outside a demo server", "/demo/simulate", "PAGE /demo/simulate"),
        new("alerts with one open", "/alerts", "PAGE /alerts", ShowAlertsAsync),
    ];

    public static TheoryData<string, string> VisitsAndCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var visit in Visits)
        {
            var access = AccessTable.Find(visit.AccessKey)!;
            if (access.Allows(null, [], null))
            {
                data.Add(visit.Name, "anonymous");
                if (!visit.EveryCaller)
                {
                    continue;
                }
            }

            foreach (var role in Roles.All.Where(r => access.Allows([r], ["VAA", "HEL"], "VAA")))
            {
                data.Add(visit.Name, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VisitsAndCallers))]
    public async Task PageHasNoAccessibilityViolations(string visitName, string caller)
    {
        var visit = Visits.Single(v => v.Name == visitName);
        var page = caller == "anonymous" ? await app.NewPageAsync() : await app.SignedInPageAsync(caller);
        try
        {
            await page.GotoAsync(visit.Path);
            await WaitUntilInteractiveAsync(page);
            if (visit.Show is not null)
            {
                await visit.Show(app, page);
            }

            await page.ExpectAccessibleAsync($"{visit.Name}, as {caller}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task UnknownAddress_GetsAPageWithTheNotFoundStatus_WhileTheApiKeepsProblemDetails()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/stations/VAA/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync("Page not found · Vartio");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        var api = await page.APIRequest.GetAsync("/api/v1/no-such-thing", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html,application/json" } });
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>WCAG 2.1 2.4.7 Focus Visible: each element the Tab key reaches is outlined (MudBlazor's stylesheet removes the outline of links and buttons).</summary>
    [Theory]
    [InlineData("anonymous", "/status?at=2023-11-20T12:00")]
    [InlineData("Admin", "/admin/users")]
    [InlineData("Decider", "/decisions")]
    public async Task KeyboardFocus_IsOutlinedOnEveryElementTheTabKeyReaches(string caller, string path)
    {
        var page = caller == "anonymous" ? await app.NewPageAsync() : await app.SignedInPageAsync(caller);
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
        var unoutlined = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>(@"() => {
                const e = document.activeElement;
                if (!e || e === document.body) return ['', 'none', '0'];
                const style = getComputedStyle(e);
                return [e.outerHTML.slice(0, 80), style.outlineStyle, style.outlineWidth];
            }");
            if (focused[0].Length > 0 && (focused[1] == "none" || double.Parse(focused[2].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) < 2))
            {
                unoutlined.Add($"{focused[0]} (outline {focused[1]} {focused[2]})");
            }
        }

        await page.Context.CloseAsync();
        Assert.True(unoutlined.Count == 0, "Focused without a visible outline:\n" + string.Join("\n", unoutlined));
    }

    [Fact]
    public async Task CheckResult_IsAnnouncedByALiveRegionThatWasThereBeforeIt()
    {
        var page = await app.SignedInPageAsync("Officer");
        await page.GotoAsync("/checks");
        await WaitUntilInteractiveAsync(page);
        var announcer = page.Locator("[data-testid='announcer']");
        await Assertions.Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(announcer).ToHaveTextAsync("");

        await ShowCheckAsync(app, page);

        // Regulation (EU) 2016/399, Annex V Part B: C, no valid visa.
        await Assertions.Expect(announcer).ToHaveTextAsync("Proposal: refuse (C).");
        await page.Context.CloseAsync();
    }

    [Fact]
    public void EveryPageInTheAccessTableIsVisited()
    {
        var visited = Visits.Select(v => v.AccessKey).ToHashSet(StringComparer.Ordinal);
        var missing = AccessTable.Entries.Keys.Where(k => k.StartsWith("PAGE ", StringComparison.Ordinal) && !visited.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Pages without an accessibility check: " + string.Join(", ", missing));
    }

    /// <summary>Interactive pages say when their circuit is connected; static pages are ready when loaded.</summary>
    private static async Task WaitUntilInteractiveAsync(IPage page)
    {
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        }
    }

    private static async Task ShowStayAsync(BrowserApp app, IPage page)
    {
        // The Swiss State Secretariat for Migration's example (as in StayPageTests).
        await page.Locator("[data-testid='stay-date']").FillAsync("2014-12-01");
        await page.Locator("[data-testid='stay-entry-0']").FillAsync("2014-08-15");
        await page.Locator("[data-testid='stay-exit-0']").FillAsync("2014-09-30");
        await page.Locator("[data-testid='stay-submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='stay-control']")).ToBeVisibleAsync();
    }

    private static async Task ShowDecisionsAsync(BrowserApp app, IPage page)
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var request = new DecisionRequest(new NodaTime.LocalDate(2026, 1, 14), "Close Helsinki Airport for a day", "Helsinki Airport is closed on 1 February.", [],
                [new EffectRequest("HEL", "closed", [], "2026-02-01T00:00", "2026-02-02T00:00", null, null)]);
            var outcome = await scope.ServiceProvider.GetRequiredService<DecisionWorkflow>().CreateDraftAsync(request, "user:test-decider", CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }

        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("table.points").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert").First).ToBeVisibleAsync();

        // Publishing cannot be undone: it asks first (checked with the question open, then cancelled).
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("cannot be withdrawn");
        await page.ExpectAccessibleAsync("confirming a publication");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private static async Task ShowZoneAsync(BrowserApp app, IPage page)
    {
        // ICAO Doc 9303 Part 4's specimen with O read for a 0 of the document number: problems and a candidate.
        await page.Locator("[data-testid='mrz-input']").FillAsync("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8989O2C36UTO74O8122F1204159ZE184226B<<<<<10");
        await Assertions.Expect(page.Locator(".mrz-verdict")).ToBeVisibleAsync();
    }

    /// <summary>A Russian passport without a visa at Helsinki Airport: the proposal is refusal (as in CheckPageTests).</summary>
    private static async Task ShowCheckAsync(BrowserApp app, IPage page)
    {
        // The test StationHead works at Vaalimaa only, which is closed: the check is refused with an alert instead.
        var atHelsinki = await CanCheckAtHelsinkiAsync(page);
        if (atHelsinki)
        {
            await page.Locator("[data-testid='check-crossing-point']").SelectOptionAsync("HEL");
        }

        await page.Locator("[data-testid='check-mrz']").FillAsync("P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<\n7512345672RUS8503150M3001019<<<<<<<<<<<<<<06");
        await page.Locator("[data-testid='check-mrz']").PressAsync("Control+Enter");
        await Assertions.Expect(atHelsinki ? page.Locator("[data-testid='check-proposal']") : page.GetByRole(AriaRole.Alert)).ToContainTextAsync(atHelsinki ? "refuse" : "closed");
    }

    /// <summary>A family registered at the booth: at Helsinki Airport (received) where the caller works there, else at Vaalimaa (closed: directed elsewhere).</summary>
    private static async Task ShowAsylumRegistrationAsync(BrowserApp app, IPage page)
    {
        if (await page.Locator("[data-testid='asylum-crossing-point'] option[value='HEL']").CountAsync() > 0)
        {
            await page.Locator("[data-testid='asylum-crossing-point']").SelectOptionAsync("HEL");
        }

        await page.Locator("[data-testid='asylum-name']").FillAsync("Khaled Mansour");
        await page.Locator("[data-testid='asylum-nationality']").FillAsync("SYR");
        await page.Locator("[data-testid='asylum-add']").ClickAsync();
        await page.Locator("[data-testid='asylum-name']").Nth(1).FillAsync("Noor Mansour");
        await page.Locator("[data-testid='asylum-birth']").Nth(1).FillAsync("2017-08-15");
        await page.Locator("[data-testid='asylum-submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='asylum-application']")).ToHaveCountAsync(2);
    }

    /// <summary>Registers one person at Helsinki Airport through the service, as an officer there, and hands the application over.</summary>
    private static async Task<Guid> SeedAsylumApplicationAsync(BrowserApp app)
    {
        var officer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new(System.Security.Claims.ClaimTypes.Name, "test-officer"),
                new(System.Security.Claims.ClaimTypes.Role, Roles.Officer),
                new(VartioClaims.CrossingPoint, "HEL"),
            ],
            "test",
            System.Security.Claims.ClaimTypes.Name,
            System.Security.Claims.ClaimTypes.Role));
        await using var scope = app.App.Services.CreateAsyncScope();
        var (registered, refusal) = await scope.ServiceProvider.GetRequiredService<Asylum.AsylumRegistrations>().RecordAsync(
            new Asylum.AsylumRegistrationRequest("HEL", null, null, [new Asylum.ApplicantRequest(null, "Amina Yusuf", null, 1994, "SOM", "female", "foot", ["vulnerable"], false, null)]),
            officer,
            CancellationToken.None);
        Assert.Null(refusal);
        var id = registered!.Applications[0].Id;
        var (_, notHandedOver) = await scope.ServiceProvider.GetRequiredService<Asylum.AsylumApplications>().HandOverAsync(id, new Asylum.HandoverRequest("Finnish Immigration Service"), officer, CancellationToken.None);
        Assert.Null(notHandedOver);
        return id;
    }

    private static async Task ShowDashboardAsync(BrowserApp app, IPage page)
    {
        await SeedAsylumApplicationAsync(app);
        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#arrivals-chart .main-svg").First).ToBeVisibleAsync();
    }

    private static async Task ShowAlertsAsync(BrowserApp app, IPage page)
    {
        await AlertsPageTests.RegisterAsync(app, "HAA", 20);
        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid='open-alert']").First).ToContainTextAsync("at Haapasaari");
    }

    private static async Task ShowAsylumInboxAsync(BrowserApp app, IPage page)
    {
        await SeedAsylumApplicationAsync(app);
        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid='inbox']")).ToContainTextAsync("Amina Yusuf");
    }

    private static async Task ShowAsylumListAsync(BrowserApp app, IPage page)
    {
        await SeedAsylumApplicationAsync(app);
        await page.GotoAsync("/asylum?crossingPoint=HEL");
        await Assertions.Expect(page.Locator("[data-testid='asylum-count']")).ToBeVisibleAsync();
    }

    private static async Task ShowAsylumApplicationAsync(BrowserApp app, IPage page)
    {
        var id = await SeedAsylumApplicationAsync(app);
        await page.GotoAsync($"/asylum/{id}");
    }

    private static async Task<bool> CanCheckAtHelsinkiAsync(IPage page) =>
        await page.Locator("[data-testid='check-crossing-point'] option[value='HEL']").CountAsync() > 0;

    private static async Task ShowRefusalFormAsync(BrowserApp app, IPage page)
    {
        if (!await CanCheckAtHelsinkiAsync(page))
        {
            // No refusal can be made at a closed crossing point: the form's page for a refusal that does not exist.
            await page.GotoAsync($"/checks/{Guid.NewGuid()}/refusal");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("No refusal");
            return;
        }

        await ShowCheckAsync(app, page);
        await page.Locator("[data-testid='check-confirm']").ClickAsync();
        var form = await page.Locator("[data-testid='check-refusal-form']").GetAttributeAsync("href");
        await page.GotoAsync(form!);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Refusal of entry at the border");
    }

    private static async Task ShowWatchlistsAsync(BrowserApp app, IPage page)
    {
        const string file = "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n" +
            "R-1,refusal-of-entry,Щербаков Алексей,,1975-03-02,RUS,,SIS alert,,\n";
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<WatchlistImporter>();
            await importer.ImportAsync("accessibility", WatchlistFormat.Vartio, new MemoryStream(Encoding.UTF8.GetBytes(file)), "refusals.csv", "user:test-admin", CancellationToken.None);
        }

        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Name, in any script and order").FillAsync("Aleksei Shcherbakov");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='hits']")).ToBeVisibleAsync();
        await page.GetByLabel("List", new() { Exact = true }).FillAsync("accessibility-latin1");
        await page.Locator("input[type='file']").SetInputFilesAsync(new FilePayload { Name = "refusals.csv", MimeType = "text/csv", Buffer = Encoding.Latin1.GetBytes("id,kind\nR-1,Jürgen\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='problem']")).ToBeVisibleAsync();
    }

    private static async Task ShowUsersAsync(BrowserApp app, IPage page)
    {
        await page.GetByLabel("User name").FillAsync("accessibility-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Crossing points (Officer, StationHead)").FillAsync("VAA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='secret']")).ToBeVisibleAsync();
    }

    private static async Task ShowTokensAsync(BrowserApp app, IPage page)
    {
        await page.GetByLabel("Name (what it is for)").FillAsync("accessibility-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Crossing points").FillAsync("VAA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='secret']")).ToBeVisibleAsync();
    }
}
