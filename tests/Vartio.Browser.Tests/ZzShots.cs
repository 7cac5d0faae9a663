using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

public sealed class ZzShots(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Shots()
    {
        foreach (var (role, paths) in new[] { ("Admin", new[] { "/admin/users", "/admin/tokens", "/admin/audit" }), ("Officer", new[] { "/stations/VAA", "/stations/VAR" }) })
        {
            var page = await app.NewPageAsync(1280, 900);
            await page.GotoAsync("/login");
            await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf(role));
            await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf(role));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync("**/");
            foreach (var p in paths)
            {
                await page.GotoAsync(p);
                await page.WaitForTimeoutAsync(1500);
                await page.ScreenshotAsync(new() { Path = "/tmp/shot" + p.Replace('/', '_') + ".png", FullPage = true });
            }
        }
        var phone = await app.NewPageAsync(390, 800);
        await phone.GotoAsync("/login");
        await phone.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Admin"));
        await phone.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Admin"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await phone.WaitForURLAsync("**/");
        await phone.GotoAsync("/admin/users");
        await phone.WaitForTimeoutAsync(1500);
        await phone.ScreenshotAsync(new() { Path = "/tmp/shot_phone_users.png", FullPage = true });
    }
}
