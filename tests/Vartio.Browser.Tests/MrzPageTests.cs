using Microsoft.Playwright;
using Vartio.Tests.Infrastructure;

namespace Vartio.Browser.Tests;

/// <summary>The zone page as an officer uses it, in Chromium: the zone is read as it is typed.</summary>
public sealed class MrzPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // ICAO Doc 9303 Part 4's specimen passport.
    private const string SpecimenLine1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string SpecimenLine2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task Officer_TypesALetterInADate_SeesTheCorrectedCharacterMarked()
    {
        var page = await SignedInOnTheMrzPageAsync();

        // ICAO Doc 9303 Part 4's specimen passport, with O read for the 0 of the birth date (line 2 position 16).
        await page.Locator("[data-testid='mrz-input']").FillAsync($"{SpecimenLine1}\nL898902C36UTO74O8122F1204159ZE184226B<<<<<10");

        await Assertions.Expect(page.Locator(".mrz-verdict")).ToHaveTextAsync("TD3: valid, after correction");
        var corrected = page.Locator(".mrz-corrected");
        await Assertions.Expect(corrected).ToHaveCountAsync(1);
        await Assertions.Expect(corrected).ToHaveAttributeAsync("title", "read 'O', corrected to '0' (dateOfBirth)");
        await Assertions.Expect(page.Locator(".mrz-expired")).ToHaveTextAsync("Expired: the document expired on 2012-04-15.");
    }

    [Fact]
    public async Task Officer_TypesAMisreadDocumentNumber_SeesTheReadingToCompareNotACorrection()
    {
        var page = await SignedInOnTheMrzPageAsync();

        // The specimen with O read for the 0 of the document number: a number holds letters and digits, so
        // the check digits cannot decide; the printed number is offered for comparison, nothing is corrected.
        await page.Locator("[data-testid='mrz-input']").FillAsync($"{SpecimenLine1}\nL8989O2C36UTO7408122F1204159ZE184226B<<<<<10");

        await Assertions.Expect(page.Locator(".mrz-verdict")).ToHaveTextAsync("TD3: not valid, 2 problems");
        await Assertions.Expect(page.Locator(".mrz-corrected")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mrz-candidate")).ToHaveTextAsync("L898902C3");
    }

    [Fact]
    public async Task DocumentReaderWedge_TypesAZoneWithNoDelay_EveryCharacterArrivesAndTheZoneIsRead()
    {
        var page = await SignedInOnTheMrzPageAsync();
        var input = page.Locator("[data-testid='mrz-input']");
        await input.FocusAsync();

        // A document reader's keyboard wedge types the zone as keystrokes with no pause between keys, Enter
        // ending each line. ICAO Doc 9303 Part 4's specimen passport: 2 lines of 44 characters.
        await page.Keyboard.TypeAsync(SpecimenLine1, new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter", new() { Delay = 0 });
        await page.Keyboard.TypeAsync(SpecimenLine2, new() { Delay = 0 });

        await Assertions.Expect(page.Locator(".mrz-verdict")).ToHaveTextAsync("TD3: valid");
        Assert.Equal($"{SpecimenLine1}\n{SpecimenLine2}", await input.InputValueAsync());
        await Assertions.Expect(page.Locator(".mrz-char")).ToHaveCountAsync(88);
        await Assertions.Expect(page.Locator(".mrz-fields")).ToContainTextAsync("L898902C3");
    }

    [Fact]
    public async Task Officer_TypesAWrongCheckDigit_SeesItMarkedFaulty()
    {
        var page = await SignedInOnTheMrzPageAsync();

        await page.Locator("[data-testid='mrz-input']").FillAsync(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204158ZE184226B<<<<<10");

        await Assertions.Expect(page.Locator(".mrz-verdict")).ToHaveTextAsync("TD3: not valid, 2 problems");
        await Assertions.Expect(page.Locator(".mrz-fault")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".mrz-problems li")).ToHaveCountAsync(2);
    }

    private async Task<IPage> SignedInOnTheMrzPageAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fdocuments%2Fmrz");
        await page.Locator("input[name='userName']").FillAsync(VartioApp.UserOf("Officer"));
        await page.Locator("input[name='password']").FillAsync(VartioApp.PasswordOf("Officer"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/mrz");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='mrz-input']")).ToBeEnabledAsync();
        return page;
    }
}
