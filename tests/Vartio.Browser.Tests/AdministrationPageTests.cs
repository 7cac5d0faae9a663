using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The administration pages as an administrator uses them, in Chromium.</summary>
public sealed class AdministrationPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignInAsync(string returnUrl)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Admin"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Admin"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl);
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        return page;
    }

    [Fact]
    public async Task Admin_AddsAnOfficer_SeesThePasswordOnce_ThenDisablesThem()
    {
        var page = await SignInAsync("/admin/users");
        await page.GetByLabel("User name").FillAsync("nieminen");
        await page.GetByLabel("Crossing points (Officer, StationHead)").FillAsync("NII");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid='secret']")).ToContainTextAsync("Password of nieminen");
        var row = page.Locator("tr[data-user='nieminen']");
        await Assertions.Expect(row).ToContainTextAsync("Officer");
        await Assertions.Expect(row).ToContainTextAsync("NII");
        await Assertions.Expect(row).ToContainTextAsync("active");

        // Disabling asks first; cancelling changes nothing.
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Disable nieminen?");
        await page.ExpectAccessibleAsync("confirming a disable");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("disabled");
        await Assertions.Expect(page.Locator("[data-testid='secret']")).ToHaveCountAsync(0);

        // The change is in the audit log, with the administrator as its actor.
        await page.GotoAsync("/admin/audit?subject=user:nieminen");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("user.disabled");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("user:" + VartioApp.UserOf("Admin"));
    }

    [Fact]
    public async Task Admin_CreatesAToken_SeesItOnce_AndRevokesIt()
    {
        var page = await SignInAsync("/admin/tokens");
        await page.GetByLabel("Name (what it is for)").FillAsync("niirala-kiosk");
        await page.GetByLabel("Crossing points").FillAsync("NII");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid='secret'] code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^vartio_[0-9a-f]{32}_"));
        var row = page.Locator("tr[data-token='niirala-kiosk']");
        await Assertions.Expect(row).ToContainTextAsync("active");

        // Created at the fixed "now", 15 January 2026 10:00 UTC, shown in Helsinki time as every time on the pages.
        await Assertions.Expect(row).ToContainTextAsync("2026-01-15 12:00 (UTC+02)");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("active");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked");
    }
}
