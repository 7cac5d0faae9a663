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
