using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vartio.Screening;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The watchlists page as an administrator uses it to try a name, in Chromium.</summary>
public sealed class WatchlistsPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_TriesAnIcaoSpelling_AndFindsTheCyrillicEntry_WithItsExplanation()
    {
        // ICAO Doc 9303 Part 3, Cyrillic table: Щербаков is Shcherbakov (Щ → SHCH).
        const string file = "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n" +
            "R-1,refusal-of-entry,Щербаков Алексей,,1975-03-02,RUS,,SIS alert,,\n";
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<WatchlistImporter>();
            var result = await importer.ImportAsync("browser-test", WatchlistFormat.Vartio, new MemoryStream(Encoding.UTF8.GetBytes(file)), "refusals.csv", "user:test-admin", CancellationToken.None);
            Assert.True(result.Applied);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fadmin%2Fwatchlists");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Admin"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Admin"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/watchlists");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

        await Assertions.Expect(page.Locator("[data-testid='lists']")).ToContainTextAsync("browser-test");
        await page.GetByLabel("Name, in any script and order").FillAsync("Aleksei Shcherbakov");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();

        var hits = page.Locator("[data-testid='hits']");
        await Assertions.Expect(hits).ToContainTextAsync("Щербаков Алексей");
        await Assertions.Expect(hits).ToContainTextAsync("R-1");
    }

    [Fact]
    public async Task Admin_ImportsALatin1File_AndIsToldTheLineAndPositionOfItsFirstInvalidByte_NothingApplied()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fadmin%2Fwatchlists");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Admin"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Admin"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/watchlists");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

        // Jürgen's ü written as Latin-1 (the one byte 0xFC), as a spreadsheet may save the file.
        byte[] latin1 =
        [
            .. "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n"u8.ToArray(),
            .. Encoding.Latin1.GetBytes("R-1,refusal-of-entry,Jürgen Schmidt,,1970,DEU,,,,\n"),
        ];
        await page.GetByLabel("List", new() { Exact = true }).FillAsync("browser-latin1");
        await page.Locator("input[type='file']").SetInputFilesAsync(new FilePayload { Name = "refusals.csv", MimeType = "text/csv", Buffer = latin1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        var problem = page.Locator("[data-testid='problem']");
        await Assertions.Expect(problem).ToContainTextAsync("refusals.csv cannot be imported; nothing was applied");
        await Assertions.Expect(problem).ToContainTextAsync("Line 2, position 23 (name): the file is not UTF-8: byte 0xFC");
        await Assertions.Expect(page.Locator("[data-testid='lists']")).Not.ToContainTextAsync("browser-latin1");
    }
}
