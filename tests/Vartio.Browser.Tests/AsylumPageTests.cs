using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>
/// Asylum registration as an officer at a booth uses it, in Chromium, on the tests' day (15 January 2026): the
/// eastern land border is closed until further notice (decision of 4 April 2024), so applications are received
/// at air and sea crossing points only, Helsinki Airport among them.
/// </summary>
public sealed class AsylumPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignInAsync(string role, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf(role));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf(role));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path);
        return page;
    }

    [Fact]
    public async Task Officer_RegistersAnUndocumentedFamily_AndHandsItOver_AndTheCaseworkerReceivesIt()
    {
        var page = await SignInAsync("Officer", "/asylum/register");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

        // At Vaalimaa the screen says at once that applications are not received there, and where they are.
        await page.Locator("[data-testid='asylum-crossing-point']").SelectOptionAsync("VAA");
        await Assertions.Expect(page.Locator("[data-testid='asylum-reception-now']")).ToContainTextAsync("not received at Vaalimaa");
        await Assertions.Expect(page.Locator("[data-testid='asylum-reception-now']")).ToContainTextAsync("Helsinki Airport");

        await page.Locator("[data-testid='asylum-crossing-point']").SelectOptionAsync("HEL");
        await Assertions.Expect(page.Locator("[data-testid='asylum-reception-now']")).ToContainTextAsync("received here at Helsinki Airport now");

        // Father, mother and their daughter, without documents; the second and third inherit nationality and arrival.
        var people = page.Locator("[data-testid='asylum-person']");
        await people.Nth(0).Locator("[data-testid='asylum-name']").FillAsync("Khaled Mansour");
        await people.Nth(0).Locator("[data-testid='asylum-birth']").FillAsync("1990-04-02");
        await people.Nth(0).Locator("[data-testid='asylum-nationality']").FillAsync("SYR");
        await people.Nth(0).Locator("[data-testid='asylum-sex']").SelectOptionAsync("male");
        await people.Nth(0).Locator("[data-testid='asylum-arrived-by']").SelectOptionAsync("foot");
        await page.Locator("[data-testid='asylum-add']").ClickAsync();
        await page.Locator("[data-testid='asylum-add']").ClickAsync();
        await Assertions.Expect(people).ToHaveCountAsync(3);
        await Assertions.Expect(people.Nth(2).Locator("[data-testid='asylum-nationality']")).ToHaveValueAsync("SYR");
        await people.Nth(1).Locator("[data-testid='asylum-name']").FillAsync("Rania Mansour");
        await people.Nth(1).Locator("[data-testid='asylum-birth']").FillAsync("1992");
        await people.Nth(1).Locator("[data-testid='asylum-sex']").SelectOptionAsync("female");
        await people.Nth(2).Locator("[data-testid='asylum-name']").FillAsync("Noor Mansour");
        await people.Nth(2).Locator("[data-testid='asylum-birth']").FillAsync("2017-08-15");
        await people.Nth(2).Locator("[data-testid='asylum-sex']").SelectOptionAsync("female");
        await people.Nth(2).Locator("[data-testid='asylum-child']").CheckAsync();

        await page.Locator("[data-testid='asylum-submit']").ClickAsync();

        var applications = page.Locator("[data-testid='asylum-application']");
        await Assertions.Expect(applications).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid='asylum-result']")).ToContainTextAsync("3 received here, 0 directed elsewhere.");
        await Assertions.Expect(applications.Nth(2)).ToContainTextAsync("Noor Mansour — received here");
        await Assertions.Expect(applications.Nth(2)).ToContainTextAsync("Child.");

        await page.Locator("[data-testid='asylum-handover-note']").FillAsync("Finnish Immigration Service, Helsinki reception centre");
        await page.Locator("[data-testid='asylum-handover']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='asylum-status']")).ToHaveTextAsync(
            ["handed over, awaiting receipt by the asylum authority", "handed over, awaiting receipt by the asylum authority", "handed over, awaiting receipt by the asylum authority"]);

        // The asylum authority's inbox lists the family; receiving one moves it out of the inbox.
        var inbox = await SignInAsync("AsylumCaseworker", "/asylum/inbox");
        await Assertions.Expect(inbox.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.Locator("[data-testid='inbox']")).ToContainTextAsync("Noor Mansour");
        var row = inbox.Locator("[data-testid='inbox'] tr", new() { HasText = "Noor Mansour" });
        await row.Locator("[data-testid='inbox-receive']").ClickAsync();
        await Assertions.Expect(inbox.Locator("[data-testid='inbox-message']")).ToHaveTextAsync("Noor Mansour: received by the asylum authority.");
        await Assertions.Expect(inbox.Locator("[data-testid='inbox']")).Not.ToContainTextAsync("Noor Mansour");
    }

    [Fact]
    public async Task AnAnalyst_SeesTheListWithoutNames()
    {
        var officer = await SignInAsync("Officer", "/asylum/register");
        await Assertions.Expect(officer.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await officer.Locator("[data-testid='asylum-crossing-point']").SelectOptionAsync("HEL");
        await officer.Locator("[data-testid='asylum-name']").FillAsync("Hidden Fromanalysts");
        await officer.Locator("[data-testid='asylum-nationality']").FillAsync("AFG");
        await officer.Locator("[data-testid='asylum-submit']").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid='asylum-application']")).ToHaveCountAsync(1);

        var page = await SignInAsync("Analyst", "/asylum");
        await Assertions.Expect(page.Locator("[data-testid='asylum-list'] tbody tr", new() { HasText = "AFG" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Fromanalysts");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Asylum applications");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("not shown to analysts");
        await Assertions.Expect(page.Locator("[data-testid='asylum-list'] th", new() { HasText = "Name" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ADocumentReader_TypesTheZoneWithNoPauseBetweenKeys_AndEveryCharacterArrives()
    {
        // A keyboard-wedge reader types a passport's zone (ICAO Doc 9303 Part 4, TD3; check digits as in the check
        // tests) with no pause between keys, Enter between the lines.
        const string line1 = "P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<";
        const string line2 = "7512345672RUS8503150M3001019<<<<<<<<<<<<<<06";
        var page = await SignInAsync("Officer", "/asylum/register");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await page.Locator("[data-testid='asylum-crossing-point']").SelectOptionAsync("HEL");
        await page.GetByText("Travel document presented").ClickAsync();
        var zone = page.Locator("[data-testid='asylum-mrz']");
        await zone.FocusAsync();

        await page.Keyboard.TypeAsync(line1, new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter", new() { Delay = 0 });
        await page.Keyboard.TypeAsync(line2, new() { Delay = 0 });

        await Assertions.Expect(zone).ToHaveValueAsync(line1 + "\n" + line2);
        await page.Locator("[data-testid='asylum-submit']").ClickAsync();
        var application = page.Locator("[data-testid='asylum-application']");
        await Assertions.Expect(application).ToHaveCountAsync(1);

        // The name, nationality and document number come from the zone: all 89 characters reached the server.
        await Assertions.Expect(application).ToContainTextAsync("IVANOV PETR — received here");
    }
}
