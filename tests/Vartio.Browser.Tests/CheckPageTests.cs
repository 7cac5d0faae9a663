using System.Text;
using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The check screen as an officer at a booth uses it, in Chromium, from the keyboard only.</summary>
public sealed class CheckPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A Russian passport (zone written with ICAO Doc 9303 Part 3 §4.9's check digits); Russia needs a visa.</summary>
    private const string Line1 = "P<RUSIVANOV<<PETR<<<<<<<<<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "7512345672RUS8503150M3001019<<<<<<<<<<<<<<06";

    [Fact]
    public async Task Officer_ReadsAZoneAtReaderSpeed_ChecksAndRefuses_AndPrintsTheFormOnOnePage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fchecks");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Officer"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Officer"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/checks");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

        // Vaalimaa is closed; the officer works at Helsinki Airport today.
        await page.Locator("[data-testid='check-crossing-point']").SelectOptionAsync("HEL");

        // A keyboard-wedge document reader types the zone with no pause between keys, Enter between the lines.
        var zone = page.Locator("[data-testid='check-mrz']");
        await zone.FocusAsync();
        await page.Keyboard.TypeAsync(Line1, new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(Line2, new() { Delay = 0 });
        await Assertions.Expect(zone).ToHaveValueAsync(Line1 + "\n" + Line2);
        await Assertions.Expect(page.Locator("[data-testid='check-mrz-status']")).ToHaveTextAsync("2 lines read (44 + 44 characters). TD3: valid.");

        // Ctrl+Enter checks; no visa: the proposal is refusal on C (Regulation (EU) 2018/1806, Annex I).
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid='check-proposal']")).ToHaveTextAsync("refuse");
        await Assertions.Expect(page.Locator("[data-testid='check-result']")).ToContainTextAsync("(C)");

        // The confirm button has the focus: Enter confirms the proposal.
        await Assertions.Expect(page.Locator("[data-testid='check-confirm']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='check-decided']")).ToContainTextAsync("refuse");
        await Assertions.Expect(page.Locator("[data-testid='check-recent']")).ToContainTextAsync("IVANOV PETR");

        var form = await page.Locator("[data-testid='check-refusal-form']").GetAttributeAsync("href");
        await page.GotoAsync(form!);
        await Assertions.Expect(page.Locator("[data-testid='refusal-reason-C']")).ToContainTextAsync("Applies:");
        await Assertions.Expect(page.Locator("[data-testid='refusal-reason-A']")).ToContainTextAsync("Does not apply:");
        await Assertions.Expect(page.Locator("[data-testid='refusal-document']")).ToHaveTextAsync("751234567");

        // Printed (A4, the print stylesheet): one page.
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        var pages = CountPages(pdf);
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task Officer_TypesTheFieldsOfADocumentWithoutAZone_AndAdmitsAFinnishCitizen()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fchecks");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Officer"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Officer"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/checks");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await page.Locator("[data-testid='check-crossing-point']").SelectOptionAsync("HEL");

        await page.Locator("[data-testid='check-no-zone'] summary").ClickAsync();
        await page.Locator("[data-testid='check-field-state']").FillAsync("FIN");
        await page.Locator("[data-testid='check-field-number']").FillAsync("XZ9876543");
        await page.Locator("[data-testid='check-field-surname']").FillAsync("Korhonen");
        await page.Locator("[data-testid='check-field-given']").FillAsync("Aino");
        await page.Locator("[data-testid='check-field-nationality']").FillAsync("FIN");
        await page.Locator("[data-testid='check-field-birth']").FillAsync("1991-06-30");
        await page.Locator("[data-testid='check-field-expiry']").FillAsync("2030-06-30");
        await page.Locator("[data-testid='check-submit']").ClickAsync();

        // A Finnish citizen gets the minimum check (Regulation (EU) 2016/399, Art. 8(2)).
        await Assertions.Expect(page.Locator("[data-testid='check-proposal']")).ToHaveTextAsync("admit");
        await page.Locator("[data-testid='check-confirm']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='check-decided']")).ToContainTextAsync("admit");
    }

    /// <summary>Pages of a PDF: its page objects (<c>/Type /Page</c>, not <c>/Pages</c>).</summary>
    private static int CountPages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var at = text.IndexOf("/Type /Page", StringComparison.Ordinal); at >= 0; at = text.IndexOf("/Type /Page", at + 1, StringComparison.Ordinal))
        {
            if (at + 11 >= text.Length || text[at + 11] != 's')
            {
                count++;
            }
        }

        return count;
    }
}
