using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The application on a loopback port, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : SqliteApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    protected override bool RealSocket => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Browser tests need Chromium at {ChromiumPath} (Debian package chromium).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason);
            }

            BrowserUnavailable = reason;
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public string? BrowserUnavailable { get; private set; }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Assert.SkipWhen(BrowserUnavailable is not null, BrowserUnavailable ?? "");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    private readonly Dictionary<string, string> signedIn = new(StringComparer.Ordinal);

    /// <summary>A page signed in as the test user of a role, through the real sign-in form (once per role).</summary>
    public async Task<IPage> SignedInPageAsync(string role, int width = 1280, int height = 900)
    {
        Assert.SkipWhen(BrowserUnavailable is not null, BrowserUnavailable ?? "");
        if (!signedIn.TryGetValue(role, out var state))
        {
            var page = await NewPageAsync(width, height);
            await page.GotoAsync("/login");
            await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf(role));
            await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf(role));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
            state = await page.Context.StorageStateAsync();
            signedIn[role] = state;
            await page.Context.CloseAsync();
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = state,
        });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
